"""The commonest KPU laptop alone: one 1366×768 screen, no projector. Everything the operator
opens lies on that screen, the rehearsal projector (Alt+L) shows the meeting as a window there,
and the meeting runs by keys through the first kecamatan, a skors, the print centre and Ctrl+Q.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.journey.desktop import OPERATOR, PROJECTOR_TITLE, Program, XDisplay
from tests.journey.meeting import PRINT_CENTRE, Operator
from tests.journey.pdf_text import pdf_text
from tests.journey.screens import colours

pytestmark = pytest.mark.xvfb


def assert_on_screen(program: Program, wid: int, what: str) -> None:
    x, y, width, height = program.geometry(wid)
    assert x >= 0 and y >= 0, f"{what} mulai di luar layar ({x}, {y})"
    assert x + width <= OPERATOR.width and y + height <= OPERATOR.height, (
        f"{what} keluar layar 1366×768: {width}×{height} di ({x}, {y})"
    )


def test_one_laptop_screen_rehearsal_projector_and_first_kecamatan(
    one_screen: XDisplay, start_program: Callable[..., Program], tmp_path: Path
) -> None:
    # GIVEN the program opened for the first time on a lone 1366×768 screen
    program = start_program(one_screen)
    operator = Operator(program)
    cockpit = program.focus_cockpit()
    # THEN the cockpit lies wholly on the screen and no projector window is shown
    assert_on_screen(program, cockpit, "kokpit")
    assert not any(PROJECTOR_TITLE in title for title in program.windows().values())

    # WHEN the operator opens the rehearsal projector (F7 shows the projector panel when the
    # narrow screen hid it; Alt+L is "Latihan di layar ini")
    program.key("F7")
    program.key("alt+l")
    rehearsal = program.window(PROJECTOR_TITLE)
    # THEN it is a window on the same screen, showing the meeting
    assert_on_screen(program, rehearsal, "proyektor latihan")
    shot = program.screenshot("latihan-proyektor", OPERATOR)
    assert colours(shot) > 5
    program.focus_cockpit()

    # AND the meeting runs by keys through items 1–3 and the first kecamatan
    operator.run_opening()
    operator.open_box()
    for item in ("5", "6", "7"):
        operator.next_step(item)
    while operator.at().item != "4":
        program.key("F5")
        for item in ("8", "9", "10"):
            operator.next_step(item)
        operator.mark_read()
        operator.next_step()
    assert operator.at().unit == "647202"

    # AND a skors is called and lifted; its dialog lies on the screen
    before = operator.at()
    program.key("p")
    assert_on_screen(program, program.dialog("Skors rapat"), "dialog skors")
    program.type("Istirahat")
    program.key("Return")
    assert program.wait_moved(before, "skors").paused
    operator.resume()

    # AND the print centre opens on the screen and saves a D.Hasil to PDF
    program.key("ctrl+p")
    assert_on_screen(program, program.dialog(PRINT_CENTRE), "pusat cetak")
    program.key("Escape")
    program.gone(PRINT_CENTRE)
    program.focus_cockpit()
    saved = tmp_path / "d-hasil.pdf"
    operator.save_pdf_from_print_centre(saved)
    assert "MODEL D.HASIL KABKO-KWK" in pdf_text(saved)

    # AND Ctrl+Q ends the process, the rehearsal window with it
    program.key("ctrl+q")
    assert program.wait_exit() == 0, program.stderr()
    assert "Traceback" not in program.stderr(), program.stderr()
    assert "utuh" in program.cli("audit", "--verify").stdout
