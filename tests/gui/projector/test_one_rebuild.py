"""The projector reacts to a committed change only through its controller's one coalescing
timer: a correction (one published write) rebuilds the live scene once, not once per listener
and per event."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.procedure import Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.projector.cues import TallyCue
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import expected_forms
from tests.confirming import confirmed
from tests.meetings import cockpit_window

PAIR = Stop("8", "990101", "walikota")


def _at_the_reading(window: MainWindow) -> None:
    for _ in range(3):
        window.procedure.next()
    window.procedure.go_to(Stop("4", PAIR.unit))
    window.records.record_box(PAIR.unit or "", True, expected_forms(window.pleno))
    while window.procedure.state().current != PAIR:
        window.procedure.next()


def _live_texts(link: ProjectorLink) -> list[str]:
    """What the live screen paints now."""
    link.controller.window.view.grab()
    return link.controller.window.view.rendered_texts()


def test_one_correction_builds_the_live_scene_once(
    qtbot: QtBot, met: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the cockpit at the reading of UTARA's Wali Kota, its tally live on the projector
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(met, settings=settings)
    qtbot.addWidget(window)
    link = ProjectorLink(window, settings)
    link.controller.show_rehearsal()  # one screen here: the live window beside the cockpit
    _at_the_reading(window)
    qtbot.waitUntil(lambda: link.controller.preview_cue == TallyCue("walikota", "990101"))
    link.controller.go_live()
    qtbot.wait(50)
    before = link.controller.scene_builds
    # WHEN the meeting corrects nomor urut 2 with the approving commissioner's PIN
    request = SettleRequest(
        "suara_02",
        575,
        Reason.PENCERMATAN,
        "D.Hasil Kecamatan PPK",
        "Saksi 2",
        "Ketua Uji",
        confirmation=confirmed(met, Action.APPROVE_CORRECTION, "Ketua Uji"),
    )
    window.meeting.corrections.settle("walikota", "990101", request)
    qtbot.waitUntil(lambda: "575" in _live_texts(link))
    qtbot.wait(50)  # anything still queued would build again now
    # THEN the live scene shows it, built once (the preview is the same cue: no second build)
    assert link.controller.scene_builds - before == 1
    link.shutdown()
