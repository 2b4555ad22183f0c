"""Drives the cockpit with the keyboard only (QTest key clicks), offscreen or in a real X window.

Shared by the pytest-qt test and the Xvfb subprocess, so both run exactly the same meeting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.kecamatan import BoxPage
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from tests.confirming import confirmed
from tests.settling import settle_every_pair

Key = Qt.Key


def press(
    window: MainWindow, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    if QApplication.activeModalWidget() is None and QApplication.activeWindow() is not window:
        # Window shortcuts only fire in the active window; a closed dialog may leave none.
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 2000)
    target = window.focusWidget() or window
    QTest.keyClick(target, key, modifier)
    QApplication.processEvents()


def when_modal(action: Callable[[QWidget], None]) -> None:
    """Answer the modal dialog the next key opens (it runs its own event loop)."""

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, answer)
            return
        action(modal)

    QTimer.singleShot(0, answer)


def type_and_enter(text: str) -> Callable[[QWidget], None]:
    def run(modal: QWidget) -> None:
        # The dialog's own focus child: the window system may not have activated it yet.
        focus = modal.focusWidget() or modal
        QTest.keyClicks(focus, text)
        QTest.keyClick(focus, Key.Key_Return)

    return run


def enter(modal: QWidget) -> None:
    QTest.keyClick(modal.focusWidget() or modal, Key.Key_Return)


def pre_fill_attendance(window: MainWindow) -> None:
    """Typing a whole register is impractical in a test; the service takes it instead."""
    for member in window.pleno.members:
        window.records.add_attendee("kpu", member.name)
    for witness in window.pleno.witnesses:
        window.records.add_attendee("saksi", witness.name, witness.contest, witness.choice, True)


def open_box_by_keys(window: MainWindow) -> None:
    """Item 4: tick 'seal intact' and every form with Space, save with Ctrl+S."""
    page = window.current_page()
    assert isinstance(page, BoxPage)
    for box in [page.seal, *page.forms]:
        box.setFocus()
        QTest.keyClick(box, Key.Key_Space)
    press(window, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.panel.steps.setFocus()


def pause_and_resume(window: MainWindow) -> None:
    when_modal(type_and_enter("ishoma"))
    press(window, Key.Key_P)
    assert window.procedure.state().paused
    press(window, Key.Key_P)
    assert not window.procedure.state().paused


def run_until(window: MainWindow, stop: Stop) -> None:
    """PageDown through the agenda until ``stop``; each kecamatan's box is opened by keys."""
    for _ in range(400):
        current = window.procedure.state().current
        if current == stop:
            return
        if current.item == "4" and window.records.box_check(current.unit or "") is None:
            open_box_by_keys(window)
        if current.item == "12" and window.records.objection_call() is None:
            # "Tidak ada keberatan" is preselected; Ctrl+S records the answer.
            press(window, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        if current.item == "10" and (current.contest, current.unit) not in (
            window.procedure.pairs_read()
        ):
            # PageDown asks: Enter marks a clean pair "selesai dibaca"; with something still
            # open, Alt+L goes on and leaves the pair unfinished (settled later, item 13).
            clean = not window.procedure.unsettled(current)
            when_modal(enter if clean else go_on_unread)
        press(window, Key.Key_PageDown)
    raise AssertionError(f"tidak sampai ke {stop}")


def go_on_unread(modal: QWidget) -> None:
    """Item 10's question: "Lanjut, biarkan belum selesai" — Space on that button (a person may
    press Alt+L; mnemonics need an active window, which the offscreen platform may not give)."""
    button = next(b for b in modal.findChildren(QPushButton) if "biarkan" in b.text())
    QTest.keyClick(button, Key.Key_Space)


def settle_open_entries(service: PlenoService) -> None:
    """Ready for penetapan: the demo's carried objection settled through the register (item 13)
    and every planted difference settled with the PPK's form as the reference (item 10)."""
    incidents = IncidentService(service)
    for entry in incidents.register():
        if entry.is_open and entry.number is not None:
            incidents.mark_unresolvable(
                entry.number,
                "Bawaslu berpendapat lain; dicatat",
                confirmed(service, Action.CLOSE_OBJECTION),
            )
    settle_every_pair(service)


def determine_by_keys(window: MainWindow) -> None:
    assert window.procedure.state().current == Stop(DETERMINATION)
    # The window was built with approvals that confirm (the ketua's PIN stands in for the
    # dialog the program shows).
    when_modal(enter)
    press(window, Key.Key_PageDown)
