"""Run in a subprocess by test_hotplug_xvfb.py on a real X server with two RandR monitors.

While a tally is live, removes and re-adds the PROJECTOR monitor (xrandr) ``cycles`` times and
prints one JSON object: per cycle, whether the window hid and came back to the right place.
Arguments: work folder, cycles.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication

from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import TallyCue
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies
from tests.meetings import cockpit_meeting

PROJECTOR_GEOMETRY = QRect(1366, 0, 1920, 1080)
REMOVE = ["xrandr", "--delmonitor", "PROJECTOR"]
ADD = ["xrandr", "--setmonitor", "PROJECTOR", "1920/508x1080/286+1366+0", "none"]


def wait(app: QApplication, condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.005)
    return False


def main() -> int:
    folder, cycles = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    service = PlenoService(open_engine(str(folder / "pleno.sqlite")))
    service.create_from_setup_file(write_setup(folder))
    service.import_tally_file(write_tallies(folder))
    settings = ProjectorSettings(QSettings(str(folder / "p.ini"), QSettings.Format.IniFormat))
    screens = ScreenManager(settings)
    controller = ProjectorController(cockpit_meeting(service), screens, settings)
    notices: list[str] = []
    controller.notice.connect(notices.append)
    controller.start()
    controller.preview(TallyCue("walikota", "990101"))
    controller.go_live()
    live = controller.live_scene()
    window = controller.window

    def in_place() -> bool:
        return (
            window.isVisible()
            and window.geometry() == PROJECTOR_GEOMETRY
            and window.screen().name() == "PROJECTOR"
        )

    results = [{"start": wait(app, in_place)}]
    for _ in range(cycles):
        subprocess.run(REMOVE, check=True)
        hidden = wait(app, lambda: not window.isVisible())
        subprocess.run(ADD, check=True)
        back = wait(app, in_place)
        results.append(
            {"hidden": hidden, "back": back, "same_scene": controller.live_scene() == live}
        )
    geometry = window.geometry()
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "results": results,
                "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
                "notices": notices[-2:],
            }
        )
    )
    controller.shutdown()
    screens.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
