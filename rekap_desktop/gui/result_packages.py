"""Berkas menu: export this meeting's signed result package (.rekap), import the packages of the
units, and show this installation's key (also in the status bar).

Export (it renders every printed PDF into the package) and each package check and import run on a
worker thread (gui.background) with the meeting's services for a worker; what changed reaches the
views through the meeting's change hub on the GUI thread, so no widget is touched from the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.approvals import Approvals, NoApprovals
from rekap_desktop.gui.background import BackgroundTask, JobControl
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.operations import Failure, refusal_text

if TYPE_CHECKING:  # the package machinery is loaded when a package is first made or read
    from rekap_desktop.services.package_import import (
        PackageImportReport,
        SenderCheck,
    )
    from rekap_desktop.services.packages import ExportedPackage

EXPORT_TITLE = "Ekspor paket hasil"
IMPORT_TITLE = "Impor paket hasil"
PACKAGE_FILTER = "Paket hasil (*.rekap)"
NOT_YET = (
    "Paket hasil baru dapat dibuat setelah penetapan. Saat rapat diskors (butir 11) dapat dibuat "
    "paket SEMENTARA untuk saksi dan Bawaslu."
)

Job = Callable[[CockpitMeeting], object]
"""Run on a worker with the meeting's services for a worker (see Meeting.for_worker)."""


@dataclass
class _Run:
    task: BackgroundTask[object]
    done: Callable[[Any], None]
    failed: Callable[[str], None]


