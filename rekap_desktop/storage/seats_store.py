"""Reading and writing the meeting's decisions on open ties of the seat allocation, and the record
of the seat meeting (penetapan perolehan kursi)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.seat_meeting import PartyRepresentative, SeatMeeting
from rekap_desktop.storage.orm_seats import SeatDecisionRow, SeatMeetingRow


def add_decision(
    session: Session,
    contest: str,
    key: str,
    chosen: tuple[int, ...],
    reason: str,
    decided_by: str,
    at: str,
) -> None:
    session.add(
        SeatDecisionRow(
            contest=contest,
            tie_key=key,
            chosen=",".join(str(n) for n in sorted(chosen)),
            reason=reason,
            decided_by=decided_by,
            decided_at=at,
        )
    )
    session.flush()


def decisions(session: Session, contest: str) -> dict[str, tuple[int, ...]]:
    """Tie key → the chosen numbers; the latest decision on a key counts."""
    rows = session.scalars(
        select(SeatDecisionRow)
        .where(SeatDecisionRow.contest == contest)
        .order_by(SeatDecisionRow.id)
    )
    return {row.tie_key: tuple(int(n) for n in row.chosen.split(",") if n) for row in rows}


def decision_rows(session: Session, contest: str) -> list[tuple[str, str, str, str, str]]:
    """Every recorded decision in order: (tie key, chosen, reason, decided by, decided at)."""
    rows = session.scalars(
        select(SeatDecisionRow)
        .where(SeatDecisionRow.contest == contest)
        .order_by(SeatDecisionRow.id)
    )
    return [(r.tie_key, r.chosen, r.reason, r.decided_by, r.decided_at) for r in rows]


def add_meeting(session: Session, meeting: SeatMeeting, recorded_by: str, at: str) -> None:
    attendance = {
        "anggota": list(meeting.members),
        "bawaslu": list(meeting.bawaslu),
        "partai": [[p.party, p.name] for p in meeting.parties],
    }
    session.add(
        SeatMeetingRow(
            contest=meeting.contest,
            held_at=meeting.held_at.isoformat(),
            place=meeting.place,
            decree_number=meeting.decree_number,
            court_notice=meeting.court_notice,
            attendance=json.dumps(attendance, ensure_ascii=False),
            recorded_by=recorded_by,
            recorded_at=at,
        )
    )
    session.flush()


def meeting(session: Session, contest: str) -> SeatMeeting | None:
    """The seat meeting of a contest as last recorded, or None before it was held."""
    row = session.scalars(
        select(SeatMeetingRow)
        .where(SeatMeetingRow.contest == contest)
        .order_by(SeatMeetingRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    attendance = json.loads(row.attendance)
    return SeatMeeting(
        contest=row.contest,
        held_at=datetime.fromisoformat(row.held_at),
        place=row.place,
        decree_number=row.decree_number,
        court_notice=row.court_notice,
        members=tuple(attendance["anggota"]),
        bawaslu=tuple(attendance["bawaslu"]),
        parties=tuple(PartyRepresentative(int(n), name) for n, name in attendance["partai"]),
    )
