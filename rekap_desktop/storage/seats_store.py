"""Reading and writing the meeting's decisions on open ties of the seat allocation."""

from __future__ import annotations

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


def decision_rows(session: Session, contest: str) -> list[tuple[str, str, str, str, str]]:
    """Every recorded decision in order: (tie key, chosen, reason, decided by, decided at)."""
    rows = session.scalars(
        select(SeatDecisionRow)
        .where(SeatDecisionRow.contest == contest)
        .order_by(SeatDecisionRow.id)
    )
    return [(r.tie_key, r.chosen, r.reason, r.decided_by, r.decided_at) for r in rows]
