"""The audit chain: each entry stores the hash of the previous one, so no entry can be altered,
removed or slipped in without the chain breaking at that place."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.storage import row_records
from rekap_desktop.storage.orm import AuditEntryRow

GENESIS = "0" * 64


def canonical_json(payload: object) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(entry_id: int, at: str, actor: str, event: str, payload: str, prev: str) -> str:
    text = "\x1f".join((str(entry_id), at, actor, event, payload, prev))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


FORMS = "formulir"
"""Payload key under which an entry lists the forms it wrote, each with its values in full."""


def form_record(
    contest: str,
    unit: str,
    source: str,
    version: int,
    values: Mapping[str, int] | Mapping[FieldKey, int],
) -> dict[str, object]:
    """How an entry records one written form version, so the chain can vouch for current values."""
    return {
        "pemilihan": contest,
        "kode_wilayah": unit,
        "sumber": source,
        "versi": version,
        "nilai": dict(sorted(values.items())),
    }


def now_iso() -> str:
    return clock.stamp()


def append(session: Session, actor: str, event: str, payload: object) -> AuditEntryRow:
    """Add the next entry of the chain to ``session`` (committed with the change it records).

    The rows the session wrote since its last entry are recorded in this one (see row_records)."""
    rows = row_records.take(session)
    if rows:
        payload = {**payload, row_records.ROWS: rows} if isinstance(payload, dict) else payload
    row_records.mark_appended(session, actor)
    last = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id.desc()).limit(1)).first()
    entry_id = (last.id + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = now_iso()
    text = canonical_json(payload)
    row = AuditEntryRow(
        id=entry_id,
        at=at,
        actor=actor,
        event=event,
        payload=text,
        prev_hash=prev,
        hash=entry_hash(entry_id, at, actor, event, text, prev),
    )
    session.add(row)
    session.flush()
    _note_new_head(session, row)
    return row


@event.listens_for(Session, "before_commit")
def _record_late_rows(session: Session) -> None:
    """Rows written after a transaction's last entry are recorded by one more entry."""
    actor = row_records.untaken(session)
    if actor is not None:
        append(session, actor, AuditEvent.ROWS_RECORDED, {})


NEW_HEAD = "rekap_audit_new_head"
"""Key in the session's ``info`` under which the open transaction's appends are noted —
``((base id, base hash), (new head id, new head hash))`` — for whoever anchors the chain's head
outside the database when the transaction commits (``services.chain_anchor``); removed there, or
on rollback."""


def _note_new_head(session: Session, row: AuditEntryRow) -> None:
    noted = session.info.get(NEW_HEAD)
    base = noted[0] if noted else (row.id - 1, row.prev_hash)
    session.info[NEW_HEAD] = (base, (row.id, row.hash))


def head(session: Session) -> int:
    return session.scalar(select(func.max(AuditEntryRow.id))) or 0


def hash_at(session: Session, entry_id: int) -> str | None:
    """The stored hash of entry ``entry_id`` (GENESIS for 0, the chain before its first entry);
    None when there is no such entry."""
    if entry_id == 0:
        return GENESIS
    return session.scalar(select(AuditEntryRow.hash).where(AuditEntryRow.id == entry_id))


def head_entry(session: Session) -> tuple[int, str]:
    """The chain's newest entry as (id, hash); (0, GENESIS) for an empty chain."""
    row = session.execute(
        select(AuditEntryRow.id, AuditEntryRow.hash).order_by(AuditEntryRow.id.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else (0, GENESIS)


def verify(session: Session) -> ChainReport:
    prev = GENESIS
    expected_id = 1
    count = 0
    for row in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id)):
        if row.id != expected_id:
            return ChainReport(count, expected_id, f"entri #{expected_id} hilang")
        if row.prev_hash != prev:
            return ChainReport(
                count, row.id, f"entri #{row.id} tidak tersambung ke entri sebelumnya"
            )
        actual = entry_hash(row.id, row.at, row.actor, row.event, row.payload, row.prev_hash)
        if actual != row.hash:
            return ChainReport(count, row.id, f"isi entri #{row.id} telah diubah")
        prev = row.hash
        expected_id += 1
        count += 1
    return ChainReport(count, None, "utuh")


def form_writer(session: Session, key: tuple[str, str, str], version: int) -> str | None:
    """Who wrote version ``version`` of one (contest, unit, source) form, as its audit entry
    records it; None when no entry names that version."""
    contest, unit, source = key
    # Form records are canonical JSON (keys sorted), so this narrows the scan to likely entries.
    needle = f'"pemilihan":{canonical_json(contest)},"sumber":{canonical_json(source)},'
    needle += f'"versi":{version}}}'
    rows = session.scalars(
        select(AuditEntryRow)
        .where(AuditEntryRow.payload.contains(needle, autoescape=True))
        .order_by(AuditEntryRow.id.desc())
    )
    for row in rows:
        payload = json.loads(row.payload)
        forms = payload.get(FORMS) if isinstance(payload, dict) else None
        for form in forms if isinstance(forms, list) else ():
            if (
                isinstance(form, dict)
                and (form.get("pemilihan"), form.get("kode_wilayah"), form.get("sumber")) == key
                and form.get("versi") == version
            ):
                return row.actor
    return None
