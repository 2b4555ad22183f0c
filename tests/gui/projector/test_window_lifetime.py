"""The projector window's lifetime is the cockpit's: a stray close is refused during the meeting,
yet the window never keeps the program running and never takes the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.window import ProjectorWindow


def test_a_stray_close_is_refused_but_the_window_does_not_keep_the_program_alive(
    qtbot: QtBot,
) -> None:
    # GIVEN the projector window on its screen during the meeting
    window = ProjectorWindow("dark")
    qtbot.addWidget(window)
    window.show()
    # WHEN something other than the cockpit closes it (Alt+F4, a window manager)
    # THEN it stays
    assert window.close() is False
    assert window.isVisible()
    # AND yet it is not a window the program waits for before it ends
    assert not window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    # AND the cockpit closes it for good at the end
    window.close_for_good()
    assert not window.isVisible()


def test_the_projector_window_never_takes_the_keyboard(qtbot: QtBot) -> None:
    window = ProjectorWindow("dark")
    qtbot.addWidget(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    # AND not as a rehearsal window on the operator's own screen either
    window.rehearse(window.screen())
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
