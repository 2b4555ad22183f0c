"""Kunci layar in the assembled cockpit: idle → locked (no data visible, the projector untouched),
a wrong PIN keeps it locked and counts, the right PIN of any user unlocks, and only the ketua
changes the idle time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import idle_lock
from rekap_desktop.gui.auto_backup import FOLDER_KEY
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.gui.idle_lock import IdleLock
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.services.demo import DEMO_OPERATOR, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window

KETUA = "Dra. Lestari Wulandari Kusuma, M.Si."


class Answering:
    """Approvals giving ``answer`` (None: the PIN dialog was cancelled); ``asked`` keeps what
    was asked for."""

    def __init__(self) -> None:
        self.answer: Confirmation | None = None
        self.asked: list[Action] = []

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        self.asked.append(action)
        return self.answer


@pytest.fixture
def cockpit(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, IdleLock, ProjectorLink]]:
    """The demo cockpit with its idle lock and a projector window shown (rehearsal)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(tmp_path / "usb"))
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service, Answering(), settings=settings)
    qtbot.addWidget(window)
    window.show()
    projector = ProjectorLink(window, settings)
    projector.controller.show_rehearsal()
    lock = IdleLock(window)
    yield window, lock, projector
    lock.stop()
    projector.shutdown()
    window.close()
    service.engine.dispose()


def _events(window: MainWindow, event: str) -> list[tuple[str, dict[str, object]]]:
    """Who and what each entry of ``event`` recorded (without the rows it wrote, "baris")."""
    with window.service.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT actor, payload FROM audit_entry WHERE event = :e ORDER BY id"),
            {"e": event},
        )
        payloads = [(actor, json.loads(payload)) for actor, payload in rows]
    return [(actor, {k: v for k, v in p.items() if k != "baris"}) for actor, p in payloads]


def _lock_after_idle(qtbot: QtBot, lock: IdleLock) -> None:
    lock.set_limit_seconds(0.3)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5_000)


def test_idle_locks_the_cockpit_and_leaves_the_projector_alone(
    qtbot: QtBot, cockpit: tuple[MainWindow, IdleLock, ProjectorLink], tmp_path: Path
) -> None:
    window, lock, projector = cockpit
    # GIVEN a new meeting: the default idle time is 10 minutes, offered in the Rapat menu
    assert lock.minutes == 10
    assert {lock.set_action, lock.lock_action} <= set(window.meeting_menu.actions())
    live = projector.controller.window
    scene_before = live.view.scene()
    assert live.isVisible()
    # WHEN nobody touches keyboard or mouse for the idle time
    _lock_after_idle(qtbot, lock)
    # THEN a lock screen covers the whole cockpit, takes all input, and shows no data
    screen = lock.screen
    assert screen.isVisible() and screen.isModal()
    assert screen.geometry().contains(window.frameGeometry())
    shown = " ".join(label.text() for label in screen.findChildren(idle_lock.QLabel))
    assert "Layar terkunci" in shown and "28.999" not in shown
    # THEN the cockpit's keys do not reach it (PgDn would move the meeting to the next step)
    place = window.procedure.state().current
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.procedure.state().current == place
    # THEN the projector window is neither hidden nor changed
    assert live.isVisible()
    assert live.view.scene() == scene_before
    screen.grab().save(str(tmp_path / "kunci-layar.png"))


def test_input_before_the_idle_time_keeps_it_unlocked(
    qtbot: QtBot, cockpit: tuple[MainWindow, IdleLock, ProjectorLink]
) -> None:
    window, lock, _ = cockpit
    # GIVEN an idle time of 0.6 s WHEN the operator keeps typing every 0.2 s for 1.2 s
    lock.set_limit_seconds(0.6)
    for _ in range(6):
        qtbot.keyClick(window.panel, Qt.Key.Key_Shift)
        qtbot.wait(200)
        # THEN the cockpit stays unlocked
        assert not lock.is_locked
    # WHEN the typing stops THEN it locks
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5_000)


