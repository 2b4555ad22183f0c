"""Abaikan temuan kewajaran (Ctrl+Shift+T at items 7–10): the meeting looked at a plausibility
warning (P01 …) and accepts the figures as they are, with its reason; a commissioner then
confirms with their PIN.

Enter submits; the reason is required before anyone is asked for a PIN, and the dialog stays open
with what was typed until the override is recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label

MIN_WIDTH = 640
"""Wide enough for a warning's message on two or three lines."""

Submit = Callable[[Implausible, str], bool]
"""Asks for the commissioner's PIN and records the override; True when it was recorded."""
Describe = Callable[[Implausible], str]
"""A warning as the findings list names it (source, TPS, message)."""


class PlausibilityOverrideDialog(QDialog):
    def __init__(
        self,
        where: str,
        warnings: Sequence[Implausible],
        describe: Describe,
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Abaikan temuan kewajaran")
        self.setMinimumWidth(MIN_WIDTH)
        self.warnings = list(warnings)
        self.describe = describe
        self.submit = submit
        self.finding = QComboBox()
        # The message can be long: the box shows its start, the label below all of it.
        self.finding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.finding.setMinimumContentsLength(40)
        for warning in self.warnings:
            self.finding.addItem(f"{warning.code} · {warning.place.code}: {warning.message}")
        self.finding.currentIndexChanged.connect(self._show_message)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            "wajib: apa yang diperiksa rapat dan mengapa angka ini wajar"
        )
        self.error = refusal_label("overrideError")
        self.buttons = answer_buttons(
            "Simpan dengan PIN komisioner (Enter)",
            self._accept,
            self.reject,
            "Batal (Esc)",
            default=True,
        )
        form = QFormLayout(self)
        note = QLabel(
            "Peringatan kewajaran tidak menghalangi rapat. Bila rapat sudah memeriksa formulirnya "
            "dan menerima angkanya apa adanya, catat di sini alasannya; peringatan itu lalu "
            "tampil sebagai diabaikan dan dicetak pada berita acara."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("Kecamatan × pemilihan", QLabel(where))
        form.addRow("Temuan", self.finding)
        form.addRow("", self.message)
        form.addRow("Alasan", self.reason)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self._show_message()
        self.reason.setFocus()

    def chosen(self) -> Implausible | None:
        index = self.finding.currentIndex()
        return self.warnings[index] if 0 <= index < len(self.warnings) else None

    def _show_message(self) -> None:
        chosen = self.chosen()
        self.message.setText(self.describe(chosen) if chosen else "")

    def _accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.error.setText("Tidak ada temuan kewajaran yang terbuka.")
            return
        if not self.reason.text().strip():
            self.error.setText("Alasan wajib diisi.")
            self.reason.setFocus()
            return
        self.error.clear()
        if self.submit is not None and not self.submit(chosen, self.reason.text()):
            self.error.setText("Belum dicatat; isian tetap di sini.")
            return
        self.accept()
