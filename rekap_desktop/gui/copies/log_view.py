"""The register's "Salinan" tab: every copy handed — which document and print version (its sidik
data), salinan ke-berapa, to whom and as what, on which medium, at which moment and when — the
log a saksi's complaint of a late or wrong copy is checked against."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Event
from rekap_desktop.domain.copies import MEDIUM_LABELS, HandedCopy, moment_text
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.text.numbers import format_number, format_stored_moment

HEADERS = (
    "Penyerahan",
    "Dokumen",
    "Versi",
    "Sidik data",
    "Salinan",
    "Penerima",
    "Sebagai",
    "Media",
    "Saat",
    "Waktu",
    "Diserahkan oleh",
)
LOG_CHANGES = frozenset({AuditEvent.COPY_HANDED, AuditEvent.PLENO_CREATED, Event.OTHER_STATION})
HINT = (
    "Serahkan salinan: Rapat → Serahkan salinan… (Ctrl+Shift+S). Cetak tanda terima dan daftar "
    "penyerahan salinan di Pusat Cetak (Ctrl+P)."
)


class CopiesLogView(QWidget):
    """Newest handing first; the register it is a tab of reads it again after each handing
    (this station's or another's, ``LOG_CHANGES``)."""

    def __init__(self, copies: CopiesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copies = copies
        self.rows: list[HandedCopy] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.refresh()

    def refresh(self) -> None:
        self.rows = list(reversed(self.copies.handed()))
        self.table.setRowCount(len(self.rows))
        for row, copy in enumerate(self.rows):
            for column, value in enumerate(self._cells(copy)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        receivers = len({(c.handing, c.receiver.key()) for c in self.rows})
        self.count_label.setText(
            f"Salinan diserahkan: {format_number(len(self.rows))} "
            f"(tanda terima: {format_number(receivers)})"
        )

    def _cells(self, copy: HandedCopy) -> tuple[str, ...]:
        return (
            str(copy.handing),
            copy.document,
            str(copy.printed.version),
            copy.printed.fingerprint,
            copy.copy_label,
            copy.receiver.name,
            self.copies.role(copy.receiver),
            MEDIUM_LABELS[copy.medium],
            moment_text(self.copies.pleno_service.pleno(), copy),
            format_stored_moment(copy.handed_at),
            copy.handed_by or "–",
        )
