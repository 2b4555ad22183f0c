"""The meeting's decision on an error of the determined values (Ctrl+T) worked as the operator
works it: Ctrl+Shift+R refused while the error is open, Ctrl+T, the reason typed, Enter, the
commissioner's PIN; then the pair is read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.gui.comparison.finding_decision_dialog import FindingDecisionDialog
from rekap_desktop.gui.comparison.reasoned_choice_dialog import ReasonedChoiceDialog
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.users_service import UsersService
from tests.finding_meeting import ANGGOTA, R03_MESSAGE, broken_meeting
from tests.gui.driven import Modals, drives

CONTEST, UNIT = "walikota", "990101"
REASON = "Formulir PPK tertulis demikian; saksi sepakat"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    pleno = broken_meeting(str(tmp_path / "uji.sqlite"), tmp_path)
    yield ComparisonService(pleno)
    pleno.engine.dispose()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


def open_widget(qtbot: QtBot, service: ComparisonService) -> ComparisonWidget:
    widget = ComparisonWidget(service, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def keys(qtbot: QtBot, widget: QWidget, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, modifiers)


@drives(FindingDecisionDialog, ReasonedChoiceDialog)
def test_the_decision_is_taken_by_keyboard_and_the_pair_is_then_read(
    qtbot: QtBot, service: ComparisonService, modals: Modals, tmp_path: Path
) -> None:
    # GIVEN UTARA, whose PPK form breaks R03 though no source differs
    widget = open_widget(qtbot, service)
    assert "≠ 0 rincian berselisih" in widget.summary.text()
    # WHEN Ctrl+Shift+R is pressed THEN it is refused, naming the open finding
    keys(qtbot, widget.table, Qt.Key.Key_R, shift=True)
    qtbot.waitUntil(lambda: bool(modals.messages))
    assert "temuan R03 pada angka yang ditetapkan" in modals.messages[-1]
    assert not service.corrections.is_read(CONTEST, UNIT)
    # (the offscreen platform does not give the window back after the message box)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    # GIVEN the commissioner's PIN as the cockpit asks it (the anggota types theirs)
    users = UsersService(service.pleno.engine)
    asked: list[str] = []

    class AnggotaConfirms:
        def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
            asked.append("pin")
            return users.confirm(ANGGOTA, DEMO_PINS[Role.ANGGOTA], action)

    widget.approvals = AnggotaConfirms()
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FindingDecisionDialog)
        state["message"] = dialog.message.text()
        state["focus"] = dialog.focusWidget() is dialog.reason
        # WHEN Enter is pressed with no reason THEN it stays open and asks nobody for a PIN
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        state["empty"] = (dialog.isVisible(), dialog.error.text(), list(asked))
        # WHEN the reason is typed and Enter pressed
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    modals.expect(FindingDecisionDialog, fill)
    keys(qtbot, widget.table, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: bool(service.decisions.decisions()) or bool(modals.left_open))
    assert state["message"] == R03_MESSAGE and state["focus"] is True
    assert state["empty"] == (True, "Alasan keputusan wajib diisi.", [])
    # THEN the decision is recorded with the reason and the anggota, the dialog closed
    [decision] = service.decisions.decisions()
    assert (decision.code, decision.reason, decision.decided_by) == ("R03", REASON, ANGGOTA)
    assert asked == ["pin"] and modals.left_open == []
    assert widget.decision_dialog is None
    assert (
        widget.message.text()
        == f"Keputusan rapat atas temuan R03 dicatat (dikonfirmasi {ANGGOTA})."
    )
    notes = [widget.notes.item(i).text() for i in range(widget.notes.count())]
    assert f"✔ KEPUTUSAN RAPAT R03: {R03_MESSAGE} — {REASON} (dikonfirmasi {ANGGOTA})" in notes
    # WHEN Ctrl+Shift+R is pressed again THEN the pair is read
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    with qtbot.waitSignal(widget.pair_read, timeout=2000):
        keys(qtbot, widget.table, Qt.Key.Key_R, shift=True)
    assert service.corrections.is_read(CONTEST, UNIT)
    widget.grab().save(str(tmp_path / "decided.png"))


def test_a_cancelled_pin_keeps_the_dialog_and_nothing_is_recorded(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN the PIN dialog cancelled (the bare widget asks for it and gets none)
    widget = open_widget(qtbot, service)
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FindingDecisionDialog)
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        state["after"] = (dialog.isVisible(), dialog.reason.text(), dialog.error.text())
        dialog.reject()

    modals.expect(FindingDecisionDialog, fill)
    keys(qtbot, widget.table, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: "after" in state)
    # THEN the dialog kept what was typed and said so; no decision exists
    assert state["after"] == (True, REASON, "Keputusan belum dicatat; isian tetap di sini.")
    assert service.decisions.decisions() == []


def test_ctrl_t_without_an_open_error_only_says_so(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN SELATAN, whose PPK form is consistent
    widget = open_widget(qtbot, service)
    widget.set_pair(CONTEST, "990102")
    # WHEN Ctrl+T is pressed THEN no dialog opens and the operator is told why
    keys(qtbot, widget.table, Qt.Key.Key_T)
    assert widget.decision_dialog is None
    assert (
        widget.message.text() == "Tidak ada temuan galat yang terbuka pada angka yang ditetapkan."
    )
