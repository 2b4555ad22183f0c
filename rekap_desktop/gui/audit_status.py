"""The status bar's "Rantai audit" line: the whole chain is verified on a worker thread after
every change (it grows all meeting long: verifying it on the GUI thread would stall the window
more with every entry). Changes that arrive while a check runs are covered by one more check."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from rekap_desktop.gui.background import BackgroundTask, JobControl
from rekap_desktop.gui.operations import Failure
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.audit import ChainReport
from rekap_desktop.text.numbers import format_number

CHECKING = "Rantai audit: memeriksa…"


class AuditStatus(QObject):
    def __init__(self, service: PlenoService, label: QLabel, parent: QObject | None = None):
        super().__init__(parent)
        self.service, self.label = service, label
        self._task: BackgroundTask[ChainReport] | None = None
        self._again = False
        label.setText(CHECKING)

    def request(self) -> None:
        """Verify the chain as it is now (soon after the running check, if one runs)."""
        if self._task is not None:
            self._again = True
            return
        self._task = BackgroundTask(self._verify, self)
        self._task.succeeded.connect(self._show)
        self._task.failed.connect(self._unverified)
        self._task.finished.connect(self._done)
        self._task.start()

    def is_checking(self) -> bool:
        return self._task is not None

    def stop(self) -> None:
        if self._task is not None:
            self._task.stop()
            self._task = None

    def _verify(self, _control: JobControl) -> ChainReport:
        return self.service.verify_audit()

    def _show(self, report: ChainReport) -> None:
        chain = f"utuh ({format_number(report.entries)} entri)" if report.ok else "RUSAK"
        self.label.setText(f"Rantai audit: {chain}")
        self.label.setToolTip("" if report.ok else report.reason)

    def _unverified(self, failure: Failure) -> None:
        self.label.setText("Rantai audit: tidak dapat diperiksa")
        self.label.setToolTip(failure.text)

    def _done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.request()
