"""Rincian desa/TPS with Sirekap TPS files: Sirekap's own flags in a column, "hanya foto" for a
TPS whose file held photos only, and the C.Hasil photo of the selected TPS beside the table from
the operator's folder, by keyboard (issue #21 points 2 and 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.drill_down import DrillDown
from rekap_desktop.gui.comparison.drill_down_dialog import DrillDownDialog
from rekap_desktop.gui.comparison.tps_photo_panel import FOLDER_KEY
from rekap_desktop.services.places import unit_places
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage.engine import open_engine
from tests.gui.driven import drives
from tests.interchange.exchange_fixtures import PPWP_SETUP, tps_file, write_json
from tests.interchange.test_sirekap_marks import PHOTO, photo_only_file, photos

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def found(tmp_path: Path) -> Iterator[DrillDown]:
    """UTARA from Sirekap TPS files: TPS 001 read (its administration not verified, three pages
    photographed), TPS 002 read without photos, TPS 001 of desa 1002 a photo only."""
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")), actor="uji")
    service.create_from_setup_file(write_json(tmp_path, "pleno.json", PPWP_SETUP))
    folder = tmp_path / "tps"
    folder.mkdir()
    read = tps_file((10, 20))
    read.update(status_adm=False, images=photos("9901011001001", 1, 2, 3))
    write_json(folder, "9901011001001.json", read)
    write_json(folder, "9901011001002.json", tps_file((5, 5)))
    write_json(folder, "9901011002001.json", photo_only_file("9901011002001"))
    SirekapImportService(service).import_paths([folder])
    places = unit_places(service, "ppwp", "990101", "suara_02")
    assert places is not None
    yield places
    service.engine.dispose()


def png(color: str) -> bytes:
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def photo_folder(tmp_path: Path) -> Path:
    """The operator's photos: pages 1 and 2 of TPS 001, saved under Sirekap's own names."""
    folder = tmp_path / "foto" / "99" / "01"
    folder.mkdir(parents=True)
    for page, color in ((2, "blue"), (1, "red")):
        name = PHOTO.format(code="9901011001001", page=page).rsplit("/", 1)[1]
        (folder / name).write_bytes(png(color))
    return tmp_path / "foto"


def cells(dialog: DrillDownDialog, row: int) -> list[str]:
    table = dialog.table
    return [table.item(row, column).text() for column in range(table.columnCount())]


def open_dialog(qtbot: QtBot, found: DrillDown, settings: QSettings) -> DrillDownDialog:
    dialog = DrillDownDialog("UTARA — Presiden", "Suara nomor urut 2", found)
    dialog.settings = settings
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@drives(DrillDownDialog)
def test_flags_photo_only_and_the_photo_of_the_selected_tps(
    qtbot: QtBot, found: DrillDown, tmp_path: Path
) -> None:
    # GIVEN the rincian of UTARA, the photos' folder not chosen yet on this installation
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = open_dialog(qtbot, found, settings)
    header = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    # THEN Sirekap's flags have their column, and the photo-only TPS reads "hanya foto"
    assert header[4] == "Tanda Sirekap"
    assert cells(dialog, 0)[:5] == ["9901011001", "TPS 001", "20", "", "status adm: belum"]
    assert cells(dialog, 2)[:5] == [
        "9901011002",
        "TPS 001",
        "hanya foto",
        "",
        "status suara: belum; status adm: belum; hanya foto",
    ]
    assert "1 TPS hanya berisi foto di Sirekap" in dialog.summary.text()
    # WHEN Ctrl+F is pressed, the operator choosing the folder of photos
    folder = photo_folder(tmp_path)
    asked: list[str] = []
    dialog.choose_folder = lambda start: asked.append(start) or str(folder)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F, CTRL)
    # THEN page 1 of TPS 001 is shown beside the table, and the folder is remembered
    panel = dialog.photos
    assert asked == [""] and panel.isVisible()
    assert panel.status.text().startswith("Foto C.Hasil TPS 001 (9901011001001): 1 dari 2")
    assert panel.status.text().count("-1.jpg") == 1
    assert panel.viewer.scene().items()
    assert settings.value(FOLDER_KEY) == str(folder)
    # AND Ctrl+PgDown turns to page 2
    qtbot.keyClick(dialog.table, Qt.Key.Key_PageDown, CTRL)
    assert "2 dari 2" in panel.status.text() and "-2.jpg" in panel.status.text()
    # WHEN ↓ moves to TPS 002, which has no photo anywhere
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    # THEN the panel says so
    assert panel.status.text() == (
        f"Tidak ada foto C.Hasil TPS 002 (9901011001002) di folder {folder}."
    )
    assert not panel.viewer.scene().items() and not panel.addresses.isVisible()
    # WHEN ↓ moves to the photo-only TPS, whose photo is only at Sirekap's address
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    # THEN its address is shown as text to copy; nothing is fetched
    assert "Alamat fotonya di Sirekap ada di bawah" in panel.status.text()
    assert panel.addresses.isVisible()
    assert panel.addresses.toPlainText() == "hal. 1: " + PHOTO.format(code="9901011002001", page=1)
    # AND Ctrl+F hides the photo again, Esc closes
    qtbot.keyClick(dialog.table, Qt.Key.Key_F, CTRL)
    assert not panel.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # WHEN the rincian is opened again THEN Ctrl+F uses the remembered folder without asking
    again = open_dialog(qtbot, found, settings)
    again.choose_folder = lambda start: pytest.fail("the folder was asked again")
    qtbot.keyClick(again.table, Qt.Key.Key_F, CTRL)
    assert "1 dari 2" in again.photos.status.text()
    # AND Ctrl+Shift+F chooses another folder (here one without photos)
    other = tmp_path / "kosong"
    other.mkdir()
    again.choose_folder = lambda start: str(other)
    qtbot.keyClick(again.table, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert settings.value(FOLDER_KEY) == str(other)
    assert again.photos.status.text().startswith("Tidak ada foto C.Hasil TPS 001")
    qtbot.keyClick(again.table, Qt.Key.Key_Escape)
