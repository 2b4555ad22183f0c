"""Rapat → Paket bukti untuk Bawaslu/MK…: asks for a file name and writes the signed, indexed
evidence pack on a worker (it renders every form and gathers every print: seconds, not a stall
of the window), then says what was written and the key fingerprint to read out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.background import BackgroundTask, JobControl
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.operations import Failure, show_failure
from rekap_desktop.text.numbers import format_number

if TYPE_CHECKING:
    from rekap_desktop.services.evidence.pack import WrittenPack

TITLE = "Paket bukti untuk Bawaslu/MK"
FILTER = "Paket bukti (*.zip)"


class EvidencePackAction(QObject):
    finished = Signal(object)
    """The pack was written (its WrittenPack), or None when it was refused or failed."""

    def __init__(self, window: QMainWindow, meeting: CockpitMeeting) -> None:
        super().__init__(window)
        self.window = window
        self.meeting = meeting
        self.action = QAction("Paket &bukti untuk Bawaslu/MK…", window)
        self.action.triggered.connect(self.choose)
        self._task: BackgroundTask[WrittenPack] | None = None

    def is_busy(self) -> bool:
        return self._task is not None

    def stop(self) -> None:
        if self._task is not None:
            self._task.stop()

    def choose(self) -> None:
        region = self.meeting.pleno.pleno().region.code
        name = file_dialogs.save_file(self.window, TITLE, f"{region}-paket-bukti.zip", FILTER)
        if name:
            path = Path(name)
            self.write(
                path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")
            )

    def write(self, path: Path) -> None:
        if self._task is not None:
            return
        worker = self.meeting.for_worker()

        def job(control: JobControl) -> WrittenPack:
            return worker.evidence().write(path, progress=control.progress)

        task: BackgroundTask[WrittenPack] = BackgroundTask(job, self)
        task.succeeded.connect(self._written)
        task.failed.connect(self._failed)
        self._task = task
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(f"Menulis paket bukti {path.name}…")
        task.start()

    def _ended(self) -> None:
        self._task = None
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()

    def _written(self, written: WrittenPack) -> None:
        self._ended()
        head, _ = written.chain_head
        chain = "utuh" if written.chain_ok else "RUSAK (tercatat apa adanya dalam paket)"
        QMessageBox.information(
            self.window,
            TITLE,
            f"Paket bukti ditulis: {written.path.name}\n"
            f"{format_number(written.exhibits)} bukti bernomor (B-1 sampai "
            f"B-{written.exhibits}), daftarnya di 00-daftar-bukti.pdf.\n"
            f"Rantai audit dalam paket: sampai entri #{head}, {chain}.\n\n"
            f"Sidik kunci instalasi penanda tangan:\n{written.fingerprint}\n\n"
            "Penerima memeriksanya dengan: rekap-desktop verify "
            f"{written.path.name}",
        )
        self.finished.emit(written)

    def _failed(self, failure: Failure) -> None:
        self._ended()
        show_failure(self.window, TITLE, failure)
        self.finished.emit(None)
