"""Rapat → Buka sesi lanjutan… (Ctrl+Shift+L) by keyboard: what is missing is said in the dialog
before anyone is asked for a PIN; the kecamatan is ticked with Space; Enter asks the ketua's PIN
and opens the session, which the cockpit's status bar then shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.follow_up_dialog import FollowUpDialog
from rekap_desktop.gui.main_window import MainWindow
from tests.confirming import ConfirmingApprovals
from tests.follow_up_meeting import determined_meeting
from tests.gui.driven import drives
from tests.meetings import cockpit_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def cockpit(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, ConfirmingApprovals]]:
    service, _procedure = determined_meeting(tmp_path)
    approvals = ConfirmingApprovals(service)
    window = cockpit_window(service, approvals)
    qtbot.addWidget(window)
    window.show()
    yield window, approvals
    service.engine.dispose()


@drives(FollowUpDialog)
def test_a_session_is_opened_from_the_keyboard(
    qtbot: QtBot, cockpit: tuple[MainWindow, ConfirmingApprovals]
) -> None:
    window, approvals = cockpit
    # GIVEN the entry in the Rapat menu, and a determined result
    assert window.action_follow_up in window.meeting_menu.actions()
    assert window.procedure.state().determined
    assert window.follow_up_label.text() == ""
    # WHEN Ctrl+Shift+L is pressed and Enter at once
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = window.findChild(FollowUpDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.basis, Qt.Key.Key_Return)
    # THEN what is missing is said in the dialog, and nobody was asked for a PIN
    assert dialog.isVisible()
    assert dialog.error.text().splitlines() == [
        "nomor Putusan MK wajib diisi",
        "tanggal Putusan MK wajib diisi (tahun-bulan-hari, mis. 2025-02-24)",
        "pilih paling sedikit satu kecamatan yang dibuka dalam sesi lanjutan",
    ]
    assert approvals.asked == []
    # WHEN the number and date are typed, UTARA ticked with Space, and Enter pressed
    qtbot.keyClicks(dialog.number, "12/PHPU.WAKO-XXIII/2025")
    qtbot.keyClicks(dialog.date, "2025-02-24")
    qtbot.keyClicks(dialog.description, "Rekapitulasi ulang UTARA")
    dialog.units.setFocus()
    qtbot.keyClick(dialog.units, Qt.Key.Key_Space)
    item = dialog.units.item(0)
    assert item is not None and item.checkState() == Qt.CheckState.Checked
    qtbot.keyClick(dialog.units, Qt.Key.Key_Return)
    # THEN the ketua was asked for the PIN, the session is open and the cockpit shows it
    assert approvals.asked == [Action.OPEN_FOLLOW_UP]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not window.procedure.state().determined
    qtbot.waitUntil(lambda: window.follow_up_label.text() != "")
    assert window.follow_up_label.text() == (
        "Sesi lanjutan ke-1 — Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025: UTARA"
    )


@drives(FollowUpDialog)
def test_a_wrong_date_is_said_in_the_dialog(
    qtbot: QtBot, cockpit: tuple[MainWindow, ConfirmingApprovals]
) -> None:
    window, approvals = cockpit
    dialog = window.open_follow_up()
    qtbot.keyClicks(dialog.number, "001/BAWASLU/2025")
    qtbot.keyClicks(dialog.date, "24/02/2025")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.error.text() == (
        "Tanggal dokumen '24/02/2025' tidak sah; tulis TTTT-BB-HH, mis. 2025-02-24."
    )
    assert approvals.asked == []
    # WHEN it is corrected, SELATAN ticked (the second row) THEN the session opens
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "2025-02-20")
    dialog.units.setFocus()
    qtbot.keyClick(dialog.units, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.units, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.units, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.meeting.follow_up.status_line().endswith(": SELATAN")
