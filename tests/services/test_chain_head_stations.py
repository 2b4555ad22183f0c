"""The head file on a file database and on a server database shared by stations: on SQLite the
chain must end where the head file says (nothing added behind the program's back); on PostgreSQL
other stations write after this one, so this station vouches for the chain up to its own last
entry — and a chain cut below that is found on either."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services import chain_anchor
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from tests.fixtures import write_setup


def _other_station_appends(url: str) -> None:
    """A write by a program that does not keep this station's head file (another station)."""
    engine = open_engine(url)
    with Session(engine) as session, session.begin():
        audit.append(session, "Meja 2", "procedure_recorded", {"catatan": "stasiun lain"})
    engine.dispose()


def test_entries_after_this_stations_head(db_url: str, tmp_path: Path) -> None:
    # GIVEN a meeting created at this station: its head file names the chain's newest entry
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path))
    path = chain_anchor.head_file(service.engine)
    assert path is not None and chain_anchor.read_head(path) is not None
    assert verify_integrity(service).ok
    # WHEN another writer appends to the chain
    _other_station_appends(db_url)
    report = verify_integrity(service)
    # THEN a shared server database accepts it (another station wrote it); a file on this laptop
    # has no other station, so an entry after the head file's is named as added outside
    if chain_anchor.is_shared(service.engine):
        assert report.ok, report
    else:
        assert len(report.anchors) == 1
        assert "entri ditambahkan di luar program" in report.anchors[0]
    service.engine.dispose()


def test_a_chain_cut_below_this_stations_head(db_url: str, tmp_path: Path) -> None:
    # GIVEN a meeting created at this station
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path))
    # WHEN its newest entry is deleted in the database
    with Session(service.engine) as session, session.begin():
        newest = session.scalar(select(func.max(AuditEntryRow.id)))
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.id == newest))
    # THEN on either kind of database the head file names the cut
    report = verify_integrity(service)
    assert len(report.anchors) == 1 and "entri terbaru telah dihapus" in report.anchors[0]
    service.engine.dispose()


def test_a_head_file_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    # GIVEN a database whose head file cannot be written (its place is taken by a folder)
    service = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    path = chain_anchor.head_file(service.engine)
    assert path is not None
    path.mkdir()
    # WHEN a meeting is created THEN it is refused, saying why, and nothing was written
    with pytest.raises(InputRejected, match="kepala rantai audit tidak dapat ditulis"):
        service.create_from_setup_file(write_setup(tmp_path))
    assert not service.has_pleno()
    with Session(service.engine) as session:
        assert audit.head_entry(session) == (0, audit.GENESIS)
    service.engine.dispose()
