"""The storage refusing a write (disk full, read-only media): a clear message, nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


def _service(tmp_path: Path) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    return service


def test_disk_full_refuses_the_import_and_keeps_the_database(tmp_path: Path) -> None:
    # GIVEN a database that cannot grow by a single page any more
    service = _service(tmp_path)
    before = service.verify_audit().entries
    service.engine.dispose()

    @event.listens_for(service.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    big = "pemilihan,kode_wilayah,sumber,suara_01\n" + "".join(
        f"walikota,990101{i:07d},ppk,1\n" for i in range(20_000)
    )
    # WHEN an import needs more room THEN it is refused with a message and nothing changed
    with pytest.raises(InputRejected, match="Penyimpanan penuh"):
        service.import_tally_file(write_tallies(tmp_path, big, "besar.csv"))
    assert service.tallies() == {}
    assert service.verify_audit().entries == before


def test_read_only_media_refuses_with_a_message(tmp_path: Path) -> None:
    service = _service(tmp_path)
    service.engine.dispose()

    @event.listens_for(service.engine, "connect")
    def _read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    with pytest.raises(InputRejected, match="Media penyimpanan hanya-baca"):
        service.import_tally_file(write_tallies(tmp_path))
