"""Serahkan salinan from the cockpit with the keyboard: Ctrl+Shift+S, the newest print chosen,
receivers ticked with Space (the saksi present and Bawaslu suggested), a typed saksi lain added,
Enter records the copies and saves the tanda terima; the register's "Salinan" tab lists them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.paper import Paper
from rekap_desktop.gui.copies.hand_dialog import HandCopiesDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.gui.driven import drives
from tests.meetings import cockpit_window

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    drive.pre_fill_attendance(window)
    window.records.add_attendee("bawaslu", "Rina Bawaslu")
    yield window
    window.close()


def _dialog() -> HandCopiesDialog:
    [dialog] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, HandCopiesDialog) and w.isVisible()
    ]
    return dialog


def _keys(widget: QWidget, *keys: Key) -> None:
    for key in keys:
        QTest.keyClick(widget, key)


@drives(HandCopiesDialog)
def test_copies_are_handed_by_keys_and_shown_in_the_register(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the D.Hasil Wali Kota printed (the newest print)
    PrintService(window.service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    PrintService(window.service).print_form(FormKind.D_HASIL, "gubernur", Paper.F4)
    record = PrintService(window.service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)[0]
    # WHEN Ctrl+Shift+S is pressed
    drive.press(window, Key.Key_S, CTRL_SHIFT)
    dialog = _dialog()
    dialog.activateWindow()
    QTest.qWaitForWindowActive(dialog, 2000)
    # THEN the newest print is chosen, with the saksi present of its contest and Bawaslu ticked
    assert dialog.chosen_version() is not None
    assert dialog.chosen_version().print_id == record.stored.id  # type: ignore[union-attr]
    assert [r.name for r in dialog.receiver_list.chosen()] == [
        "Ayu Lestari Manurung",
        "Rina Bawaslu",
    ]
    # WHEN every receiver is unticked with Space and Enter is pressed
    list_widget = dialog.receiver_list
    list_widget.setFocus()
    _keys(list_widget, Key.Key_Home, Key.Key_Space, Key.Key_Down, Key.Key_Space)
    assert dialog.receiver_list.chosen() == ()
    _keys(list_widget, Key.Key_Return)
    # THEN it is refused in the dialog, which stays open with nothing recorded
    assert "pilih sedikitnya satu penerima salinan" in dialog.refusal.text()
    assert dialog.isVisible() and window.meeting.copies.handed() == []
    # WHEN Bawaslu is ticked again, a saksi lain is typed and added (Alt+T), the moment is
    # Skors, the receipt saved to a folder, and Enter pressed
    _keys(list_widget, Key.Key_Space)
    dialog.name_edit.setFocus()
    QTest.keyClicks(dialog.name_edit, "Budi Pengganti")
    dialog.choice_box.setFocus()
    QTest.keyClick(dialog.choice_box, Key.Key_End)  # the Wali Kota's number 2
    dialog.note_edit.setFocus()
    QTest.keyClick(dialog.note_edit, Key.Key_T, Qt.KeyboardModifier.AltModifier)
    # (a mnemonic clicks its button after a short animation)
    qtbot.waitUntil(lambda: len(dialog.receiver_list.chosen()) == 2)
    assert [r.name for r in dialog.receiver_list.chosen()] == ["Rina Bawaslu", "Budi Pengganti"]
    dialog.moment_box.setFocus()
    QTest.keyClicks(dialog.moment_box, "Sk")
    dialog.folder_edit.setFocus()
    QTest.keyClicks(dialog.folder_edit, str(tmp_path))
    dialog.receipt_box.setFocus()
    QTest.keyClicks(dialog.receipt_box, "Simpan")
    QTest.keyClick(dialog.receipt_box, Key.Key_Return)
    # THEN the copies are recorded, numbered, and the tanda terima is saved
    qtbot.waitUntil(lambda: not dialog.isVisible())
    handed = window.meeting.copies.handed()
    assert [(c.number, c.receiver.name, c.moment.value) for c in handed] == [
        (1, "Rina Bawaslu", "skors"),
        (2, "Budi Pengganti", "skors"),
    ]
    assert handed[1].receiver.choice is not None
    assert dialog.receipt_file == tmp_path / "tanda-terima-penyerahan-1.pdf"
    assert dialog.receipt_file.read_bytes().startswith(b"%PDF")
    # AND the register's "Salinan" tab lists both copies with the version's sidik data
    window.views.setCurrentWidget(window._register_tab)
    view = window.register.copies_view
    assert view is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.register, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert window.register.pages.currentWidget() is view
    assert view.table.rowCount() == 2
    fingerprint = view.table.item(0, 3)
    assert fingerprint is not None and fingerprint.text() == record.stored.fingerprint
    assert view.count_label.text() == "Salinan diserahkan: 2 (tanda terima: 2)"
