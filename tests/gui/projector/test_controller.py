"""ProjectorController: preview, go live, blank, freeze — and only committed values on the live
screen. In-process offscreen Qt has a single screen: the projector stays hidden until asked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import LogoCue, RecapCue, TallyCue
from rekap_desktop.gui.projector.preview_panel import PreviewPanel
from rekap_desktop.gui.projector.scenes import BlankScene, LogoScene, TallyScene
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import INCIDENT_FORM, ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.text.numbers import format_date
from tests.confirming import confirmed
from tests.fixtures import HEADER, SETUP, write_tallies
from tests.meetings import cockpit_meeting
from tests.settling import settle_every_pair

SELATAN_SIREKAP = HEADER + "\nwalikota,990102,SELATAN,sirekap,1000,300,690,990,10,1000\n"
FORM_D_HASIL = "Model D.Hasil Kecamatan — Pemilihan Wali Kota Uji"
UTARA_SAVED_AGAIN = HEADER + "\nwalikota,990101,UTARA,ppk,700,100,99999,680,20,700\n"


@pytest.fixture
def controller(
    qtbot: QtBot, service: PlenoService, projector_settings: ProjectorSettings
) -> Iterator[ProjectorController]:
    screens = ScreenManager(projector_settings)
    projector = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    projector.window.view.resize(1920, 1080)
    projector.start()
    yield projector
    projector.shutdown()
    screens.close()


def live_texts(controller: ProjectorController) -> list[str]:
    """What the live screen paints now (shown as a rehearsal window: one screen here)."""
    controller.window.view.grab()
    return controller.window.view.rendered_texts()


def test_live_scene_never_shows_an_uncommitted_edit(
    qtbot: QtBot, controller: ProjectorController, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN UTARA's tally live, and an editor in the cockpit where 99.999 is typed, not saved
    controller.show_rehearsal()
    qtbot.waitExposed(controller.window)
    controller.preview(TallyCue("walikota", "990101"))
    controller.go_live()
    editor = QLineEdit()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "99.999")  # type: ignore[no-untyped-call]
    # WHEN another change is committed meanwhile (the live scene is rebuilt)
    service.import_tally_file(write_tallies(tmp_path, SELATAN_SIREKAP, "selatan.csv"))
    qtbot.wait(20)
    # THEN the live screen still shows the committed 580, not the typed value
    assert "580" in live_texts(controller)
    assert "99.999" not in live_texts(controller)
    # WHEN the value is saved through the service THEN the live screen follows by itself
    service.import_tally_file(write_tallies(tmp_path, UTARA_SAVED_AGAIN, "utara.csv"))
    qtbot.waitUntil(lambda: "99.999" in live_texts(controller), timeout=2000)
    assert "580" not in live_texts(controller)


def test_preview_changes_only_go_live_on_f5(controller: ProjectorController) -> None:
    # GIVEN the logo live WHEN another scene is previewed THEN live is unchanged
    controller.preview(RecapCue("walikota"))
    assert isinstance(controller.live_scene(), LogoScene)
    # WHEN sent live THEN the same scene is on both
    controller.go_live()
    assert controller.live_scene() == controller.preview_scene()


def test_blank_and_back(controller: ProjectorController) -> None:
    # GIVEN a live tally WHEN blanked THEN black; WHEN blanked again THEN the tally returns
    controller.preview(TallyCue("walikota", "990101"))
    controller.go_live()
    controller.toggle_blank()
    assert controller.live_scene() == BlankScene()
    controller.toggle_blank()
    assert isinstance(controller.live_scene(), TallyScene)


def test_freeze_keeps_the_live_scene_while_the_operator_works_ahead(
    qtbot: QtBot, controller: ProjectorController, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a live tally, frozen
    controller.preview(TallyCue("walikota", "990101"))
    controller.go_live()
    frozen = controller.live_scene()
    controller.set_frozen(True)
    # WHEN the operator previews and sends another scene, and a change is committed
    controller.preview(LogoCue())
    controller.go_live()
    service.import_tally_file(write_tallies(tmp_path, UTARA_SAVED_AGAIN, "utara.csv"))
    qtbot.wait(20)
    # THEN the live screen keeps its picture; unfrozen, it shows the latest cue
    assert controller.live_scene() == frozen
    controller.set_frozen(False)
    assert isinstance(controller.live_scene(), LogoScene)


def test_one_screen_keeps_the_projector_hidden_until_rehearsal(
    qtbot: QtBot, controller: ProjectorController
) -> None:
    # GIVEN a single screen WHEN started THEN the projector window is hidden
    assert controller.screens.projector_screen() is None
    assert not controller.window.isVisible()
    # WHEN a rehearsal is asked THEN a normal window opens on the same screen
    controller.show_rehearsal()
    qtbot.waitExposed(controller.window)
    assert controller.window.isVisible() and not controller.window.isFullScreen()
    assert controller.window.screen() is controller.screens.operator_screen()


def test_a_stray_close_is_refused(qtbot: QtBot, controller: ProjectorController) -> None:
    # GIVEN the projector window shown WHEN something asks it to close THEN it stays
    controller.window.show()
    qtbot.waitExposed(controller.window)
    assert controller.window.close() is False
    assert controller.window.isVisible()


def test_preview_panel_mirrors_preview_and_live(
    qtbot: QtBot, controller: ProjectorController
) -> None:
    # GIVEN the cockpit's panel WHEN a scene is previewed and F5 pressed via the action
    panel = PreviewPanel(controller)
    qtbot.addWidget(panel)
    controller.preview(RecapCue("walikota"))
    panel.go_live_action.trigger()
    # THEN both panes show the same scene, with the same widget class as the projector
    assert panel.preview_view.scene() == panel.live_view.scene() == controller.live_scene()
    assert type(controller.window.view) in type(panel.live_view).__mro__
    assert [a.shortcut().toString() for a in panel.actions()] == ["F5", "B", "F6", "[", "]"]


def test_after_penetapan_the_live_screen_says_ditetapkan_with_the_time(
    qtbot: QtBot, projector_settings: ProjectorSettings, tmp_path: Path
) -> None:
    # GIVEN a meeting taken to its penetapan through the services, with the recapitulation live
    service = PlenoService(open_engine(str(tmp_path / "tetap.sqlite")))
    setup = tmp_path / "pleno-anggota.json"
    members = [
        {"nama": "Ketua Uji", "jabatan": "Ketua"},
        {"nama": "Anggota Uji", "jabatan": "Anggota"},
    ]
    setup.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(tmp_path))
    screens = ScreenManager(projector_settings)
    controller = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    controller.window.view.resize(1920, 1080)
    controller.start()
    controller.show_rehearsal()
    qtbot.waitExposed(controller.window)
    controller.preview(RecapCue("walikota"))
    controller.go_live()
    assert "BELUM DITETAPKAN" in live_texts(controller)
    procedure = ProcedureService(service)
    records = ProcedureRecords(procedure)
    for _ in range(3):
        procedure.next()
    for unit in ("990101", "990102"):
        records.record_box(unit, True, (FORM_D_HASIL, INCIDENT_FORM))
        for _ in range(7):
            procedure.next()
    records.record_objection_call(True)
    procedure.next()
    procedure.next()
    settle_every_pair(service)
    state = procedure.determine(
        [Signature("Ketua Uji", "Ketua", True)], confirmed(service, Action.DETERMINE)
    )
    at = ProcedureService(service).moments()[-1].at
    # WHEN the cockpit tells the projector the result is determined
    controller.set_determined(state.determined)
    # THEN the banner says DITETAPKAN with the time of the penetapan, not BELUM DITETAPKAN
    texts = live_texts(controller)
    day = format_date(at.date()).partition(", ")[2]
    assert f"DITETAPKAN pukul {at:%H.%M}, {day}" in texts
    assert "BELUM DITETAPKAN" not in texts
    # AND on a full HD screen the banner's line is whole
    full_hd = SceneView()
    qtbot.addWidget(full_hd)
    full_hd.resize(1920, 1080)
    full_hd.set_scene(controller.live_scene())
    full_hd.grab()
    assert "— ditetapkan dalam rapat pleno terbuka" in full_hd.rendered_texts()
    controller.shutdown()


def test_what_was_live_is_live_again_after_a_restart(
    qtbot: QtBot, service: PlenoService, projector_settings: ProjectorSettings
) -> None:
    # GIVEN UTARA's tally sent live (F5), then the program ends without closing (a crash)
    screens = ScreenManager(projector_settings)
    first = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    first.start()
    first.preview(TallyCue("walikota", "990101", page=1))
    first.go_live()
    # WHEN the program starts again on the same meeting
    second = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    second.start()
    # THEN the same scene is live, page and all
    assert second.live_cue == TallyCue("walikota", "990101", page=1)
    assert isinstance(second.live_scene(), TallyScene)
    # AND a black screen (B) stays black after a restart too
    second.set_blank(True)
    third = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    third.start()
    assert third.blanked and isinstance(third.live_scene(), BlankScene)
    for controller in (first, second, third):
        controller.shutdown()
    screens.close()


def test_a_saved_live_scene_of_another_meeting_or_gone_data_is_not_shown(
    qtbot: QtBot, service: PlenoService, projector_settings: ProjectorSettings
) -> None:
    screens = ScreenManager(projector_settings)
    # GIVEN a live cue saved for another meeting THEN the logo shows
    projector_settings.set_live("999999 Pemilihan Lain", '{"isi": {}, "jenis": "TitleCue"}', True)
    other = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    other.start()
    assert other.live_cue == LogoCue() and not other.blanked
    # GIVEN a saved cue whose unit no longer exists THEN the logo shows, with no error
    pleno = service.pleno()
    meeting = f"{pleno.region.code} {pleno.name}"
    missing = '{"isi": {"contest": "walikota", "page": 0, "unit": "000000"}, "jenis": "TallyCue"}'
    projector_settings.set_live(meeting, missing, False)
    gone = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    gone.start()
    assert isinstance(gone.live_scene(), LogoScene)
    # GIVEN something that is not a saved cue at all THEN the logo shows
    projector_settings.set_live(meeting, "bukan json", False)
    broken = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    broken.start()
    assert broken.live_cue == LogoCue()
    for controller in (other, gone, broken):
        controller.shutdown()
    screens.close()
