"""A print is written through the one unit of work: a storage refusal is a clear message and
leaves no version and no audit entry behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


def _meeting(tmp_path: Path) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    service.import_tally_file(write_tallies(tmp_path))
    return service


def test_a_print_on_a_full_disk_is_refused_and_records_nothing(tmp_path: Path) -> None:
    # GIVEN a meeting whose database cannot grow by a single page any more, and a listener
    service = _meeting(tmp_path)
    before = service.verify_audit().entries
    service.engine.dispose()

    @event.listens_for(service.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    heard: list[Change] = []
    service.bus.subscribe(heard.append)
    printer = PrintService(service)
    # WHEN the D.Hasil is printed (its PDF needs room) THEN it is refused in Indonesian …
    with pytest.raises(InputRejected, match="Penyimpanan penuh"):
        printer.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    # … with no version kept, no audit entry taken and nothing announced
    assert printer.log() == []
    assert service.verify_audit().entries == before
    assert heard == []


def test_a_print_is_announced_once_with_its_contest(tmp_path: Path) -> None:
    # GIVEN a meeting and a listener
    service = _meeting(tmp_path)
    heard: list[Change] = []
    service.bus.subscribe(heard.append)
    # WHEN one form is printed THEN its print is heard once, naming the contest
    PrintService(service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    assert [(c.what, c.contests) for c in heard] == [("form_printed", frozenset({"walikota"}))]
