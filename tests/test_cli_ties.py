"""`recap --json` on who is elected where: an equal first place decided by the law's spread rule
(UU 10/2016 Pasal 107(2)), and a Gubernur that a kab/kota meeting only sends up (formats §4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.app import main
from tests.ties_fixture import write_files


@pytest.fixture
def hasil(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    db = str(tmp_path / "pleno.sqlite")
    setup, tallies = write_files(tmp_path)
    assert main(["new", "--setup", str(setup), "--db", db]) == 0
    assert main(["import", str(tallies), "--db", db]) == 0
    capsys.readouterr()
    assert main(["recap", "--db", db, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    return {c["kode"]: c["hasil"] for c in document["kontestasi"]}


def test_a_kab_kota_meeting_sends_the_gubernur_up(hasil: dict[str, dict[str, object]]) -> None:
    # THEN the Gubernur's leader is named, never as elected
    assert hasil["gubernur"] == {"nomor_urut": 2, "suara_terbanyak": True}


def test_an_equal_first_place_is_decided_with_its_figures(
    hasil: dict[str, dict[str, object]],
) -> None:
    # THEN the Wali Kota tie goes to 1, the pair with votes in more kecamatan, figures included
    assert hasil["walikota"] == {
        "nomor_urut": 1,
        "terpilih": True,
        "persebaran": {
            "dasar": "UU 10/2016 Pasal 107 ayat (2)",
            "wilayah": "kecamatan",
            "jumlah_wilayah": 3,
            "penentu": "luas",
            "pasangan": [
                {
                    "nomor_urut": 1,
                    "suara": 100,
                    "wilayah_bersuara": 3,
                    "wilayah_unggul": 2,
                    "persentase_terendah": 33.33,
                },
                {
                    "nomor_urut": 2,
                    "suara": 100,
                    "wilayah_bersuara": 2,
                    "wilayah_unggul": 1,
                    "persentase_terendah": 0.0,
                },
            ],
        },
    }
