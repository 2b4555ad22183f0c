"""Pembetulan dialog (item 10): value to determine, reason from the list, basis document, who
proposed it, the approving commissioner (an anggota of the meeting), an optional register link."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rekap_desktop.domain.comparison import ComparisonRow
from rekap_desktop.domain.corrections import REASON_LABELS, Reason
from rekap_desktop.gui.widgets.number_edit import NumberEdit
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.text.numbers import format_number

NO_INCIDENT = "— tidak terkait keberatan —"


class CorrectionDialog(QDialog):
    def __init__(
        self,
        row: ComparisonRow,
        suggested: int | None,
        commissioners: tuple[str, ...],
        incidents: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pembetulan (butir 10)")
        self.row = row
        values = "; ".join(
            f"{c.source.code}: {format_number(c.value)}" for c in row.cells if c.value is not None
        )
        self.value = NumberEdit()
        self.value.setText(format_number(suggested, ""))
        self.reason = QComboBox()
        for reason, label in REASON_LABELS.items():
            self.reason.addItem(label, reason)
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText("wajib untuk 'Lainnya'")
        self.basis = QLineEdit("D.Hasil Kecamatan PPK")
        self.proposed_by = QLineEdit()
        self.approved_by = QComboBox()
        self.approved_by.addItems(list(commissioners))
        self.incident = QComboBox()
        self.incident.addItem(NO_INCIDENT, None)
        for number, text in incidents:
            self.incident.addItem(f"No. {number}: {text[:70]}", number)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Rincian", QLabel(row.label))
        form.addRow("Nilai tercatat", QLabel(values))
        form.addRow("Nilai ditetapkan", self.value)
        form.addRow("Alasan", self.reason)
        form.addRow("Keterangan", self.reason_text)
        form.addRow("Dasar (dokumen)", self.basis)
        form.addRow("Diusulkan oleh", self.proposed_by)
        form.addRow("Disetujui anggota KPU", self.approved_by)
        form.addRow("Terkait keberatan", self.incident)
        form.addRow(self.error)
        form.addRow(buttons)

    def request(self) -> SettleRequest | None:
        """The correction as entered, or None while the value is not a whole number."""
        value = self.value.value()
        if value is None:
            return None
        reason: Reason = self.reason.currentData()
        return SettleRequest(
            field=self.row.field,
            after=value,
            reason=reason,
            basis=self.basis.text(),
            proposed_by=self.proposed_by.text(),
            approved_by=self.approved_by.currentText(),
            reason_text=self.reason_text.text(),
            incident_number=self.incident.currentData(),
        )

    def _accept(self) -> None:
        if self.request() is None:
            self.error.setText("Nilai yang ditetapkan harus bilangan bulat ≥ 0.")
            return
        self.accept()
