"""``rekap-desktop snapshot``: PNG pictures of the windows, drawn offscreen by the program."""

from __future__ import annotations

import os
from pathlib import Path

from rekap_desktop.services.pleno_service import PlenoService

SIZE = (1366, 768)


def write_snapshots(service: PlenoService, out: Path) -> list[Path]:
    """One PNG per contest page of the main window; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from rekap_desktop.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(service)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []
    for index, contest in enumerate(service.pleno().contests):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        path = out / f"utama-{index + 1:02d}-{contest.code}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"gagal menulis {path}")
        written.append(path)
    window.close()
    return written
