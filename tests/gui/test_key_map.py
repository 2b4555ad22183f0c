"""The cockpit's key map (gui.keys) as a person meets it: typed letters never fire an action, the
single keys act wherever nothing can be typed (number fields included), and the always-keys
work while typing and inside dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import Stop
from rekap_desktop.gui.application import route_keys
from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog
from rekap_desktop.gui.keys import KeyRouter
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.opening import TextPage
from rekap_desktop.gui.pages.reading import SourcesPage
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.meetings import cockpit_window

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
READING = Stop("8", "647201", "gubernur")


@dataclass
class Cockpit:
    window: MainWindow
    projector: ProjectorLink
    keys: KeyRouter
    modals: list[str] = field(default_factory=list)
    """Titles of the modal dialogs that opened (each is answered with Escape)."""

    @property
    def blanked(self) -> bool:
        return self.projector.controller.blanked

    def incident_dialogs(self) -> list[IncidentDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, IncidentDialog) and w.isVisible()
        ]


@pytest.fixture
def cockpit(qtbot: QtBot, tmp_path: Path) -> Iterator[Cockpit]:
    """The cockpit as the program assembles it, keys included."""
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service, settings=settings)
    qtbot.addWidget(window)
    projector = ProjectorLink(window, settings)
    keys = route_keys(window, projector)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    drive.pre_fill_attendance(window)
    yield Cockpit(window, projector, keys)
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, IncidentDialog):
            dialog.hide()  # not close(): typed text would ask whether to throw it away
    keys.stop()
    projector.shutdown()
    window.close()


def _refuse_modals(cockpit: Cockpit) -> QTimer:
    """Record and close any modal dialog a key opens (a skors dialog must not open by typing)."""

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            cockpit.modals.append(modal.windowTitle())
            modal.close()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    return timer


def _cancel_next_modal() -> list[str]:
    """The class name of the modal dialog the next key opens; it is cancelled with Escape."""
    opened: list[str] = []

    def cancel(modal: QWidget) -> None:
        opened.append(type(modal).__name__)
        QTest.keyClick(modal.focusWidget() or modal, Key.Key_Escape)

    drive.when_modal(cancel)
    return opened


def _focus() -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def test_typing_at_item_2_types_the_word_and_fires_nothing(cockpit: Cockpit) -> None:
    # GIVEN the meeting arrives at item 2 (peraturan teknis) by PageDown
    drive.run_until(cockpit.window, Stop("2"))
    page = cockpit.window.current_page()
    assert isinstance(page, TextPage)
    # THEN the text box has the keyboard at once
    assert _focus() is page.editor
    before = page.editor.toPlainText()
    guard = _refuse_modals(cockpit)
    # WHEN the operator types words full of the cockpit's letters (b, k, p, s)
    QTest.keyClicks(_focus(), " peraturan bkps")
    QApplication.processEvents()
    guard.stop()
    # THEN the words are typed and nothing else happened
    assert page.editor.toPlainText() == " peraturan bkps" + before
    assert cockpit.modals == []
    assert not cockpit.window.procedure.state().paused
    assert not cockpit.blanked
    assert cockpit.incident_dialogs() == []


def test_the_always_keys_act_while_typing_in_a_text_field(cockpit: Cockpit) -> None:
    # GIVEN the operator typing in item 2's text box
    drive.run_until(cockpit.window, Stop("2"))
    page = cockpit.window.current_page()
    assert isinstance(page, TextPage)
    QTest.keyClicks(_focus(), "x")
    text = page.editor.toPlainText()
    # WHEN Ctrl+B THEN the room's screen goes black, and Ctrl+B again brings it back
    QTest.keyClick(_focus(), Key.Key_B, CTRL)
    assert cockpit.blanked
    QTest.keyClick(_focus(), Key.Key_B, CTRL)
    assert not cockpit.blanked
    # WHEN Ctrl+Shift+J THEN the incident dialog opens at the meeting's place
    QTest.keyClick(_focus(), Key.Key_J, CTRL_SHIFT)
    assert len(cockpit.incident_dialogs()) == 1
    # WHEN Ctrl+Shift+P THEN the skors dialog asks the reason (cancelled here)
    opened = _cancel_next_modal()
    page.editor.setFocus()
    QTest.keyClick(page.editor, Key.Key_P, CTRL_SHIFT)
    assert opened == ["PauseDialog"]
    # AND nothing was typed into the text
    assert page.editor.toPlainText() == text


def test_blackout_works_inside_dialogs(cockpit: Cockpit) -> None:
    # GIVEN the incident dialog open, its description being typed
    cockpit.window.action_incident.trigger()
    (dialog,) = cockpit.incident_dialogs()
    QTest.keyClicks(dialog.description, "saksi")
    # WHEN Ctrl+B THEN the projector blacks out, and the dialog keeps its text
    QTest.keyClick(dialog.description, Key.Key_B, CTRL)
    assert cockpit.blanked
    assert dialog.description.toPlainText() == "saksi"
    # AND inside the modal skors dialog too
    seen: list[bool] = []

    def blank_then_cancel(modal: QWidget) -> None:
        QTest.keyClick(modal.focusWidget() or modal, Key.Key_B, CTRL)
        seen.append(cockpit.blanked)
        QTest.keyClick(modal.focusWidget() or modal, Key.Key_Escape)

    drive.when_modal(blank_then_cancel)
    cockpit.window.action_pause.trigger()
    assert seen == [False]


def test_letters_act_while_a_number_field_has_the_focus(cockpit: Cockpit) -> None:
    # GIVEN the reading of item 8, its number entry having the keyboard on arrival
    drive.run_until(cockpit.window, READING)
    page = cockpit.window.current_page()
    assert isinstance(page, SourcesPage) and page.comparison is not None
    entry = page.comparison.entry
    assert _focus() is entry
    # WHEN B THEN the projector blacks out (a number field takes no letters)
    drive.press(cockpit.window, Key.Key_B)
    assert cockpit.blanked
    drive.press(cockpit.window, Key.Key_B)
    assert not cockpit.blanked
    # WHEN K THEN the incident dialog opens
    drive.press(cockpit.window, Key.Key_K)
    assert len(cockpit.incident_dialogs()) == 1
    for dialog in cockpit.incident_dialogs():
        dialog.close()
    # WHEN P in the target-time box (a number field too) THEN the skors dialog asks the reason
    cockpit.window.activateWindow()
    QTest.qWaitForWindowActive(cockpit.window, 2000)
    cockpit.window.panel.target.setFocus()
    opened = _cancel_next_modal()
    drive.press(cockpit.window, Key.Key_P)
    assert opened == ["PauseDialog"]
    # AND digits still go into the entry
    entry.setFocus()
    QTest.keyClicks(entry, "12")
    assert entry.text() == "12"


def test_held_down_blackout_key_does_not_flicker(cockpit: Cockpit) -> None:
    steps = cockpit.window.panel.steps
    # WHEN Ctrl+B is pressed THEN the screen is black
    QTest.keyClick(steps, Key.Key_B, CTRL)
    assert cockpit.blanked
    # AND when the key is held down, its repeats change nothing
    for _ in range(3):
        repeat = QKeyEvent(QEvent.Type.KeyPress, Key.Key_B, CTRL, "", True)
        QApplication.sendEvent(steps, repeat)
    assert cockpit.blanked


def test_while_the_screen_is_locked_only_the_blackout_acts(cockpit: Cockpit) -> None:
    # GIVEN a locked screen
    cockpit.keys.locked = lambda: True
    guard = _refuse_modals(cockpit)
    # WHEN the always-keys are pressed
    QTest.keyClick(cockpit.window.panel.steps, Key.Key_P, CTRL_SHIFT)
    QTest.keyClick(cockpit.window.panel.steps, Key.Key_J, CTRL_SHIFT)
    QTest.keyClick(cockpit.window.panel.steps, Key.Key_B, CTRL)
    guard.stop()
    # THEN only the blackout acted
    assert cockpit.modals == []
    assert cockpit.incident_dialogs() == []
    assert cockpit.blanked


def test_a_click_on_a_reading_row_leaves_the_keyboard_in_the_entry(
    cockpit: Cockpit, qtbot: QtBot
) -> None:
    # GIVEN the reading of item 8
    drive.run_until(cockpit.window, READING)
    page = cockpit.window.current_page()
    assert isinstance(page, SourcesPage) and page.comparison is not None
    widget = page.comparison
    # THEN the entry is wide enough to read its hint
    hint = widget.entry.fontMetrics().horizontalAdvance(widget.entry.placeholderText())
    assert widget.entry.width() >= hint
    # WHEN the operator clicks the third row
    cockpit.window.panel.steps.setFocus()
    rect = widget.table.visualRect(widget.model.index(2, 0))
    QTest.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # THEN that row is chosen and the keyboard is in the entry
    assert widget.table.currentIndex().row() == 2
    assert _focus() is widget.entry
    # AND Down moves to the next row, the keyboard staying in the entry
    QTest.keyClick(widget.entry, Key.Key_Down)
    assert widget.table.currentIndex().row() == 3
    assert _focus() is widget.entry


def test_escape_does_not_throw_away_a_typed_incident_unasked(cockpit: Cockpit) -> None:
    # GIVEN the incident dialog with a description typed and not saved
    cockpit.window.action_incident.trigger()
    (dialog,) = cockpit.incident_dialogs()
    QTest.keyClicks(dialog.description, "saksi 2 keberatan D.Hasil")
    # WHEN Escape is pressed and the question is answered "Tidak"
    asked = _answer_next_question(QMessageBox.StandardButton.No)
    QTest.keyClick(dialog.description, Key.Key_Escape)
    # THEN it was asked, in Indonesian, and the dialog stays with the text
    assert asked and "belum disimpan" in asked[0]
    assert dialog.isVisible()
    assert dialog.description.toPlainText() == "saksi 2 keberatan D.Hasil"
    # WHEN Escape again, answered "Ya" THEN the dialog closes
    _answer_next_question(QMessageBox.StandardButton.Yes)
    QTest.keyClick(dialog.description, Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_closes_at_once_when_nothing_is_unsaved(cockpit: Cockpit) -> None:
    # GIVEN an incident typed and saved (Simpan)
    cockpit.window.action_incident.trigger()
    (dialog,) = cockpit.incident_dialogs()
    QTest.keyClicks(dialog.description, "listrik padam 5 menit")
    dialog.save_button.click()
    assert dialog.number is not None
    guard = _refuse_modals(cockpit)
    # WHEN Escape THEN it closes without a question
    QTest.keyClick(dialog.description, Key.Key_Escape)
    guard.stop()
    assert cockpit.modals == []
    assert not dialog.isVisible()


def _answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def answer(modal: QWidget) -> None:
        assert isinstance(modal, QMessageBox)
        asked.append(modal.text())
        pressed = modal.button(button)
        assert pressed is not None
        pressed.click()

    drive.when_modal(answer)
    return asked
