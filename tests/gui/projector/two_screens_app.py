"""Run in a subprocess by test_two_screens.py, under the offscreen platform with two screens.

Arguments: work folder. Prints one JSON object: where the windows are, and per scene the PNG
grabbed from the live projector window and the texts it painted.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMainWindow

from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus
from rekap_desktop.gui.projector import window as projector_window
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    BlankCue,
    Cue,
    IncidentCue,
    LogoCue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.preview_panel import PreviewPanel
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies
from tests.meetings import cockpit_meeting


def meeting(folder: Path) -> PlenoService:
    service = PlenoService(open_engine(str(folder / "pleno.sqlite")))
    service.create_from_setup_file(write_setup(folder))
    service.import_tally_file(write_tallies(folder))
    entry = Incident(
        IncidentKind.KEJADIAN_KHUSUS,
        "PPK UTARA",
        "Kotak suara TPS 002 tiba terlambat.",
        IncidentStatus.DISELESAIKAN,
        unit="990101",
    )
    service.add_carried_incidents((entry,))
    return service


def cues(folder: Path) -> dict[str, Cue]:
    photo = folder / "foto.png"
    picture = QImage(300, 400, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3070c0"))
    picture.save(str(photo))
    return {
        "judul": TitleCue(),
        "acara": AgendaCue(3, "Tata tertib", "Peserta rapat menjaga ketertiban."),
        "rincian": TallyCue("walikota", "990101"),
        "rekapitulasi": RecapCue("walikota", 0, frozenset({"990101", "990102"})),
        "foto": PhotoCue(str(photo), "Foto D.Hasil UTARA"),
        "kejadian": IncidentCue(1),
        "skors": PauseCue(datetime(2024, 12, 5, 12, 5), "Istirahat"),
        "kosong": BlankCue(),
        "logo": LogoCue(),
    }


def identify_report(app: QApplication, controller: ProjectorController) -> dict[str, object]:
    """Show the screen numbers (for 0.2 s instead of 3 s) and see where they went."""
    projector_window.IDENTIFY_MS = 200
    controller.identify_screens()
    labels = [w for w in app.topLevelWidgets() if isinstance(w, projector_window.IdentifyLabel)]
    shown = sorted((w.text(), w.screen().name(), w.isVisible()) for w in labels)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and any(
        isinstance(w, projector_window.IdentifyLabel) and w.isVisible()
        for w in app.topLevelWidgets()
    ):
        app.processEvents()
    left = [w for w in app.topLevelWidgets() if isinstance(w, projector_window.IdentifyLabel)]
    return {"shown": shown, "still_visible": any(w.isVisible() for w in left)}


def main() -> int:
    folder = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    service = meeting(folder)
    settings = ProjectorSettings(QSettings(str(folder / "p.ini"), QSettings.Format.IniFormat))
    settings.set_screen_name("HDMI-9")  # saved at another venue; not connected here
    screens = ScreenManager(settings)
    controller = ProjectorController(cockpit_meeting(service), screens, settings)
    cockpit = QMainWindow()
    cockpit.setCentralWidget(PreviewPanel(controller))
    cockpit.show()
    controller.start()
    scenes: dict[str, dict[str, object]] = {}
    for name, cue in cues(folder).items():
        controller.preview(cue)
        controller.go_live()
        app.processEvents()
        path = folder / f"proyektor-{name}.png"
        controller.window.grab().save(str(path))
        scenes[name] = {"png": str(path), "texts": controller.window.view.rendered_texts()}
    identify = identify_report(app, controller)
    window = controller.window
    geometry = window.geometry()
    report = {
        "screens": [s.name() for s in app.screens()],
        "projector_screen": window.screen().name(),
        "projector_visible": window.isVisible(),
        "projector_full_screen": window.isFullScreen(),
        "projector_geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "cockpit_screen": cockpit.screen().name(),
        "screen_message": screens.choice.message,
        "identify": identify,
        "scenes": scenes,
    }
    print(json.dumps(report))
    controller.shutdown()
    screens.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
