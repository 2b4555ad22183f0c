"""A real X server (Xvfb) for the tests that must run in real windows, as CI does."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """DISPLAY of a private Xvfb with two RandR monitors (OPERATOR, PROJECTOR)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb tidak terpasang (CI memasangnya lewat .ci/run)")
    display = f":{90 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "3286x1080x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
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
