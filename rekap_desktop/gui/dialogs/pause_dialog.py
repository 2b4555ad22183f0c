"""Skors dialog (procedure item 11): asks the reason; the window then calls the service."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget


class PauseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The generated form is loaded when the dialog first opens: its imports of many Qt
        # classes cost the start-up a few hundredths of a second otherwise.
        from rekap_desktop.gui.forms.ui_pause_dialog import Ui_PauseDialog

        self.ui = Ui_PauseDialog()
        self.ui.setupUi(self)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.reasonEdit.setFocus()

    def reason(self) -> str:
        return str(self.ui.reasonEdit.text()).strip()

    def accept(self) -> None:
        # Refused in place: the dialog stays open with the message, nothing is lost.
        if not self.reason():
            self.ui.problemLabel.setText("Alasan skors wajib diisi.")
            return
        super().accept()
