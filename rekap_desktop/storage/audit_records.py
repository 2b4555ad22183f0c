"""What the audit chain says the database should hold, read in one pass over its entries: the
meeting as created, the last values of every form, the last recorded state of every other row,
and any change of values the chain shows while the result was determined."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.storage.audit import FORMS
from rekap_desktop.storage.orm import AuditEntryRow
from rekap_desktop.storage.row_records import ROWS, TableRecords

_FORM_KEYS = frozenset({"pemilihan", "kode_wilayah", "sumber", "nilai"})
_PROCEDURE = frozenset(
    {
        AuditEvent.PROCEDURE_MOVED.value,
        AuditEvent.PROCEDURE_RECORDED.value,
        AuditEvent.FOLLOW_UP_OPENED.value,  # re-opens the result (the move's own entry)
    }
)
_DETERMINED = "ditetapkan"
"""Procedure entries record whether the result is determined after them (procedure_service)."""
_SEAT_DECIDED = AuditEvent.SEAT_TIE_DECIDED.value
_SEAT_MEETING = AuditEvent.SEAT_MEETING_RECORDED.value
"""Seat ties are the seat meeting's business (PKPU 6/2024 Pasal 17, 22): decided after the
recapitulation's penetapan, they are locked once that meeting's Keputusan is recorded."""


@dataclass(frozen=True)
class LockedChange:
    """An entry that changed the result while an earlier entry had determined it: the program
    refuses such a change, so the chain shows a determination hidden while the change was made."""

    entry: int
    event: str
    determined_by: int


@dataclass
class ChainRecords:
    created: dict[str, Any] | None = None
    """The payload of the entry that created the meeting."""
    forms: dict[tuple[str, str, str], dict[str, int]] = field(default_factory=dict)
    """(contest, unit, source) → the last values recorded for that form."""
    rows: dict[str, TableRecords] = field(default_factory=dict)
    """Table → row key → the row as last recorded (None: recorded as deleted)."""
    locked_changes: list[LockedChange] = field(default_factory=list)


def read(session: Session) -> ChainRecords:
    records = ChainRecords()
    determined_by: int | None = None
    seats_decided_by: dict[str, int] = {}
    query = select(AuditEntryRow.id, AuditEntryRow.event, AuditEntryRow.payload).order_by(
        AuditEntryRow.id
    )
    for entry_id, event, text in session.execute(query):
        payload = json.loads(text)
        if not isinstance(payload, dict):
            continue
        if event == AuditEvent.PLENO_CREATED and records.created is None:
            records.created = payload
        forms = _forms(records, payload)
        if determined_by is not None and forms:
            records.locked_changes.append(LockedChange(entry_id, event, determined_by))
        contest = str(payload.get("pemilihan", ""))
        if event == _SEAT_DECIDED and contest in seats_decided_by:
            records.locked_changes.append(LockedChange(entry_id, event, seats_decided_by[contest]))
        if event == _SEAT_MEETING:
            seats_decided_by.setdefault(contest, entry_id)
        if event in _PROCEDURE and _DETERMINED in payload:
            determined = bool(payload[_DETERMINED])
            determined_by = (determined_by or entry_id) if determined else None
        _rows(records, payload.get(ROWS))
    return records


def _forms(records: ChainRecords, payload: dict[str, Any]) -> bool:
    forms = payload.get(FORMS)
    if not isinstance(forms, list):  # another event may use the word for something else
        return False
    for form in forms:
        if isinstance(form, dict) and _FORM_KEYS <= form.keys():
            records.forms[(form["pemilihan"], form["kode_wilayah"], form["sumber"])] = form["nilai"]
    return bool(forms)


def _rows(records: ChainRecords, rows: object) -> None:
    if not isinstance(rows, dict):
        return
    for table, written in rows.items():
        if isinstance(written, dict):
            records.rows.setdefault(table, {}).update(written)
