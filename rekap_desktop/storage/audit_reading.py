"""Reading the audit chain's entries for people (the audit-log viewer, the evidence pack), in
chain order, from a given entry on: a viewer that has the first thousands reads only the new."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.storage.orm import AuditEntryRow


@dataclass(frozen=True)
class StoredEntry:
    id: int
    at: str
    actor: str
    event: str
    payload: str
    prev_hash: str
    hash: str


def entries_after(session: Session, after: int = 0) -> list[StoredEntry]:
    """Every entry whose id is above ``after``, oldest first."""
    rows = session.execute(
        select(
            AuditEntryRow.id,
            AuditEntryRow.at,
            AuditEntryRow.actor,
            AuditEntryRow.event,
            AuditEntryRow.payload,
            AuditEntryRow.prev_hash,
            AuditEntryRow.hash,
        )
        .where(AuditEntryRow.id > after)
        .order_by(AuditEntryRow.id)
    )
    return [StoredEntry(*row) for row in rows]
