"""``check --json`` (formats §4): plausibility warnings P01 … name the TPS they are about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.command_line import cli_meeting, run_cli
from tests.fixtures import HEADER

# Sirekap gives UTARA per TPS; TPS 002 and 003 carry the same votes (a copied sheet), TPS 003
# more voters than its DPT could give (no pindahan, no KTP-el) and a fifth of its votes invalid.
ROWS = "\n".join(
    [
        HEADER + ",pemilih_dpt_j",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300,320",
        "walikota,9901011001002,,sirekap,200,20,170,190,10,200,320",
        "walikota,9901011001003,,sirekap,340,20,170,190,50,240,320",
        "walikota,990101,UTARA,ppk,840,80,590,670,70,740,960",
    ]
)


def test_plausibility_warnings_appear_with_their_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a meeting with those TPS rows imported
    db = cli_meeting(tmp_path, capsys, ROWS, "tps.csv")
    # WHEN the meeting is checked
    code, out, _ = run_cli(capsys, "check", "--db", db, "--json")
    assert code == 0
    found = json.loads(out)["temuan"]
    # THEN each warning names its TPS and source, as a warning
    warnings = {(w["kode"], w["kode_wilayah"]) for w in found if w["kode"].startswith("P")}
    assert warnings == {
        ("P01", "9901011001003"),
        ("P02", "9901011001003"),
        ("P05", "9901011001002"),
        ("P05", "9901011001003"),
    }
    p01 = next(w for w in found if w["kode"] == "P01")
    assert (p01["tingkat"], p01["sumber"], p01["pemilihan"]) == ("warning", "sirekap", "walikota")
    assert "melebihi DPT" in p01["pesan"]
