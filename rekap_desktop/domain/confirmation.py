"""A commissioner's confirmation of a guarded action: the PIN dialog and the command line obtain
it from the users service, the screens pass it on, and the service that writes the change checks
it again and names it in the audit entry."""

from __future__ import annotations

from dataclasses import dataclass

from rekap_desktop.domain.roles import Action, Role


@dataclass(frozen=True)
class User:
    name: str
    role: Role


@dataclass(frozen=True)
class Confirmation:
    """A commissioner confirmed an action with their PIN at this moment (named in the audit)."""

    user: User
    action: Action
    at: str

    def audit_fields(self) -> dict[str, str]:
        # Not "peran": an entry about a user (added, role changed) keeps that key for the user's
        # own role, and the confirmer's must not overwrite it.
        return {"dikonfirmasi_oleh": self.user.name, "peran_pengonfirmasi": self.user.role.value}
