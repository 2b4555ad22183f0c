"""Kunci layar: after the ketua's idle time without keyboard or mouse input the cockpit is
covered by a lock screen that shows no data and takes all input until a user of the meeting
types their name and PIN. The projector window is left exactly as it is.

The lock screen is a window of its own, application-modal and covering the cockpit's screen, so
it also covers (without closing) any dialog that was open; the cockpit's keys do not reach the
cockpit while it is up.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Changes, Event
from rekap_desktop.domain.confirmation import User
from rekap_desktop.domain.idle_lock import MAX_IDLE_MINUTES, idle_label
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import ROLE_LABELS, Action
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.services.users_service import UsersService

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
LOCK_STYLE = """
#lockScreen { background: #1d2733; }
#lockCard { background: #f4f6f8; border-radius: 10px; }
#lockTitle { font-size: 22pt; font-weight: bold; color: #1d2733; }
#lockProblem { color: #9b1c1c; }
"""


class LockScreen(QWidget):
    """What covers the cockpit: the program's name, who may unlock, and a PIN field."""

    closed = Signal()

    def __init__(self, users: UsersService, region: str) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.users = users
        self.unlocked_by: User | None = None
        self._may_close = False
        self.setObjectName("lockScreen")
        self.setWindowTitle("Rekap Desktop — layar terkunci")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(LOCK_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        title = QLabel("Layar terkunci")
        title.setObjectName("lockTitle")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.user_box = QComboBox()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText("PIN")
        self.pin_edit.returnPressed.connect(self.try_unlock)
        self.problem = QLabel()
        self.problem.setObjectName("lockProblem")
        self.problem.setWordWrap(True)
        unlock = QPushButton("Buka kunci")
        unlock.setDefault(True)
        unlock.clicked.connect(self.try_unlock)
        form = QFormLayout()
        form.addRow("Nama", self.user_box)
        form.addRow("PIN", self.pin_edit)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(title)
        inner.addWidget(QLabel(f"Rekap Desktop — {region}"))
        inner.addWidget(self.reason)
        inner.addLayout(form)
        inner.addWidget(self.problem)
        inner.addWidget(unlock, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(2)

    def prepare(self, reason: str) -> None:
        """Fresh for each lock: the meeting's users as they are now, an empty PIN."""
        self.unlocked_by = None
        self.reason.setText(reason)
        chosen = self.user_box.currentData()
        self.user_box.clear()
        for user in self.users.users():
            self.user_box.addItem(f"{user.name} ({ROLE_LABELS[user.role]})", user.name)
        if chosen is not None and (index := self.user_box.findData(chosen)) >= 0:
            self.user_box.setCurrentIndex(index)
        self.pin_edit.clear()
        self.problem.clear()

    def choose_user(self, name: str) -> None:
        index = self.user_box.findData(name)
        if index >= 0:
            self.user_box.setCurrentIndex(index)

    def try_unlock(self) -> None:
        name = self.user_box.currentData()
        if not name:
            self.problem.setText("Pilih nama pengguna rapat ini.")
            return
        try:
            user = self.users.unlock(name, self.pin_edit.text())
        except InputRejected as error:
            self.problem.setText("; ".join(p.message for p in error.problems))
            self.pin_edit.clear()
            self.pin_edit.setFocus()
            return
        self.unlocked_by = user
        self.dismiss()

    def dismiss(self) -> None:
        """Take the lock screen away (after a right PIN, or when the program ends)."""
        self._may_close = True
        self.close()
        self._may_close = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        # Alt+F4 or the window system must not uncover the cockpit; only a PIN does.
        if self._may_close:
            super().closeEvent(event)
            self.closed.emit()
        else:
            event.ignore()


class IdleLock(QObject):
    """Watches input to the whole program and locks the cockpit after the meeting's idle time;
    adds the ketua's menu entry to set that time and one to lock at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.users = users = window.meeting.users
        self.settings = settings = window.meeting.screen_lock
        self.screen = LockScreen(users, window.pleno.region.name)
        self.screen.closed.connect(self._after_unlock)
        self.minutes = settings.idle_minutes()
        self.limit_seconds = self.minutes * 60.0
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self.set_action = QAction("&Waktu kunci layar…", window)
        self.set_action.triggered.connect(self.ask_idle_minutes)
        self.lock_action = QAction("&Kunci layar sekarang", window)
        self.lock_action.setShortcut("Ctrl+L")
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        window.meeting_menu.addSeparator()
        window.meeting_menu.addActions([self.set_action, self.lock_action])
        window.meeting.hub.changed.connect(self._on_change)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._apply()

    @property
    def is_locked(self) -> bool:
        return self.screen.isVisible()

    # -- watching --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in INPUT_EVENTS and not self.is_locked:
            self._last_input = time.monotonic()
        return False

    def set_limit_seconds(self, seconds: float) -> None:
        """The idle time in seconds (the meeting's setting is in minutes; tests use less)."""
        self.limit_seconds = seconds
        self._apply()

    def _apply(self) -> None:
        self._last_input = time.monotonic()
        if self.limit_seconds <= 0:
            self._timer.stop()
            return
        # Often enough to lock within a second of the limit, rarely enough to cost nothing.
        self._timer.start(int(min(1000.0, max(50.0, self.limit_seconds * 250))))

    def check(self) -> None:
        if not self.is_locked and time.monotonic() - self._last_input >= self.limit_seconds:
            self.lock()

    @Slot(object)
    def _on_change(self, changes: Changes) -> None:
        if any(c.what in (AuditEvent.IDLE_LOCK_SET, Event.OTHER_STATION) for c in changes):
            minutes = self.settings.idle_minutes()
            if minutes != self.minutes:
                self.minutes = minutes
                self.set_limit_seconds(minutes * 60.0)

    # -- locking ---------------------------------------------------------------------------

    def lock(self) -> None:
        if self.is_locked:
            return
        idle = (
            f"Tidak ada masukan selama {idle_label(self.minutes)}. "
            if self.minutes and time.monotonic() - self._last_input >= self.limit_seconds
            else ""
        )
        self.screen.prepare(
            idle + "Setiap pengguna rapat ini dapat membuka kunci dengan nama dan PIN-nya."
        )
        # The cockpit's whole screen (dialogs included), and all of the cockpit should it be
        # larger than that screen; the projector has a screen of its own.
        area = self.window.frameGeometry()
        if (screen := self.window.screen()) is not None:
            area = screen.geometry().united(area)
        self.screen.setGeometry(area)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        self.screen.pin_edit.setFocus()

    def _after_unlock(self) -> None:
        self._last_input = time.monotonic()
        self.window.activateWindow()
        if self.screen.unlocked_by is not None:
            self.window.statusBar().showMessage(
                f"Kunci layar dibuka oleh {self.screen.unlocked_by.name}.", 10_000
            )

    # -- the ketua's setting ---------------------------------------------------------------

    def ask_idle_minutes(self) -> int | None:
        minutes, ok = QInputDialog.getInt(
            self.window,
            "Waktu kunci layar",
            "Kunci layar setelah berapa menit tanpa masukan (0 = tidak pernah)?\n"
            "Perlu konfirmasi PIN Ketua KPU.",
            self.minutes,
            0,
            MAX_IDLE_MINUTES,
        )
        if not ok:
            return None
        return self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: int) -> int | None:
        confirmation = self.window.approvals.confirm(Action.SET_IDLE_LOCK)
        if confirmation is None:
            return None
        stored = run_operation(
            self.window,
            "Waktu kunci layar",
            lambda: self.settings.set_idle_minutes(str(minutes), confirmation),
        )
        if stored is not None:
            self.window.statusBar().showMessage(
                f"Layar terkunci setelah {idle_label(stored)} tanpa masukan.", 10_000
            )
        return stored

    def stop(self) -> None:
        self._timer.stop()
        self.window.meeting.hub.changed.disconnect(self._on_change)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.screen.dismiss()
        self.screen.deleteLater()
