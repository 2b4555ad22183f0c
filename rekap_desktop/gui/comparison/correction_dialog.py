"""Pembetulan dialog (item 10): value to determine, reason from the list, basis document, who
proposed it, the approving commissioner (an anggota of the meeting), an optional register link.

Enter anywhere submits (the same as "Simpan"). Everything is checked here before the approving
commissioner is asked for their PIN, and the dialog stays open with what was typed until the
correction is recorded: a refused PIN or a refused write loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rekap_desktop.domain.comparison import ComparisonRow
from rekap_desktop.domain.corrections import REASON_LABELS, Reason
from rekap_desktop.domain.sources import source_title
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.text.numbers import format_number, parse_number

NO_INCIDENT = "— tidak terkait keberatan —"

Submit = Callable[[SettleRequest], bool]
"""Asks for the approval (PIN) and records the correction; True when it was recorded."""


@dataclass(frozen=True)
class Prefill:
    """What a correction starts with when it follows a pencocokan / penghitungan ulang, or is
    made in a follow-up session."""

    after: int | None
    reason: Reason
    basis: str
    proposed_by: str
    incident_number: int | None
    recount_number: int | None


def recorded_values(row: ComparisonRow, party_list: bool = False) -> str:
    """What each source says for the row, by the KPU's names: "D.Hasil PPK: 28.999; …"."""
    return "; ".join(
        f"{source_title(c.source, party_list)}: {format_number(c.value)}"
        for c in row.cells
        if c.value is not None
    )


class CorrectionDialog(QDialog):
    def __init__(
        self,
        row: ComparisonRow,
        suggested: int | None,
        commissioners: tuple[str, ...],
        incidents: list[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
        party_list: bool = False,
        prefill: Prefill | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pembetulan (butir 10)")
        self.recount_number = prefill.recount_number if prefill else None
        self.row = row
        self.commissioners = commissioners
        self.submit = submit
        self.recorded = QLabel(recorded_values(row, party_list))
        self.recorded.setWordWrap(True)
        self.value = QLineEdit(format_number(suggested, ""))
        self.value.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,15}"), self.value)
        )
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setPlaceholderText("ketik angka yang ditetapkan")
        self.reason = QComboBox()
        for reason, label in REASON_LABELS.items():
            add_enum_item(self.reason, label, reason)
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText("wajib untuk 'Lainnya'")
        self.basis = QLineEdit("D.Hasil Kecamatan PPK")
        self.proposed_by = QLineEdit()
        self.proposed_by.setPlaceholderText("wajib: siapa yang mengusulkan")
        self.approved_by = QComboBox()
        self.approved_by.addItems(list(commissioners))
        self.approved_by.setToolTip("Anggota KPU ini yang mengetik PIN-nya untuk menyetujui.")
        self.incident = QComboBox()
        self.incident.addItem(NO_INCIDENT, None)
        for number, text in incidents:
            self.incident.addItem(f"No. {number}: {text[:70]}", number)
        self.error = refusal_label("correctionError")
        self.buttons = answer_buttons(
            "Simpan (Enter)", self._accept, self.reject, "Batal (Esc)", default=True
        )
        form = QFormLayout(self)
        form.addRow("Rincian", QLabel(row.label))
        form.addRow("Nilai tercatat", self.recorded)
        form.addRow("Nilai ditetapkan", self.value)
        form.addRow("Alasan", self.reason)
        form.addRow("Keterangan", self.reason_text)
        form.addRow("Dasar (dokumen)", self.basis)
        form.addRow("Diusulkan oleh", self.proposed_by)
        form.addRow("Disetujui anggota KPU", self.approved_by)
        form.addRow("Terkait keberatan", self.incident)
        form.addRow(self.error)
        form.addRow(self.buttons)
        if prefill is not None:
            self._fill(prefill)
        self.value.setFocus()
        self.value.selectAll()

    def _fill(self, prefill: Prefill) -> None:
        self.value.setText(format_number(prefill.after, ""))
        self.reason.setCurrentIndex(self.reason.findData(prefill.reason.value))
        self.basis.setText(prefill.basis)
        self.proposed_by.setText(prefill.proposed_by)
        found = self.incident.findData(prefill.incident_number)
        if prefill.incident_number is not None and found >= 0:
            self.incident.setCurrentIndex(found)

    def request(self) -> SettleRequest | None:
        """The correction as entered, or None while the value is not a whole number."""
        value = parse_number(self.value.text())
        if value is None:
            return None
        return SettleRequest(
            field=self.row.field,
            after=value,
            reason=enum_data(self.reason, Reason) or Reason.SESUAI_PPK,
            basis=self.basis.text(),
            proposed_by=self.proposed_by.text(),
            approved_by=self.approved_by.currentText(),
            reason_text=self.reason_text.text(),
            incident_number=self.incident.currentData(),
            recount_number=self.recount_number,
        )

    def problems(self) -> list[str]:
        """What is still wrong with the entry (Indonesian); empty when it may be approved."""
        request = self.request()
        if request is None:
            return ["Nilai ditetapkan: harus bilangan bulat ≥ 0 (titik sebagai pemisah ribuan)."]
        return [f"{p[0].upper()}{p[1:]}." for p in request.problems(self.commissioners)]

    def _accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("\n".join(problems))
            self._focus_first_problem()
            return
        self.error.clear()
        request = self.request()
        assert request is not None  # no problem: the value is a number
        if self.submit is not None and not self.submit(request):
            self.error.setText("Pembetulan belum dicatat; isian tetap di sini.")
            return
        self.accept()

    def _focus_first_problem(self) -> None:
        request = self.request()
        if request is None:
            widget: QWidget = self.value
        elif request.reason is Reason.LAINNYA and not request.reason_text.strip():
            widget = self.reason_text
        elif not request.basis.strip():
            widget = self.basis
        elif not request.proposed_by.strip():
            widget = self.proposed_by
        else:
            widget = self.approved_by
        widget.setFocus()
