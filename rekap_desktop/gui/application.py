"""The QApplication and its top-level error hook: a bug becomes a dialog, never a dead window."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.pleno_service import PlenoService


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    traceback.print_exception(kind, error, tb, file=sys.stderr)
    QMessageBox.critical(None, "Rekap Desktop", f"Kesalahan internal: {kind.__name__}: {error}")


def run(service: PlenoService) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rekap Desktop")
    app.setOrganizationName("rekap-desktop")
    sys.excepthook = _excepthook
    window = MainWindow(service, settings=QSettings())  # geometry kept between runs
    window.show()
    return app.exec()
