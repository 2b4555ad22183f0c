"""F1: the keyboard shortcuts, drawn over the cockpit until Esc or F1."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("PageDown", "langkah berikutnya (pada penetapan: tetapkan hasil)"),
    ("PageUp", "langkah sebelumnya"),
    ("P", "skors / cabut skors"),
    ("Ctrl+S", "simpan catatan langkah ini"),
    ("Ctrl+R", "beralih antara tata cara rapat dan rekapitulasi"),
    ("Ctrl+P", "cetak halaman ini"),
    ("Ctrl+L", "kunci layar sekarang (dibuka dengan nama dan PIN)"),
    ("Insert / Delete", "daftar hadir: tambah peserta / tandai keluar"),
    ("Ctrl+J", "perbandingan pemilihan legislatif: lompat ke partai"),
    ("Ctrl+↑ / Ctrl+↓", "perbandingan pemilihan legislatif: blok partai sebelumnya / berikutnya"),
    ("[ / ]", "pratinjau proyektor: halaman atau partai sebelumnya / berikutnya"),
    ("Ctrl+Shift+K", "perolehan kursi dan keputusan perolehan yang sama (Pemilu)"),
    ("F1", "bantuan ini"),
    ("Esc", "tutup bantuan"),
)


class HelpOverlay(QLabel):
    def __init__(self, parent: QWidget, extra: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(parent)
        self.host = parent
        rows = "".join(
            f"<tr><td><b>{key}</b></td><td>&nbsp;&nbsp;{what}</td></tr>"
            for key, what in SHORTCUTS + extra
        )
        self.setText(f"<h2>Tombol pintas</h2><table>{rows}</table>")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: rgba(20, 30, 45, 225); color: white; font-size: 13pt")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        parent.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.setGeometry(self.host.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.host.rect())
        return False
