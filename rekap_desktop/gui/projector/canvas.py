"""Painting helpers shared by every scene: sizes proportional to the screen, fitted text, banner.

Every size is a fraction of the canvas height, so the preview is the live screen scaled down.
Body text never goes below 1/30 of the height (legible from the back of a hall).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from rekap_desktop.gui.projector.scenes import Banner

MIN_TEXT_FRACTION = 1 / 30
LINE_SPACING = 1.25
"""Row height as a multiple of the font's pixel size."""
BANNER_FRACTION = 0.06
HEADING_FRACTION = 0.115
FOOTER_FRACTION = 0.05
MARGIN_FRACTION = 0.025
CHART_FRACTION = 0.27
"""Share of the width the recapitulation's bar chart takes when it stands beside the table."""
FONT_FAMILY = "DejaVu Sans"
_MEASURE_PX = 100

Align = Qt.AlignmentFlag


@dataclass(frozen=True)
class Palette:
    background: QColor
    foreground: QColor
    muted: QColor
    accent: QColor
    differs: QColor
    rule: QColor
    row_alternate: QColor
    row_read: QColor
    bar: QColor
    banners: dict[Banner, tuple[QColor, QColor]]
    """Per banner: (background, text)."""


def font(px: float, bold: bool = False) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(max(1, round(px)))
    result.setBold(bold)
    return result


def text_width(text: str, px: float, bold: bool = False) -> float:
    """Width of ``text`` at ``px`` (measured once at a large size, then scaled)."""
    return QFontMetricsF(font(_MEASURE_PX, bold)).horizontalAdvance(text) * px / _MEASURE_PX


def fit_px(texts: list[str], width: float, cap_px: float, bold: bool = False) -> float:
    """The largest size ≤ ``cap_px`` at which every text fits in ``width``."""
    widest = max((text_width(t, _MEASURE_PX, bold) for t in texts), default=0.0)
    if widest <= 0:
        return cap_px
    return min(cap_px, width * _MEASURE_PX / widest)


class Canvas:
    """A painter on a rectangle, recording every text it draws (tests and checks read them)."""

    def __init__(self, painter: QPainter, rect: QRectF, palette: Palette) -> None:
        self.painter = painter
        self.rect = rect
        self.palette = palette
        self.texts: list[str] = []
        self.height = rect.height()
        self.width = rect.width()
        self.margin = self.height * MARGIN_FRACTION
        self.min_px = self.height * MIN_TEXT_FRACTION
        self._font: tuple[int, bool] | None = None
        self._pen: int | None = None

    def _use(self, px: float, bold: bool, colour: QColor) -> None:
        """Set font and pen only when they change (fewer calls into Qt per frame)."""
        if self._font != (round(px), bold):
            self._font = (round(px), bold)
            self.painter.setFont(font(px, bold))
        if self._pen != colour.rgba():
            self._pen = colour.rgba()
            self.painter.setPen(colour)

    def fill(self, rect: QRectF, colour: QColor) -> None:
        self.painter.fillRect(rect, colour)

    def text(
        self,
        rect: QRectF,
        text: str,
        px: float,
        colour: QColor,
        align: Qt.AlignmentFlag = Align.AlignLeft | Align.AlignVCenter,
        bold: bool = False,
        elide: bool = False,
    ) -> None:
        self._use(px, bold, colour)
        shown = text
        if elide:
            shown = self.painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(rect.width())
            )
        self.painter.drawText(rect, int(align), shown)
        self.texts.append(shown)

    def wrapped(self, rect: QRectF, text: str, px: float, colour: QColor) -> None:
        """Word-wrapped text, shrunk (not below the minimum) until it fits ``rect``."""
        flags = int(Align.AlignLeft | Align.AlignTop | Qt.TextFlag.TextWordWrap)
        while px > self.min_px:
            bounds = QFontMetricsF(font(px)).boundingRect(rect, flags, text)
            if bounds.height() <= rect.height():
                break
            px = max(self.min_px, px * 0.92)
        self._use(px, False, colour)
        self.painter.drawText(rect, flags, text)
        self.texts.append(text)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: QColor) -> None:
        self._pen = None
        pen = self.painter.pen()
        pen.setColor(colour)
        pen.setWidthF(max(1.0, self.height / 540))
        self.painter.setPen(pen)
        self.painter.drawLine(round(x1), round(y1), round(x2), round(y2))

    # -- parts of every scene ----------------------------------------------------------------

    def banner(self, banner: Banner) -> QRectF:
        """Paint the banner strip at the top; returns the area left below it."""
        strip = QRectF(self.rect.left(), self.rect.top(), self.width, self.height * BANNER_FRACTION)
        back, front = self.palette.banners[banner]
        self.fill(strip, back)
        inner = strip.adjusted(self.margin, 0, -self.margin, 0)
        px = self.height * 0.036
        label = f"{banner.value}"
        self.text(inner, label, px, front, bold=True)
        note_rect = inner.adjusted(text_width(label + "   ", px, True), 0, 0, 0)
        self.text(note_rect, f"— {banner.note}", px, front, elide=True)
        return QRectF(strip.left(), strip.bottom(), self.width, self.height - strip.height())

    def heading(self, area: QRectF, title: str, subtitle: str, page: str = "") -> QRectF:
        """Title and subtitle at the top of ``area``; returns the area below them."""
        band = QRectF(area.left(), area.top(), area.width(), self.height * HEADING_FRACTION)
        inner = band.adjusted(self.margin, self.margin * 0.4, -self.margin, 0)
        half = inner.height() / 2
        top = QRectF(inner.left(), inner.top(), inner.width(), half)
        bottom = QRectF(inner.left(), inner.top() + half, inner.width(), half)
        self.text(top, title, self.height * 0.05, self.palette.accent, bold=True, elide=True)
        if page:
            page_px = self.height * 0.036
            self.text(
                bottom, page, page_px, self.palette.muted, Align.AlignRight | Align.AlignVCenter
            )
            bottom = bottom.adjusted(0, 0, -text_width(page + "  ", page_px), 0)
        self.text(bottom, subtitle, self.height * 0.04, self.palette.foreground, elide=True)
        return QRectF(area.left(), band.bottom(), area.width(), area.bottom() - band.bottom())

    def footer(self, area: QRectF, note: str) -> QRectF:
        """A legend line at the bottom of ``area``; returns the area above it."""
        band_height = self.height * FOOTER_FRACTION
        band = QRectF(area.left(), area.bottom() - band_height, area.width(), band_height)
        inner = band.adjusted(self.margin, 0, -self.margin, 0)
        px = fit_px([note], inner.width(), self.min_px)
        self.text(inner, note, px, self.palette.muted)
        return QRectF(area.left(), area.top(), area.width(), band.top() - area.top())
