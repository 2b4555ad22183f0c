"""Painting the comparison: each cell shows its number with a SYMBOL and a short TEXT for its
status (never colour alone), and a mark for the rule findings and likely misreads on it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from rekap_desktop.domain.comparison import Cell, CellStatus, ComparisonRow, RowState
from rekap_desktop.domain.sources import PLENO
from rekap_desktop.gui.comparison.model import CELL_ROW_MARGIN, ComparisonModel, is_party_row
from rekap_desktop.gui.error_path import report_current_error
from rekap_desktop.text.numbers import format_number

STATUS_MARKS: dict[CellStatus, tuple[str, str]] = {
    CellStatus.REFERENCE: ("◆", "acuan"),
    CellStatus.AGREES: ("✓", "sama"),
    CellStatus.DIFFERS: ("≠", "beda"),
    CellStatus.MISSING: ("–", "tidak ada"),
    CellStatus.NO_REFERENCE: ("?", "tanpa acuan"),
}
ROW_MARKS: dict[RowState, tuple[str, str]] = {
    RowState.AGREES: ("✓", "sesuai"),
    RowState.DIFFERS: ("≠", "SELISIH"),
    RowState.SETTLED: ("★", "ditetapkan"),
    RowState.NO_REFERENCE: ("?", "PPK kosong"),
    RowState.UNRECORDED: ("–", "belum ada"),
}
TINTS: dict[CellStatus, QColor] = {
    CellStatus.DIFFERS: QColor(255, 221, 214),
    CellStatus.NO_REFERENCE: QColor(255, 240, 200),
    CellStatus.REFERENCE: QColor(232, 238, 250),
}
SETTLED_TINT = QColor(222, 245, 225)
MARKS_SCALE = 0.85
GRID_LINE = 1
"""A cell is painted one pixel narrower than its column: the grid line takes the last."""
"""The marks after a number are drawn this much smaller than the number."""

Index = QModelIndex | QPersistentModelIndex


def cell_marks(cell: Cell, compact: bool = False) -> str:
    """Text after the number: status symbol and word, then ✖ errors, ⚠ warnings and misreads.
    ``compact``: the symbols alone (a narrow column); the tooltip still names every finding."""
    symbol, word = STATUS_MARKS[cell.status]
    if cell.source == PLENO:
        symbol, word = ("★", "ditetapkan") if cell.value is not None else ("", "")
    if compact:
        marks = [symbol, "✖" if cell.errors else "", "⚠" if cell.warnings or cell.misreads else ""]
        return " ".join(m for m in marks if m)
    parts = [f"{symbol} {word}".strip()]
    if cell.errors:
        parts.append("✖ " + ",".join(f.code for f in cell.errors))
    if cell.warnings:
        parts.append("⚠ " + ",".join(f.code for f in cell.warnings))
    if cell.misreads:
        parts.append("⚠ salah baca?")
    return "  ".join(p for p in parts if p)


class CellMeasure:
    """Pixels a cell needs as the delegate paints it: its number (bold when it differs), a gap,
    its marks at ``MARKS_SCALE`` size, and the margins. Built once per font."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * MARKS_SCALE)
        self.normal, self.bold, self.small = (QFontMetrics(f) for f in (font, bold, small))

    def width(self, cell: Cell, compact: bool) -> int:
        numbers = self.bold if cell.status is CellStatus.DIFFERS else self.normal
        number = numbers.horizontalAdvance(format_number(cell.value, ""))
        marks = self.small.horizontalAdvance(cell_marks(cell, compact))
        return number + marks + (3 if compact else 4) * CELL_ROW_MARGIN + GRID_LINE


