"""Table model of one contest's recapitulation: units × choices, with the JUMLAH row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import INVALID, TOTAL, VALID, Tally, vote_key
from rekap_desktop.text.numbers import format_number, format_percent

AnyIndex = QModelIndex | QPersistentModelIndex
NUMERIC_FROM = 2
"""Columns from here on hold numbers (TPS, votes …) and align right."""


@dataclass(frozen=True)
class RecapTable:
    """Plain rows to paint: header labels, then cells as text or numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | int | None, ...], ...]

    @staticmethod
    def from_recap(recap: Recap) -> RecapTable:
        contest = recap.contest
        choice_headers = tuple(
            f"{c.number}. {c.name}" + (" (kolom kosong)" if c.blank_column else "")
            for c in contest.choices
        )
        headers = ("Kode", "Kecamatan", "TPS", *choice_headers, "Suara sah", "Tidak sah", "Jumlah")
        keys = [vote_key(c.number) for c in contest.choices] + [VALID, INVALID, TOTAL]

        def cells(tally: Tally) -> tuple[int | None, ...]:
            return tuple(tally.value(k) for k in keys)

        rows: list[tuple[str | int | None, ...]] = [
            (unit.code, unit.name, unit.tps_count, *cells(tally)) for unit, tally in recap.units
        ]
        tps = sum(u.tps_count or 0 for u, _ in recap.units) or None
        rows.append(("", "JUMLAH", tps, *cells(recap.total)))
        rows.append(("", "% SUARA SAH", "", *_shares(recap.total, keys[:-3]), "", "", ""))
        return RecapTable(headers, tuple(rows))


def _shares(total: Tally, vote_keys: list[FieldKey]) -> tuple[str, ...]:
    """Each choice's share of the valid votes, e.g. "52,07 %" (blank when nothing is recorded)."""
    valid = total.value(VALID) or sum(total.value(k) or 0 for k in vote_keys)
    if not valid:
        return tuple("" for _ in vote_keys)
    return tuple(format_percent(100 * (total.value(k) or 0) / valid, 2) for k in vote_keys)


class RecapModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._table = RecapTable((), ())

    def set_table(self, table: RecapTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._table.rows[index.row()][index.column()]
        is_total = index.row() >= len(self._table.rows) - 2
        if role == Qt.ItemDataRole.DisplayRole:
            return value if isinstance(value, str) else format_number(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= NUMERIC_FROM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None
