"""Journey tests: the real program as a process on Xvfb with openbox, driven by keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.journey.desktop import OPERATOR, PROJECTOR, Monitor, Program, XDisplay, missing_tools


def _display(factory: pytest.TempPathFactory, monitors: list[Monitor]) -> Iterator[XDisplay]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"perangkat uji perjalanan tidak terpasang: {', '.join(missing)} (.ci/run)")
    display = XDisplay(factory.mktemp("x"), monitors)
    try:
        yield display
    finally:
        display.close()


@pytest.fixture(scope="session")
def two_screens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XDisplay]:
    """A laptop (1366×768) with a projector (1920×1080) beside it."""
    yield from _display(tmp_path_factory, [OPERATOR, PROJECTOR])


@pytest.fixture(scope="session")
def one_screen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XDisplay]:
    """The commonest KPU laptop, alone: one 1366×768 screen."""
    yield from _display(tmp_path_factory, [OPERATOR])


@pytest.fixture
def start_program(tmp_path: Path) -> Iterator[Callable[..., Program]]:
    """Start the program on a display with a fresh database (the demo on first start); every
    process started here is killed (by its PID) when the test ends."""
    started: list[Program] = []

    def start(display: XDisplay, folder: str = "rapat", demo: str | None = None) -> Program:
        """``demo="--pemilu"``: the database is made first with ``demo --pemilu``."""
        program = Program(display, tmp_path / folder)
        if demo is not None:
            program.cli("demo", demo)
        program.start()
        started.append(program)
        return program

    yield start
    for program in started:
        if program.running():
            # The last picture of the screen, for whoever reads a failure.
            program.display.screenshot(program.folder / "akhir.png")
        program.kill()
