"""Reading and writing pencocokan / penghitungan suara ulang records."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recounts import (
    BoxState,
    FoundValue,
    Recount,
    RecountDecision,
    RecountEntry,
    RecountKind,
)
from rekap_desktop.storage.orm_recounts import RecountCorrectionRow, RecountRow


def add(session: Session, entry: RecountEntry, decided_by: str, at: str, actor: str) -> Recount:
    """Store the record under the next Nomor."""
    number = (session.scalar(select(func.max(RecountRow.number))) or 0) + 1
    session.add(
        RecountRow(
            number=number,
            contest=entry.contest,
            unit=entry.unit,
            kind=entry.kind.value,
            places=",".join(entry.places),
            proposed_by=entry.proposed_by,
            reason=entry.reason,
            incident_number=entry.incident_number,
            decision=entry.decision.value,
            decided_by=decided_by,
            box_state=entry.box_state.value,
            box_note=entry.box_note,
            counted_by=entry.counted_by,
            witnesses="\n".join(entry.witnesses),
            reference_source=entry.reference_source,
            found=json.dumps([[v.place, v.field, v.recorded, v.found] for v in entry.found]),
            at=at,
            actor=actor,
        )
    )
    session.flush()
    return Recount(number, entry, decided_by, at)


def recounts(session: Session, contest: str | None = None) -> list[Recount]:
    """Every record (of one contest), in the order recorded."""
    query = select(RecountRow).order_by(RecountRow.number)
    if contest is not None:
        query = query.where(RecountRow.contest == contest)
    return [_recount(row) for row in session.scalars(query)]


def recount(session: Session, number: int) -> Recount | None:
    row = session.get(RecountRow, number)
    return _recount(row) if row is not None else None


def link_correction(session: Session, correction_id: int, recount_number: int) -> None:
    session.add(RecountCorrectionRow(correction_id=correction_id, recount_number=recount_number))
    session.flush()


def corrections_of(session: Session) -> dict[int, list[int]]:
    """Recount Nomor → the ids of the corrections made on its strength, in order."""
    linked: dict[int, list[int]] = {}
    rows = session.scalars(
        select(RecountCorrectionRow).order_by(RecountCorrectionRow.correction_id)
    )
    for row in rows:
        linked.setdefault(row.recount_number, []).append(row.correction_id)
    return linked


def _recount(row: RecountRow) -> Recount:
    entry = RecountEntry(
        contest=row.contest,
        unit=row.unit,
        kind=RecountKind(row.kind),
        places=tuple(p for p in row.places.split(",") if p),
        proposed_by=row.proposed_by,
        reason=row.reason,
        decision=RecountDecision(row.decision),
        box_state=BoxState(row.box_state),
        counted_by=row.counted_by,
        witnesses=tuple(w for w in row.witnesses.split("\n") if w),
        found=tuple(
            FoundValue(place, FieldKey(key), recorded, found)
            for place, key, recorded, found in json.loads(row.found)
        ),
        incident_number=row.incident_number,
        box_note=row.box_note,
        reference_source=row.reference_source,
    )
    return Recount(row.number, entry, row.decided_by, row.at)
