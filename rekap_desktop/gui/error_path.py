"""The window's end of the one error path (see ``rekap_desktop.error_log``): Qt's own warnings go
to the log, an internal error is told to the operator in Indonesian, and a paint handler that
fails draws a plain card instead of leaving its painter open.

The dialog never opens inside the code that failed: a modal dialog started from a paint handler
(while the window's backing store is being painted) crashed the program. It is queued to the
event loop instead, from any thread, and the same error met again (a paint handler fails at
every repaint) is logged each time but told once.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QRectF,
    Qt,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rekap_desktop.error_log import ErrorLog, ErrorReport, log

TITLE = "Kesalahan internal — rapat dapat dilanjutkan"
HEADLINE = (
    "Terjadi kesalahan internal pada program. Rapat dapat dilanjutkan: semua yang sudah "
    "tersimpan tetap aman."
)
SAFE_CARD_TEXT = "Tampilan ini tidak dapat digambar.\nRapat tetap berjalan."
SAFE_CARD_BACKGROUND = QColor("#101828")
SAFE_CARD_TEXT_COLOUR = QColor("#ffffff")
_QT_LEVELS = {
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def advice(report: ErrorReport) -> str:
    """What the operator does now, and where the details are."""
    if report.log_file is not None:
        hand_over = f"serahkan berkas log program kepada petugas teknis:\n{report.log_file}"
    else:
        hand_over = "catat rincian di bawah dan sampaikan kepada petugas teknis."
    return (
        "Bila langkah terakhir belum tampil di layar, ulangi langkah itu. Bila kesalahan ini "
        f"muncul lagi, {hand_over}\n\n"
        f"Rincian: {report.kind}: {report.message}\n({report.where})"
    )


class ErrorDialogs(QObject):
    """Tells the operator about each distinct internal error, once, from the event loop."""

    arrived = Signal(object)

    def __init__(self, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._told: set[tuple[str, str, str]] = set()
        self.shown: list[QMessageBox] = []
        """Dialogs shown so far (the newest last); they delete themselves when closed."""
        self.arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def notify(self, report: ErrorReport) -> None:
        """Safe from any thread and inside a paint handler: the dialog comes later."""
        self.arrived.emit(report)

    @Slot(object)
    def _show(self, report: ErrorReport) -> None:
        if report.signature in self._told:
            return
        self._told.add(report.signature)
        box = QMessageBox(
            QMessageBox.Icon.Critical, TITLE, HEADLINE, QMessageBox.StandardButton.NoButton
        )
        box.setParent(self._parent_window(), box.windowFlags())
        box.setInformativeText(advice(report))
        box.addButton("Lanjutkan rapat", QMessageBox.ButtonRole.AcceptRole)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget)
        self.shown.append(box)
        box.show()

    @Slot(QObject)
    def _forget(self, box: QObject) -> None:
        self.shown = [b for b in self.shown if b is not box]


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind)
    if level is not None:
        log().log(level, "Qt: %s", message)


class ErrorPath:
    """The error log with the window's dialog and Qt's warnings attached; ``detach()`` undoes
    what ``attach`` did (the log itself stays installed)."""

    def __init__(self, errors: ErrorLog, parent_window: Callable[[], QWidget | None]) -> None:
        self.errors = errors
        self.dialogs = ErrorDialogs(parent_window)
        self._previous_notify = errors.notify
        errors.notify = self.dialogs.notify
        self._previous_handler = qInstallMessageHandler(_qt_message)

    def detach(self) -> None:
        self.errors.notify = self._previous_notify
        qInstallMessageHandler(self._previous_handler)


def active_window() -> QWidget | None:
    return QApplication.activeWindow()


def report_current_error() -> None:
    """Hand the exception being handled to the program's one error hook (``sys.excepthook``),
    for code that caught it to go on (a paint handler drawing its safe card)."""
    kind, error, tb = sys.exc_info()
    if kind is None or error is None:
        return
    try:
        sys.excepthook(kind, error, tb)
    except Exception:  # the hook must not take the caller down with it
        log().exception("Kesalahan saat melaporkan kesalahan")


def paint_safe_card(painter: QPainter, rect: QRectF) -> list[str]:
    """A plain card in place of a scene that failed to paint; returns the texts drawn."""
    painter.resetTransform()
    painter.setClipping(False)
    painter.setOpacity(1.0)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.fillRect(rect, SAFE_CARD_BACKGROUND)
    plain = QFont()
    plain.setPixelSize(max(12, round(rect.height() * 0.05)))
    painter.setFont(plain)
    painter.setPen(SAFE_CARD_TEXT_COLOUR)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), SAFE_CARD_TEXT)
    return SAFE_CARD_TEXT.split("\n")
