"""A commissioner's real PIN confirmation for tests that drive guarded services: the meeting's
users are created with the demo PINs when it has none (its first member as ketua, the others as
anggota), and the named user (or the ketua) confirms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rekap_desktop.domain.confirmation import Confirmation, User
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService

FALLBACK_KETUA = "Ketua Uji"


def confirmed(service: PlenoService, action: Action, name: str | None = None) -> Confirmation:
    users = UsersService(service.engine, service.bus)
    known = users.users()
    if not known:
        known = _add_members(users, service)
    chosen = name or next(u.name for u in known if u.role is Role.KETUA)
    role = next(u.role for u in known if u.name == chosen)
    return users.confirm(chosen, DEMO_PINS[role], action)


def _add_members(users: UsersService, service: PlenoService) -> list[User]:
    names = [m.name for m in service.pleno().members] or [FALLBACK_KETUA]
    ketua, *anggota = names
    users.add_user(ketua, Role.KETUA, DEMO_PINS[Role.KETUA])
    manage = users.confirm(ketua, DEMO_PINS[Role.KETUA], Action.MANAGE_USERS)
    for name in anggota:
        users.add_user(name, Role.ANGGOTA, DEMO_PINS[Role.ANGGOTA], manage)
    return users.users()


def approving(service: PlenoService) -> Callable[[SettleRequest], SettleRequest]:
    """What the cockpit's PIN question gives a comparison widget: the request with the approving
    commissioner's own confirmation."""

    def approve(request: SettleRequest) -> SettleRequest:
        confirmation = confirmed(service, Action.APPROVE_CORRECTION, request.approved_by)
        return replace(request, confirmation=confirmation)

    return approve


class ConfirmingApprovals:
    """Approvals that always confirm: the named commissioner (or the ketua) with the demo PIN.
    ``asked`` keeps every action asked for, in order."""

    def __init__(self, service: PlenoService) -> None:
        self.service = service
        self.asked: list[Action] = []
        self.only: list[str | None] = []
        """The commissioner each confirmation was asked of (None: any)."""

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        self.asked.append(action)
        self.only.append(only)
        return confirmed(self.service, action, only)


class RefusingApprovals:
    """Approvals that are always cancelled; ``asked`` keeps the actions asked for."""

    def __init__(self) -> None:
        self.asked: list[Action] = []

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        self.asked.append(action)
        return None
