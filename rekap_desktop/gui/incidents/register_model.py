"""Thin table model over the register entries the view was given (no queries of its own)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import KIND_LABELS, STATUS_LABELS, Incident, IncidentStatus

HEADERS = ("No", "Jenis", "Kecamatan", "Pemilihan", "Diajukan oleh", "Uraian", "Asal", "Status")
STATUS_COLOURS = {
    IncidentStatus.TERBUKA: "#fde68a",
    IncidentStatus.DISELESAIKAN: "#bbf7d0",
    IncidentStatus.TIDAK_DAPAT_DISELESAIKAN: "#fecaca",
}
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class RegisterModel(QAbstractTableModel):
    def __init__(self, pleno: Pleno) -> None:
        super().__init__()
        self.pleno = pleno
        self.entries: list[Incident] = []

    def set_entries(self, entries: list[Incident]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == len(HEADERS) - 1:
            return QBrush(QColor(STATUS_COLOURS[entry.status]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return entry.description[:1000]
        return None

    def cell(self, entry: Incident, column: int) -> str:
        unit = self.pleno.unit(entry.unit or "")
        contest = self.pleno.contest(entry.contest or "")
        description = " ".join(entry.description.split())
        values = (
            str(entry.number),
            KIND_LABELS[entry.kind],
            unit.name if unit else "–",
            contest.code if contest else "–",
            entry.raised_by,
            description[:120] + ("…" if len(description) > 120 else ""),
            "Kecamatan No. " + (entry.origin_number or "?") if entry.origin_number else "Baru",
            STATUS_LABELS[entry.status],
        )
        return values[column]
