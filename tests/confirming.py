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
