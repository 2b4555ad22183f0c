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
