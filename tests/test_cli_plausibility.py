"""``check --json`` (formats §4): plausibility warnings P01 … name the TPS they are about, carry
the meeting's override ("diabaikan") and follow the thresholds the meeting set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.domain.roles import Action
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.command_line import cli_meeting, run_cli
from tests.confirming import FALLBACK_KETUA, confirmed
from tests.fixtures import HEADER
from tests.plausibility_meeting import REASON

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


def test_an_overridden_warning_carries_who_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the same meeting, where the ketua overrode P01 of TPS 003 with a reason and PIN
    db = cli_meeting(tmp_path, capsys, ROWS, "tps.csv")
    pleno = PlenoService(open_engine(db))
    service = PlausibilityService(pleno)
    p01 = next(
        w.finding for w in service.unit_warnings("walikota", "990101") if w.finding.code == "P01"
    )
    service.override(p01, REASON, confirmed(pleno, Action.OVERRIDE_PLAUSIBILITY))
    pleno.engine.dispose()
    # WHEN the meeting is checked
    code, out, _ = run_cli(capsys, "check", "--db", db, "--json")
    assert code == 0
    found = [w for w in json.loads(out)["temuan"] if w["kode"].startswith("P")]
    # THEN P01 carries who overrode it and why; the other warnings carry nothing of it
    p01_json = next(w for w in found if w["kode"] == "P01")
    assert p01_json["diabaikan"] == {"oleh": FALLBACK_KETUA, "alasan": REASON}
    assert [w["kode"] for w in found if "diabaikan" in w] == ["P01"]


def test_the_meetings_thresholds_decide_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the same meeting, whose commissioner raised P02's limit to 25 % of the votes
    db = cli_meeting(tmp_path, capsys, ROWS, "tps.csv")
    pleno = PlenoService(open_engine(db))
    PlausibilityService(pleno).set_limits(
        {"invalid_share": "25"}, confirmed(pleno, Action.SET_PLAUSIBILITY_LIMITS)
    )
    pleno.engine.dispose()
    # WHEN the meeting is checked
    code, out, _ = run_cli(capsys, "check", "--db", db, "--json")
    assert code == 0
    # THEN TPS 003's fifth of invalid votes is no longer warned; the rest stands
    found = json.loads(out)["temuan"]
    warnings = {(w["kode"], w["kode_wilayah"]) for w in found if w["kode"].startswith("P")}
    assert warnings == {
        ("P01", "9901011001003"),
        ("P05", "9901011001002"),
        ("P05", "9901011001003"),
    }
