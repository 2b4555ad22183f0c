"""A bar chart of (label, value) tuples, each bar labelled with its value (1.234.567)."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from rekap_desktop.text.numbers import format_number

Bars = Sequence[tuple[str, int]]


class BarChart(pg.PlotWidget):  # type: ignore[misc]
    """Vertical bars with the value written above each one; no mouse interaction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[tuple[str, int], ...] = ()
        self._colours = (QColor("#000000"), QColor("#ffffff"), QColor("#6cb4ff"))
        self._labels: list[pg.TextItem] = []
        self._axis_style: tuple[object, ...] = ()
        self._background: QColor | None = None
        self._ranges: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._item = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.addItem(self._item)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().hideAxis("left")

    def bars(self) -> tuple[tuple[str, int], ...]:
        return self._bars

    def value_texts(self) -> list[str]:
        return [label.toPlainText() for label in self._labels]

    def set_colours(self, background: QColor, text: QColor, bar: QColor) -> None:
        if (background, text, bar) == self._colours:
            return
        self._colours = (background, text, bar)
        self._redraw()

    def set_bars(self, bars: Bars) -> None:
        """Show ``bars``; nothing is redrawn when they did not change."""
        bars = tuple(bars)
        if bars == self._bars:
            return
        self._bars = bars
        self._redraw()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if "_item" in self.__dict__:  # pyqtgraph resizes once inside its own __init__
            self._redraw()

    def _redraw(self) -> None:
        background, text, bar = self._colours
        if background != self._background:
            self._background = QColor(background)
            self.setBackground(background)
        xs = list(range(len(self._bars)))
        heights = [value for _, value in self._bars]
        self._item.setOpts(x=xs, height=heights, width=0.6, brush=bar, pen=pg.mkPen(bar))
        px = max(10, round(self.height() * 0.05))
        font = QFont("DejaVu Sans")
        font.setPixelSize(px)
        font.setBold(True)
        while len(self._labels) > len(xs):
            self.removeItem(self._labels.pop())
        while len(self._labels) < len(xs):
            label = pg.TextItem(anchor=(0.5, 1.0))
            self.addItem(label)
            self._labels.append(label)
        for label, x, value in zip(self._labels, xs, heights, strict=True):
            label.setText(format_number(value), color=text)
            if label.textItem.font() != font:
                label.setFont(font)
            label.setPos(x, value)
        self._style_axis(text, px)
        top = max(heights, default=0)
        x_range = (-0.6, max(0, len(xs) - 1) + 0.6)
        y_range = (0, top * 1.18 if top else 1)
        if (x_range, y_range) != self._ranges:  # one range update for both axes
            self._ranges = (x_range, y_range)
            self.setRange(xRange=x_range, yRange=y_range, padding=0)
        # What pyqtgraph does at the start of a paint (the view's new range, the value labels'
        # transforms), done now: done inside the paint, it asks for a second paint of the chart.
        self.scene().prepareForPaint()

    def tick_texts(self) -> list[str]:
        """The label under each bar ("No. 2"; a label that is not a number, as it is)."""
        return [f"No. {label}" if label.isdigit() else label for label, _ in self._bars]

    def _style_axis(self, text: QColor, px: int) -> None:
        ticks = list(enumerate(self.tick_texts()))
        # A label wider than its bar's share of the width would be dropped by the axis: the
        # labels get smaller instead, all alike.
        share = self.width() / max(1, len(ticks)) * 0.9
        widest = max((_bold_width(t, px) for _, t in ticks), default=0.0)
        if widest > share > 0:
            px = max(8, int(px * share / widest))
        style = (text.rgba(), px, tuple(ticks))
        if style == self._axis_style:
            return
        self._axis_style = style
        axis = self.getPlotItem().getAxis("bottom")
        font = QFont("DejaVu Sans")
        font.setPixelSize(px)
        font.setBold(True)
        axis.setTickFont(font)
        axis.setTextPen(pg.mkPen(text))
        axis.setPen(pg.mkPen(text))
        axis.setHeight(round(px * 1.8))
        axis.setTicks([ticks, []])


def _bold_width(text: str, px: int) -> float:
    font = QFont("DejaVu Sans")
    font.setPixelSize(px)
    font.setBold(True)
    return QFontMetricsF(font).horizontalAdvance(text)
