"""Rincian per TPS on the projector (PlacesCue): the places behind one field, differing first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.gui.projector.cue_store import cue_from_text, cue_to_text
from rekap_desktop.gui.projector.place_cues import PlacesCue
from rekap_desktop.gui.projector.scenes import LogoScene, TallyScene
from rekap_desktop.services.pleno_service import PlenoService
from tests.fixtures import rows_meeting
from tests.gui.comparison.test_drill_down_dialog import ROWS


@pytest.fixture
def service(tmp_path: Path) -> Iterator[PlenoService]:
    with rows_meeting(tmp_path, ROWS) as pleno:
        yield pleno


def test_the_tps_that_differs_leads_the_scene_with_its_misread(service: PlenoService) -> None:
    # WHEN the places of UTARA's suara nomor urut 2 are built for the projector
    scene = PlacesCue("walikota", "990101", "suara_02").build(service, False)
    # THEN the form's scene shows the TPS, the differing one first, Sirekap's cell marked
    assert isinstance(scene, TallyScene)
    assert scene.section == "Rincian per TPS: IV Suara sah pilihan nomor urut 2"
    assert [c.title for c in scene.columns] == ["D.Hasil PPK", "Sirekap"]
    first = scene.lines[0]
    assert (first.label, first.cells, first.differs) == (
        "TPS 001 · 9901011002",
        ("350", "850"),
        (False, True),
    )
    assert first.status == "≠ salah baca? angka 3 terbaca 8"
    assert [line.status for line in scene.lines[1:]] == ["", ""]
    assert (scene.page, scene.pages, scene.difference_pages) == (1, 1, (1,))


def test_a_kecamatan_without_kept_rows_shows_the_logo(service: PlenoService) -> None:
    scene = PlacesCue("walikota", "990102", "suara_02").build(service, False)
    assert isinstance(scene, LogoScene)


def test_the_places_on_screen_are_kept_across_a_restart() -> None:
    cue = PlacesCue("walikota", "990101", "suara_02", 1)
    assert cue_from_text(cue_to_text(cue)) == cue
