"""The program's file dialogs (open, open several, save, choose a folder): Qt's own (the program
asks for those everywhere, in Indonesian), and they never read the files they list.

To choose an icon and a type for a file whose name says nothing of its kind, Qt's dialog opens
the file and reads its first bytes. On Linux, closing that descriptor releases every POSIX lock
this process holds on the file: listing the meeting's folder released SQLite's locks on
``pleno.sqlite`` and ``pleno.sqlite-shm``. Another process or station opening the meeting then
believed it was the only one and rebuilt the shared memory this program still mapped (the
program died with SIGBUS), or on closing took the write-ahead log away from under it. So icons
and types are chosen by name only."""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFileIconProvider,
    QWidget,
)


class NameOnlyIcons(QFileIconProvider):
    """A folder or a file icon, and a type from the name's suffix: no file is opened."""

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType
            return super().icon(kind.Folder if what.isDir() else kind.File)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"Berkas {suffix.upper()}" if suffix else "Berkas"


_ICONS: list[NameOnlyIcons] = []
"""One provider for every dialog, alive as long as the program (a dialog's folder listing asks
it from a thread of its own, possibly after the dialog has closed)."""


def names_only() -> NameOnlyIcons:
    if not _ICONS:
        _ICONS.append(NameOnlyIcons())
    return _ICONS[0]


def file_dialog(parent: QWidget | None, caption: str, start: str, name_filter: str) -> QFileDialog:
    """A file dialog at ``start`` (a folder, or a file name to offer) that lists without reading."""
    dialog = QFileDialog(parent, caption, start, name_filter)
    dialog.setIconProvider(names_only())
    return dialog


def _chosen(dialog: QFileDialog) -> list[str]:
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.selectedFiles() if accepted else []
    finally:
        dialog.deleteLater()


def save_file(parent: QWidget | None, caption: str, suggested: str, name_filter: str) -> str:
    """The path to save to ("" when cancelled); ``suggested``: the file name offered."""
    dialog = file_dialog(parent, caption, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return next(iter(_chosen(dialog)), "")


def open_file(parent: QWidget | None, caption: str, name_filter: str, start: str = "") -> str:
    """An existing file ("" when cancelled)."""
    dialog = file_dialog(parent, caption, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_chosen(dialog)), "")


def open_files(
    parent: QWidget | None, caption: str, name_filter: str, start: str = ""
) -> list[str]:
    """Existing files, one or more (none when cancelled)."""
    dialog = file_dialog(parent, caption, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(dialog)


def folder(parent: QWidget | None, caption: str, start: str = "") -> str:
    """An existing folder ("" when cancelled)."""
    dialog = file_dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_chosen(dialog)), "")
