"""Automatic backups: every 5 minutes while something changed, and at once at every pause and at
determination, into the folder the user chose (for example a USB stick). The copy and its check
run on a worker thread: a slow stick never holds the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot

from rekap_desktop.domain.changes import Changes
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.gui.background import LatestJob
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.operations import Failure
from rekap_desktop.services.database import default_backup_folder

FOLDER_KEY = "backup/folder"
INTERVAL_MS = 5 * 60 * 1000


def backup_folder(settings: QSettings) -> Path:
    return Path(str(settings.value(FOLDER_KEY, str(default_backup_folder()))))


class AutoBackup(QObject):
    made = Signal(str)
    """An Indonesian line for the status bar: where the verified backup went, or why it failed."""

    def __init__(
        self,
        meeting: CockpitMeeting,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting, self.settings = meeting, settings
        self.procedure = procedure = meeting.procedure
        self.dirty = False
        self._runs = LatestJob(self)
        self._runs.succeeded.connect(self._ended)
        self._runs.failed.connect(self._failed)
        state = procedure.state()
        self._moment = (state.paused, state.determined)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.backup_if_changed)
        self.timer.start()
        meeting.hub.changed.connect(self.on_changed)

    @Slot(object)
    def on_changed(self, _changes: Changes) -> None:
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
        """Copy and verify on a worker thread (a USB stick can be slow); a backup asked for
        while one runs is made right after it."""
        meeting, folder = self.meeting, backup_folder(self.settings)
        self.dirty = False  # a change during the copy makes the next one due again
        self._runs.request(lambda _control: backup_to(meeting, folder))

    def is_running(self) -> bool:
        return self._runs.is_running()

    def unfinished_work(self) -> list[str]:
        return ["cadangan"] if self.is_running() else []

    def _failed(self, failure: Failure) -> None:
        self._ended((False, f"Cadangan gagal: {failure.text}"))

    def _ended(self, outcome: tuple[bool, str]) -> None:
        made, text = outcome
        if not made:
            self.dirty = True
        self.made.emit(text)

    def stop(self) -> None:
        self.timer.stop()
        self.meeting.hub.changed.disconnect(self.on_changed)
        self._runs.stop()


def backup_to(meeting: CockpitMeeting, folder: Path) -> tuple[bool, str]:
    """Make a verified backup (on a worker thread): whether it was made, and the status line."""
    try:
        made = meeting.make_backup(folder)
    except InputRejected as error:
        return False, "Cadangan gagal: " + "; ".join(p.message for p in error.problems)
    except OSError as error:
        return False, f"Cadangan gagal: folder tidak dapat ditulis ({error.strerror})"
    return True, f"Cadangan terverifikasi: {made.path}"
