"""Ctrl+Q with the projector attached ends the program: the real program, started as a process
on two screens under a window manager, is closed by a key press as a person does it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COCKPIT_TITLE = "Rekap Desktop — KOTA SAMARINDA"
PROJECTOR_TITLE = "Proyektor — Rekap Desktop"
EXIT_WAIT_S = 60
"""Bound on every wait: a program that never ends fails the test instead of hanging it."""


def _x_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        DISPLAY=display,
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings of this run only
        XDG_DATA_HOME=str(tmp_path / "data"),  # backups of this run only
    )
    return env


@pytest.fixture
def window_manager(xvfb_display: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """openbox on the private display: real focus, as on a laptop."""
    if shutil.which("openbox") is None or shutil.which("xdotool") is None:
        pytest.skip("openbox atau xdotool tidak terpasang (CI memasangnya lewat .ci/run)")
    env = _x_env(xvfb_display, tmp_path)
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield env
    finally:
        manager.terminate()
        manager.wait(timeout=10)


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=EXIT_WAIT_S
    )
    return done.stdout.strip()


def _visible(env: dict[str, str], pid: int, title: str) -> list[str]:
    """The visible windows of process ``pid`` whose title contains ``title`` (waits for one)."""
    found = _xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(pid), "--name", title)
    return found.split()


def _active_window(env: dict[str, str]) -> str:
    """The window with the keyboard focus once the program has settled (its windows are up
    and the window manager has given the focus)."""
    _xdotool(env, "sleep", "1")
    return _xdotool(env, "getactivewindow")


@pytest.mark.xvfb
@pytest.mark.parametrize(
    "keys",
    [
        pytest.param("ctrl+q", id="Ctrl+Q"),
        pytest.param("alt+F4", id="Alt+F4 pada kokpit (penutup jendela)"),
    ],
)
def test_closing_the_cockpit_with_the_projector_attached_ends_the_program(
    window_manager: dict[str, str], tmp_path: Path, keys: str
) -> None:
    env = window_manager
    # GIVEN the program running on two screens: the cockpit and the full-screen projector
    program = subprocess.Popen(
        [sys.executable, "-m", "rekap_desktop", "--db", str(tmp_path / "demo.sqlite")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        cockpit = _visible(env, program.pid, COCKPIT_TITLE)
        assert _visible(env, program.pid, PROJECTOR_TITLE)
        # AND the keyboard is the cockpit's, not the projector's that appeared after it
        assert _active_window(env) in cockpit
        # WHEN the operator closes the cockpit (Ctrl+Q, or the window manager's Alt+F4)
        _xdotool(env, "key", "--clearmodifiers", keys)
        # THEN the whole program ends, successfully, projector window and all
        _, errors = program.communicate(timeout=EXIT_WAIT_S)
    finally:
        if program.poll() is None:
            program.kill()
            program.wait(timeout=EXIT_WAIT_S)
    assert program.returncode == 0, errors[-3000:]


def _xrandr(env: dict[str, str], *args: str, check: bool = True) -> None:
    subprocess.run(["xrandr", *args], env=env, check=check, timeout=EXIT_WAIT_S)


@pytest.mark.xvfb
def test_the_keyboard_stays_with_the_cockpit_when_the_projector_is_plugged_again(
    window_manager: dict[str, str], tmp_path: Path
) -> None:
    if shutil.which("xrandr") is None:
        pytest.skip("xrandr tidak terpasang")
    env = window_manager
    program = subprocess.Popen(
        [sys.executable, "-m", "rekap_desktop", "--db", str(tmp_path / "demo.sqlite")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        cockpit = _visible(env, program.pid, COCKPIT_TITLE)
        assert _visible(env, program.pid, PROJECTOR_TITLE)
        # WHEN the projector's cable is pulled and plugged in again
        _xrandr(env, "--delmonitor", "PROJECTOR")
        _xdotool(env, "sleep", "1")
        _xrandr(env, "--setmonitor", "PROJECTOR", "1920/508x1080/286+1366+0", "none")
        assert _visible(env, program.pid, PROJECTOR_TITLE)
        # THEN the keyboard is still the cockpit's (the projector came back without taking it)
        assert _active_window(env) in cockpit
        _xdotool(env, "key", "--clearmodifiers", "ctrl+q")
        _, errors = program.communicate(timeout=EXIT_WAIT_S)
    finally:
        if program.poll() is None:
            program.kill()
            program.wait(timeout=EXIT_WAIT_S)
        # the display's monitors as the other tests expect them
        _xrandr(env, "--setmonitor", "PROJECTOR", "1920/508x1080/286+1366+0", "none", check=False)
    assert program.returncode == 0, errors[-3000:]
