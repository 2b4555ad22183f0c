"""The projector's cable pulled mid-meeting and plugged back: the projector window goes away and
comes back on the projector screen by itself, and the meeting goes on meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.journey.desktop import (
    OPERATOR,
    PROJECTOR,
    PROJECTOR_TITLE,
    Program,
    XDisplay,
    missing_tools,
    poll,
)
from tests.journey.meeting import Operator
from tests.journey.screens import colours

pytestmark = pytest.mark.xvfb


@pytest.fixture
def own_two_screens(tmp_path: Path) -> Iterator[XDisplay]:
    """A display of this test's own: unplugging must not leave the shared one with one screen."""
    missing = missing_tools()
    if missing:
        pytest.skip(f"perangkat uji perjalanan tidak terpasang: {', '.join(missing)} (.ci/run)")
    display = XDisplay(tmp_path / "x", [OPERATOR, PROJECTOR])
    try:
        yield display
    finally:
        display.close()


def test_projector_unplugged_and_plugged_back_mid_meeting(
    own_two_screens: XDisplay, start_program: Callable[[XDisplay], Program]
) -> None:
    # GIVEN a meeting under way at the first kecamatan, the projector showing on screen two
    program = start_program(own_two_screens)
    operator = Operator(program)
    program.focus_cockpit()
    program.window(PROJECTOR_TITLE)
    for item in ("2", "3", "4"):
        operator.next_step(item)

    # WHEN the projector's cable is pulled
    own_two_screens.unplug(PROJECTOR)

    # THEN its window goes away, the cockpit stays, and the meeting goes on (items 4 → 5)
    program.gone(PROJECTOR_TITLE)
    program.focus_cockpit()
    operator.open_box()
    operator.next_step("5")

    # WHEN the cable is plugged back in
    own_two_screens.plug(PROJECTOR)

    # THEN the projector window comes back by itself, filling the projector screen
    window = program.window(PROJECTOR_TITLE)
    poll(
        "proyektor kembali di layar kedua",
        lambda: program.geometry(window)[0::2] == (PROJECTOR.x, PROJECTOR.width),
    )
    # AND what F5 sends is shown there again
    program.focus_cockpit()
    before = operator.projector_shot("proyektor-setelah-dipasang")
    program.key("F5")
    shown = operator.projector_changes(before, "proyektor-f5-setelah-dipasang")
    assert colours(shown) > 5
    program.assert_alive()
    assert "Traceback" not in program.stderr(), program.stderr()
