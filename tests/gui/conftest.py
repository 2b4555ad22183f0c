"""A real X server (Xvfb) for the tests that must run in real windows, as CI does."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """DISPLAY of a private Xvfb with two RandR monitors (OPERATOR, PROJECTOR)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb tidak terpasang (CI memasangnya lewat .ci/run)")
    # -displayfd: the server picks a free display number itself and writes it on the pipe, so
    # test runs side by side never take each other's display.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "3286x1080x24"]
        + ["-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        server.wait(timeout=10)
        pytest.skip("Xvfb tidak dapat dijalankan")
    display = f":{number}"
    env = {**os.environ, "DISPLAY": display}
    if shutil.which("xrandr"):
        for monitor in (
            ["OPERATOR", "1366/361x768/203+0+0", "screen"],
            ["PROJECTOR", "1920/508x1080/286+1366+0", "none"],
        ):
            subprocess.run(["xrandr", "--setmonitor", *monitor], env=env, check=False)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(autouse=True)
def driven_classes(request: pytest.FixtureRequest) -> Iterator[None]:
    """For a test marked ``drives(...)``: fail it unless every class named was shown and every
    dialog among them accepted while it ran (see tests/gui/driven.py)."""
    names = {n for mark in request.node.iter_markers("drives") for n in mark.args}
    if not names:
        yield
        return
    from PySide6.QtWidgets import QApplication, QDialog

    from tests.gui.driven import ShownWatcher

    app = QApplication.instance() or request.getfixturevalue("qapp")
    watcher = ShownWatcher(names)
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)
    dialogs = {
        n for n in names if any(c.__name__ == n and issubclass(c, QDialog) for c in _gui_classes())
    }
    assert names <= watcher.shown, f"never shown: {sorted(names - watcher.shown)}"
    assert dialogs <= watcher.accepted, f"never accepted: {sorted(dialogs - watcher.accepted)}"


def _gui_classes() -> list[type]:
    from tests.gui.registry import gui_widget_classes

    return gui_widget_classes()
