"""Desa and TPS rows are kept as they came with their file, version and time; the kecamatan's
value stays their sum (issue: from the kecamatan to the TPS, point 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import HEADER, TPS_ROWS, write_setup, write_tallies


@pytest.fixture
def service(tmp_path: Path, db_url: str) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path))
    yield service
    service.engine.dispose()


def test_tps_rows_are_kept_with_their_file_and_version(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN TPS rows of UTARA from the PPK and from Sirekap, and SELATAN as one row
    service.import_tally_file(write_tallies(tmp_path, TPS_ROWS, "tps.csv"))
    # WHEN the kept rows of UTARA are read
    kept = {form.source: form for form in service.kept_rows("walikota", "990101")}
    # THEN each source's rows are there as imported, and the kecamatan's value is their sum
    assert sorted(kept) == ["ppk", "sirekap"]
    sirekap = kept["sirekap"]
    assert (sirekap.file_name, sirekap.version) == ("tps.csv", 1)
    assert [(row.code, row.values["suara_02"]) for row in sirekap.rows] == [
        ("9901011001001", 250),
        ("9901011001002", 880),
    ]
    assert service.tallies()[("walikota", "990101", "sirekap")].value("suara_02") == 1130
    assert sirekap.rows.total() == dict(service.tallies()[("walikota", "990101", "sirekap")])
    # AND a unit given as its own row keeps no rows below it
    assert service.kept_rows("walikota", "990102") == []


def test_a_new_import_keeps_its_own_rows_and_the_unit_row_replaces_them(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the TPS rows imported once, then Sirekap again with one TPS changed
    service.import_tally_file(write_tallies(tmp_path, TPS_ROWS, "tps.csv"))
    again = TPS_ROWS.replace(",sirekap,400,60,880,940,10,950", ",sirekap,400,60,330,390,10,400")
    service.import_tally_file(write_tallies(tmp_path, again, "tps-2.csv"))
    # THEN the current rows are those of the newer file, as version 2
    sirekap = next(f for f in service.kept_rows("walikota", "990101") if f.source == "sirekap")
    assert (sirekap.file_name, sirekap.version) == ("tps-2.csv", 2)
    assert [row.values["suara_02"] for row in sirekap.rows] == [250, 330]
    # WHEN the PPK then gives UTARA as one row
    own = "\n".join([HEADER, "walikota,990101,UTARA,ppk,700,100,580,680,20,700"])
    service.import_tally_file(write_tallies(tmp_path, own, "unit.csv"))
    # THEN the PPK's current form has no rows below it any more
    assert [f.source for f in service.kept_rows("walikota", "990101")] == ["sirekap"]


def test_kept_rows_changed_behind_the_programs_back_are_found(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN kept rows, then the stored rows overwritten with another file's
    service.import_tally_file(write_tallies(tmp_path, TPS_ROWS, "tps.csv"))
    assert verify_integrity(service).ok
    with service.engine.begin() as connection:
        rows = connection.execute(text("SELECT tally_id, cells FROM kept_rows")).all()
        first, second = rows[0], rows[1]
        connection.execute(
            text("UPDATE kept_rows SET cells = :cells WHERE tally_id = :id"),
            {"cells": second.cells, "id": first.tally_id},
        )
    # WHEN the meeting is checked
    report = verify_integrity(service)
    # THEN the change is named
    assert not report.ok
    assert any("kept_rows" in line for line in report.mismatches)
