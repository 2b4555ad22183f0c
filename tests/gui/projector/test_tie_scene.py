"""The projector's recap scene of an equal first place: once every kecamatan is read, the hall sees
the rule (UU 10/2016 Pasal 107(2)), each pair's spread figures and who is more evenly spread."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.cues import RecapCue
from rekap_desktop.gui.projector.scenes import RecapScene
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.pleno_service import PlenoService
from tests.ties_fixture import UNIT_CODES, tied_service


@pytest.fixture
def tied(tmp_path: Path) -> PlenoService:
    return tied_service(tmp_path)


def test_the_spread_that_decides_is_projected_once_every_kecamatan_is_read(
    qtbot: QtBot, tied: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the tied Wali Kota contest, every kecamatan read
    # WHEN its recap scene is built and painted
    scene = RecapCue("walikota", 0, UNIT_CODES).build(tied, False)
    assert isinstance(scene, RecapScene)
    view = SceneView()
    view.resize(1920, 1080)
    view.clock = lambda: datetime(2024, 12, 5, 13, 20)
    qtbot.addWidget(view)
    view.set_scene(scene)
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(tmp_path / "seri.png"))

    # THEN the rule, both pairs' figures and the verdict are on the screen
    texts = view.rendered_texts()
    assert (
        "Suara terbanyak sama (100 suara) — UU 10/2016 Pasal 107 ayat (2): yang lebih merata "
        "penyebarannya di seluruh kecamatan ditetapkan terpilih"
    ) in texts
    assert "Nomor urut 1: bersuara di 3 dari 3 kecamatan, unggul di 2, terendah 33,33 %" in texts
    assert "Nomor urut 2: bersuara di 2 dari 3 kecamatan, unggul di 1, terendah 0,00 %" in texts
    assert "Nomor urut 1 lebih merata (memperoleh suara di lebih banyak kecamatan)." in texts


def test_the_spread_waits_for_the_last_kecamatan(tied: PlenoService) -> None:
    scene = RecapCue("walikota", 0, UNIT_CODES - {"990103"}).build(tied, False)
    assert isinstance(scene, RecapScene) and scene.spread_lines == ()
