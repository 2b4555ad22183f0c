"""The main window in a real X window (Xvfb), not only offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window

app = QApplication(sys.argv)
assert app.platformName() == "xcb", app.platformName()
service = PlenoService(open_engine(sys.argv[1]))
load_demo(service)
window = cockpit_window(service)
window.show()

def shoot():
    assert window.isVisible()
    window.grab().save(sys.argv[2])
    app.quit()

QTimer.singleShot(700, shoot)
sys.exit(app.exec())
"""


@pytest.mark.xvfb
def test_main_window_opens_in_a_real_x_window(xvfb_display: str, tmp_path: Path) -> None:
    # GIVEN a real X display WHEN the demo's main window opens there and is grabbed
    shot = tmp_path / "main.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = xvfb_display
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "demo.sqlite"), str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # THEN the screenshot is a real, non-blank picture
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 5
