"""Two screens (offscreen platform with a screen configuration, in a subprocess: the platform is
chosen when the QApplication is created, and this test process already runs plain offscreen)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[3]
SCREENS = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": True,
    "screens": [
        {"name": "OPERATOR", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0},
        {"name": "PROJECTOR", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0},
    ],
}  # fmt: skip
KEY_TEXTS = {
    "judul": ["Pemilihan Uji 2024", "KPU KOTA UJI", "Kamis, 5 Desember 2024"],
    "acara": ["Tata tertib", "Peserta rapat menjaga ketertiban."],
    "rincian": ["580", "≠ 530", "≠ 630", "≠ 650", "Sirekap", "bukan hasil resmi"],
    "rekapitulasi": ["UTARA", "SELATAN", "400", "1.270", "1.670"],
    "foto": ["Foto D.Hasil UTARA"],
    "kejadian": ["Kejadian Khusus nomor 1", "Kotak suara TPS 002 tiba terlambat."],
    "skors": ["RAPAT DISKORS", "sejak pukul 12.05", "Istirahat"],
    "kosong": [],
    "logo": ["KPU KOTA UJI"],
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("dua-layar")
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config.resolve()}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.projector.two_screens_app", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_projector_lands_full_screen_on_projector_and_cockpit_stays_on_operator(
    report: dict[str, object],
) -> None:
    # GIVEN two screens, and a saved projector screen "HDMI-9" that is not connected
    # WHEN the cockpit and the projector start
    # THEN the projector fills PROJECTOR (the first non-primary screen), saying so, and the
    # cockpit is on OPERATOR
    assert report["screens"] == ["OPERATOR", "PROJECTOR"]
    assert report["projector_screen"] == "PROJECTOR"
    assert report["projector_visible"] is True
    assert report["projector_full_screen"] is True
    assert report["projector_geometry"] == [1366, 0, 1920, 1080]
    assert report["cockpit_screen"] == "OPERATOR"
    assert report["screen_message"] == (
        'Layar proyektor "HDMI-9" tidak ditemukan; proyektor memakai layar "PROJECTOR".'
    )


def test_identify_shows_a_number_on_each_screen_then_goes(report: dict[str, object]) -> None:
    # GIVEN two screens WHEN "Kenali layar" is pressed
    # THEN "1" shows on OPERATOR and "2" on PROJECTOR, and both close by themselves
    assert report["identify"] == {
        "shown": [["1\nOPERATOR", "OPERATOR", True], ["2\nPROJECTOR", "PROJECTOR", True]],
        "still_visible": False,
    }


@pytest.mark.parametrize("scene", list(KEY_TEXTS))
def test_each_scene_renders_live_on_the_projector(report: dict[str, object], scene: str) -> None:
    # GIVEN each scene sent live WHEN the projector window is grabbed
    entry = report["scenes"][scene]  # type: ignore[index]
    image = QImage(entry["png"])
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 7)
    }
    # THEN it is a full HD picture, blank only for the blank scene, with its key texts
    assert (image.width(), image.height()) == (1920, 1080)
    assert (len(colours) == 1) if scene == "kosong" else (len(colours) > 10)
    assert [t for t in KEY_TEXTS[scene] if t not in entry["texts"]] == []
