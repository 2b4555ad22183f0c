"""Scenes of the Pemilu demo on the projector: seats labelled SEMENTARA until every kecamatan is
read, seat and party numbers kept apart, [ / ] paging the seats that are live, and a settled
candidate row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.tally import candidate_key
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.scenes import SeatScene, TallyScene
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.seat_cues import SeatCue
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.pleno_service import PlenoService
from tests.confirming import confirmed
from tests.meetings import cockpit_meeting
from tests.settling import settle_every_pair

SEMENTARA = "SEMENTARA — belum semua kecamatan dibacakan"


def seats(service: PlenoService, index: int = 0) -> SeatScene:
    scene = SeatCue("dprd_kabko", index).build(service, False)
    assert isinstance(scene, SeatScene)
    return scene


def test_seats_are_projected_as_sementara_until_every_kecamatan_is_read(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the Pemilu demo, no kecamatan read out yet
    # WHEN dapil 1's seat steps and its calon terpilih are built and painted
    view = SceneView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    for index in (0, 1):
        scene = seats(pemilu, index)
        # THEN both say plainly that they are provisional, and how far the reading is
        assert scene.provisional == f"{SEMENTARA} (0 dari 9 kecamatan)"
        view.set_scene(scene)
        view.grab()
        assert scene.provisional in view.rendered_texts()
    # WHEN every kecamatan × pemilihan has been read THEN the label is gone
    settle_every_pair(pemilu)
    assert seats(pemilu).provisional == ""


def test_a_seat_number_never_runs_into_the_party_number(pemilu: PlenoService) -> None:
    # GIVEN dapil 1's seat steps WHEN built
    lines = seats(pemilu).lines
    # THEN the seat reads "ke-1" and the party's number follows its name
    assert [line.first for line in lines[:2]] == ["ke-1", "ke-2"]
    assert lines[0].label == "PARTAI CAHAYA BANGSA (No.\u00a03)"
    assert not any(line.label[:1].isdigit() for line in lines)


@pytest.fixture
def controller(
    pemilu: PlenoService, projector_settings: ProjectorSettings
) -> Iterator[ProjectorController]:
    screens = ScreenManager(projector_settings)
    projector = ProjectorController(cockpit_meeting(pemilu), screens, projector_settings)
    projector.start()
    yield projector
    projector.shutdown()
    screens.close()


def test_after_f5_the_page_keys_page_the_seats_on_screen(
    controller: ProjectorController, pemilu: PlenoService
) -> None:
    # GIVEN dapil 3's seats previewed from the seat tab and sent live with F5
    controller.preview(SeatCue("dprd_kabko").for_district(pemilu, "3"))
    controller.go_live()
    # AND the meeting's place has since put a kecamatan's parties in the preview
    controller.preview(PartyCue("dprd_kabko", "177102"))
    # WHEN the operator presses ]
    controller.step_preview(1)
    # THEN the preview holds the next seat page (dapil 3's calon terpilih), not the kecamatan
    assert controller.preview_cue == SeatCue("dprd_kabko", 5)
    # AND ] again goes on through the seats
    controller.step_preview(1)
    assert controller.preview_cue == SeatCue("dprd_kabko", 6)
    # WHEN a kecamatan's scene goes live instead THEN ] pages that scene again
    controller.preview(PartyCue("dprd_kabko", "177102"))
    controller.go_live()
    controller.step_preview(1)
    paged: object = controller.preview_cue
    assert paged == PartyCue("dprd_kabko", "177102", 1)


def test_a_settled_candidate_row_is_shown_settled_with_every_pleno_value(
    pemilu: PlenoService,
) -> None:
    # GIVEN GADING CEMPAKA, where a saksi of party 2 copied 76 for its candidate 2 (PPK: 61)
    cue = PartyCue("dprd_kabko", "177102").for_party(pemilu, 2)
    before = cue.build(pemilu, False)
    assert isinstance(before, TallyScene) and before.page in before.difference_pages
    # WHEN the meeting corrects that row to 76
    corrections = CorrectionsService(pemilu)
    request = SettleRequest(
        str(candidate_key(2, 2)),
        76,
        Reason.PENCERMATAN,
        "C.Hasil TPS 003",
        "Saksi 2",
        corrections.commissioners()[0],
        confirmation=confirmed(pemilu, Action.APPROVE_CORRECTION, corrections.commissioners()[0]),
    )
    corrections.settle("dprd_kabko", "177102", request)
    after = cue.build(pemilu, False)
    assert isinstance(after, TallyScene)
    # THEN the row says dibetulkan, a Pleno column holds a value on every row (the party's total
    # included), and no page names this one as holding a difference
    assert after.columns[-1].title == "Pleno"
    assert [line.cells[-1] for line in after.lines if line.cells[-1] in ("", "–")] == []
    corrected = next(line for line in after.lines if line.label.startswith("2. "))
    assert (corrected.cells[0], corrected.cells[-1], corrected.status) == (
        "61",
        "76",
        "✓ dibetulkan",
    )
    assert after.page not in after.difference_pages
    assert after.difference_count == 0
