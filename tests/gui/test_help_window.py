"""F1 opens the user guide offline (README's guide section, with its screenshots) and the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from rekap_desktop import guide
from rekap_desktop.gui.help_window import GUIDE_TAB, KEYS_TAB, MAX_IMAGE_WIDTH, HelpWindow
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup
from tests.meetings import cockpit_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def _key_texts(help_window: HelpWindow) -> list[str]:
    table = help_window.keys
    return [
        f"{table.item(r, 0).text()} = {table.item(r, 1).text()}" for r in range(table.rowCount())
    ]


def test_f1_opens_the_guide_with_its_screenshots(window: MainWindow, qtbot: QtBot) -> None:
    # GIVEN the cockpit WHEN F1 is pressed
    assert window.help is None
    qtbot.keyClick(window, Qt.Key.Key_F1)
    # THEN the help window shows the guide, not a network page
    help_window = window.help
    assert help_window is not None and help_window.isVisible()
    assert help_window.tabs.currentIndex() == GUIDE_TAB
    text = help_window.browser.toPlainText()
    assert text.startswith("Panduan pengguna")
    assert "Menjalankan rapat, butir demi butir" in text and "Jika ada masalah" in text
    # AND a screenshot is loaded from the files beside the guide, scaled to fit
    image = help_window.browser.document().resource(
        QTextDocument.ResourceType.ImageResource.value,
        QUrl("resources/screenshots/cockpit-08-pembacaan-ppk.png"),
    )
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() == MAX_IMAGE_WIDTH


def test_the_key_list_names_the_cockpit_keys(window: MainWindow) -> None:
    # WHEN Bantuan → Tombol pintas is chosen
    help_window = window.show_keys()
    # THEN the keys tab lists the window's shortcuts and the page keys
    assert help_window.tabs.currentIndex() == KEYS_TAB
    keys = _key_texts(help_window)
    assert "F1 = Panduan" in keys
    assert "PgDown = Langkah berikutnya" in keys
    assert any(k.startswith("Ctrl+P = Pusat cetak") for k in keys)
    assert any(k.startswith("Insert / Delete = daftar hadir") for k in keys)
    # AND the key map's always-keys and when its letters act
    assert keys[:4] == [
        "Ctrl+B = layar proyektor hitam / tampil kembali — selalu: juga saat mengetik dan di "
        "dalam dialog",
        "Ctrl+Shift+P = skors / cabut skors — selalu: juga saat mengetik dan di dalam dialog",
        "Ctrl+Shift+J = catat kejadian khusus / keberatan — selalu: juga saat mengetik dan di "
        "dalam dialog",
        "B / P / K = sama dengan di atas, kecuali saat kursor di kotak teks (di kotak angka tetap "
        "berlaku)",
    ]
    # AND F1 again brings back the same window on the guide
    assert window.show_help() is help_window
    assert help_window.tabs.currentIndex() == GUIDE_TAB


def test_a_missing_guide_is_said_in_indonesian(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    # GIVEN a program folder without README.md
    monkeypatch.setattr(guide, "guide_file", lambda: tmp_path / "README.md")
    # WHEN the guide is opened THEN it says what is missing and where, and nothing crashes
    help_window = HelpWindow(window)
    qtbot.addWidget(help_window)
    text = help_window.browser.toPlainText()
    assert text.startswith("Panduan tidak tersedia")
    assert str(tmp_path / "README.md") in text
