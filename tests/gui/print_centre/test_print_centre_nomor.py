"""Pusat Cetak: the official Nomor typed for a berita acara or pengumuman is printed on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts
from tests.gui.print_centre.test_print_centre import WAIT_MS, choose, open_dialog, wait_for_preview


def test_the_nomor_typed_is_on_the_saved_berita_acara(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN the print centre on the demo with the D.Hasil chosen: no Nomor to type there
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = open_dialog(qtbot, service)
    choose(qtbot, window, FormKind.D_HASIL, "walikota")
    assert not window.number_edit.isEnabled()
    # WHEN the berita acara is chosen and its Nomor typed
    choose(qtbot, window, FormKind.BERITA_ACARA)
    assert window.number_edit.isEnabled()
    qtbot.keyClicks(window.number_edit, "12/PL.02.6-BA/6472/2024")
    qtbot.keyClick(window.number_edit, Qt.Key.Key_Return)
    wait_for_preview(qtbot, window)
    path = tmp_path / "berita-acara.pdf"
    with qtbot.waitSignal(window.print_finished, timeout=WAIT_MS) as finished:
        window.save_pdf(path)
    # THEN the saved paper carries it under the title, and the print is recorded
    assert finished.args and finished.args[0] is not None
    assert "Nomor: 12/PL.02.6-BA/6472/2024" in flat(page_texts(path.read_bytes())[0])
    # AND a form without a Nomor prints none, whatever is left in the box
    choose(qtbot, window, FormKind.DAFTAR_HADIR)
    assert window.request().number is None
    window.stop()
