"""Reading and writing the meeting's decisions on error findings of the determined values."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.finding_decisions import FindingDecision
from rekap_desktop.storage.orm_finding_decisions import FindingDecisionRow


def add_decision(session: Session, decision: FindingDecision, actor: str) -> None:
    session.add(
        FindingDecisionRow(
            contest=decision.contest,
            unit=decision.unit,
            code=decision.code,
            fields=",".join(decision.fields),
            message=decision.message,
            reason=decision.reason,
            decided_by=decision.decided_by,
            at=decision.at,
            actor=actor,
        )
    )
    session.flush()


def decisions(
    session: Session, contest: str | None = None, unit: str | None = None
) -> list[FindingDecision]:
    """Every decision recorded (of one contest, of one pair), oldest first."""
    query = select(FindingDecisionRow).order_by(FindingDecisionRow.id)
    if contest is not None:
        query = query.where(FindingDecisionRow.contest == contest)
    if unit is not None:
        query = query.where(FindingDecisionRow.unit == unit)
    return [
        FindingDecision(
            r.contest,
            r.unit,
            r.code,
            tuple(f for f in r.fields.split(",") if f),
            r.message,
            r.reason,
            r.decided_by,
            r.at,
        )
        for r in session.scalars(query)
    ]
