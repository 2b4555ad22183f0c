"""Sirekap's own flags and photo addresses are kept per TPS with the form version they came with,
recorded by the audit chain, shown in the rincian desa/TPS and in ``recap --json --rinci``; a TPS
file with photos only is reported, not stored as zeros (issue #21 points 2 and 5)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.places import unit_marks, unit_places
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage.engine import open_engine
from tests.command_line import run_cli
from tests.interchange.exchange_fixtures import PPWP_SETUP, tps_file, write_json
from tests.interchange.test_sirekap_marks import photo_only_file, photos


@pytest.fixture
def pemilu(tmp_path: Path, db_url: str) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(db_url), actor="uji")
    service.create_from_setup_file(write_json(tmp_path, "pleno.json", PPWP_SETUP))
    yield service
    service.engine.dispose()


def _folder(folder: Path) -> Path:
    """UTARA: one TPS read (administration not verified), one PSU, one with a photo only."""
    folder.mkdir()
    read = tps_file((10, 20))
    read.update(status_adm=False, images=photos("9901011001001", 1, 2, 3))
    write_json(folder, "9901011001001.json", read)
    repeated = tps_file((5, 5))
    repeated["psu"] = "PSU"
    write_json(folder, "9901011001002.json", repeated)
    write_json(folder, "9901011002001.json", photo_only_file("9901011002001"))
    return folder


def test_flags_are_kept_per_tps_and_the_chain_covers_them(
    pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a folder of UTARA's Sirekap TPS files, one of them with a photo only
    folder = _folder(tmp_path / "tps")
    # WHEN it is imported
    report = SirekapImportService(pemilu).import_paths([folder])
    # THEN the report names the photo-only TPS, in Indonesian
    assert (
        "  1 TPS hanya berisi foto, tanpa angka: 9901011002001 (tidak dicatat sebagai nol; "
        "fotonya dapat dibuka di rincian desa/TPS)"
    ) in report.lines()
    # AND each TPS keeps its flags with the form version
    marks = unit_marks(pemilu, "ppwp", "990101")["sirekap"]
    assert {code: mark.words() for code, mark in marks.items()} == {
        "9901011001001": "status adm: belum",
        "9901011001002": "PSU",
        "9901011002001": "status suara: belum; status adm: belum; hanya foto",
    }
    assert marks["9901011001001"].photos == tuple(photos("9901011001001", 1, 2, 3))
    # AND the photo-only TPS adds no zero: its place reads "hanya foto", the sum is the others'
    assert pemilu.tallies()[("ppwp", "990101", "sirekap")].value("suara_02") == 25
    found = unit_places(pemilu, "ppwp", "990101", "suara_02")
    assert found is not None
    line = next(line for line in found.lines if line.code == "9901011002001")
    assert line.values == (None,) and found.photo_only(line, 0)
    assert verify_integrity(pemilu).ok
    # WHEN a kept flag is changed behind the program's back
    with pemilu.engine.begin() as connection:
        connection.execute(text("UPDATE sirekap_tps SET marks = REPLACE(marks, 'PSU', 'Reguler')"))
    # THEN the check names the table
    report_after = verify_integrity(pemilu)
    assert not report_after.ok
    assert any("sirekap_tps" in line for line in report_after.mismatches)


def test_a_new_import_keeps_its_own_flags(pemilu: PlenoService, tmp_path: Path) -> None:
    # GIVEN the folder imported, then a newer file where Sirekap has read the photo-only TPS
    importer = SirekapImportService(pemilu)
    importer.import_paths([_folder(tmp_path / "tps")])
    newer = tps_file((7, 8))
    newer["ts"] = "2024-02-17 10:00:00"
    (tmp_path / "tps" / "9901011002001.json").unlink()
    write_json(tmp_path / "tps", "9901011002001.json", newer)
    for name in ("9901011001001.json", "9901011001002.json"):
        document = json.loads((tmp_path / "tps" / name).read_text())
        document["ts"] = "2024-02-17 10:00:00"
        write_json(tmp_path / "tps", name, document)
    # WHEN imported again
    report = importer.import_paths([tmp_path / "tps"])
    # THEN the current flags are the new version's, and nothing is photo-only any more
    assert not any("hanya berisi foto" in line for line in report.lines())
    marks = unit_marks(pemilu, "ppwp", "990101")["sirekap"]
    assert not marks["9901011002001"].photo_only
    assert verify_integrity(pemilu).ok


def test_recap_rinci_gives_the_flags_as_one_extra_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a Pemilu meeting with UTARA's Sirekap TPS files imported at the command line
    db = str(tmp_path / "pleno.sqlite")
    setup = write_json(tmp_path, "pleno.json", PPWP_SETUP)
    assert run_cli(capsys, "new", "--setup", str(setup), "--db", db)[0] == 0
    assert run_cli(capsys, "import", str(_folder(tmp_path / "tps")), "--db", db)[0] == 0
    # WHEN recap --json --unit 990101 --rinci is printed
    code, out, _ = run_cli(
        capsys, "recap", "--db", db, "--sumber", "sirekap", "--json", "--unit", "990101", "--rinci"
    )
    assert code == 0
    [unit] = [u for u in json.loads(out)["kontestasi"][0]["unit"] if u["kode_wilayah"] == "990101"]
    rows = {row["kode_wilayah"]: row for row in unit["rinci"]}
    # THEN each TPS row carries Sirekap's flags under "tanda_sirekap", its numbers as before
    assert rows["9901011001001"]["suara_02"] == 20
    assert rows["9901011001001"]["tanda_sirekap"] == {
        "status_suara": True,
        "status_adm": False,
        "psu": None,
        "hanya_foto": False,
        "foto": photos("9901011001001", 1, 2, 3),
    }
    photo_only = rows["9901011002001"]
    assert "suara_02" not in photo_only and photo_only["tanda_sirekap"]["hanya_foto"] is True
    assert photo_only["tanda_sirekap"]["foto"] == [*photos("9901011002001", 1), "", ""]
