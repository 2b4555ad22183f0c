"""The status bar's "Rantai audit" line: the whole chain is verified on a worker thread after
every change (it grows all meeting long: verifying it on the GUI thread would stall the window
more with every entry). Changes that arrive while a check runs are covered by one more check."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.gui.background import JobControl, LatestJob
from rekap_desktop.gui.operations import Failure
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.numbers import format_number

CHECKING = "Rantai audit: memeriksa…"


class AuditStatus(QObject):
    def __init__(self, service: PlenoService, label: QLabel, parent: QObject | None = None):
        super().__init__(parent)
        self.service, self.label = service, label
        self._checks = LatestJob(self)
        self._checks.succeeded.connect(self._show)
        self._checks.failed.connect(self._unverified)
        label.setText(CHECKING)

    def request(self) -> None:
        """Verify the chain as it is now (soon after the running check, if one runs)."""
        self._checks.request(self._verify)

    def is_checking(self) -> bool:
        return self._checks.is_running()

    def stop(self) -> None:
        self._checks.stop()

    def _verify(self, _control: JobControl) -> ChainReport:
        return self.service.verify_audit()

    def _show(self, report: ChainReport) -> None:
        chain = f"utuh ({format_number(report.entries)} entri)" if report.ok else "RUSAK"
        self.label.setText(f"Rantai audit: {chain}")
        self.label.setToolTip("" if report.ok else report.reason)

    def _unverified(self, failure: Failure) -> None:
        self.label.setText("Rantai audit: tidak dapat diperiksa")
        self.label.setToolTip(failure.text)
