"""Bantuan (F1): the user guide, offline, and every key of the cockpit, in one window.

The guide is the "Panduan pengguna" section of README.md (rekap_desktop.guide), rendered from
Markdown with its screenshots loaded from the files beside it; nothing reaches the network.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.gui.keys import KEY_MAP, NOT_WHILE_TYPING
from rekap_desktop.guide import guide_file, guide_markdown

GUIDE_TAB, KEYS_TAB = 0, 1
MAX_IMAGE_WIDTH = 860
"""Screenshots are 1366 px wide; shown narrower so the text stays readable beside them."""

PAGE_KEYS: tuple[tuple[str, str], ...] = (
    ("Insert / Delete", "daftar hadir: tambah peserta / tandai keluar"),
    ("angka + Enter", "perbandingan: isi nilai yang dibacakan, lalu turun ke baris berikutnya"),
    ("S", "perbandingan: nilai sesuai dengan data elektronik"),
    ("Ctrl+K", "perbandingan: pembetulan (dengan PIN komisioner)"),
    ("Ctrl+T", "perbandingan: keputusan rapat atas temuan galat (dengan PIN komisioner)"),
    ("Ctrl+Shift+T", "perbandingan: abaikan temuan kewajaran P01… (alasan dan PIN komisioner)"),
    ("Ctrl+D", "perbandingan: hanya baris yang berselisih"),
    ("Ctrl+Shift+D", "perbandingan: rincian desa/TPS dari baris terpilih (selisih lebih dulu)"),
    ("Ctrl+U", "rincian desa/TPS: catat pencocokan / penghitungan suara ulang TPS terpilih"),
    ("Ctrl+F", "rincian desa/TPS: foto C.Hasil TPS terpilih di samping tabel / sembunyikan"),
    ("Ctrl+Shift+F", "rincian desa/TPS: pilih folder foto C.Hasil lain"),
    ("Ctrl+PgDn / Ctrl+PgUp", "rincian desa/TPS: foto berikutnya / sebelumnya dari TPS itu"),
    ("Ctrl+Shift+R", "perbandingan: tandai kecamatan × pemilihan selesai dibaca"),
    ("Ctrl+Enter", "kejadian khusus / keberatan: simpan"),
    ("+ / − / 0", "foto formulir: perbesar / perkecil / ukuran semula"),
    ("Ctrl+J", "perbandingan pemilihan legislatif: lompat ke partai"),
    ("Ctrl+↑ / Ctrl+↓", "perbandingan pemilihan legislatif: blok partai sebelumnya / berikutnya"),
    ("[ / ]", "pratinjau proyektor: halaman atau partai sebelumnya / berikutnya"),
)
"""Keys that belong to one page or dialog, not to the cockpit window's actions."""


class GuideBrowser(QTextBrowser):
    """Markdown with local images only; wide screenshots are scaled down to fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # nothing in the guide may open a browser or the network
        folder = guide_file().parent
        self.setSearchPaths([str(folder)])
        self.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.setMarkdown(guide_markdown())

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt name)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, name)
        name = QUrl(name)
        if not name.isLocalFile() and name.scheme():
            return None
        path = name.toLocalFile() if name.isLocalFile() else name.path()
        image = QImage(str(guide_file().parent / path)) if path else QImage()
        if image.isNull():
            return super().loadResource(kind, name)
        if image.width() > MAX_IMAGE_WIDTH:
            image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return image


def window_keys(window: QWidget) -> list[tuple[str, str]]:
    """(key, what) of every action of ``window`` and its menus that has a shortcut."""
    actions: list[QAction] = list(window.actions())
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                actions += [a for a in menu.actions() if a not in actions]
    keys: list[tuple[str, str]] = []
    for action in actions:
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not key:
            continue
        what = action.text().replace("&", "").replace("…", "")
        what = what.split(" (")[0].strip()
        if (key, what) not in keys:
            keys.append((key, what))
    return keys


def always_keys() -> list[tuple[str, str]]:
    """The key map's rows: each always-key, then what its single letter does and when."""
    rows = [
        (b.always, f"{b.what} — selalu: juga saat mengetik dan di dalam dialog") for b in KEY_MAP
    ]
    letters = " / ".join(b.letter for b in KEY_MAP)
    rows.append((letters, f"sama dengan di atas, {NOT_WHILE_TYPING}"))
    return rows


class HelpWindow(QDialog):
    """Not modal: the operator can keep the guide open beside the cockpit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bantuan — Panduan pengguna Rekap Desktop")
        self.resize(980, 760)
        self.browser = GuideBrowser()
        self.keys = QTableWidget(0, 2)
        self.keys.setHorizontalHeaderLabels(("Tombol", "Fungsi"))
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys.verticalHeader().setVisible(False)
        self.keys.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.keys.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.browser, "Panduan")
        self.tabs.addTab(self.keys, "Tombol pintas")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh_keys(parent)

    def refresh_keys(self, window: QWidget) -> None:
        rows = [
            *always_keys(),
            *window_keys(window),
            ("Esc", "tutup jendela bantuan"),
            *PAGE_KEYS,
        ]
        self.keys.setRowCount(len(rows))
        for row, (key, what) in enumerate(rows):
            self.keys.setItem(row, 0, QTableWidgetItem(key))
            self.keys.setItem(row, 1, QTableWidgetItem(what))

    def show_tab(self, index: int) -> None:
        self.refresh_keys(self.parentWidget() or self)
        self.tabs.setCurrentIndex(index)
        self.show()
        self.raise_()
        self.activateWindow()
