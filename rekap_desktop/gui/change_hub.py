"""The cockpit's one change hub: what a committed write changed reaches every view as a Qt
signal, always on the GUI thread.

Views connect slots of their own (QObject methods) to ``changed``; Qt disconnects them when the
view is destroyed, so a closed dialog is never called. A write committed on a worker thread (an
import, a package, printing) publishes from that thread: the hub hands the changes to the GUI
thread's event loop, so no job needs a service of its own to collect and re-announce them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from rekap_desktop.domain.changes import Changes
from rekap_desktop.services.meeting import Meeting


class QtChangeHub(QObject):
    """Satisfies domain.changes.ChangeHub: ``publish(changes)`` once per committed write."""

    changed = Signal(object)
    """One write's changes (a ``Changes`` tuple), delivered on the GUI thread."""
    _from_worker = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._from_worker.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        if QThread.currentThread() is self.thread():
            self.changed.emit(changes)
        else:  # queued: the receivers run on the GUI thread once its event loop is back
            self._from_worker.emit(changes)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        self.changed.emit(changes)


CockpitMeeting = Meeting[QtChangeHub]
"""The meeting as the cockpit holds it: its services publish to the Qt hub."""
