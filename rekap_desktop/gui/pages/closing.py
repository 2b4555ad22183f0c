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

from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.signature import Signature
from rekap_desktop.gui.dialogs.not_signing_dialog import NotSigningDialog
from rekap_desktop.gui.pages.base import AgendaPage, PageContext


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
    """Penetapan: those recorded present at item 1 sign, or are recorded as present but not
    signing with the reason (Enter on the row); PageDown on this page determines."""

    editable = True

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Yang tercatat hadir (butir 1) menandatangani. Bila ada yang hadir tetapi tidak "
            "menandatangani: pilih barisnya, tekan Enter dan isi alasannya (Spasi: kembali "
            "menandatangani). Tekan PageDown untuk menetapkan hasil (dengan konfirmasi). "
            "Setelah ditetapkan, hasil terkunci.",
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            ("Nama", "Jabatan", "Tanda tangan", "Alasan tidak menandatangani")
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows)
        self.table.itemChanged.connect(self._sign_toggled)
        # Enter on a row (the view's "activated") asks for the reason of one not signing.
        self.table.activated.connect(self.not_signing)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.body.addWidget(self.table)
        self.body.addWidget(self.state)

    def refresh(self) -> None:
        state = self.ctx.procedure.state()
        self.table.blockSignals(True)
        if state.determined:
            self._show_recorded(self.ctx.procedure.signatures())
        else:
            self._show_to_sign(self._signatories())
        self.table.blockSignals(False)
        # After penetapan the recorded state and its reason share one column; the last visible
        # column stretches and wraps, so a refusal's reason stays readable on a narrow page.
        self.table.setColumnHidden(3, state.determined)
        for column in range(2 if state.determined else 3):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self.state.setText(self._state_text(state.determined))

    def _state_text(self, determined: bool) -> str:
        if not determined:
            return ""
        refused = [
            f"• {s.name} ({s.position}) hadir tetapi tidak menandatangani — alasan: "
            f"{s.reason or '-'}"
            for s in self.ctx.procedure.signatures()
            if not s.signed
        ]
        return "\n".join(["HASIL TELAH DITETAPKAN — terkunci.", *refused])

    def _show_to_sign(self, signatories: list[tuple[str, str]]) -> None:
        self.table.setRowCount(len(signatories))
        for r, (name, position) in enumerate(signatories):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(position))
            sign = QTableWidgetItem()
            sign.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            sign.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, 2, sign)
            _show_signed(sign)
            self.table.setItem(r, 3, QTableWidgetItem(""))

    def _show_recorded(self, signatures: list[Signature]) -> None:
        """After penetapan: each signer as recorded — signed, or refused with the reason."""
        self.table.setRowCount(len(signatures))
        for r, signature in enumerate(signatures):
            self.table.setItem(r, 0, _fixed(signature.name))
            self.table.setItem(r, 1, _fixed(signature.position))
            self.table.setItem(r, 2, _fixed(recorded_text(signature)))
            self.table.setItem(r, 3, _fixed(signature.reason))

    def _fit_rows(self, *_section: int) -> None:
        """Rows as tall as their wrapped text once the stretched column has its width."""
        self.table.resizeRowsToContents()

    def _sign_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() == 2 and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self.table.blockSignals(True)
            _show_signed(item)
            if item.checkState() == Qt.CheckState.Checked:
                # signing again: a reason for not signing no longer applies
                self.table.setItem(item.row(), 3, QTableWidgetItem(""))
            self.table.blockSignals(False)

    def _signatories(self) -> list[tuple[str, str]]:
        return [(s.name, s.position) for s in self.ctx.records.signatories()]

    def not_signing(self, *_index: object) -> None:
        """Enter on a signer: record them as present but not signing, with the reason."""
        row = self.table.currentRow()
        sign = self.table.item(row, 2) if row >= 0 else None
        if sign is None or not sign.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return  # nothing chosen, or already determined
        dialog = NotSigningDialog(
            _text(self.table, row, 0), _text(self.table, row, 1), _text(self.table, row, 3), self
        )
        if dialog.exec() != NotSigningDialog.DialogCode.Accepted:
            return
        self.table.setItem(row, 3, QTableWidgetItem(dialog.reason()))
        sign.setCheckState(Qt.CheckState.Unchecked)
        self.table.resizeRowsToContents()

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


NOT_SIGNING = "tidak menandatangani"


def signature_text(signed: bool) -> str:
    return "ya" if signed else NOT_SIGNING


def recorded_text(signature: Signature) -> str:
    """A signer as the penetapan recorded them: "ya", or "tidak menandatangani: <reason>"."""
    if signature.signed:
        return signature_text(True)
    return f"{NOT_SIGNING}: {signature.reason}" if signature.reason else NOT_SIGNING


def _show_signed(item: QTableWidgetItem) -> None:
    """The tick and its word agree: "ya" when ticked, "tidak menandatangani" when not."""
    item.setText(signature_text(item.checkState() == Qt.CheckState.Checked))


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item else ""
