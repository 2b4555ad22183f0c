"""From a kecamatan's difference to the TPS behind it, in the running program, by keys.

The demo's first kecamatan (PALARAN, Gubernur) is imported again per TPS, from the PPK and from
Sirekap, with one Sirekap TPS misread (a 3 read as 8, or 2 as 7 …). At item 8 the operator shows
only the differing rows (Ctrl+D), opens the rincian per TPS of the selected row (Ctrl+Shift+D),
sends it to the projector (F5) and closes it (Esc). The verdict comes from outside: the projector's
screen changed, and ``recap --json --unit … --rinci`` gives the kept rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.journey.desktop import PROJECTOR_TITLE, REPO, Program, XDisplay
from tests.journey.meeting import Operator
from tests.journey.screens import colours

pytestmark = pytest.mark.xvfb

CONTEST, UNIT = "gubernur", "647201"
TPS = 3
MISREAD_TPS = "6472011001002"
DIALOG = "Rincian TPS"


def tps_rows(folder: Path) -> tuple[Path, int, int]:
    """The demo's PALARAN Gubernur rows of the PPK and Sirekap split into three TPS each, Sirekap's
    second TPS with one digit of suara nomor urut 2 misread; the file, and that TPS's two values."""
    with (REPO / "resources" / "sample_data" / "tallies.csv").open(encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    votes = header.index("suara_02")
    out, misread = [header], (0, 0)
    for row in rows:
        if row[0] != CONTEST or row[1] != UNIT or row[3] not in ("ppk", "sirekap"):
            continue
        for t in range(TPS):
            cells = [_part(cell, t) for cell in row]
            code = f"{UNIT}1001{t + 1:03d}"
            if row[3] == "sirekap" and code == MISREAD_TPS:
                read = _misread(cells[votes])
                misread = (int(cells[votes]), int(read))
                cells[votes] = read
            out.append([row[0], code, f"TPS {t + 1:03d}", row[3], *cells[4:]])
    path = folder / "palaran-per-tps.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(out)
    return path, *misread


def _misread(text: str) -> str:
    """The first digit a reader confuses, read as its look-alike."""
    for digit, seen in (("3", "8"), ("2", "7"), ("1", "7"), ("0", "8")):
        if digit in text:
            return text.replace(digit, seen, 1)
    raise AssertionError(f"{text}: no digit to misread")


def _part(cell: str, tps: int) -> str:
    if not cell.isdigit():
        return cell
    value = int(cell)
    return str(value // TPS if tps < TPS - 1 else value - (TPS - 1) * (value // TPS))


def test_the_tps_behind_a_difference_is_found_and_projected_by_keys(
    two_screens: XDisplay, tmp_path: Path
) -> None:
    # GIVEN the demo, with PALARAN's Gubernur forms imported again per TPS
    program = Program(two_screens, tmp_path / "rapat")
    program.cli("demo")
    rows, ppk_value, sirekap_value = tps_rows(tmp_path)
    assert ppk_value != sirekap_value
    program.cli("import", str(rows))
    program.start()
    try:
        operator = Operator(program)
        program.focus_cockpit()
        program.window(PROJECTOR_TITLE)
        # WHEN the operator reaches item 8 of PALARAN × Gubernur
        operator.run_opening()
        at = operator.reach_reading()
        assert (at.contest, at.unit) == (CONTEST, UNIT)
        # AND shows only the differing rows, then the TPS behind the selected one
        operator.focus_entry()
        program.key("ctrl+d")
        program.key("ctrl+shift+d")
        program.dialog(DIALOG)
        # AND sends them to the projector with F5, then closes them with Esc
        before = operator.projector_shot("proyektor-sebelum-rincian")
        program.key("F5")
        shown = operator.projector_changes(before, "proyektor-rincian-tps")
        assert colours(shown) > 5
        program.key("Escape")
        program.gone(DIALOG)
        # THEN the program goes on: Ctrl+Q ends it cleanly
        program.focus_cockpit()
        program.key("ctrl+q")
        assert program.wait_exit() == 0, program.stderr()
        assert "Traceback" not in program.stderr(), program.stderr()
    finally:
        program.kill()
    # AND from outside, the kept rows name the TPS and both values
    recap = json.loads(program.cli("recap", "--json", "--unit", UNIT, "--rinci").stdout)
    contest = next(c for c in recap["kontestasi"] if c["kode"] == CONTEST)
    palaran = next(u for u in contest["unit"] if u["kode_wilayah"] == UNIT)
    found = {(r["sumber"], r["kode_wilayah"]): r["suara_02"] for r in palaran["rinci"]}
    assert found[("ppk", MISREAD_TPS)] == ppk_value
    assert found[("sirekap", MISREAD_TPS)] == sirekap_value
    assert len(found) == 2 * TPS
