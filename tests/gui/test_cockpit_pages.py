"""Agenda pages refuse bad input in place and keep what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import Stop
from rekap_desktop.gui.dialogs.attendance_dialog import AttendanceDialog
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.kecamatan import NoticesPage
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
    return window


def test_text_in_a_count_is_refused_in_place(window: MainWindow) -> None:
    # GIVEN the returned C.Pemberitahuan page of kecamatan 990101
    page = window.agenda["5"]
    assert isinstance(page, NoticesPage)
    page.show_stop(Stop("5", "990101"))
    page.table.setItem(0, 0, QTableWidgetItem("DESA A"))
    page.table.setItem(0, 1, QTableWidgetItem("tiga"))
    # WHEN it is saved THEN it is refused with the row named, the text kept, nothing stored
    assert not page.save()
    assert (
        page.total.text()
        == "Ditolak, tidak ada yang disimpan: baris 1 (DESA A): 'tiga' bukan angka"
    )
    assert page.table.item(0, 1).text() == "tiga"
    assert window.records.returned_notices("990101") == {}
    # WHEN corrected in Indonesian notation THEN stored
    page.table.setItem(0, 1, QTableWidgetItem("1.204"))
    assert page.save()
    assert window.records.returned_notices("990101") == {"DESA A": 1204}


def test_attendance_dialog_refuses_a_second_saksi_and_keeps_the_entry(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN a saksi of walikota nomor urut 2 already in the room
    window.records.add_attendee("saksi", "Budi", "walikota", 2, True)
    dialog = AttendanceDialog(window.pleno, window.records.add_attendee, window)
    qtbot.addWidget(dialog)
    dialog.ui.roleBox.setCurrentIndex(dialog.ui.roleBox.findData("saksi"))
    dialog.ui.nameEdit.setText("Joko")
    dialog.ui.choiceBox.setCurrentIndex(dialog.ui.choiceBox.findData("walikota:2"))
    dialog.ui.mandateBox.setCurrentIndex(dialog.ui.mandateBox.findData(True))
    # WHEN a second saksi for the same choice is entered
    dialog.accept()
    # THEN the dialog stays with the reason and the name typed
    assert dialog.ui.problemLabel.text() == (
        "saksi nomor urut 2 Pemilihan Wali Kota Uji sudah hadir di ruangan (Budi); "
        "hanya satu saksi per pilihan"
    )
    assert dialog.result() == 0 and dialog.ui.nameEdit.text() == "Joko"
    assert [a.name for a in window.records.attendance()] == ["Budi"]


def test_pause_dialog_needs_a_reason(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PauseDialog(window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.ui.problemLabel.text() == "Alasan skors wajib diisi."
    assert dialog.result() == 0


def test_a_refused_move_shows_the_reason(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the meeting at kecamatan 990101's box, nothing recorded yet
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    for _ in range(3):
        window.go_next()
    # WHEN the operator presses PageDown without recording the box
    window.go_next()
    # THEN the refusal is shown and the meeting stays there
    assert shown == [
        "Tata cara rapat ditolak; tidak ada yang diubah.\n\n• Langkah 4 (Pembukaan kotak "
        "tersegel bersama PPK) · 990101: catatan langkah ini belum disimpan"
    ]
    assert window.procedure.state().current == Stop("4", "990101")
