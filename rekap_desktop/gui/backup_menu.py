"""Berkas → "Buat cadangan sekarang" and "Folder cadangan…": a verified backup on demand, and the
folder the automatic backups go to (for example a USB stick), chosen in the program."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.auto_backup import FOLDER_KEY, AutoBackup, backup_folder

TITLE = "Folder cadangan"
PROBE = ".rekap-uji-tulis"
REASONS = {
    errno.EACCES: "tidak ada izin menulis",
    errno.EPERM: "tidak ada izin menulis",
    errno.EROFS: "media hanya dapat dibaca",
    errno.ENOSPC: "media penuh",
    errno.ENOENT: "tidak ditemukan",
    errno.ENOTDIR: "bukan folder",
    errno.EEXIST: "bukan folder",
}


class BackupMenu(QObject):
    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        before: QAction,
        backups: AutoBackup,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self.window, self.backups, self.settings = window, backups, settings
        self.backup_action = QAction("Buat &cadangan sekarang", window)
        self.backup_action.triggered.connect(backups.backup_now)
        self.folder_action = QAction("&Folder cadangan…", window)
        self.folder_action.triggered.connect(self.choose_folder)
        menu.insertActions(before, [self.backup_action, self.folder_action])
        menu.insertSeparator(before)
        menu.aboutToShow.connect(self._describe_folder)
        self._describe_folder()

    def _describe_folder(self) -> None:
        where = f"Cadangan otomatis ke {backup_folder(self.settings)}"
        for action in (self.backup_action, self.folder_action):
            action.setStatusTip(where)

    def choose_folder(self) -> None:
        current = str(backup_folder(self.settings))
        chosen = file_dialogs.folder(self.window, TITLE, current)
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> bool:
        """Use ``folder`` for every backup from now on, once it proved writable; a first backup is
        made there at once. A folder that cannot be written is refused and nothing changes."""
        problem = _unwritable(folder)
        if problem is not None:
            QMessageBox.warning(
                self.window,
                TITLE,
                f"Folder {folder} tidak dapat dipakai untuk cadangan: {problem}. "
                f"Cadangan tetap ke {backup_folder(self.settings)}.",
            )
            return False
        self.settings.setValue(FOLDER_KEY, str(folder))
        self._describe_folder()
        self.backups.backup_now()
        return True


def _unwritable(folder: Path) -> str | None:
    """Why ``folder`` cannot take backups (in Indonesian), or None when a file can be written."""
    probe = folder / PROBE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return REASONS.get(error.errno or 0, f"tidak dapat ditulis ({error.strerror})")
    return None
