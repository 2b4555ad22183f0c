"""The C.Hasil photo of the TPS selected in the rincian desa/TPS, from the operator's own files.

The program is offline: it never downloads a photo. The operator points once at a folder of form
photos (remembered per installation in QSettings, not in the meeting's database); a file whose
name begins with the TPS's 13-digit code is its photo (Sirekap names them
``{TPS}-{YYYYMMDD}-{HHMMSS}--{uuid}.jpg``; ``{TPS}.jpg``/``.png`` are taken too). When no file is
found the panel says so, and shows the addresses Sirekap published for the TPS as text to copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from rekap_desktop.domain.drill_down import place_label
from rekap_desktop.domain.sirekap_marks import PHOTO_SUFFIXES, TpsMark, photo_files
from rekap_desktop.gui.comparison.photo_viewer import PhotoViewer

FOLDER_KEY = "rincian/folder_foto_chasil"
"""QSettings key of the folder of C.Hasil photos chosen on this installation."""
MAX_FILES = 200_000
"""Photos listed from one folder at most (a kab/kota has a few thousand TPS, three pages each)."""


def list_photos(folder: Path) -> dict[str, Path]:
    """File name → path of every photo under ``folder`` (subfolders too; the first of a name
    wins, as Sirekap's names are unique)."""
    found: dict[str, Path] = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            if name.lower().endswith(PHOTO_SUFFIXES) and name not in found:
                found[name] = Path(root) / name
                if len(found) >= MAX_FILES:
                    return found
    return found


class TpsPhotoPanel(QWidget):
    """Status line, the photo (PhotoViewer: +/−, 0, drag) and the published addresses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.files: dict[str, Path] = {}
        self.shown: list[str] = []
        """The photo files of the place shown, in page order."""
        self.page = 0
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.viewer = PhotoViewer(self)
        self.addresses = QPlainTextEdit()
        self.addresses.setReadOnly(True)
        self.addresses.setMaximumHeight(90)
        self.addresses.setAccessibleName("Alamat foto C.Hasil di Sirekap")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.addresses)
        self.addresses.hide()

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.files = list_photos(folder) if folder.is_dir() else {}

    def show_place(self, code: str, marks: list[TpsMark]) -> None:
        """The photos of place ``code`` (a TPS, or every TPS of a desa) in the folder."""
        images = [url for mark in marks for url in mark.images]
        self.shown = photo_files(code, self.files, images)
        self.page = 0
        urls = [line for mark in marks for line in _address_lines(mark, len(marks) > 1)]
        self.addresses.setPlainText("\n".join(urls))
        self.addresses.setVisible(bool(urls) and not self.shown)
        self._show(code, bool(urls))

    def turn(self, step: int, code: str) -> None:
        """Ctrl+PgDown/Ctrl+PgUp: the next or previous photo of the same place."""
        if len(self.shown) > 1:
            self.page = (self.page + step) % len(self.shown)
            self._show(code, False)

    def _show(self, code: str, published: bool) -> None:
        place = place_label(code)
        if self.folder is None or not self.folder.is_dir():
            self.viewer.clear_image()
            self.status.setText("Folder foto C.Hasil belum dipilih (Ctrl+Shift+F).")
            return
        if not self.shown:
            self.viewer.clear_image()
            said = f"Tidak ada foto C.Hasil {place} di folder {self.folder}."
            if published:
                said += (
                    " Alamat fotonya di Sirekap ada di bawah (salin dengan Ctrl+A, Ctrl+C; "
                    "program ini tidak mengunduh)."
                )
            self.status.setText(said)
            return
        name = self.shown[self.page]
        try:
            shown = self.viewer.show_image(self.files[name].read_bytes())
        except OSError as error:
            shown = False
            self.status.setText(f"Foto {name} tidak dapat dibaca: {error.strerror}.")
            self.viewer.clear_image()
            return
        if not shown:
            self.viewer.clear_image()
            self.status.setText(f"Foto {name} bukan gambar yang dapat dibuka.")
            return
        more = " (Ctrl+PgDown/Ctrl+PgUp: foto lain)" if len(self.shown) > 1 else ""
        self.status.setText(
            f"Foto C.Hasil {place}: {self.page + 1} dari {len(self.shown)} — {name}{more}"
        )


def _address_lines(mark: TpsMark, named: bool) -> list[str]:
    prefix = f"TPS {mark.code[-3:]} " if named else ""
    return [prefix + line for line in mark.page_urls()]
