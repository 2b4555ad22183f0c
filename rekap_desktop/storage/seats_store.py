"""Reading and writing the meeting's decisions on open ties of the seat allocation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.storage.orm_seats import SeatDecisionRow


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


@dataclass(frozen=True)
class StoredDecision:
    """A recorded decision on an open tie, as the seat-allocation form prints it."""

    key: str
    chosen: tuple[int, ...]
    reason: str
    decided_by: str
    decided_at: str


def decision_records(session: Session, contest: str) -> list[StoredDecision]:
    """Every decision recorded for a contest, oldest first (a later one on a key replaces it)."""
    rows = session.scalars(
        select(SeatDecisionRow)
        .where(SeatDecisionRow.contest == contest)
        .order_by(SeatDecisionRow.id)
    )
    return [
        StoredDecision(
            row.tie_key,
            tuple(int(n) for n in row.chosen.split(",") if n),
            row.reason,
            row.decided_by,
            row.decided_at,
        )
        for row in rows
    ]
