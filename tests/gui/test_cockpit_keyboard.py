"""The whole demo pleno, from item 1 to the penetapan, with the keyboard only; restarted midway."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.closing import DeterminationPage, ObjectionCallPage
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.gui.driven import drives
from tests.meetings import cockpit_window

ROOT = Path(__file__).resolve().parents[2]
MIDWAY = Stop("8", "647203", "walikota")


def _open(qtbot: QtBot, db: Path, settings: QSettings) -> MainWindow:
    window = cockpit_window(PlenoService(open_engine(str(db))), settings=settings, confirming=True)
    qtbot.addWidget(window)
    window.show()
    window.panel.steps.setFocus()
    return window


@drives(ObjectionCallPage, DeterminationPage, PauseDialog)
def test_demo_meeting_by_keyboard_with_restart(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN the demo pleno with its attendance register filled in
    db = tmp_path / "demo.sqlite"
    load_demo(PlenoService(open_engine(str(db))))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = _open(qtbot, db, settings)
    drive.pre_fill_attendance(window)
    # WHEN the operator pages through to kecamatan 647203's reading of walikota, pausing once
    drive.run_until(window, Stop("4", "647201"))
    drive.pause_and_resume(window)
    drive.run_until(window, MIDWAY)
    before = window.procedure.state()
    # AND the program is closed and opened again on the same database
    window.close()
    window = _open(qtbot, db, settings)
    # THEN it resumes at the same item, kecamatan and contest, on the same page
    assert window.procedure.state() == before
    assert window.stack.currentWidget() is window.agenda["8"]
    assert window.panel.position.text() == (
        "Kecamatan 647203 SAMARINDA ULU · Pemilihan Wali Kota dan Wakil Wali Kota Samarinda"
    )
    # WHEN the meeting goes on to the end, the room asked at item 12, the open entry settled
    drive.run_until(window, Stop("13"))
    assert window.records.objection_call() is not None
    drive.settle_open_entries(window.service)
    drive.run_until(window, Stop(DETERMINATION))
    drive.determine_by_keys(window)
    # THEN the result is determined, every kecamatan done, and the audit chain holds
    state = window.procedure.state()
    assert state.determined
    assert window.panel.progress.text() == "10 dari 10 kecamatan selesai"
    assert window.service.verify_audit().ok
    assert len(window.procedure.signatures()) == len(window.pleno.members) + len(
        window.pleno.witnesses
    )


def test_geometry_is_restored_and_kept_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a window saved far outside every screen
    db = tmp_path / "demo.sqlite"
    load_demo(PlenoService(open_engine(str(db))))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = _open(qtbot, db, settings)
    window.setGeometry(9000, 9000, 900, 600)
    window.close()
    # WHEN it opens again
    window = _open(qtbot, db, settings)
    # THEN its top-left corner lies on the available screen (the offscreen screen is 800 px
    # wide, narrower than the window's minimum width, so the whole frame cannot fit)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.geometry().topLeft())


def test_clamp_moves_a_window_onto_the_screen_it_overlaps_most() -> None:
    from PySide6.QtCore import QRect

    from rekap_desktop.gui.window_geometry import clamp_rect

    # GIVEN an operator screen and a projector screen to its right
    operator, projector = QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)
    # WHEN the window was mostly on the projector, which is now gone
    # THEN it is moved into the operator screen, shrunk to fit
    assert clamp_rect(QRect(1500, 100, 1600, 900), [operator]) == QRect(0, 0, 1366, 768)
    # AND a window hanging off the projector's right edge is pulled back onto it
    assert clamp_rect(QRect(3000, 500, 800, 600), [operator, projector]) == QRect(
        2486, 480, 800, 600
    )
    # AND a window already inside stays where it was
    assert clamp_rect(QRect(10, 20, 300, 200), [operator, projector]) == QRect(10, 20, 300, 200)


SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
assert app.platformName() == "xcb", app.platformName()
from rekap_desktop.gui import heap
heap.collect_on_gui_thread()  # as the program does: never on the audit check's worker thread
from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.closing import DeterminationPage, ObjectionCallPage
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.gui.driven import drives
from tests.meetings import cockpit_window

def open_window():
    window = cockpit_window(PlenoService(open_engine(sys.argv[1])), confirming=True)
    window.show()
    window.activateWindow()
    window.panel.steps.setFocus()
    app.processEvents()
    return window

load_demo(PlenoService(open_engine(sys.argv[1])))
window = open_window()
drive.pre_fill_attendance(window)
drive.run_until(window, Stop("8", "647202", "gubernur"))
before = window.procedure.state()
window.close()
window = open_window()
assert window.procedure.state() == before
drive.run_until(window, Stop("13"))
drive.settle_open_entries(window.service)
drive.run_until(window, Stop(DETERMINATION))
window.grab().save(sys.argv[2])
drive.determine_by_keys(window)
assert window.procedure.state().determined
window.close()
print("ditetapkan", flush=True)
# Skip interpreter teardown: PySide6 may crash while garbage-collecting at exit.
import os
os._exit(0)
"""


@pytest.mark.xvfb
def test_keyboard_meeting_in_a_real_x_window(xvfb_display: str, tmp_path: Path) -> None:
    # GIVEN a real X display WHEN the same keyboard flow runs there
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = xvfb_display
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "demo.sqlite"), str(tmp_path / "x.png")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # THEN the meeting is determined there too
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ditetapkan")
