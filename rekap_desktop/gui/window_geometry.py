"""Windows reopen where they were, never off-screen after the monitors change."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def clamp_rect(rect: QRect, available: list[QRect]) -> QRect:
    """``rect`` moved (and shrunk if needed) into the screen it overlaps most, else the first."""
    if not available:
        return rect
    target = max(available, key=lambda a: _overlap(rect, a))
    if _overlap(rect, target) == 0:
        target = available[0]
    width = min(rect.width(), target.width())
    height = min(rect.height(), target.height())
    x = min(max(rect.x(), target.x()), target.x() + target.width() - width)
    y = min(max(rect.y(), target.y()), target.y() + target.height() - height)
    return QRect(x, y, width, height)


FRAME_ALLOWANCE = QSize(16, 40)
"""Room left for a window manager's borders and title bar before the window is shown (its
real frame is known only afterwards)."""
MAXIMISE_BELOW = 1440
"""A window opened for the first time on a screen narrower than this starts maximised."""


def fit_to_screen(widget: QWidget, wanted: QSize) -> bool:
    """A first start: ``wanted`` shrunk to the available screen (taskbar and frame left out) and
    centred on it. True when the screen is laptop-sized and the window should open maximised
    (see ``maximise_when_shown``)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(wanted)
        return False
    available = screen.availableGeometry()
    size = wanted.boundedTo(available.size() - FRAME_ALLOWANCE)
    size = size.expandedTo(widget.minimumSizeHint().boundedTo(available.size()))
    widget.resize(size)
    widget.move(
        available.x() + (available.width() - size.width()) // 2,
        available.y() + (available.height() - size.height()) // 2,
    )
    return available.width() < MAXIMISE_BELOW


def maximise_when_shown(widget: QWidget, fitted: QSize | None) -> None:
    """Maximise ``widget`` at its first show when it was fitted to a laptop screen (``fitted``:
    the size ``fit_to_screen`` gave it) and nothing has sized it since (a snapshot, a test)."""
    if fitted is not None and widget.size() == fitted:
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)


def _overlap(a: QRect, b: QRect) -> int:
    both = a.intersected(b)
    return max(both.width(), 0) * max(both.height(), 0)


def save_geometry(widget: QWidget, settings: QSettings, key: str) -> None:
    settings.setValue(key, widget.saveGeometry())
    settings.sync()


def restore_geometry(widget: QWidget, settings: QSettings, key: str) -> bool:
    data = settings.value(key)
    if data is None or not widget.restoreGeometry(data):
        return False
    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    widget.setGeometry(clamp_rect(widget.geometry(), screens))
    return True
