"""Who is at this station: the operator's name, recorded as the actor of every change made here
(audit chain, procedure moves, values, corrections), shown in the status bar and remembered for
the next start when chosen under Rapat → "Operator stasiun ini…" (a name given with
``--operator NAMA`` holds for that run only: the station's shortcut gives it every time)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMessageBox

from rekap_desktop.services.pleno_service import PlenoService

OPERATOR_KEY = "station/operator"
TITLE = "Operator stasiun ini"
MAX_LENGTH = 60
UNNAMED = "operator"
"""The actor recorded when no one said who is at this station."""


def operator_problem(name: str) -> str | None:
    """Why ``name`` cannot name the station's operator (Indonesian), or None."""
    if not name:
        return "nama operator wajib diisi"
    if len(name) > MAX_LENGTH:
        return f"nama operator paling panjang {MAX_LENGTH} huruf (sekarang {len(name)})"
    return None


def remembered_operator(settings: QSettings) -> str | None:
    value = settings.value(OPERATOR_KEY)
    name = " ".join(value.split()) if isinstance(value, str) else ""
    return name if name and operator_problem(name) is None else None


def operator_at_start(settings: QSettings, given: str | None) -> str:
    """The actor for this run: the name given on the command line, else the remembered one."""
    name = " ".join((given or "").split())
    if name and operator_problem(name) is None:
        return name
    return remembered_operator(settings) or UNNAMED


class StationOperator(QObject):
    """The status-bar label and the menu action naming this station's operator."""

    def __init__(
        self,
        window: QMainWindow,
        service: PlenoService,
        settings: QSettings,
        given: str | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.service, self.settings = window, service, settings
        self.label = QLabel()
        self.label.setObjectName("stationOperator")
        window.statusBar().insertPermanentWidget(0, self.label)
        self.action = QAction(f"&{TITLE}…", window)
        self.action.triggered.connect(self.ask)
        meeting_menu = getattr(window, "meeting_menu", None)
        if meeting_menu is not None:
            meeting_menu.addSeparator()
            meeting_menu.addAction(self.action)
        self._show(operator_at_start(settings, given))

    def ask(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(TITLE)
        dialog.setLabelText(
            "Nama operator yang bertugas di stasiun (laptop) ini; dicatat pada setiap "
            "perubahan yang dibuat di sini:"
        )
        dialog.setTextValue(self.service.actor if self.service.actor != UNNAMED else "")
        dialog.setOkButtonText("Simpan")
        dialog.setCancelButtonText("Batal")
        if dialog.exec():
            self.change(dialog.textValue())

    def change(self, text: str) -> bool:
        """Name the operator at this station; a refusal is said in a dialog, nothing changed."""
        name = " ".join(text.split())
        problem = operator_problem(name)
        if problem is not None:
            QMessageBox.warning(
                self.window, TITLE, f"Ditolak; tidak ada yang diubah.\n\n• {problem}"
            )
            return False
        self.set_name(name)
        return True

    def set_name(self, name: str) -> None:
        self.settings.setValue(OPERATOR_KEY, name)
        self._show(name)

    def _show(self, name: str) -> None:
        self.service.actor = name
        if name != UNNAMED:
            self.label.setText(f"Operator: {name}")
            self.label.setStyleSheet("")
        else:
            self.label.setText("Operator: belum diisi (Rapat ▸ Operator stasiun ini…)")
            self.label.setStyleSheet("color:#7a1f00; font-weight:bold")
