"""Painting helpers shared by every scene: sizes proportional to the screen, fitted text, banner.

Every size is a fraction of the canvas height, so the preview is the live screen scaled down.
Body text never goes below 1/30 of the height (legible from the back of a hall).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, cast

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QRegion

from rekap_desktop.gui.projector.scenes import Banner, BannerState

MIN_TEXT_FRACTION = 1 / 30
LINE_SPACING = 1.25
"""Row height as a multiple of the font's pixel size."""
BANNER_FRACTION = 0.06
HEADING_FRACTION = 0.115
FOOTER_FRACTION = 0.05
NOTICE_FRACTION = 0.07
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
    """The projector's font at ``px`` (a shared object: copy it before changing it)."""
    return _font(max(1, round(px)), bold)


@lru_cache(maxsize=128)
def _font(px: int, bold: bool) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(px)
    result.setBold(bold)
    return result


def text_width(text: str, px: float, bold: bool = False) -> float:
    """Width of ``text`` at ``px`` (measured once at a large size, then scaled)."""
    return _advance(text, bold) * px / _MEASURE_PX


@lru_cache(maxsize=4096)
def _advance(text: str, bold: bool) -> float:
    # The same labels and numbers are measured at every repaint: once is enough.
    return _metrics(bold).horizontalAdvance(text)


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(font(_MEASURE_PX, bold))


@lru_cache(maxsize=1024)
def elided(text: str, px: int, bold: bool, width: int) -> str:
    """``text`` cut with "…" to fit ``width`` pixels at ``px``."""
    return QFontMetrics(_font(px, bold)).elidedText(text, Qt.TextElideMode.ElideRight, width)


def forget_measurements() -> None:
    """Drop remembered fonts and widths (after application fonts were registered)."""
    for cached in (_font, _advance, _metrics, elided):
        cached.cache_clear()


def fit_px(texts: list[str], width: float, cap_px: float, bold: bool = False) -> float:
    """The largest size ≤ ``cap_px`` at which every text fits in ``width``."""
    widest = max((text_width(t, _MEASURE_PX, bold) for t in texts), default=0.0)
    if widest <= 0:
        return cap_px
    return min(cap_px, width * _MEASURE_PX / widest)


class Fill(NamedTuple):
    rect: tuple[float, float, float, float]
    rgba: int


class Text(NamedTuple):
    rect: tuple[float, float, float, float]
    text: str
    px: int
    bold: bool
    rgba: int
    flags: int


class Line(NamedTuple):
    ends: tuple[int, int, int, int]
    rgba: int
    width: float


class Step(NamedTuple):
    """One drawing step of a frame as plain values; two frames compare step by step."""

    top: float
    bottom: float
    """From where to where the step may put pixels."""
    what: Fill | Text | Line


WRAPPED = int(Align.AlignLeft | Align.AlignTop | Qt.TextFlag.TextWordWrap)


