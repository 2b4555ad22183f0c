"""The audit log as a thin table model: the entries held once, the filter applied as a list of
row indexes (thousands of entries stay a list of integers, no widget per row)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rekap_desktop.domain.audit_log import AuditFilter, AuditLogEntry, filtered
from rekap_desktop.domain.election import CONTEST_OFFICES, Pleno
from rekap_desktop.text.numbers import DAYS, MONTHS

HEADERS = ("Urutan", "Waktu", "Siapa", "Jenis", "Kecamatan", "Kontestasi", "Ringkasan")
URUTAN, WAKTU, SIAPA, JENIS, KECAMATAN, KONTESTASI, RINGKASAN = range(len(HEADERS))
Index = QModelIndex | QPersistentModelIndex


def shown_time(entry: AuditLogEntry) -> str:
    """The meeting's clock, the Indonesian way: "Kamis, 5 Desember 2024 21.30.15"."""
    moment = entry.moment
    if moment is None:
        return entry.at
    day = f"{DAYS[moment.weekday()]}, {moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return f"{day} {moment:%H.%M.%S}"


class AuditLogModel(QAbstractTableModel):
    def __init__(self, pleno: Pleno) -> None:
        super().__init__()
        self.pleno = pleno
        self.entries: list[AuditLogEntry] = []
        self.visible: list[int] = []
        self.keep = AuditFilter()

    @property
    def last_number(self) -> int:
        return self.entries[-1].number if self.entries else 0

    def add(self, entries: tuple[AuditLogEntry, ...]) -> None:
        """New entries at the end of the chain (what a reading after the last one found)."""
        fresh = [e for e in entries if e.number > self.last_number]
        if not fresh:
            return
        start = len(self.entries)
        self.entries.extend(fresh)
        shown = [start + i for i, e in enumerate(fresh) if self.keep.keeps(e)]
        if shown:
            first = len(self.visible)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            self.visible.extend(shown)
            self.endInsertRows()

    def set_filter(self, keep: AuditFilter) -> None:
        self.beginResetModel()
        self.keep = keep
        self.visible = filtered(self.entries, keep)
        self.endResetModel()

    def entry(self, row: int) -> AuditLogEntry:
        return self.entries[self.visible[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == RINGKASAN:
            return entry.summary
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == URUTAN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, entry: AuditLogEntry, column: int) -> str:
        if column == URUTAN:
            return str(entry.number)
        if column == WAKTU:
            return shown_time(entry)
        if column == SIAPA:
            return " / ".join(entry.people)
        if column == JENIS:
            return entry.label
        if column == KECAMATAN:
            return ", ".join(self._unit(code) for code in entry.units)
        if column == KONTESTASI:
            return ", ".join(CONTEST_OFFICES.get(c, c) for c in entry.contests)
        return entry.summary

    def _unit(self, code: str) -> str:
        unit = self.pleno.unit(code)
        return unit.name if unit else code