def test_a_wrong_pin_stays_locked_and_counts(
    qtbot: QtBot, cockpit: tuple[MainWindow, IdleLock, ProjectorLink]
) -> None:
    window, lock, _ = cockpit
    _lock_after_idle(qtbot, lock)
    # WHEN the operator types a wrong PIN
    lock.screen.choose_user(DEMO_OPERATOR)
    qtbot.keyClicks(lock.screen.pin_edit, "0000")
    qtbot.keyClick(lock.screen.pin_edit, Qt.Key.Key_Return)
    # THEN the screen stays locked, says so, and the wrong PIN is recorded for the lock-out
    assert lock.is_locked
    assert lock.screen.problem.text() == (
        "PIN salah untuk membuka kunci layar; sisa 4 kali percobaan"
    )
    assert lock.screen.pin_edit.text() == ""
    assert _events(window, "pin_rejected") == [
        (DEMO_OPERATOR, {"nama": DEMO_OPERATOR, "tindakan": "buka_kunci_layar"})
    ]
    # WHEN the window system asks the lock screen to close THEN it refuses
    lock.screen.close()
    assert lock.is_locked


def test_the_right_pin_of_any_user_unlocks(
    qtbot: QtBot, cockpit: tuple[MainWindow, IdleLock, ProjectorLink]
) -> None:
    window, lock, _ = cockpit
    _lock_after_idle(qtbot, lock)
    # WHEN the operator (not a commissioner) types the right PIN
    lock.screen.choose_user(DEMO_OPERATOR)
    qtbot.keyClicks(lock.screen.pin_edit, "333333")
    qtbot.keyClick(lock.screen.pin_edit, Qt.Key.Key_Return)
    # THEN the cockpit is uncovered, and who unlocked it is in the audit chain
    assert not lock.is_locked
    assert lock.screen.unlocked_by is not None
    assert lock.screen.unlocked_by.name == DEMO_OPERATOR
    assert _events(window, "screen_unlocked") == [(DEMO_OPERATOR, {"nama": DEMO_OPERATOR})]
    assert window.service.verify_audit().ok
    # WHEN idle again THEN it locks again, with an empty PIN field
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5_000)
    assert lock.screen.pin_edit.text() == ""


def test_setting_the_idle_time_needs_the_ketuas_pin(
    qtbot: QtBot,
    cockpit: tuple[MainWindow, IdleLock, ProjectorLink],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, lock, _ = cockpit
    users = UsersService(window.service.engine)
    approvals = window.approvals
    assert isinstance(approvals, Answering)
    asked = approvals.asked
    # WHEN the PIN dialog is cancelled THEN nothing changes
    assert lock.set_idle_minutes(3) is None
    assert asked == [Action.SET_IDLE_LOCK]
    assert (lock.minutes, _events(window, "idle_lock_set")) == (10, [])
    # THEN the dialog for it offers the ketua only
    dialog = PinDialog(users, Action.SET_IDLE_LOCK)
    qtbot.addWidget(dialog)
    offered = [dialog.ui.userBox.itemData(i) for i in range(dialog.ui.userBox.count())]
    assert offered == [KETUA]
    # WHEN the ketua confirms 3 minutes THEN it is stored, audited and in force
    approvals.answer = users.confirm(KETUA, "111111", Action.SET_IDLE_LOCK)
    assert lock.set_idle_minutes(3) == 3
    assert (lock.minutes, lock.limit_seconds) == (3, 180.0)
    assert _events(window, "idle_lock_set") == [
        (
            KETUA,
            {"menit": 3, "sebelum": 10, "dikonfirmasi_oleh": KETUA, "peran_pengonfirmasi": "ketua"},
        )
    ]
    # WHEN the ketua turns it off THEN the cockpit never locks by itself
    approvals.answer = users.confirm(KETUA, "111111", Action.SET_IDLE_LOCK)
    assert lock.set_idle_minutes(0) == 0
    qtbot.wait(300)
    assert not lock.is_locked
