"""A thin table model over the domain's :class:`Comparison`: one row per form field, one column
per source after the label. It paints nothing and decides nothing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rekap_desktop.domain.comparison import Cell, Comparison, ComparisonRow
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.domain.tally import party_number
from rekap_desktop.text.numbers import format_number

CELL_ROW_MARGIN = 6
"""Pixels left and right of the text in a cell."""

Index = QModelIndex | QPersistentModelIndex


def column_title(source: Source, party_list: bool = False) -> str:
    """The column heading of a source; a saksi of a legislative contest stands for a party."""
    titles = {
        SourceKind.PPK: "D.Hasil PPK\n(acuan)",
        SourceKind.SIREKAP: "Sirekap\n(alat bantu)",
        SourceKind.BAWASLU: "Bawaslu",
        SourceKind.PLENO: "Ditetapkan\npleno",
    }
    if source.kind is SourceKind.SAKSI and party_list:
        return f"Saksi\npartai no. {source.choice}"
    return titles.get(source.kind, f"Saksi\nno. urut {source.choice}")


def short_label(contest: Contest, unit_code: str, row: ComparisonRow) -> str:
    """The label shown in the grid. A legislative form has ~200 rows whose full labels ("IV Suara
    calon nomor urut 6 partai nomor urut 1 (NAMA, L)") would be cut before the name, so its
    section IV rows read "P1 · 6. NAMA (L)"; the full label stays in the tooltip."""
    number = party_number(row.field) if contest.is_party_list else None
    party = contest.party(number) if number is not None else None
    if party is None:
        return row.label
    if row.field.startswith("jumlah_suara_partai_"):
        return f"P{party.number} JUMLAH partai + calon · {party.name}"
    if not row.field.startswith("suara_caleg_"):
        return f"P{party.number} suara partai saja · {party.name}"
    district = contest.district_of(unit_code)
    candidate_no = int(row.field.rsplit("_", 1)[1])
    candidate = next(
        (
            c
            for c in contest.candidates(party, district.code if district else None)
            if c.number == candidate_no
        ),
        None,
    )
    name = f"{candidate.name} ({candidate.sex})" if candidate and candidate.sex else ""
    name = name or (candidate.name if candidate else "")
    return f"    P{party.number} · {candidate_no}. {name}".rstrip()


def is_party_row(row: ComparisonRow) -> bool:
    """A party's own rows (party-only votes, the written total): shown as the block's heading."""
    return row.field.startswith(("suara_partai_", "jumlah_suara_partai_"))


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
        self.labels: tuple[str, ...] = ()

    def set_comparison(self, comparison: Comparison, only_differences: bool) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.rows = comparison.only_differences() if only_differences else comparison.rows
        unit = comparison.unit.code
        self.labels = tuple(short_label(comparison.contest, unit, r) for r in self.rows)
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

    def label_at(self, index: Index) -> str:
        return self.labels[index.row()]

    def cell_at(self, index: Index) -> Cell | None:
        """The domain cell of a source column; None for the label column."""
        column = index.column()
        return None if column < 1 else self.rows[index.row()].cells[column - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.labels[index.row()]
            return row.label if role == Qt.ItemDataRole.ToolTipRole else None
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
        if source is None:
            return "Rincian formulir"
        assert self.comparison is not None
        return column_title(source, self.comparison.contest.is_party_list)
