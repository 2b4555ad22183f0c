"""Perolehan kursi by keyboard alone: Tab leads from a seat table on to the next control, so
"Pratinjau di proyektor" and "Putuskan…" further down the page can be reached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.approvals import NoApprovals
from rekap_desktop.gui.seats.seat_view import SeatView
from rekap_desktop.services.pleno_service import PlenoService
from tests.meetings import cockpit_meeting


def test_tab_leads_out_of_a_seat_table_to_the_next_button(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the seat page of the Pemilu demo with the keyboard in the first seat table
    view = SeatView(cockpit_meeting(pemilu), NoApprovals())
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    view.activateWindow()
    QTest.qWaitForWindowActive(view, 2000)
    first = view.findChildren(QTableWidget)[0]
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    # WHEN Tab is pressed a few times
    reached = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    # THEN the first press left the table, and a button of the page was reached
    assert reached[0] is not first
    assert any(isinstance(widget, QPushButton) for widget in reached), reached
