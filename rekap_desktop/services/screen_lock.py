"""Kunci layar: the idle time after which the cockpit locks, kept in the meeting's database so
every station of the meeting uses the same; only the ketua changes it, with their PIN."""

from __future__ import annotations

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import ChangeHub
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.idle_lock import DEFAULT_IDLE_MINUTES, parse_idle_minutes
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import ACTION_LABELS, Action
from rekap_desktop.services.chain_anchor import anchor_engine
from rekap_desktop.services.events import ChangeBus
from rekap_desktop.storage import audit, users_store
from rekap_desktop.storage.unit_of_work import Engine, read, write


class ScreenLockService:
    def __init__(self, engine: Engine, bus: ChangeHub | None = None) -> None:
        self.engine = anchor_engine(engine)
        self.bus: ChangeHub = bus or ChangeBus()

    def idle_minutes(self) -> int:
        """Minutes without input before the cockpit locks (0: never); the default until set."""
        with read(self.engine) as session:
            minutes = users_store.idle_minutes(session)
        return DEFAULT_IDLE_MINUTES if minutes is None else minutes

    def set_idle_minutes(self, text: str, confirmation: Confirmation | None) -> int:
        """Set the idle time typed as whole minutes (0 = never), confirmed by the ketua's PIN."""
        parsed = parse_idle_minutes(text)
        problems = [] if isinstance(parsed, int) else [Problem(parsed)]
        if confirmation is None or confirmation.action is not Action.SET_IDLE_LOCK:
            problems.append(
                Problem(f"{ACTION_LABELS[Action.SET_IDLE_LOCK]} perlu konfirmasi PIN Ketua KPU")
            )
        if problems or not isinstance(parsed, int):
            raise InputRejected(problems)
        assert confirmation is not None
        name = confirmation.user.name
        with write(self.engine, name, self.bus) as w:
            before = users_store.set_idle_minutes(w.session, parsed, name, audit.now_iso())
            w.audit(
                AuditEvent.IDLE_LOCK_SET,
                {
                    "menit": parsed,
                    "sebelum": DEFAULT_IDLE_MINUTES if before is None else before,
                    **confirmation.audit_fields(),
                },
            )
        return parsed
