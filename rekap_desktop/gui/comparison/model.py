"""A thin table model over the domain's :class:`Comparison`: one row per form field, one column
per source after the label. It paints nothing and decides nothing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rekap_desktop.domain.comparison import Cell, Comparison, ComparisonRow
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.text.numbers import format_number

CELL_ROW_MARGIN = 6
"""Pixels left and right of the text in a cell."""

Index = QModelIndex | QPersistentModelIndex


def column_title(source: Source) -> str:
    titles = {
        SourceKind.PPK: "D.Hasil PPK\n(acuan)",
        SourceKind.SIREKAP: "Sirekap\n(alat bantu)",
        SourceKind.BAWASLU: "Bawaslu",
        SourceKind.PLENO: "Ditetapkan\npleno",
    }
    return titles.get(source.kind, f"Saksi\nno. urut {source.choice}")


def tooltip(cell: Cell) -> str:
    lines = [
        f"{'GALAT' if f in cell.errors else 'PERINGATAN'} {f.code}: {f.message}\n→ {f.advice}"
        for f in cell.findings
    ]
    lines += [m.message for m in cell.misreads]
    return "\n\n".join(lines)


class ComparisonModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.rows: tuple[ComparisonRow, ...] = ()

    def set_comparison(self, comparison: Comparison, only_differences: bool) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.rows = comparison.only_differences() if only_differences else comparison.rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.comparison is None:
            return 0
        return 1 + len(self.comparison.columns)

    def source_at(self, column: int) -> Source | None:
        if self.comparison is None or column < 1:
            return None
        return self.comparison.columns[column - 1]

    def column_of(self, source: Source) -> int:
        assert self.comparison is not None
        return 1 + self.comparison.columns.index(source)

    def row_at(self, index: Index) -> ComparisonRow:
        """The domain row of an index (read directly: domain objects never travel as QVariant)."""
        return self.rows[index.row()]

    def cell_at(self, index: Index) -> Cell | None:
        """The domain cell of a source column; None for the label column."""
        column = index.column()
        return None if column < 1 else self.rows[index.row()].cells[column - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.label if role == Qt.ItemDataRole.DisplayRole else None
        cell = row.cells[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(cell.value, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(cell) or None
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        source = self.source_at(section)
        return "Rincian formulir" if source is None else column_title(source)
