"""Agenda items 12, 13 and the penetapan: the objection call, the remaining objections, signing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
)

from rekap_desktop.domain.election import contest_office
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.storage.procedure_store import Signature


class ObjectionCallPage(AgendaPage):
    """Item 12: the room is asked; "tidak ada" or the objections raised (Ctrl+S saves)."""

    editable = True

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Tanyakan kepada saksi dan Bawaslu apakah ada keberatan atas prosedur atau hasil. "
            "Simpan jawabannya dengan Ctrl+S.",
        )
        self.none_raised = QRadioButton("Tidak ada keberatan")
        self.some_raised = QRadioButton("Ada keberatan:")
        self.none_raised.setChecked(True)
        self.objections = QPlainTextEdit()
        self.state = QLabel()
        for widget in (self.none_raised, self.some_raised, self.objections, self.state):
            self.body.addWidget(widget)
        self.dirty = False
        self.some_raised.toggled.connect(self._touched)
        self.objections.textChanged.connect(self._touched)

    def _touched(self) -> None:
        self.dirty = True

    def save_pending(self) -> bool:
        return self.save() if self.dirty else True

    def refresh(self) -> None:
        call = self.ctx.records.objection_call()
        self.state.setText(
            f"Ditanyakan {call.asked_at}: "
            + ("tidak ada keberatan" if call.none_raised else call.objections)
            if call
            else "Belum ditanyakan."
        )

    def save(self) -> bool:
        none_raised = self.none_raised.isChecked()
        text = self.objections.toPlainText()
        saved = self.attempt(
            "Pertanyaan keberatan",
            lambda: self.ctx.records.record_objection_call(none_raised, text),
        )
        self.dirty = not saved
        self.refresh()
        return saved


class ResolutionPage(AgendaPage):
    """Item 13: what is still open in the register."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Selesaikan keberatan yang tersisa (mintakan pendapat Bawaslu bila saksi tetap "
            "keberatan) melalui register kejadian khusus/keberatan (tombol K).",
        )
        self.open_items = QLabel()
        self.open_items.setWordWrap(True)
        self.body.addWidget(self.open_items)
        self.body.addStretch(1)

    def refresh(self) -> None:
        entries = [
            i for i in self.ctx.pleno.incidents() if i.status == IncidentStatus.TERBUKA.value
        ]
        lines = [f"Nomor {i.number} ({i.unit or '-'}): {i.description}" for i in entries]
        self.open_items.setText(
            "Masih terbuka:\n" + "\n".join(lines) if lines else "Tidak ada yang masih terbuka."
        )


class DeterminationPage(AgendaPage):
    """Penetapan: who signs, who refuses and why; PageDown on this page determines."""

    editable = True

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Centang yang menandatangani; isi alasan bagi yang menolak. Tekan PageDown untuk "
            "menetapkan hasil (dengan konfirmasi). Setelah ditetapkan, hasil terkunci.",
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(("Nama", "Jabatan", "Tanda tangan", "Alasan menolak"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.state = QLabel()
        self.body.addWidget(self.table)
        self.body.addWidget(self.state)

    def refresh(self) -> None:
        signatories = self._signatories()
        self.table.setRowCount(len(signatories))
        for r, (name, position) in enumerate(signatories):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(position))
            sign = QTableWidgetItem("ya")
            sign.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, 2, sign)
            self.table.setItem(r, 3, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        state = self.ctx.procedure.state()
        self.state.setText("HASIL TELAH DITETAPKAN — terkunci." if state.determined else "")

    def _signatories(self) -> list[tuple[str, str]]:
        members = [(m.name, m.position) for m in self.ctx.pleno.pleno().members]
        saksi = [
            (a.name, f"Saksi {contest_office(a.contest or '')} nomor urut {a.choice}")
            for a in self.ctx.records.attendance()
            if a.present and a.role == "saksi"
        ]
        return members + saksi

    def signatures(self) -> list[Signature]:
        result = []
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, 2)
            signed = bool(cell and cell.checkState() == Qt.CheckState.Checked)
            result.append(
                Signature(
                    _text(self.table, r, 0),
                    _text(self.table, r, 1),
                    signed,
                    _text(self.table, r, 3),
                )
            )
        return result


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item else ""