class PackageReportDialog(QDialog):
    """What an import of packages did, file by file: imported, refused (why) or cancelled."""

    def __init__(self, heading: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(IMPORT_TITLE)
        self.resize(680, 380)
        self.heading = QLabel(heading)
        self.heading.setStyleSheet("font-weight:bold")
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox()
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class PackageActions(QObject):
    """The package entries of the Berkas menu and the key in the status bar of ``window``.

    The export entry follows the procedure each time the menu opens (no listener on the change
    bus that could outlive the window)."""

    finished = Signal(bool)
    """A package export or an import of chosen packages ended: True when anything was written."""

    def __init__(
        self,
        window: QMainWindow,
        meeting: CockpitMeeting,
        menu: QMenu,
        installation_key: Callable[[], str],
        approvals: Approvals | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.meeting = meeting
        self._installation_key = installation_key
        self._approvals = approvals or NoApprovals()
        """A commissioner's PIN for an action (the ketua's, to replace a sender's key)."""
        self._run: _Run | None = None
        self._queue: list[Path] = []
        self._lines: list[str] = []
        self._imported = 0
        self._importing = False
        self._stopped: list[Path] = []
        self.export_action = QAction("Ekspor paket &hasil (.rekap)…", window)
        self.export_action.triggered.connect(self.choose_export)
        self.import_action = QAction("Impor &paket hasil (.rekap)…", window)
        self.import_action.triggered.connect(self.choose_import)
        self.stop_import_action = QAction("Hen&tikan impor paket", window)
        self.stop_import_action.setToolTip(
            "Paket yang sedang diimpor diselesaikan; berkas berikutnya tidak diimpor."
        )
        self.stop_import_action.triggered.connect(self.stop_importing)
        self.key_action = QAction("Kunci &instalasi…", window)
        self.key_action.triggered.connect(self.show_key)
        self.key_label = QLabel()
        self.key_label.setObjectName("installationKeyLabel")
        window.statusBar().addPermanentWidget(self.key_label)
        self.show_key_in_status_bar()
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def actions(self) -> tuple[QAction, ...]:
        return (self.export_action, self.import_action, self.stop_import_action, self.key_action)

    def is_busy(self) -> bool:
        """A package is being written, checked or imported."""
        return self._run is not None

    def stop(self) -> None:
        if self._run is not None:
            self._run.task.stop()

    # -- the installation key --------------------------------------------------------------

    def key_fingerprint(self) -> str | None:
        try:
            return self._installation_key()
        except InputRejected:
            return None

    def show_key_in_status_bar(self) -> None:
        fingerprint = self.key_fingerprint()
        self.key_label.setText(
            f"Kunci instalasi: {fingerprint}" if fingerprint else "Kunci instalasi: tidak terbaca"
        )

    def show_key(self) -> None:
        try:
            fingerprint = self._installation_key()
        except InputRejected as error:
            QMessageBox.warning(self.window, "Kunci instalasi", refusal_text(error))
            return
        from rekap_desktop.gui.dialogs.key_dialogs import InstallationKeyDialog

        InstallationKeyDialog(fingerprint, self.window).exec()

    # -- export ----------------------------------------------------------------------------

    def export_mode(self) -> bool | None:
        """True: the determined result; False: a SEMENTARA package (paused); None: neither."""
        procedure = self.meeting.procedure
        procedure.reload()  # another station may have moved it since the watcher's last look
        state = procedure.state()
        if state.determined:
            return True
        return False if state.paused else None

    def update_actions(self) -> None:
        mode = self.export_mode()
        text = (
            "Ekspor paket SEMENTARA (.rekap)…" if mode is False else "Ekspor paket &hasil (.rekap)…"
        )
        self.export_action.setText(text)
        self.export_action.setEnabled(mode is not None and self._run is None)
        self.import_action.setEnabled(self._run is None)
        self.stop_import_action.setEnabled(self._importing and bool(self._queue))

    def choose_export(self) -> None:
        mode = self.export_mode()
        if mode is None:
            QMessageBox.information(self.window, EXPORT_TITLE, NOT_YET)
            return
        kind = "hasil" if mode else "sementara"
        suggested = f"{self.meeting.pleno.pleno().region.code}-{kind}.rekap"
        name = file_dialogs.save_file(self.window, EXPORT_TITLE, suggested, PACKAGE_FILTER)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".rekap":
            path = path.with_name(path.name + ".rekap")
        self.export(path, determined=mode)

    def export(self, path: Path, *, determined: bool) -> None:
        def job(own: CockpitMeeting) -> ExportedPackage:
            return own.packages.export(path, determined=determined)

        self._start(job, self._exported, self._export_refused)

    def _exported(self, exported: ExportedPackage) -> None:
        status = "SEMENTARA (bukan hasil yang ditetapkan)" if exported.provisional else "hasil"
        QMessageBox.information(
            self.window,
            EXPORT_TITLE,
            f"Paket {status} ditulis: {exported.path.name} ({len(exported.members)} anggota).\n\n"
            f"Sidik kunci instalasi:\n{exported.fingerprint}\n\n"
            "Bacakan atau tuliskan sidik ini untuk operator tingkat berikutnya.",
        )
        self.finished.emit(True)

    def _export_refused(self, text: str) -> None:
        QMessageBox.warning(self.window, EXPORT_TITLE, text)
        self.finished.emit(False)

    # -- import ----------------------------------------------------------------------------

    def choose_import(self) -> None:
        names = file_dialogs.open_files(self.window, IMPORT_TITLE, PACKAGE_FILTER)
        if names:
            self.import_packages([Path(n) for n in names])

    def import_packages(self, paths: list[Path]) -> None:
        """Check and import each package in turn; a new sender key is confirmed first."""
        if self._run is not None:
            return
        self._queue, self._lines, self._imported = list(paths), [], 0
        self._importing = True
        self._next_package()

    def stop_importing(self) -> None:
        """The operator stops a batch: the package being imported is finished (it is one
        transaction), the files after it are not imported and the report names them."""
        self._stopped, self._queue = self._queue, []
        self.stop_import_action.setEnabled(False)

    def _next_package(self) -> None:
        if not self._queue:
            self._report()
            return
        path = self._queue.pop(0)
        self._start(
            lambda own: own.package_import.examine(path),
            lambda check: self._examined(path, check),
            lambda text: self._import_refused(path, text),
        )

    def _examined(self, path: Path, check: SenderCheck) -> None:
        trust: str | None = None
        if not check.trusted:
            from rekap_desktop.gui.dialogs.key_dialogs import SenderKeyDialog

            dialog = SenderKeyDialog(check, self.window)
            if not dialog.exec():
                self._lines += [f"{path.name}: dibatalkan; kunci pengirim tidak dikonfirmasi.", ""]
                self._next_package()
                return
            trust = check.fingerprint
        confirmation = None
        if check.key_changed:
            confirmation = self._approvals.confirm(Action.CHANGE_SENDER_KEY)
            if confirmation is None:
                self._lines += [f"{path.name}: dibatalkan; penggantian kunci tidak disetujui.", ""]
                self._next_package()
                return
        self._start(
            lambda own: own.package_import.import_package(
                path, trust=trust, confirmation=confirmation
            ),
            lambda report: self._package_imported(path, report),
            lambda text: self._import_refused(path, text),
        )

    def _package_imported(self, path: Path, report: PackageImportReport) -> None:
        self._imported += 1
        self._lines += [f"{path.name}:", *report.lines(), ""]
        self._next_package()

    def _import_refused(self, path: Path, text: str) -> None:
        named = text if text.startswith(path.name) else f"{path.name}: {text}"
        self._lines += [named, ""]
        self._next_package()

    def _report(self) -> None:
        for path in self._stopped:
            self._lines.append(f"{path.name}: tidak diimpor; impor dihentikan operator.")
        self._importing, self._stopped = False, []
        self.update_actions()
        dialog = PackageReportDialog(
            f"{self._imported} paket diimpor.", "\n".join(self._lines).strip(), self.window
        )
        dialog.exec()
        self.finished.emit(self._imported > 0)

    # -- running off the GUI thread --------------------------------------------------------

    def _start(self, job: Job, done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        meeting = self.meeting

        def run(_control: JobControl) -> object:
            return job(meeting.for_worker())

        task: BackgroundTask[object] = BackgroundTask(run, self)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._refused)
        self._run = _Run(task, done, failed)
        self.update_actions()
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        task.start()

    def _end(self) -> _Run:
        run = self._run
        assert run is not None
        self._run = None
        QApplication.restoreOverrideCursor()
        self.update_actions()
        return run

    def _succeeded(self, value: object) -> None:
        self._end().done(value)

    def _refused(self, failure: Failure) -> None:
        self._end().failed(failure.text)
