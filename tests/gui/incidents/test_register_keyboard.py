"""The register and its closing dialog by keyboard alone: Tab must lead out of the entry table to
the buttons, and out of the reason to the confirm button (the journey closes entries this way)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.incidents.register_view import RegisterView
from rekap_desktop.gui.incidents.settle_dialog import SettleDialog
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_meeting


@pytest.fixture
def service(tmp_path: Path) -> Iterator[IncidentService]:
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    yield IncidentService(pleno)
    pleno.engine.dispose()


def test_tab_leads_from_the_entry_table_to_the_buttons(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the register with an entry selected in its table, which has the keyboard focus
    view = RegisterView(service, cockpit_meeting(service.pleno_service).hub)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.select(3)
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    # WHEN Tab is pressed until a button holds the focus (at most a few presses)
    reached = []
    for _ in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is view.buttons["unresolvable"]:
            break
    # THEN the focus left the table and came to "Tidak dapat diselesaikan…"
    assert reached[0] is not view.table
    assert reached[-1] is view.buttons["unresolvable"]


def test_tab_leads_from_the_reason_to_the_confirm_button(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the "tidak dapat diselesaikan" dialog with the reason typed
    dialog = SettleDialog(service, 3, unresolvable=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.text_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text_edit)
    QTest.keyClicks(dialog.text_edit, "Bawaslu berpendapat lain")
    # WHEN Tab is pressed
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Tab)
    # THEN the focus moved on and the reason holds no tab character
    assert QApplication.focusWidget() is not dialog.text_edit
    assert dialog.text_edit.toPlainText() == "Bawaslu berpendapat lain"
