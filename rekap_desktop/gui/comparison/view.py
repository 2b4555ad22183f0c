"""Painting the comparison: each cell shows its number with a SYMBOL and a short TEXT for its
status (never colour alone), and a mark for the rule findings and likely misreads on it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

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

Index = QModelIndex | QPersistentModelIndex


def cell_marks(cell: Cell) -> str:
    """Text after the number: status symbol and word, then ✖ errors, ⚠ warnings and misreads."""
    symbol, word = STATUS_MARKS[cell.status]
    if cell.source == PLENO:
        symbol, word = ("★", "ditetapkan") if cell.value is not None else ("", "")
    parts = [f"{symbol} {word}".strip()]
    if cell.errors:
        parts.append("✖ " + ",".join(f.code for f in cell.errors))
    if cell.warnings:
        parts.append("⚠ " + ",".join(f.code for f in cell.warnings))
    if cell.misreads:
        parts.append("⚠ salah baca?")
    return "  ".join(p for p in parts if p)


class ComparisonDelegate(QStyledItemDelegate):
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
            font.setBold(False)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(font)
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, cell_marks(cell)
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
