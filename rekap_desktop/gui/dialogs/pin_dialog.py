"""A commissioner confirms a guarded action with their PIN at that moment."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import ACTION_LABELS, ROLE_LABELS, Action, may_confirm
from rekap_desktop.services.users_service import UsersService


class PinDialog(QDialog):
    """Lists only the users allowed to confirm ``action`` (or only ``only``, the commissioner
    who must confirm this one); a wrong PIN is told in place."""

    def __init__(
        self,
        users: UsersService,
        action: Action,
        parent: QWidget | None = None,
        only: str | None = None,
    ) -> None:
        super().__init__(parent)
        # The generated form is loaded when the dialog first opens: its imports of many Qt
        # classes cost the start-up a few hundredths of a second otherwise.
        from rekap_desktop.gui.forms.ui_pin_dialog import Ui_PinDialog

        self.ui = Ui_PinDialog()
        self.ui.setupUi(self)
        self.users = users
        self.action = action
        self.only = only
        self.confirmation: Confirmation | None = None
        self.ui.actionLabel.setText(
            f"Untuk {ACTION_LABELS[action]} perlu konfirmasi komisioner dengan PIN."
        )
        for user in users.users():
            if may_confirm(user.role, action) and only in (None, user.name):
                self.ui.userBox.addItem(f"{user.name} ({ROLE_LABELS[user.role]})", user.name)
        self.ui.buttons.accepted.connect(self.try_confirm)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.pinEdit.setFocus()

    def try_confirm(self) -> None:
        name = self.ui.userBox.currentData()
        if not name:
            self.ui.problemLabel.setText(
                "Belum ada komisioner yang berwenang untuk tindakan ini."
                if self.only is None
                else f"{self.only} tidak terdaftar sebagai komisioner yang berwenang "
                f"untuk {ACTION_LABELS[self.action]} (belum punya PIN)."
            )
            return
        try:
            self.confirmation = self.users.confirm(name, self.ui.pinEdit.text(), self.action)
        except InputRejected as error:
            self.ui.problemLabel.setText("; ".join(p.message for p in error.problems))
            self.ui.pinEdit.clear()
            return
        self.accept()


def ask_confirmation(
    users: UsersService, action: Action, parent: QWidget | None = None, only: str | None = None
) -> Confirmation | None:
    """The confirmation, or None when the operator cancelled; ``only``: the one commissioner
    who must type their PIN (the others are not offered)."""
    dialog = PinDialog(users, action, parent, only)
    return dialog.confirmation if dialog.exec() == QDialog.DialogCode.Accepted else None
