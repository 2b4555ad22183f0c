"""Impor data Sirekap: choose files or a folder, watch the progress bar, cancel at any time.

The import runs on a worker thread (gui.background) so the window stays responsive with thousands
of TPS files. What the import committed reaches the views through the meeting's change hub, on
the GUI thread, so no widget is ever touched from the worker.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.background import (
    BackgroundTask,
    Job,
    JobCancelled,
    JobControl,
)
from rekap_desktop.gui.operations import Failure
from rekap_desktop.services.sirekap_import import (
    ImportCancelled,
    SirekapImportReport,
    SirekapImportService,
)

TITLE = "Impor data Sirekap"
NOTE = (
    "Data Sirekap adalah alat bantu, bukan hasil resmi. Pilih berkas JSON Sirekap (hhcw wilayah "
    "atau TPS) beserta berkas paslon bila pleno.json tidak memuat sirekap_id, atau satu folder."
)


Imported = SirekapImportReport


def _import_job(
    importer: SirekapImportService, paths: list[Path], stop: threading.Event
) -> Job[Imported]:
    """The import as a worker's job (its changes are published by the import's write)."""

    def job(control: JobControl) -> Imported:
        try:
            report = importer.import_paths(
                paths,
                on_progress=control.progress,
                cancelled=lambda: stop.is_set() or control.cancelled(),
            )
        except ImportCancelled:
            raise JobCancelled from None
        return report

    return job


class SirekapImportDialog(QDialog):
    """Choose Sirekap files, import them off the GUI thread, and report what came in."""

    import_finished = Signal(bool)
    """Emitted when a run ends: True when something was imported."""

    def __init__(self, importer: SirekapImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.importer = importer
        self.paths: list[Path] = []
        self.imported = False
        """Whether an import succeeded while the dialog was open (Tutup then accepts it)."""
        self._task: BackgroundTask[Imported] | None = None
        self._stop = threading.Event()
        self.setWindowTitle(TITLE)
        self.resize(640, 420)
        self._build()

    def _build(self) -> None:
        note = QLabel(NOTE)
        note.setWordWrap(True)
        self.chosen = QLabel("Belum ada berkas dipilih.")
        self.chosen.setWordWrap(True)
        self.files_button = QPushButton("Pilih berkas…")
        self.folder_button = QPushButton("Pilih folder…")
        self.import_button = QPushButton("Impor")
        self.cancel_button = QPushButton("Tutup")
        self.progress = QProgressBar()
        self.progress.setFormat("%v dari %m berkas")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        self.import_button.clicked.connect(self._start_clicked)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.import_button.setEnabled(False)
        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (note, self.chosen):
            layout.addWidget(widget)
        layout.addLayout(choose)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addLayout(actions)

    # -- choosing --------------------------------------------------------------------------

    def _choose_files(self) -> None:
        names = file_dialogs.open_files(self, TITLE, "JSON Sirekap (*.json)")
        if names:
            self.set_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = file_dialogs.folder(self, TITLE)
        if name:
            self.set_paths([Path(name)])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        shown = ", ".join(p.name for p in paths[:4]) + (" …" if len(paths) > 4 else "")
        self.chosen.setText(f"Dipilih: {shown}")
        self.import_button.setEnabled(bool(paths))

    # -- running ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._task is not None

    def _start_clicked(self) -> None:
        self.start()

    def start(self) -> None:
        if self.is_running() or not self.paths:
            return
        self._stop.clear()
        self.report.setPlainText("Membaca berkas…")
        self.progress.setRange(0, 0)
        self._set_running(True)
        task: BackgroundTask[Imported] = BackgroundTask(
            _import_job(self.importer, list(self.paths), self._stop), self
        )
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._refused)
        self._task = task
        task.start()

    def cancel(self) -> None:
        self._stop.set()

    def _cancel_or_close(self) -> None:
        if self.is_running():
            self.cancel()
            self.cancel_button.setEnabled(False)
        elif self.imported:
            self.accept()  # closed after an import that succeeded: exec() says so
        else:
            self.reject()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _succeeded(self, report: Imported) -> None:
        self.imported = True
        self._finish()
        head = f"{report.files} berkas diimpor sebagai sumber sirekap."
        if report.partial:
            head += " Progres Sirekap belum 100 % TPS: data ditandai SEBAGIAN."
        self.report.setPlainText("\n".join([head, "", *report.lines()]))
        self.import_finished.emit(True)

    def _refused(self, failure: Failure) -> None:
        self._finish()
        if failure.cancelled:
            self.report.setPlainText("Impor dibatalkan; tidak ada yang diubah.")
            self.progress.setValue(0)
        else:
            self.report.setPlainText(failure.text)
        self.import_finished.emit(False)

    def _finish(self) -> None:
        self._task = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for button in (self.files_button, self.folder_button, self.import_button):
            button.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Batal" if running else "Tutup")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.cancel()
        if self._task is not None:
            self._task.stop()
        super().closeEvent(event)
