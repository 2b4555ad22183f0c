"""Settle one entry: 'diselesaikan' with the resolution and the paraf of the objector and the
witnessing saksi (procedure item 16), or 'tidak dapat diselesaikan' with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.election import contest_office
from rekap_desktop.domain.incidents import Incident, Paraf, ParafRole
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.gui.incidents.entry_detail import entry_html
from rekap_desktop.gui.operations import refusal_text
from rekap_desktop.services.incident_service import IncidentService

PROBLEM_STYLE = "color: #9b1c1c; background: #fdecec; padding: 6px; border-radius: 4px;"


class SettleDialog(QDialog):
    def __init__(
        self,
        service: IncidentService,
        number: int,
        unresolvable: bool = False,
        parent: QWidget | None = None,
        confirmation: Confirmation | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.number = number
        self.unresolvable = unresolvable
        self.confirmation = confirmation
        entry = service.entry(number)
        title = "Tidak dapat diselesaikan" if unresolvable else "Selesaikan dengan paraf"
        self.setWindowTitle(f"{title} — Entri No. {number}")
        self.resize(700, 620)
        detail = QTextBrowser()
        detail.setHtml(entry_html(service.pleno(), entry, service.linked_corrections(entry)))
        self.text_edit = QPlainTextEdit()
        # Tab goes on to the paraf and the buttons: a tab character has no use in the reason,
        # and with Qt's default a keyboard user could not leave the field.
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            "Alasan mengapa tidak dapat diselesaikan"
            if unresolvable
            else "Penyelesaian: apa yang diputuskan dan dasarnya"
        )
        self.objector_edit = QLineEdit(_objector_name(entry))
        self.witness_list = QListWidget()
        for witness in service.registered_saksi():
            item = QListWidgetItem(
                f"{witness.name} — saksi nomor urut {witness.choice}, "
                f"{contest_office(witness.contest)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, witness.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.witness_list.addItem(item)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Alasan" if unresolvable else "Penyelesaian", self.text_edit)
        if not unresolvable:
            form.addRow("Paraf yang mengajukan", self.objector_edit)
            form.addRow("Paraf saksi yang menyaksikan", self.witness_list)
        layout = QVBoxLayout(self)
        layout.addWidget(detail, 2)
        layout.addLayout(form, 2)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.text_edit.setFocus()

    def check_witness(self, name: str) -> None:
        for index in range(self.witness_list.count()):
            item = self.witness_list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked)

    def paraf(self) -> tuple[Paraf, ...]:
        objector = self.objector_edit.text().strip()
        signed = [Paraf(objector, ParafRole.PENGAJU)] if objector else []
        for index in range(self.witness_list.count()):
            item = self.witness_list.item(index)
            if item.checkState() is Qt.CheckState.Checked:
                signed.append(Paraf(item.data(Qt.ItemDataRole.UserRole), ParafRole.PENYAKSI))
        return tuple(signed)

    def accept(self) -> None:
        text = self.text_edit.toPlainText()
        try:
            if self.unresolvable:
                self.service.mark_unresolvable(self.number, text, self.confirmation)
            else:
                self.service.resolve(self.number, text, self.paraf(), self.confirmation)
        except InputRejected as error:
            # Refused in place: the dialog stays open with the message, nothing typed is lost.
            self.message.setText(refusal_text(error))
            self.message.setVisible(True)
            return
        super().accept()


def _objector_name(entry: Incident) -> str:
    if entry.raiser is not None:
        return entry.raiser.name
    return entry.raised_by.split(" (")[0].strip()
