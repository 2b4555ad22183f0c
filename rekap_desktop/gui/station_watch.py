"""Several stations on one database: notice changes committed by another station within a second."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from rekap_desktop.services.events import OTHER_STATION, Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService

POLL_MS = 400
__all__ = ["OTHER_STATION", "POLL_MS", "StationWatcher"]


class StationWatcher(QObject):
    """Polls the head of the audit chain; when it moved without this station's own change, the
    station's procedure is read again (step, skors, penetapan) and the bus announces a change,
    so every view refreshes from committed state."""

    def __init__(
        self,
        service: PlenoService,
        parent: QObject | None = None,
        procedure: ProcedureService | None = None,
        since: int | None = None,
    ) -> None:
        """``since``: the chain's head when ``procedure`` (and the views) were read, taken
        before reading them, so that a commit made in between is announced at the first
        look (default: the head now)."""
        super().__init__(parent)
        self.service = service
        self.procedure = procedure
        self._seen = service.audit_head() if since is None else since
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        service.bus.subscribe(self._own_change)
        self._timer.start()

    def _own_change(self, change: Change) -> None:
        """This station's own change is not announced again, unless another station committed
        too since the last look (the head moved by more than the one entry of this change):
        then the next poll announces it, so that change is never missed."""
        if change.what == OTHER_STATION:
            return
        head = self.service.audit_head()
        if head - self._seen <= 1:
            self._seen = head

    def poll(self) -> None:
        head = self.service.audit_head()
        if head != self._seen:
            self._seen = head
            if self.procedure is not None:
                self.procedure.reload()
            self.service.bus.announce(Change(OTHER_STATION))

    def stop(self) -> None:
        self._timer.stop()
        self.service.bus.unsubscribe(self._own_change)
