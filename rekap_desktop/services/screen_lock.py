"""Kunci layar: the idle time after which the cockpit locks, kept in the meeting's database so
every station of the meeting uses the same; only the ketua changes it, with their PIN."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.idle_lock import DEFAULT_IDLE_MINUTES, parse_idle_minutes
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import ACTION_LABELS, Action
from rekap_desktop.services.chain_anchor import anchor_engine
from rekap_desktop.services.events import Change, ChangeBus
from rekap_desktop.services.transactions import write_transaction
from rekap_desktop.storage import audit
from rekap_desktop.storage.orm_users import IdleLockRow


class ScreenLockService:
    def __init__(self, engine: Engine, bus: ChangeBus | None = None) -> None:
        self.engine = anchor_engine(engine)
        self.bus = bus or ChangeBus()

    def idle_minutes(self) -> int:
        """Minutes without input before the cockpit locks (0: never); the default until set."""
        with Session(self.engine) as session:
            minutes = session.scalar(select(IdleLockRow.minutes).where(IdleLockRow.id == 1))
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
        with write_transaction(self.engine) as session:
            row = session.get(IdleLockRow, 1)
            before = DEFAULT_IDLE_MINUTES if row is None else row.minutes
            if row is None:
                row = IdleLockRow(id=1)
                session.add(row)
            row.minutes, row.set_by, row.set_at = parsed, confirmation.user.name, audit.now_iso()
            audit.append(
                session,
                confirmation.user.name,
                AuditEvent.IDLE_LOCK_SET,
                {"menit": parsed, "sebelum": before, **confirmation.audit_fields()},
            )
        self.bus.announce(Change(AuditEvent.IDLE_LOCK_SET))
        return parsed
