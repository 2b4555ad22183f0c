"""Users and PINs: who is at the keyboard, and a commissioner's confirmation of a guarded action.

PINs are stored as argon2 hashes only. Five wrong PINs lock that user for five minutes. Every user
change and every wrong PIN is in the audit chain.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import ChangeHub
from rekap_desktop.domain.confirmation import Confirmation, User
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import (
    ACTION_LABELS,
    LOCK_DURATION,
    MAX_FAILED_TRIES,
    Action,
    Role,
    locked_until,
    pin_problem,
    refusal_for_role,
)
from rekap_desktop.services.chain_anchor import anchor_engine
from rekap_desktop.services.confirmations import confirmation_problem
from rekap_desktop.services.events import ChangeBus
from rekap_desktop.services.pin_hashing import PinHasher, pin_key
from rekap_desktop.storage import audit, users_store
from rekap_desktop.storage.orm_users import UserRow
from rekap_desktop.storage.unit_of_work import Engine, Write, read, write

Clock = Callable[[], datetime]
UNLOCK = "buka_kunci_layar"
UNLOCK_LABEL = "membuka kunci layar"
MAX_USER_NAME = 200
"""As long as the stored column allows (a longer name would fail on PostgreSQL, not be refused)."""


def _now() -> datetime:
    return clock.now()


class UsersService:
    def __init__(self, engine: Engine, bus: ChangeHub | None = None, clock: Clock = _now) -> None:
        self.engine = anchor_engine(engine)
        self.bus: ChangeHub = bus or ChangeBus()
        self.clock = clock
        self._pin_hasher: PinHasher | None = None

    @property
    def _hasher(self) -> PinHasher:
        """The PIN key enters the hashes of a database file on this laptop; a server database
        is shared by stations that each keep their own key folder, so its PINs go without."""
        if self._pin_hasher is None:
            pepper = pin_key() if self.engine.dialect.name == "sqlite" else None
            self._pin_hasher = PinHasher(pepper)
        return self._pin_hasher

    def users(self) -> list[User]:
        with read(self.engine) as session:
            return [User(r.name, Role(r.role)) for r in users_store.all_users(session)]

    def has_users(self) -> bool:
        return bool(self.users())

    def add_user(
        self, name: str, role: Role, pin: str, confirmation: Confirmation | None = None
    ) -> User:
        """Add a user: the first must be the ketua; later ones need the ketua's confirmation."""
        name = name.strip()
        problems = [Problem(p) for p in (pin_problem(pin, role),) if p]
        if not name:
            problems.append(Problem("nama pengguna tidak boleh kosong"))
        elif len(name) > MAX_USER_NAME:
            problems.append(
                Problem(f"nama pengguna terlalu panjang (paling banyak {MAX_USER_NAME} karakter)")
            )
        # Under the write lock: the confirmer's stored role is what is checked, and two stations
        # cannot both add "the first user".
        with write(self.engine, name, self.bus) as w:
            session = w.session
            existing = users_store.all_users(session)
            if not existing and role is not Role.KETUA:
                problems.append(Problem("pengguna pertama harus Ketua KPU"))
            refusal = (
                confirmation_problem(session, confirmation, Action.MANAGE_USERS)
                if existing
                else None
            )
            if refusal is not None:
                problems.append(Problem(refusal))
            if any(r.name.casefold() == name.casefold() for r in existing):
                problems.append(Problem(f"pengguna '{name}' sudah ada"))
            if problems:
                raise InputRejected(problems)
            users_store.add_user(session, name, role.value, self._hasher.hash(pin), audit.now_iso())
            payload = {"nama": name, "peran": role.value}
            if confirmation and existing:
                payload.update(confirmation.audit_fields())
            actor = confirmation.user.name if confirmation and existing else name
            w.audit(AuditEvent.USER_ADDED, payload, actor=actor)
        return User(name, role)

    def confirm(self, name: str, pin: str, action: Action) -> Confirmation:
        """The named user's confirmation of ``action``; refused (and counted) on a wrong PIN."""
        now = self.clock()
        role = self._check_pin(name, pin, action.value, ACTION_LABELS[action], now)
        refusal = refusal_for_role(role, action)
        if refusal:
            raise InputRejected([Problem(refusal)])
        return Confirmation(User(name, role), action, now.isoformat(timespec="seconds"))

    def unlock(self, name: str, pin: str) -> User:
        """Any user of the meeting unlocks the cockpit's locked screen with their PIN; a wrong
        PIN counts toward the same lock-out as every other PIN check. Audited."""
        now = self.clock()
        unlocked = (AuditEvent.SCREEN_UNLOCKED, {"nama": name})
        role = self._check_pin(name, pin, UNLOCK, UNLOCK_LABEL, now, unlocked)
        return User(name, role)

    def _check_pin(
        self,
        name: str,
        pin: str,
        purpose: str,
        label: str,
        now: datetime,
        on_success: tuple[AuditEvent, dict[str, str]] | None = None,
    ) -> Role:
        """The user's role when ``pin`` is theirs; a wrong PIN is recorded and refused, and a
        locked user is refused without trying. The failures are read, the PIN checked and a
        failure recorded under one write lock: checks made at once cannot outrun the lock-out.
        ``on_success`` is audited in the same unit when the PIN is right (the unlock)."""
        with write(self.engine, name, self.bus) as w:
            row = users_store.user_named(w.session, name)
            if row is None:
                raise InputRejected([Problem(f"pengguna '{name}' tidak dikenal")])
            failures = [clock.parse(at) for at in users_store.pin_failures(w.session, row.id)]
            until = locked_until(failures, now)
            if until is not None:
                raise InputRejected(
                    [
                        Problem(
                            f"{name} terkunci karena {MAX_FAILED_TRIES} kali salah PIN; "
                            f"coba lagi pukul {until:%H.%M}"
                        )
                    ]
                )
            if not self._hasher.matches(row.pin_hash, pin):
                users_store.add_pin_failure(w.session, row.id, now.isoformat())
                w.audit(AuditEvent.PIN_REJECTED, {"nama": name, "tindakan": purpose})
                rejection = InputRejected(
                    [Problem(_wrong_pin_message([*failures, now], now, label))]
                )
            else:
                rejection = None
                self._strengthen(w, row, pin)
                if on_success is not None:
                    w.audit(*on_success)
            role = Role(row.role)
        if rejection is not None:
            raise rejection
        return role

    def _strengthen(self, w: Write, row: UserRow, pin: str) -> None:
        """A PIN hashed before this installation had its PIN key is hashed again with the key,
        now that the right PIN is known (in the same transaction, audited)."""
        if not self._hasher.outdated(row.pin_hash):
            return
        row.pin_hash = self._hasher.hash(pin)
        w.audit(AuditEvent.PIN_STRENGTHENED, {"nama": row.name})


def _wrong_pin_message(failures: list[datetime], now: datetime, label: str) -> str:
    message = f"PIN salah untuk {label}"
    if locked_until(failures, now) is not None:
        return message + "; pengguna terkunci 5 menit"
    recent = sum(1 for f in failures if now - f < LOCK_DURATION)
    return message + f"; sisa {MAX_FAILED_TRIES - recent} kali percobaan"
