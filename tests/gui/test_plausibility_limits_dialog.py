"""Rapat → Ambang kewajaran…: the thresholds of the plausibility warnings typed over the values in
force, a wrong one refused naming the field before anyone types a PIN, then saved with a
commissioner's PIN."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.plausibility import Limits
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.plausibility_limits_dialog import PlausibilityLimitsDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import ConfirmingApprovals
from tests.fixtures import write_tallies
from tests.gui.driven import Modals, drives
from tests.meetings import cockpit_window
from tests.plausibility_meeting import ROWS, write_setup_with_members


@pytest.fixture
def cockpit(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, ConfirmingApprovals]]:
    pleno = PlenoService(open_engine(str(tmp_path / "uji.sqlite")))
    pleno.create_from_setup_file(write_setup_with_members(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path, ROWS, "tps.csv"))
    approvals = ConfirmingApprovals(pleno)
    window = cockpit_window(pleno, approvals)
    qtbot.addWidget(window)
    window.show()
    yield window, approvals
    pleno.engine.dispose()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


@drives(PlausibilityLimitsDialog)
def test_thresholds_are_typed_checked_and_saved_with_a_pin(
    qtbot: QtBot, cockpit: tuple[MainWindow, ConfirmingApprovals], modals: Modals
) -> None:
    window, approvals = cockpit
    # GIVEN the entry in the Rapat menu
    assert window.action_limits in window.meeting_menu.actions()
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PlausibilityLimitsDialog)
        state["shown"] = dialog.texts()
        # WHEN a negative share is typed and Enter pressed
        retype(qtbot, dialog.edits["invalid_share"], "-5")
        qtbot.keyClick(dialog.edits["invalid_share"], Qt.Key.Key_Return)
        # THEN it is refused naming the field, still open, and nobody was asked for a PIN
        state["refused"] = (dialog.isVisible(), dialog.error.text(), list(approvals.asked))
        # WHEN it is corrected to 25 % and Enter pressed
        retype(qtbot, dialog.edits["invalid_share"], "25")
        qtbot.keyClick(dialog.edits["invalid_share"], Qt.Key.Key_Return)

    modals.expect(PlausibilityLimitsDialog, fill)
    window.action_limits.trigger()
    service = window.meeting.plausibility
    qtbot.waitUntil(lambda: service.limits() != Limits() or bool(modals.left_open))
    assert state["shown"] == {
        "invalid_share": "10",
        "ballot_share": "2",
        "ballot_sheets": "15",
        "zero_share": "10",
        "outlier_z": "3,5",
        "min_places": "8",
    }
    assert state["refused"] == (
        True,
        "P02 suara tidak sah paling banyak (%): tidak boleh negatif",
        [],
    )
    # THEN the meeting's threshold is stored, confirmed with a commissioner's PIN
    assert service.limits() == Limits(invalid_share=Fraction(1, 4))
    assert approvals.asked == [Action.SET_PLAUSIBILITY_LIMITS]
    assert modals.left_open == []
