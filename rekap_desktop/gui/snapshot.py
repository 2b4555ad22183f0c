"""``rekap-desktop snapshot``: PNG pictures of the windows, drawn offscreen by the program."""

from __future__ import annotations

import os
from pathlib import Path

from rekap_desktop.services.pleno_service import PlenoService

SIZE = (1366, 768)


def write_snapshots(service: PlenoService, out: Path) -> list[Path]:
    """PNGs of the cockpit at each agenda item and of each contest page; returns the files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from rekap_desktop.gui.cockpit_snapshot import write_cockpit_snapshots
    from rekap_desktop.gui.main_window import MainWindow
    from rekap_desktop.gui.projector.snapshot import write_projector_snapshots

    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(service)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = write_cockpit_snapshots(window, out)
    window.views.setCurrentIndex(1)  # the recapitulation
    for index, contest in enumerate(service.pleno().contests):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        path = out / f"utama-{index + 1:02d}-{contest.code}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"gagal menulis {path}")
        written.append(path)
    window.close()
    written.extend(write_projector_snapshots(service, out))
    return written
