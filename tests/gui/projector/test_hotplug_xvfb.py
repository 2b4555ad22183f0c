"""Hot-plug under a real X server (Xvfb, two RandR monitors): the projector monitor is removed
and re-added while a scene is live, 20 times."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CYCLES = 20


@pytest.mark.xvfb
def test_projector_hides_and_returns_when_its_monitor_goes_and_comes_back(
    xvfb_display: str, tmp_path: Path
) -> None:
    if shutil.which("xrandr") is None:
        pytest.skip("xrandr tidak terpasang (CI memasangnya lewat .ci/run)")
    # GIVEN a tally live on PROJECTOR of a real X display
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = xvfb_display
    # WHEN the PROJECTOR monitor is removed and re-added 20 times
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.projector.hotplug_app", str(tmp_path), str(CYCLES)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # THEN every time the window hid at once and came back, full screen on PROJECTOR, same scene
    assert report["platform"] == "xcb"
    assert (
        report["results"]
        == [{"start": True}] + [{"hidden": True, "back": True, "same_scene": True}] * CYCLES
    )
    assert report["geometry"] == [1366, 0, 1920, 1080]
    assert report["notices"] == [
        'Layar proyektor "PROJECTOR" terlepas; tampilan proyektor disembunyikan.',
        'Proyektor memakai layar "PROJECTOR" (layar kedua).',
    ]
