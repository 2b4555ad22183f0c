"""Approvals: a commissioner's PIN for a guarded action, asked by whoever holds the approvals the
cockpit was built with. Widgets that need one (a correction, a finding decision, closing an
objection, the penetapan, re-opening, tie decisions, packages) receive them in their
constructor; tests hand in a fake that confirms or refuses."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.users_service import UsersService


class Approvals(Protocol):
    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        """The confirmation of ``action`` (``only``: the one commissioner who must give it);
        None when refused or cancelled: nothing is then written."""
        ...


class NoApprovals:
    """Nobody is asked: every guarded action is refused (a window built without the cockpit's
    approvals, e.g. a view shown on its own)."""

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        return None


class PinApprovals:
    """The cockpit's approvals: the PIN dialog over the meeting's users, above ``parent``."""

    def __init__(self, users: UsersService, parent: QWidget | None = None) -> None:
        self.users = users
        self.parent = parent

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        from rekap_desktop.gui.dialogs.pin_dialog import ask_confirmation

        confirmation = ask_confirmation(self.users, action, self.parent, only)
        if confirmation is not None and only is not None and confirmation.user.name != only:
            return None
        return confirmation