class ComparisonDelegate(QStyledItemDelegate):
    _measure: CellMeasure | None = None

    def measure(self, font: QFont) -> CellMeasure:
        if self._measure is None or self._measure.font != font:
            self._measure = CellMeasure(font)
        return self._measure

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """One cell; a cell that fails to paint stays empty and its error goes to the one
        error path (the grid, and the window, go on)."""
        try:
            self._paint_cell(painter, option, index)
        except Exception:
            report_current_error()

    def _paint_cell(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell, row = _cell_and_row(index)
        painter.save()
        painter.setFont(option.font)
        rect: QRect = option.rect
        tint = self._tint(cell, row)
        if tint is not None:
            painter.fillRect(rect, tint)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight().color().lighter(160))
        inner = rect.adjusted(CELL_ROW_MARGIN, 0, -CELL_ROW_MARGIN, 0)
        painter.setPen(option.palette.text().color())
        if cell is None:
            symbol, word = ROW_MARKS[row.state]
            if is_party_row(row):
                bold = painter.font()
                bold.setBold(True)
                painter.setFont(bold)
            if self._narrow() and row.state is RowState.AGREES:
                word = ""  # the ✓ before the label says it; the label needs the room
            room = inner.width() - painter.fontMetrics().horizontalAdvance(word) - CELL_ROW_MARGIN
            label = painter.fontMetrics().elidedText(
                f"{symbol} {_label(index)}", Qt.TextElideMode.ElideRight, room
            )
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter, label)
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, word
            )
        else:
            number = format_number(cell.value, "")
            font = painter.font()
            font.setBold(cell.status is CellStatus.DIFFERS)
            painter.setFont(font)
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, number
            )
            compact = index.column() in self._compact_columns() or (
                self.measure(option.font).width(cell, False) > rect.width() + GRID_LINE
            )
            font.setBold(False)
            font.setPointSizeF(font.pointSizeF() * MARKS_SCALE)
            painter.setFont(font)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                cell_marks(cell, compact),
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        cell, row = _cell_and_row(index)
        metrics = QFontMetrics(option.font)
        if cell is None:
            text = f"✓ {_label(index)}    {ROW_MARKS[row.state][1]}"
        else:
            text = f"{format_number(cell.value, '')}    {cell_marks(cell)}"
        return QSize(metrics.horizontalAdvance(text) + 3 * CELL_ROW_MARGIN, metrics.height() + 8)

    def _compact_columns(self) -> frozenset[int]:
        view = self.parent()
        return view.compact_columns if isinstance(view, ComparisonTable) else frozenset()

    def _narrow(self) -> bool:
        """The label column is at its least width: the sources took the rest."""
        return bool(self._compact_columns())

    @staticmethod
    def _tint(cell: Cell | None, row: ComparisonRow) -> QColor | None:
        if cell is None:
            return SETTLED_TINT if row.state is RowState.SETTLED else None
        if cell.source == PLENO and cell.value is not None:
            return SETTLED_TINT
        return TINTS.get(cell.status)


def _cell_and_row(index: Index) -> tuple[Cell | None, ComparisonRow]:
    model = index.model()
    assert isinstance(model, ComparisonModel)
    return model.cell_at(index), model.row_at(index)


def _label(index: Index) -> str:
    model = index.model()
    assert isinstance(model, ComparisonModel)
    return model.label_at(index)


LABEL_MIN = 160
"""The narrowest the label column gets before the source columns lose their words."""
HEADER_PADDING = 12


class ComparisonTable(QTableView):
    """The comparison grid, fitted to its width: every source column stays on screen. The label
    column takes what the source columns leave (at least ``LABEL_MIN``); when even that does not
    fit, the source columns show their marks as symbols only. A horizontal scroll bar appears
    only when the columns cannot be narrowed any further."""

    compact_columns: frozenset[int] = frozenset()
    """Source columns too narrow for the words: their marks are drawn as symbols only."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        if not isinstance(model, ComparisonModel) or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        room = self.viewport().width()
        full, compact = self._column_widths(model)
        label_room = room - sum(full)
        if label_room >= LABEL_MIN:
            widths = full
            label = label_room
            self.compact_columns = frozenset()
        else:
            label = LABEL_MIN
            spare = max(room - label - sum(compact), 0)
            wanted = [f - c for f, c in zip(full, compact, strict=True)]
            total = sum(wanted) or 1
            widths = [c + spare * w // total for c, w in zip(compact, wanted, strict=True)]
            self.compact_columns = frozenset(
                column
                for column, (width, needed) in enumerate(zip(widths, full, strict=True), start=1)
                if width < needed
            )
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(0, max(label, LABEL_MIN))
        for column, width in enumerate(widths, start=1):
            header.resizeSection(column, width)

    _measured: tuple[object, str, tuple[list[int], list[int]]] | None = None
    """The rows and font last measured, and their widths: a resize does not measure again."""

    def _column_widths(self, model: ComparisonModel) -> tuple[list[int], list[int]]:
        """(full, compact) widths of each source column: its cells and its heading's lines."""
        if self._measured is not None:
            rows, font, widths = self._measured
            if rows is model.rows and font == self.font().key():
                return widths
        widths = self._measure_columns(model)
        self._measured = (model.rows, self.font().key(), widths)
        return widths

    def _measure_columns(self, model: ComparisonModel) -> tuple[list[int], list[int]]:
        measure = CellMeasure(self.font())
        heading = QFontMetrics(self.horizontalHeader().font())
        full: list[int] = []
        compact: list[int] = []
        for column in range(1, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            least = max(heading.horizontalAdvance(line) for line in title.split("\n"))
            least += HEADER_PADDING
            widest, narrowest = least, least
            seen: set[tuple[int | None, CellStatus, str]] = set()
            for row in model.rows:
                cell = row.cells[column - 1]
                marks = cell_marks(cell)
                if (cell.value, cell.status, marks) in seen:
                    continue  # most cells repeat a number and a mark already measured
                seen.add((cell.value, cell.status, marks))
                widest = max(widest, measure.width(cell, False))
                narrowest = max(narrowest, measure.width(cell, True))
            full.append(widest)
            compact.append(narrowest)
        return full, compact
