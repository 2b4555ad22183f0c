"""Sirekap's flags and photo addresses per TPS (domain/sirekap_marks.py), one packed row per form
version."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.sirekap_marks import TpsMark
from rekap_desktop.storage.meeting_store import TallyKey
from rekap_desktop.storage.orm import TallyRow
from rekap_desktop.storage.orm_sirekap_tps import SirekapTpsRow


def add(session: Session, key: TallyKey, version: int, marks: Sequence[TpsMark]) -> None:
    """Keep ``marks`` with version ``version`` of form ``key`` (already flushed)."""
    if not marks:
        return
    contest, unit, source = key
    tally_id = session.scalar(
        select(TallyRow.id).where(
            TallyRow.contest == contest,
            TallyRow.unit == unit,
            TallyRow.source == source,
            TallyRow.version == version,
        )
    )
    assert tally_id is not None  # the version was saved in this transaction
    packed = [
        [m.code, m.status_suara, m.status_adm, m.psu, m.photo_only, list(m.images)] for m in marks
    ]
    text = json.dumps(packed, ensure_ascii=False, separators=(",", ":"))
    session.add(SirekapTpsRow(tally_id=tally_id, tps_count=len(marks), marks=text))


def current(session: Session, contest: str, unit: str) -> dict[str, dict[str, TpsMark]]:
    """Source → TPS code → marks, of every source whose current form of ``contest`` × ``unit``
    came from Sirekap TPS files."""
    query = (
        select(TallyRow.source, SirekapTpsRow.marks)
        .join(SirekapTpsRow, SirekapTpsRow.tally_id == TallyRow.id)
        .where(TallyRow.is_current, TallyRow.contest == contest, TallyRow.unit == unit)
        .order_by(TallyRow.source)
    )
    found: dict[str, dict[str, TpsMark]] = {}
    for source, text in session.execute(query).all():
        marks = found.setdefault(source, {})
        for code, suara, adm, psu, photo_only, images in json.loads(text):
            marks[code] = TpsMark(code, suara, adm, psu, tuple(images), photo_only)
    return found
