"""Keputusan rapat atas temuan (Ctrl+T at items 7–10): the meeting lets an error of the
determined values stand, with its reason; a commissioner then confirms with their PIN.

Enter submits; the reason is required before anyone is asked for a PIN, and the dialog stays open
with what was typed until the decision is recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from rekap_desktop.domain.rules import Finding
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label

MIN_WIDTH = 640
"""Wide enough for a finding's message on two or three lines."""

Submit = Callable[[Finding, str], bool]
"""Asks for the commissioner's PIN and records the decision; True when it was recorded."""


class FindingDecisionDialog(QDialog):
    def __init__(
        self,
        where: str,
        errors: Sequence[Finding],
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keputusan rapat atas temuan")
        self.setMinimumWidth(MIN_WIDTH)
        self.errors = list(errors)
        self.submit = submit
        self.finding = QComboBox()
        # The message can be long: the box shows its start, the label below all of it.
        self.finding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.finding.setMinimumContentsLength(40)
        for error in self.errors:
            self.finding.addItem(f"{error.code}: {error.message}")
        self.finding.currentIndexChanged.connect(self._show_message)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("wajib: mengapa rapat menerima angka ini apa adanya")
        self.error = refusal_label("decisionError")
        self.buttons = answer_buttons(
            "Simpan dengan PIN komisioner (Enter)",
            self._accept,
            self.reject,
            "Batal (Esc)",
            default=True,
        )
        form = QFormLayout(self)
        note = QLabel(
            "Angka yang ditetapkan melanggar aturan formulir. Betulkan angkanya (Ctrl+K), atau "
            "catat di sini keputusan rapat untuk menerimanya apa adanya; keputusan ini dicetak "
            "pada D.Hasil dan berita acara."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("Kecamatan × pemilihan", QLabel(where))
        form.addRow("Temuan", self.finding)
        form.addRow("", self.message)
        form.addRow("Alasan keputusan", self.reason)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self._show_message()
        self.reason.setFocus()

    def chosen(self) -> Finding | None:
        index = self.finding.currentIndex()
        return self.errors[index] if 0 <= index < len(self.errors) else None

    def _show_message(self) -> None:
        chosen = self.chosen()
        self.message.setText(chosen.message if chosen else "")

    def _accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.error.setText("Tidak ada temuan galat yang terbuka.")
            return
        if not self.reason.text().strip():
            self.error.setText("Alasan keputusan wajib diisi.")
            self.reason.setFocus()
            return
        self.error.clear()
        if self.submit is not None and not self.submit(chosen, self.reason.text()):
            self.error.setText("Keputusan belum dicatat; isian tetap di sini.")
            return
        self.accept()
