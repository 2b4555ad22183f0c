"""ProjectorWindow: the frameless full-screen window on the projector screen, and "Identify".

It refuses a stray close (Alt+F4, a window manager) and only hides or moves when the controller
says so; it never decides where to be by itself (the ScreenManager does). Its lifetime is the
cockpit's: it never keeps the program running on its own (the cockpit closing ends the program,
see gui.application), and it never takes the keyboard from the cockpit.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rekap_desktop.gui.projector.view import SceneView

IDENTIFY_MS = 3000
REHEARSAL_SHARE = 0.5
"""A rehearsal window takes this share of the single screen's width and height."""


FULL_SCREEN_FLAGS = (
    Qt.WindowType.Window
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)
REHEARSAL_FLAGS = Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus


class ProjectorWindow(QWidget):
    def __init__(self, theme: str) -> None:
        super().__init__(None, FULL_SCREEN_FLAGS)
        # The cockpit is the program: the projector window left on the room's screen must not
        # keep the process alive once the cockpit is closed ...
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # ... nor take the keyboard when it appears (at start, after re-plugging): every
        # shortcut of the cockpit would be dead while the projector had the focus.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowTitle("Proyektor — Rekap Desktop")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.view = SceneView(self, theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._may_close = False
        self.rehearsing = False

    def place_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``: the screen first, then the geometry, then show."""
        if self.rehearsing:
            self.rehearsing = False
            self.setWindowFlags(FULL_SCREEN_FLAGS)
            self.setCursor(Qt.CursorShape.BlankCursor)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        # Not showFullScreen(): it also activates the window, taking the keyboard from the
        # cockpit.
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()

    def rehearse(self, screen: QScreen) -> None:
        """A normal window on the operator's own screen (one monitor: rehearsal)."""
        self.rehearsing = True
        self.setWindowFlags(REHEARSAL_FLAGS)
        self.unsetCursor()
        self.setScreen(screen)
        area = screen.availableGeometry()
        width, height = int(area.width() * REHEARSAL_SHARE), int(area.height() * REHEARSAL_SHARE)
        self.setGeometry(QRect(area.left() + 40, area.top() + 40, width, height))
        self.showNormal()

    def withdraw(self) -> None:
        """Hide at once (the screen went away): nothing keeps painting at the old place."""
        self.hide()

    def close_for_good(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self._may_close or self.rehearsing:
            event.accept()
        else:
            event.ignore()


class IdentifyLabel(QLabel):
    """A large screen number, shown on its screen for three seconds."""

    def __init__(self, number: int, screen: QScreen) -> None:
        super().__init__(
            f"{number}\n{screen.name()}",
            None,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        size = screen.geometry().height() // 4
        self.setStyleSheet(
            f"QLabel {{ background: #000000; color: #ffd400; font-size: {size // 3}px;"
            " font-weight: bold; border: 6px solid #ffd400; }"
        )
        self.setScreen(screen)
        centre = screen.geometry().center()
        self.setGeometry(QRect(centre.x() - size, centre.y() - size // 2, 2 * size, size))
        QTimer.singleShot(IDENTIFY_MS, self.close)


def identify_screens(screens: list[QScreen]) -> list[IdentifyLabel]:
    """Show "1", "2" … on each screen for three seconds (the numbers of the screen list)."""
    labels = [IdentifyLabel(i + 1, screen) for i, screen in enumerate(screens)]
    for label in labels:
        label.show()
    return labels
