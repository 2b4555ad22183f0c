"""Automatic backups: every 5 minutes while something changed, and at once at every pause and at
determination, into the folder the user chose (for example a USB stick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from rekap_desktop.interchange.problems import InputRejected
from rekap_desktop.services import backup_service
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import default_database_path

FOLDER_KEY = "backup/folder"
INTERVAL_MS = 5 * 60 * 1000


def backup_folder(settings: QSettings) -> Path:
    default = default_database_path().parent / "cadangan"
    return Path(str(settings.value(FOLDER_KEY, str(default))))


class AutoBackup(QObject):
    made = Signal(str)
    """An Indonesian line for the status bar: where the verified backup went, or why it failed."""

    def __init__(
        self,
        service: PlenoService,
        procedure: ProcedureService,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.procedure, self.settings = service, procedure, settings
        self.dirty = False
        state = procedure.state()
        self._moment = (state.paused, state.determined)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.backup_if_changed)
        self.timer.start()
        service.bus.subscribe(self.on_changed)

    def on_changed(self, _change: Change) -> None:
        self.dirty = True
        state = self.procedure.state()
        moment = (state.paused, state.determined)
        if moment != self._moment:
            self._moment = moment
            if state.paused or state.determined:
                self.backup_now()

    def backup_if_changed(self) -> None:
        if self.dirty:
            self.backup_now()

    def backup_now(self) -> None:
        try:
            made = backup_service.make_backup(self.service.engine, backup_folder(self.settings))
        except InputRejected as error:
            self.made.emit("Cadangan gagal: " + "; ".join(p.message for p in error.problems))
            return
        except OSError as error:
            self.made.emit(f"Cadangan gagal: folder tidak dapat ditulis ({error.strerror})")
            return
        self.dirty = False
        self.made.emit(f"Cadangan terverifikasi: {made.path}")

    def stop(self) -> None:
        self.timer.stop()
        self.service.bus.unsubscribe(self.on_changed)
