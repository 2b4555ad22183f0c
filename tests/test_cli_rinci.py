"""``recap --json --unit KODE --rinci`` (formats §4): the desa/TPS rows kept per source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.command_line import cli_meeting
from tests.command_line import run_cli as _run
from tests.fixtures import HEADER

ROWS = "\n".join(
    [
        HEADER,
        "walikota,9901011001001,TPS 001,ppk,300,40,250,290,10,300",
        "walikota,9901011002001,TPS 001,ppk,400,60,330,390,10,400",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300",
        "walikota,9901011002001,,sirekap,400,60,880,940,10,950",
        "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
    ]
)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return cli_meeting(tmp_path, capsys, ROWS, "tps.csv")


def test_rinci_lists_each_kept_row_per_source(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # WHEN the recapitulation of UTARA is printed with its rows
    code, out, _ = _run(capsys, "recap", "--db", db, "--json", "--unit", "990101", "--rinci")
    # THEN UTARA's object carries every kept row, per source, with its file and version
    assert code == 0
    (contest,) = json.loads(out)["kontestasi"]
    utara, selatan = contest["unit"]
    assert "rinci" not in selatan
    rows = utara["rinci"]
    assert [(r["sumber"], r["kode_wilayah"], r["suara_02"]) for r in rows] == [
        ("ppk", "9901011001001", 250),
        ("ppk", "9901011002001", 330),
        ("sirekap", "9901011001001", 250),
        ("sirekap", "9901011002001", 880),
    ]
    assert {(r["berkas"], r["versi"]) for r in rows} == {("tps.csv", 1)}
    # AND the unit's value is the sum of its rows
    assert utara["suara_02"] == sum(r["suara_02"] for r in rows if r["sumber"] == "ppk")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--rinci",), "--unit KODE dan --rinci"),
        (("--unit", "990101"), "--unit KODE dan --rinci"),
        (("--unit", "990199", "--rinci"), "unit '990199' tidak ada"),
    ],
)
def test_rinci_without_a_known_unit_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    code, out, err = _run(capsys, "recap", "--db", db, "--json", *argv)
    assert code == 2 and out == ""
    assert said in err
