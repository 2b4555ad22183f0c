"""Impor data Sirekap: choose files or a folder, watch the progress bar, cancel at any time.

The import runs on a worker thread so the window stays responsive with thousands of TPS files. The
worker's service has its own change bus; what changed is announced on the GUI thread only after
the import committed, so no widget is ever touched from the worker.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.gui.operations import refusal_text
from rekap_desktop.interchange.problems import InputRejected
from rekap_desktop.services.events import Change, ChangeBus
from rekap_desktop.services.pleno_service import PlenoService
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


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object, object)
    refused = Signal(str, bool)

    def __init__(self, service: PlenoService, paths: list[Path], stop: threading.Event) -> None:
        super().__init__()
        self._service = service
        self._paths = paths
        self._stop = stop

    @Slot()
    def run(self) -> None:
        changes: list[Change] = []
        own = PlenoService(self._service.engine, ChangeBus(), self._service.actor)
        own.bus.subscribe(changes.append)
        try:
            report = SirekapImportService(own).import_paths(
                self._paths, on_progress=self.progressed.emit, cancelled=self._stop.is_set
            )
        except ImportCancelled:
            self.refused.emit("Impor dibatalkan; tidak ada yang diubah.", True)
        except InputRejected as error:
            self.refused.emit(refusal_text(error), False)
        except Exception as error:  # a bug: say so in the dialog, keep the window alive
            self.refused.emit(f"Kesalahan internal: {type(error).__name__}: {error}", False)
        else:
            self.succeeded.emit(report, changes)


class SirekapImportDialog(QDialog):
    """Choose Sirekap files, import them off the GUI thread, and report what came in."""

    import_finished = Signal(bool)
    """Emitted when a run ends: True when something was imported."""

    def __init__(self, service: PlenoService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.paths: list[Path] = []
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
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
        names, _ = QFileDialog.getOpenFileNames(self, TITLE, "", "JSON Sirekap (*.json)")
        if names:
            self.set_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, TITLE)
        if name:
            self.set_paths([Path(name)])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        shown = ", ".join(p.name for p in paths[:4]) + (" …" if len(paths) > 4 else "")
        self.chosen.setText(f"Dipilih: {shown}")
        self.import_button.setEnabled(bool(paths))

    # -- running ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread is not None

    def _start_clicked(self) -> None:
        self.start()

    def start(self) -> None:
        if self.is_running() or not self.paths:
            return
        self._stop.clear()
        self.report.setPlainText("Membaca berkas…")
        self.progress.setRange(0, 0)
        self._set_running(True)
        thread = QThread(self)
        worker = _Worker(self.service, list(self.paths), self._stop)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self._succeeded)
        worker.refused.connect(self._refused)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def _cancel_or_close(self) -> None:
        if self.is_running():
            self.cancel()
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object, object)
    def _succeeded(self, report: SirekapImportReport, changes: list[Change]) -> None:
        self._finish()
        head = f"{report.files} berkas diimpor sebagai sumber sirekap."
        if report.partial:
            head += " Progres Sirekap belum 100 % TPS: data ditandai SEBAGIAN."
        self.report.setPlainText("\n".join([head, "", *report.lines()]))
        for change in changes:
            self.service.bus.publish(change)
        self.import_finished.emit(True)

    @Slot(str, bool)
    def _refused(self, text: str, cancelled: bool) -> None:
        self._finish()
        self.report.setPlainText(text)
        if cancelled:
            self.progress.setValue(0)
        self.import_finished.emit(False)

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread, self._worker = None, None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for button in (self.files_button, self.folder_button, self.import_button):
            button.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Batal" if running else "Tutup")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.cancel()
        self._finish_quietly()
        super().closeEvent(event)

    def _finish_quietly(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
