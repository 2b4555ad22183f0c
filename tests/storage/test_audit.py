from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from rekap_desktop.storage import audit
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session on a database holding a chain of three entries."""
    engine = open_engine(db_url)
    with Session(engine) as session:
        with session.begin():
            for i in range(3):
                audit.append(session, "operator", "uji", {"n": i, "teks": "ä"})
        yield session
    engine.dispose()


def test_a_fresh_chain_verifies(session: Session) -> None:
    # GIVEN three entries appended WHEN verified THEN all hold
    report = audit.verify(session)
    assert (report.ok, report.entries, report.broken_at) == (True, 3, None)


def test_an_edited_payload_breaks_the_chain_at_that_entry(session: Session) -> None:
    # GIVEN a chain whose second entry is edited behind the program's back
    with session.begin():
        session.execute(
            update(AuditEntryRow).where(AuditEntryRow.id == 2).values(payload='{"n":9}')
        )
    # WHEN verified THEN the break is named at entry 2
    report = audit.verify(session)
    assert (report.ok, report.broken_at) == (False, 2)
    assert "diubah" in report.reason


def test_a_removed_entry_is_detected(session: Session) -> None:
    with session.begin():
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.id == 2))
    report = audit.verify(session)
    assert (report.ok, report.broken_at) == (False, 2)
    assert "hilang" in report.reason


def test_a_rehashed_forgery_still_breaks_the_link(session: Session) -> None:
    # GIVEN entry 2 rewritten with a recomputed hash of its own
    with session.begin():
        row = session.get(AuditEntryRow, 2)
        assert row is not None
        row.payload = '{"n":99}'
        row.hash = audit.entry_hash(
            row.id, row.at, row.actor, row.event, row.payload, row.prev_hash
        )
    # THEN entry 3 no longer links to it
    report = audit.verify(session)
    assert (report.ok, report.broken_at) == (False, 3)
