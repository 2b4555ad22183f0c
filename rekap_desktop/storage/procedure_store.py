"""Reading and writing the procedure's records inside a session the service opened."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain import clock
from rekap_desktop.domain.procedure import Move, MoveKind, Stop
from rekap_desktop.domain.signature import Signature
from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.orm_procedure import (
    AttendanceRow,
    BoxCheckRow,
    ObjectionCallRow,
    PauseRow,
    ProcedureMoveRow,
    ProcedureTextRow,
    ReturnedNoticeRow,
    SignatureRow,
)


@dataclass(frozen=True)
class StoredMove:
    id: int
    at: datetime
    actor: str
    move: Move


@dataclass(frozen=True)
class Attendee:
    id: int
    role: str
    name: str
    contest: str | None
    choice: int | None
    mandate_checked: bool | None
    note: str
    present: bool


@dataclass(frozen=True)
class BoxCheck:
    unit: str
    seal_intact: bool
    forms_found: tuple[str, ...]
    note: str
    checked_at: str


@dataclass(frozen=True)
class Pause:
    reason: str
    started_at: str
    ended_at: str | None


@dataclass(frozen=True)
class ObjectionCall:
    asked_at: str
    none_raised: bool
    objections: str


def moves(session: Session) -> list[StoredMove]:
    rows = session.scalars(select(ProcedureMoveRow).order_by(ProcedureMoveRow.id))
    return [StoredMove(row.id, clock.parse(row.at), row.actor, _move(row)) for row in rows]


def last_move_id(session: Session) -> int:
    """Id of the newest stored move (0: none yet)."""
    return session.scalar(select(func.max(ProcedureMoveRow.id))) or 0


def _move(row: ProcedureMoveRow) -> Move:
    target = Stop(row.item, row.unit, row.contest) if row.item else None
    return Move(MoveKind(row.kind), target, row.reason)


def add_move(session: Session, actor: str, move: Move) -> ProcedureMoveRow:
    target = move.target
    row = ProcedureMoveRow(
        at=now_iso(),
        actor=actor,
        kind=move.kind.value,
        item=target.item if target else None,
        unit=target.unit if target else None,
        contest=target.contest if target else None,
        reason=move.reason,
    )
    session.add(row)
    session.flush()
    return row


def attendance(session: Session) -> list[Attendee]:
    rows = session.scalars(select(AttendanceRow).order_by(AttendanceRow.id))
    return [
        Attendee(
            r.id, r.role, r.name, r.contest, r.choice, r.mandate_checked, r.note, r.left_at is None
        )
        for r in rows
    ]


def add_attendee(session: Session, attendee: Attendee) -> int:
    row = AttendanceRow(
        role=attendee.role,
        name=attendee.name,
        contest=attendee.contest,
        choice=attendee.choice,
        mandate_checked=attendee.mandate_checked,
        note=attendee.note,
        arrived_at=now_iso(),
    )
    session.add(row)
    session.flush()
    return row.id


def mark_left(session: Session, attendee_id: int) -> bool:
    # Through the ORM object, not an UPDATE: the changed row is recorded in the audit chain.
    row = session.get(AttendanceRow, attendee_id)
    if row is None or row.left_at is not None:
        return False
    row.left_at = now_iso()
    return True


def text(session: Session, key: str) -> str | None:
    row = session.scalars(
        select(ProcedureTextRow)
        .where(ProcedureTextRow.key == key)
        .order_by(ProcedureTextRow.id.desc())
        .limit(1)
    ).first()
    return row.body if row else None


def save_text(session: Session, key: str, body: str) -> None:
    session.add(ProcedureTextRow(key=key, body=body, saved_at=now_iso()))


def box_check(session: Session, unit: str) -> BoxCheck | None:
    row = session.scalars(
        select(BoxCheckRow).where(BoxCheckRow.unit == unit).order_by(BoxCheckRow.id.desc())
    ).first()
    if row is None:
        return None
    forms = tuple(json.loads(row.forms_found))
    return BoxCheck(row.unit, row.seal_intact, forms, row.note, row.checked_at)


def add_box_check(session: Session, check: BoxCheck) -> None:
    session.add(
        BoxCheckRow(
            unit=check.unit,
            seal_intact=check.seal_intact,
            forms_found=json.dumps(list(check.forms_found), ensure_ascii=False),
            note=check.note,
            checked_at=now_iso(),
        )
    )


def returned_notices(session: Session, unit: str) -> dict[str, int]:
    """Count per desa/kelurahan of the kecamatan; a later entry for a village replaces it."""
    rows = session.scalars(
        select(ReturnedNoticeRow)
        .where(ReturnedNoticeRow.unit == unit)
        .order_by(ReturnedNoticeRow.id)
    )
    return {row.village: row.count for row in rows}


def add_returned_notices(session: Session, unit: str, counts: dict[str, int]) -> None:
    at = now_iso()
    session.add_all(
        ReturnedNoticeRow(unit=unit, village=v, count=c, entered_at=at) for v, c in counts.items()
    )


def pauses(session: Session) -> list[Pause]:
    rows = session.scalars(select(PauseRow).order_by(PauseRow.id))
    return [Pause(r.reason, r.started_at, r.ended_at) for r in rows]


def start_pause(session: Session, reason: str) -> None:
    session.add(PauseRow(reason=reason, started_at=now_iso()))


def end_pause(session: Session) -> None:
    for row in session.scalars(select(PauseRow).where(PauseRow.ended_at.is_(None))):
        row.ended_at = now_iso()  # each ended pause recorded in the audit chain (row_records)


def objection_call(session: Session) -> ObjectionCall | None:
    row = session.scalars(select(ObjectionCallRow).order_by(ObjectionCallRow.id.desc())).first()
    return ObjectionCall(row.asked_at, row.none_raised, row.objections) if row else None


def add_objection_call(session: Session, none_raised: bool, objections: str) -> None:
    session.add(
        ObjectionCallRow(asked_at=now_iso(), none_raised=none_raised, objections=objections)
    )


def signatures(session: Session) -> list[Signature]:
    """The signatures of the latest determination."""
    last = session.scalars(select(SignatureRow.move_id).order_by(SignatureRow.id.desc())).first()
    rows = session.scalars(
        select(SignatureRow).where(SignatureRow.move_id == last).order_by(SignatureRow.id)
    )
    return [Signature(r.name, r.position, r.signed, r.reason) for r in rows]


def add_signatures(session: Session, move_id: int, entries: list[Signature]) -> None:
    session.add_all(
        SignatureRow(
            move_id=move_id, name=s.name, position=s.position, signed=s.signed, reason=s.reason
        )
        for s in entries
    )
