"""Table model of one contest's recapitulation: units × choices (a legislative contest: units by
dapil × parties), with the JUMLAH row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rekap_desktop.domain.election import Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import (
    INVALID,
    TOTAL,
    VALID,
    Tally,
    party_totals,
    sum_tallies,
    vote_key,
    vote_keys,
)
from rekap_desktop.text.numbers import format_number, format_percent

AnyIndex = QModelIndex | QPersistentModelIndex
NUMERIC_FROM = 2
"""Columns from here on hold numbers (TPS, votes …) and align right."""


@dataclass(frozen=True)
class RecapTable:
    """Plain rows to paint: header labels, then cells as text or numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | int | None, ...], ...]
    bold_rows: frozenset[int] = frozenset()
    """Rows shown bold besides the last two (JUMLAH, %): the subtotal of each dapil."""

    @staticmethod
    def from_recap(recap: Recap) -> RecapTable:
        if recap.contest.is_party_list:
            return RecapTable.from_legislative_recap(recap)
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

    @staticmethod
    def from_legislative_recap(recap: Recap) -> RecapTable:
        return _legislative(recap)


def _legislative(recap: Recap) -> RecapTable:
    """A legislative contest: kecamatan grouped by dapil, each party's total (party-only votes
    plus its candidates' votes) per kecamatan, a subtotal per dapil, then JUMLAH and shares."""
    contest = recap.contest
    headers = (
        "Kode",
        "Kecamatan / dapil",
        "TPS",
        *(f"{p.number}.\n{_two_lines(p.name)}" for p in contest.parties),
        "Suara sah",
        "Tidak sah",
        "Jumlah",
    )

    def cells(tally: Tally, district: str | None) -> tuple[int | None, ...]:
        recorded = any(tally.value(k) is not None for k in vote_keys(contest, district))
        totals = party_totals(contest, tally, district)
        parties = tuple(totals[p.number] if recorded else None for p in contest.parties)
        return (*parties, *(tally.value(k) for k in (VALID, INVALID, TOTAL)))

    rows: list[tuple[str | int | None, ...]] = []
    bold: set[int] = set()
    by_code = {unit.code: (unit, tally) for unit, tally in recap.units}
    placed: set[str] = set()
    groups: list[tuple[str | None, list[tuple[Unit, Tally]]]] = []
    for district in contest.districts:
        members = [
            by_code[c] for c in by_code if contest.district_of(c) is district and c not in placed
        ]
        placed.update(u.code for u, _ in members)
        groups.append((district.code, members))
    rest = [(u, t) for u, t in recap.units if u.code not in placed]
    if rest:
        groups.append((None, rest))
    for code, members in groups:
        for unit, tally in members:
            rows.append((unit.code, unit.name, unit.tps_count, *cells(tally, code)))
        if code is not None:
            found = contest.district(code)
            seats = f" ({found.seats} kursi)" if found else ""
            subtotal = sum_tallies(t for _, t in members)
            tps = sum(u.tps_count or 0 for u, _ in members) or None
            bold.add(len(rows))
            rows.append(("", f"JUMLAH DAPIL {code}{seats}", tps, *cells(subtotal, None)))
    tps = sum(u.tps_count or 0 for u, _ in recap.units) or None
    total = cells(recap.total, None)
    rows.append(("", "JUMLAH", tps, *total))
    valid = recap.total.value(VALID) or sum(v or 0 for v in total[: len(contest.parties)])
    shares = tuple(
        format_percent(100 * (v or 0) / valid, 2) if valid else ""
        for v in total[: len(contest.parties)]
    )
    rows.append(("", "% SUARA SAH", "", *shares, "", "", ""))
    return RecapTable(headers, tuple(rows), frozenset(bold))


def _two_lines(name: str) -> str:
    """A party name over two lines, so eighteen party columns fit the recapitulation."""
    words = name.split()
    if len(words) < 2:
        return name
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(name) / 2))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


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
        is_total = self._is_total(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= NUMERIC_FROM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def column_cells(self, column: int) -> list[tuple[str, bool]]:
        """Each row's text in ``column`` as shown, and whether it is shown bold (a total): what
        fitting the columns measures, read without a model index per cell."""
        return [(self._text(row, column), self._is_total(row)) for row in range(self.rowCount())]

    def _text(self, row: int, column: int) -> str:
        value = self._table.rows[row][column]
        return value if isinstance(value, str) else format_number(value)

    def _is_total(self, row: int) -> bool:
        return row >= len(self._table.rows) - 2 or row in self._table.bold_rows