class Canvas:
    """A painter on a rectangle, recording every text it draws (tests and checks read them) and
    every drawing step as plain values (``steps``: two frames compare step by step, and a frame
    recorded once can be drawn again with ``replay``).

    Without a painter nothing is drawn: a dry run that only records. With ``exposed``, only the
    steps that can touch that region are drawn (Qt clips to it anyway); all are recorded.
    """

    def __init__(
        self,
        painter: QPainter | None,
        rect: QRectF,
        palette: Palette,
        exposed: QRegion | None = None,
    ) -> None:
        self._painter = painter
        self.rect = rect
        self.palette = palette
        self.texts: list[str] = []
        self.steps: list[Step] = []
        self.height = rect.height()
        self.width = rect.width()
        self.margin = self.height * MARGIN_FRACTION
        self.min_px = self.height * MIN_TEXT_FRACTION
        self._exposed = exposed
        self._font: tuple[int, bool] | None = None
        self._pen: int | None = None

    @property
    def painter(self) -> QPainter:
        """For scenes that draw more than texts, fills and lines (never in a dry run)."""
        if self._painter is None:
            raise RuntimeError("a dry run of the canvas has no painter")
        return self._painter

    def replay(self, steps: list[Step]) -> None:
        """Draw the steps of a frame recorded before (those reaching the exposed region)."""
        for step in steps:
            if self._reaches_exposed(step):
                self._draw(step.what)

    def _add(self, step: Step) -> None:
        self.steps.append(step)
        if self._painter is not None and self._reaches_exposed(step):
            self._draw(step.what)

    def _reaches_exposed(self, step: Step) -> bool:
        if self._exposed is None:
            return True
        top = math.floor(step.top)
        left = math.floor(self.rect.left())
        band = QRect(left, top, math.ceil(self.width) + 1, math.ceil(step.bottom) - top + 1)
        return self._exposed.intersects(band)

    def _draw(self, what: Fill | Text | Line) -> None:
        painter = self.painter
        if isinstance(what, Text):
            if self._font != (what.px, what.bold):
                self._font = (what.px, what.bold)
                painter.setFont(font(what.px, what.bold))
            if self._pen != what.rgba:
                self._pen = what.rgba
                painter.setPen(QColor.fromRgba(what.rgba))
            painter.drawText(QRectF(*what.rect), what.flags, what.text)
        elif isinstance(what, Fill):
            painter.fillRect(QRectF(*what.rect), QColor.fromRgba(what.rgba))
        else:
            self._pen = None
            pen = painter.pen()
            pen.setColor(QColor.fromRgba(what.rgba))
            pen.setWidthF(what.width)
            painter.setPen(pen)
            painter.drawLine(*what.ends)

    def fill(self, rect: QRectF, colour: QColor) -> None:
        top, bottom = reach(rect, 0.0)
        self._add(Step(top, bottom, Fill(_box(rect), colour.rgba())))

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
        x, y, w, h = box = _box(rect)
        size = max(1, round(px))
        shown = elided(text, size, bold, int(w)) if elide else text
        self.texts.append(shown)
        spill = _spill(px, h)
        what = Text(box, shown, size, bold, colour.rgba(), int(align))
        self._add(Step(y - spill, y + h + spill, what))

    def wrapped(self, rect: QRectF, text: str, px: float, colour: QColor) -> None:
        """Word-wrapped text, shrunk (not below the minimum) until it fits ``rect``."""
        while px > self.min_px:
            bounds = QFontMetricsF(font(px)).boundingRect(rect, WRAPPED, text)
            if bounds.height() <= rect.height():
                break
            px = max(self.min_px, px * 0.92)
        self.texts.append(text)
        top, bottom = reach(rect, px)
        size = max(1, round(px))
        self._add(Step(top, bottom, Text(_box(rect), text, size, False, colour.rgba(), WRAPPED)))

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: QColor) -> None:
        width = max(1.0, self.height / 540)
        ends = (round(x1), round(y1), round(x2), round(y2))
        top, bottom = min(ends[1], ends[3]) - width - 1.0, max(ends[1], ends[3]) + width + 1.0
        self._add(Step(top, bottom, Line(ends, colour.rgba(), width)))

    # -- parts of every scene ----------------------------------------------------------------

    def banner(self, banner: BannerState) -> QRectF:
        """Paint the banner strip at the top; returns the area left below it."""
        strip = QRectF(self.rect.left(), self.rect.top(), self.width, self.height * BANNER_FRACTION)
        back, front = self.palette.banners[banner.kind]
        self.fill(strip, back)
        inner = strip.adjusted(self.margin, 0, -self.margin, 0)
        label, note = banner.label, f"— {banner.note}"
        # The whole line when it fits at a moderately smaller size; else the note is cut.
        whole = inner.width() * 100 / (text_width(label + "   ", 100, True) + text_width(note, 100))
        px = max(self.height * 0.03, min(self.height * 0.036, whole))
        self.text(inner, label, px, front, bold=True)
        note_rect = inner.adjusted(text_width(label + "   ", px, True), 0, 0, 0)
        self.text(note_rect, note, px, front, elide=True)
        return QRectF(strip.left(), strip.bottom(), self.width, self.height - strip.height())

    def heading(
        self, area: QRectF, title: str, subtitle: str, page: str = "", hint: str = ""
    ) -> QRectF:
        """Title and subtitle at the top of ``area``, the page number and a ``hint`` (where the
        other pages need attention) at the right; returns the area below them."""
        band = QRectF(area.left(), area.top(), area.width(), self.height * HEADING_FRACTION)
        inner = band.adjusted(self.margin, self.margin * 0.4, -self.margin, 0)
        half = inner.height() / 2
        top = QRectF(inner.left(), inner.top(), inner.width(), half)
        bottom = QRectF(inner.left(), inner.top() + half, inner.width(), half)
        if hint:
            # Where the other pages need attention: on the title's line, which has room.
            hint_px = self.height * 0.036
            right = Align.AlignRight | Align.AlignVCenter
            self.text(top, hint, hint_px, self.palette.differs, right, bold=True)
            top = top.adjusted(0, 0, -text_width(hint + "   ", hint_px, True), 0)
        title_px = max(self.height * 0.038, fit_px([title], top.width(), self.height * 0.05, True))
        self.text(top, title, title_px, self.palette.accent, bold=True, elide=True)
        if page:
            page_px = self.height * 0.036
            self.text(
                bottom, page, page_px, self.palette.muted, Align.AlignRight | Align.AlignVCenter
            )
            bottom = bottom.adjusted(0, 0, -text_width(page + "  ", page_px), 0)
        self.text(bottom, subtitle, self.height * 0.04, self.palette.foreground, elide=True)
        return QRectF(area.left(), band.bottom(), area.width(), area.bottom() - band.bottom())

    def notice(self, area: QRectF, text: str) -> QRectF:
        """A warning line in bold at the top of ``area`` (e.g. SEMENTARA); returns the rest."""
        band = QRectF(area.left(), area.top(), area.width(), self.height * NOTICE_FRACTION)
        inner = band.adjusted(self.margin, 0, -self.margin, 0)
        px = fit_px([text], inner.width() * 0.97, self.height * 0.045, True)
        self.fill(band, self.palette.row_alternate)
        self.text(inner, text, px, self.palette.differs, bold=True)
        return QRectF(area.left(), band.bottom(), area.width(), area.bottom() - band.bottom())

    def footer(self, area: QRectF, note: str) -> QRectF:
        """A legend line at the bottom of ``area``; returns the area above it."""
        band_height = self.height * FOOTER_FRACTION
        band = QRectF(area.left(), area.bottom() - band_height, area.width(), band_height)
        inner = band.adjusted(self.margin, 0, -self.margin, 0)
        px = fit_px([note], inner.width() * 0.98, self.min_px)
        self.text(inner, note, px, self.palette.muted)
        return QRectF(area.left(), area.top(), area.width(), band.top() - area.top())


def reach(rect: QRectF, px: float) -> tuple[float, float]:
    """From where to where (top, bottom) a step in ``rect`` may put pixels (``px``: the size of
    its text, 0 for a fill)."""
    spill = _spill(px, rect.height())
    return rect.top() - spill, rect.bottom() + spill


def _spill(px: float, height: float) -> float:
    """How far a step may put pixels beyond its rectangle. A line of text at ``px`` is at most
    1.2 px high in DejaVu Sans (ascent + descent); aligned to one edge of a lower rectangle it
    stands out of the other edge by the difference. Added on both sides, with room to spare:
    1.5 px less the rectangle's height, a quarter of the size and 2 pixels."""
    if not px:
        return 1.0
    return max(0.0, 1.5 * px - height) + 0.25 * px + 2.0


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return cast(tuple[float, float, float, float], rect.getRect())
