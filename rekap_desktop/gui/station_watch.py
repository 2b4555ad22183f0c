"""Several stations on one database: notice changes committed by another station within a second."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from rekap_desktop.domain.changes import Change, Changes, Event
from rekap_desktop.gui.change_hub import CockpitMeeting

OTHER_STATION = Event.OTHER_STATION

POLL_MS = 400
__all__ = ["OTHER_STATION", "POLL_MS", "StationWatcher"]


class StationWatcher(QObject):
    """Polls the head of the audit chain; when it moved without this station's own change, the
    meeting's one procedure is read again (step, skors, penetapan) and the hub publishes
    OTHER_STATION, so every view refreshes from committed state."""

    def __init__(
        self, meeting: CockpitMeeting, parent: QObject | None = None, since: int | None = None
    ) -> None:
        """``since``: the chain's head when the procedure (and the views) were read, taken
        before reading them, so that a commit made in between is announced at the first
        look (default: the head now)."""
        super().__init__(parent)
        self.meeting = meeting
        self.service = service = meeting.pleno
        self._seen = service.audit_head() if since is None else since
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        meeting.hub.changed.connect(self._own_change)
        self._timer.start()

    @Slot(object)
    def _own_change(self, changes: Changes) -> None:
        """This station's own change is not announced again, unless another station committed
        too since the last look (the head moved by more than the entries of this change):
        then the next poll announces it, so that change is never missed."""
        if any(change.what is OTHER_STATION for change in changes):
            return
        head = self.service.audit_head()
        if head - self._seen <= len(changes):
            self._seen = head

    def poll(self) -> None:
        head = self.service.audit_head()
        if head != self._seen:
            self._seen = head
            self.meeting.procedure.reload()
            self.meeting.hub.publish((Change(OTHER_STATION),))

    def stop(self) -> None:
        self._timer.stop()
        self.meeting.hub.changed.disconnect(self._own_change)
