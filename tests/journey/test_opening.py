"""The shortest journey: first start on the demo, items 1–3 by keys, Ctrl+Q ends the process."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.journey.desktop import OPERATOR, PROJECTOR, PROJECTOR_TITLE, Program, XDisplay
from tests.journey.pdf_text import pdf_text

pytestmark = pytest.mark.xvfb

ATTENDEE = "Hendra Gunawan Saputra"


def test_first_start_items_1_to_3_then_ctrl_q_ends_the_process(
    two_screens: XDisplay, start_program: Callable[[XDisplay], Program], tmp_path: Path
) -> None:
    # GIVEN the program started for the first time on a laptop with a projector beside it
    program = start_program(two_screens)
    cockpit = program.focus_cockpit()
    projector = program.window(PROJECTOR_TITLE)
    x, _, width, _ = program.geometry(projector)
    assert (x, width) == (PROJECTOR.x, PROJECTOR.width), "proyektor tidak di layar kedua"
    assert program.geometry(cockpit)[0] < OPERATOR.width

    # WHEN the operator records one attendee at item 1 (Insert, name typed, Enter)
    program.key("Insert")
    program.dialog("Daftar hadir")
    program.key("Tab")
    program.type(ATTENDEE)
    program.key("Return")
    program.gone("Daftar hadir")
    program.activate(cockpit)

    # AND pages through items 2 and 3 to the first kecamatan's item 4 with PgDn
    at = program.position()
    assert at is not None
    for item in ("2", "3", "4"):
        program.key("Next")
        at = program.wait_moved(at, f"butir {item}")
        assert at.item == item, at
    assert at.unit == "647201"
    program.screenshot("proyektor-butir-4", PROJECTOR)
    program.screenshot("kokpit-butir-4", OPERATOR)

    # AND quits with Ctrl+Q while the projector is connected
    program.key("ctrl+q")

    # THEN the process ends by itself, cleanly, and the database holds what was done
    assert program.wait_exit() == 0, program.stderr()
    assert "Traceback" not in program.stderr(), program.stderr()
    # AND the file copied alone at once, as a secretariat copies it to a flash disk, holds it
    alone = tmp_path / "salinan" / "pleno.sqlite"
    alone.parent.mkdir()
    shutil.copyfile(program.db, alone)
    with closing(sqlite3.connect(alone)) as db:
        assert ATTENDEE in [name for (name,) in db.execute("SELECT name FROM attendance")]
    assert "utuh" in program.cli("audit", "--verify").stdout
    attendance = tmp_path / "daftar-hadir.pdf"
    program.cli("report", "daftar-hadir", "--out", str(attendance))
    assert ATTENDEE in pdf_text(attendance)
