"""Hadir tetapi tidak menandatangani (penetapan): one signer present who does not sign, and the
reason, which PKPU 18/2024 Pasal 33(3) requires to be written down and the forms print."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.gui.widgets.dialog_parts import answer_buttons

NEEDS_REASON = "Alasan wajib diisi (PKPU 18/2024 Pasal 33 ayat (3))."


class NotSigningDialog(QDialog):
    """The reason typed at once (the field has the focus); Enter records it, Esc cancels."""

    def __init__(
        self, name: str, position: str, reason: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hadir tetapi tidak menandatangani")
        layout = QVBoxLayout(self)
        who = QLabel(
            f"<b>{_escaped(name)}</b> ({_escaped(position)}) hadir tetapi tidak menandatangani."
        )
        who.setWordWrap(True)
        layout.addWidget(who)
        label = QLabel("&Alasan tidak menandatangani:")
        self.reason_edit = QLineEdit(reason)
        label.setBuddy(self.reason_edit)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#a00000")
        layout.addWidget(self.problem)
        buttons = answer_buttons("Catat", self.accept, self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        # Refused in place: the dialog stays open with the message, nothing is lost.
        if not self.reason():
            self.problem.setText(NEEDS_REASON)
            return
        super().accept()


def _escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
