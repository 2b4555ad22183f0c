"""The projector's recap scene of an equal first place: once every kecamatan is read, the hall sees
the rule (UU 10/2016 Pasal 107(2)), each pair's spread figures and who is more evenly spread."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.cues import RecapCue
from rekap_desktop.gui.projector.scenes import RecapScene
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import SETUP, write_tallies

# 1 and 2 both end at 600; 2 got no vote in SELATAN
TIED = """pemilihan,kode_wilayah,sumber,suara_01,suara_02,suara_sah
walikota,990101,ppk,100,600,700
walikota,990102,ppk,500,0,500
"""
BOTH_READ = frozenset({"990101", "990102"})


@pytest.fixture
def tied(tmp_path: Path) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / "seri.sqlite")))
    setup = dict(SETUP)
    setup["kontestasi"] = [
        {
            "kode": "walikota",
            "judul": "Pemilihan Wali Kota Uji",
            "pilihan": [{"nomor_urut": 1, "nama": "WALI A"}, {"nomor_urut": 2, "nama": "WALI B"}],
        }
    ]
    path = tmp_path / "seri.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    service.create_from_setup_file(path)
    service.import_tally_file(write_tallies(tmp_path, TIED, "seri.csv"))
    return service


def test_the_spread_that_decides_is_projected_once_every_kecamatan_is_read(
    qtbot: QtBot, tied: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the tied contest, both kecamatan read; WHEN its recap scene is built and painted
    scene = RecapCue("walikota", 0, BOTH_READ).build(tied, False)
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
        "Suara terbanyak sama (600 suara) — UU 10/2016 Pasal 107 ayat (2): yang lebih merata "
        "penyebarannya di seluruh kecamatan ditetapkan terpilih"
    ) in texts
    assert "Nomor urut 1: bersuara di 2 dari 2 kecamatan, unggul di 1, terendah 14,29 %" in texts
    assert "Nomor urut 2: bersuara di 1 dari 2 kecamatan, unggul di 1, terendah 0,00 %" in texts
    assert "Nomor urut 1 lebih merata (memperoleh suara di lebih banyak kecamatan)." in texts


def test_the_spread_waits_for_the_last_kecamatan(tied: PlenoService) -> None:
    scene = RecapCue("walikota", 0, frozenset({"990101"})).build(tied, False)
    assert isinstance(scene, RecapScene) and scene.spread_lines == ()
