"""A snapshot session reads one committed state from its first read to its end: a write that
another station commits meanwhile is not half seen (the integrity check compares the audit
chain with the stored rows, read one after the other)."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.unit_of_work import Engine, read, snapshot, write
from tests.fixtures import write_setup


def _append(engine: Engine) -> None:
    with write(engine, "Stasiun B") as w:
        w.audit(AuditEvent.SCREEN_UNLOCKED, {"nama": "Stasiun B"})


def test_a_snapshot_does_not_see_a_write_committed_after_its_first_read(
    db_url: str, tmp_path: Path
) -> None:
    # GIVEN a meeting and a second station on the same database
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path))
    other = open_engine(db_url)
    try:
        with snapshot(service.engine) as session:
            first = audit.head_entry(session)
            # WHEN the other station commits an entry between two reads of the snapshot
            _append(other)
            # THEN the snapshot still reads the state of its first read
            assert audit.head_entry(session) == first
            assert audit.verify(session).entries == first[0]
        # … and a new read sees the entry
        with read(service.engine) as session:
            assert audit.head_entry(session)[0] == first[0] + 1
    finally:
        other.dispose()
        service.engine.dispose()
