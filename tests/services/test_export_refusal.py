"""A package export on media that refuses writes is refused in Indonesian, writing nothing (it
goes through the one write unit like every other write)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.packages import PackageService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


def test_an_export_on_read_only_media_is_refused_and_writes_no_package(tmp_path: Path) -> None:
    # GIVEN a meeting whose database has become read-only
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    service.import_tally_file(write_tallies(tmp_path))
    before = service.verify_audit().entries
    service.engine.dispose()

    @event.listens_for(service.engine, "connect")
    def _read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    # WHEN the SEMENTARA package is exported THEN it is refused, saying why, and nothing written
    target = tmp_path / "HASIL.rekap"
    with pytest.raises(InputRejected, match="Media penyimpanan hanya-baca"):
        PackageService(service).export(target, determined=False)
    assert not target.exists()
    assert service.verify_audit().entries == before
    service.engine.dispose()
