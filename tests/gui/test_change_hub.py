"""The cockpit's change hub: a write committed on a worker thread reaches the views on the GUI
thread, a destroyed view is never called, and no window reaches for the database engine."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import rekap_desktop.gui
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Change, Changes
from rekap_desktop.gui.change_hub import QtChangeHub

GUI = Path(rekap_desktop.gui.__file__).parent
IMPORTED = (Change(AuditEvent.TALLIES_IMPORTED, frozenset({"walikota"})),)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[Changes, threading.Thread]] = []

    @Slot(object)
    def on_changed(self, changes: Changes) -> None:
        self.heard.append((changes, threading.current_thread()))


def test_a_workers_publication_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    # GIVEN a view listening to the hub
    hub, view = QtChangeHub(), Receiver()
    hub.changed.connect(view.on_changed)
    # WHEN a write committed on a worker thread publishes its changes
    worker = threading.Thread(target=hub.publish, args=(IMPORTED,))
    worker.start()
    worker.join()
    # THEN the view hears them once, on the GUI thread, when the event loop runs again
    assert view.heard == []
    qtbot.waitUntil(lambda: bool(view.heard))
    assert view.heard == [(IMPORTED, threading.main_thread())]


def test_a_destroyed_view_is_no_longer_called(qtbot: QtBot) -> None:
    # GIVEN two views listening, one of them then destroyed
    hub, kept, gone = QtChangeHub(), Receiver(), Receiver()
    hub.changed.connect(kept.on_changed)
    hub.changed.connect(gone.on_changed)
    gone.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # the deferred delete happens here
    # WHEN a change is published THEN only the living view hears it, and nothing fails
    hub.publish(IMPORTED)
    assert [changes for changes, _ in kept.heard] == [IMPORTED]


def test_no_window_reaches_for_the_engine_or_builds_a_service_of_its_own() -> None:
    """The GUI receives its services from the meeting (services.meeting); a change made on a
    worker is published through the hub, not collected by a service of the job's own."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "engine":
                found.append(f"{path.relative_to(GUI)}:{node.lineno} .engine")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id.endswith("Service"):
                    found.append(f"{path.relative_to(GUI)}:{node.lineno} {node.func.id}()")
    assert found == []
