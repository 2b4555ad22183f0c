"""The QApplication, its top-level error hook (a bug becomes a dialog, never a dead window), and
the cockpit with everything it drives: projector, register, printing, backups, other stations,
the idle screen lock."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from rekap_desktop.domain.problems import DamagedDatabase
from rekap_desktop.error_log import ErrorLog
from rekap_desktop.gui import heap
from rekap_desktop.gui.approvals import PinApprovals
from rekap_desktop.gui.auto_backup import AutoBackup, backup_folder
from rekap_desktop.gui.backup_menu import BackupMenu
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.damaged_database import offer_backup
from rekap_desktop.gui.dialogs.first_ketua import FirstKetuaDialog
from rekap_desktop.gui.error_path import ErrorPath, active_window
from rekap_desktop.gui.idle_lock import IdleLock
from rekap_desktop.gui.indonesian import speak_indonesian
from rekap_desktop.gui.keys import BLANK, INCIDENT, PAUSE, KeyRouter
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.gui.shutdown import finish_running_work
from rekap_desktop.gui.startup_check import confirm_opening
from rekap_desktop.gui.station_operator import StationOperator, operator_at_start
from rekap_desktop.gui.station_watch import StationWatcher

EXIT_WHEN_SHOWN = "REKAP_EXIT_WHEN_SHOWN"
"""Set to 1 by the start-up benchmark only: quit as soon as the cockpit is shown."""
SHOWN_LINE = "kokpit-tampil"
PRELOAD_PRINTING_MS = 3000
"""The forms are loaded this long after the cockpit is shown, while it is idle: the first Ctrl+P
then opens at once instead of waiting for ReportLab."""


def _ketua_has_a_pin(meeting: CockpitMeeting) -> bool:
    """A new meeting asks for the Ketua KPU's PIN on its first start."""
    users = meeting.users
    if users.has_users():
        return True
    members = sorted(meeting.pleno.pleno().members, key=lambda m: m.position.lower() != "ketua")
    dialog = FirstKetuaDialog(users, [m.name for m in members])
    return bool(dialog.exec()) and users.has_users()


def _collect_from_now_on() -> None:
    """Cyclic garbage collection back on once the cockpit is shown, on the GUI thread only
    (gui/heap.py); what start-up made stays for the whole meeting, so it is moved out of the
    collector's sight."""
    heap.settle()
    heap.collect_on_gui_thread()


def _leave_when_painted(app: QCoreApplication, window: MainWindow) -> None:
    """The start-up benchmark's end: the cockpit painted once, the CPU seconds spent so far told
    on standard output (the benchmark times its arrival), then quit."""
    window.repaint()
    print(f"{SHOWN_LINE} {_cpu_seconds():.4f}", flush=True)
    app.quit()


def _cpu_seconds() -> float:
    """User + system time of every thread so far, to the microsecond (``os.times`` counts in
    10 ms clock ticks, a tenth of a bare window's start)."""
    return time.process_time()


def _running_work(window: MainWindow, backups: AutoBackup) -> Callable[[], list[str]]:
    return lambda: [*window.unfinished_work(), *backups.unfinished_work()]


def route_keys(window: MainWindow, projector: ProjectorLink) -> KeyRouter:
    """The key map's actions in the assembled cockpit (see gui.keys): their always-keys work
    from anywhere, their letters also while a number field has the focus."""
    actions = {
        BLANK.name: projector.panel.blank_action,
        PAUSE.name: window.action_pause,
        INCIDENT.name: window.action_incident,
    }
    return KeyRouter(actions, window)


def _end_with_the_cockpit(app: QCoreApplication, projector: ProjectorLink) -> Callable[[], None]:
    """The cockpit closed: the room's screen goes dark at once and the event loop ends with
    code 0. ``exit`` and not ``quit``: Qt 6's quit first asks every window to close, and the
    projector window refuses a close during the meeting (a stray Alt+F4), which would cancel
    it. What still runs is finished after the loop (the closing wait), then the projector is
    closed for good."""

    def end() -> None:
        projector.controller.window.withdraw()
        app.exit(0)

    return end


def offer_backup_at_start(
    damage: DamagedDatabase, restore_over: Callable[[Path], object | None]
) -> bool:
    """The window that offers the latest good backup when the database file is damaged at
    start, before any other window exists."""
    name_the_application(QApplication.instance() or QApplication(sys.argv))
    return offer_backup(damage, backup_folder(QSettings()), restore_over)


def name_the_application(app: QCoreApplication) -> None:
    """The names QSettings files the operator's settings (backup folder, screens…) under."""
    app.setApplicationName("Rekap Desktop")
    app.setOrganizationName("rekap-desktop")


def run(meeting: CockpitMeeting, errors: ErrorLog, operator: str | None = None) -> int:
    """The cockpit on ``meeting``; ``errors`` (installed) is where every internal error ends:
    logged, then told to the operator in a dialog while the meeting goes on. ``operator`` names
    who is at this station."""
    app = QApplication.instance() or QApplication(sys.argv)
    speak_indonesian(app)
    name_the_application(app)
    error_path = ErrorPath(errors, active_window)
    settings = QSettings()
    service = meeting.pleno
    service.actor = operator_at_start(settings, operator)
    approvals = PinApprovals(meeting.users)
    if not confirm_opening(meeting, approvals, backup_folder(settings)):
        return 2
    if not _ketua_has_a_pin(meeting):
        return 2
    # The chain's head before the cockpit reads the procedure: a step another station takes
    # meanwhile is then seen by the watcher's first look, never lost between the two reads.
    head_before_reading = service.audit_head()
    window = MainWindow(meeting, approvals, settings=settings)  # geometry kept between runs
    approvals.parent = window  # the PIN dialog opens above the cockpit from now on
    projector = ProjectorLink(window, settings)
    if window.seats_view is not None:
        window.seats_view.projector_requested.connect(projector.controller.preview)
    watcher = StationWatcher(meeting, window, since=head_before_reading)
    StationOperator(window, service, settings, operator)
    idle = IdleLock(window)
    keys = route_keys(window, projector)
    keys.locked = lambda: idle.is_locked
    backups = AutoBackup(meeting, settings, window)
    backups.made.connect(lambda text: window.statusBar().showMessage(text, 10_000))
    BackupMenu(window, window.file_menu, window.action_print, backups, settings)
    window.closed.connect(_end_with_the_cockpit(app, projector))
    window.show()
    projector.start()
    QTimer.singleShot(0, _collect_from_now_on)
    QTimer.singleShot(PRELOAD_PRINTING_MS, window.printing.preload)
    if os.environ.get(EXIT_WHEN_SHOWN) == "1":
        QTimer.singleShot(0, lambda: _leave_when_painted(app, window))
    code = app.exec()
    keys.stop()
    finish_running_work(_running_work(window, backups))
    window.stop_work()
    backups.stop()
    idle.stop()
    watcher.stop()
    projector.shutdown()
    error_path.detach()
    return code
