"""``rekap-desktop snapshot``: PNG pictures of the windows, drawn offscreen by the program."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.gui.change_hub import CockpitMeeting, QtChangeHub
from rekap_desktop.services.database import open_database
from rekap_desktop.services.meeting import Meeting

if TYPE_CHECKING:
    from rekap_desktop.gui.main_window import MainWindow

SIZE = (1366, 768)


def snapshots_of(db: str | None, out: Path) -> list[Path]:
    """:func:`write_snapshots` of the meeting in ``db`` (the command line's ``snapshot``)."""
    return write_snapshots(Meeting.open(open_database(db), QtChangeHub(), actor="cli"), out)


def write_snapshots(meeting: CockpitMeeting, out: Path) -> list[Path]:
    """PNGs of the cockpit at each agenda item, of each contest page and (Pemilu) of the
    perolehan kursi of each legislative contest; returns the files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from rekap_desktop.gui.cockpit_snapshot import write_cockpit_snapshots
    from rekap_desktop.gui.main_window import MainWindow
    from rekap_desktop.gui.projector.snapshot import write_projector_snapshots

    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    service = meeting.pleno
    window = MainWindow(meeting)
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
    written.extend(_seat_snapshots(window, out))
    window.close()
    written.extend(write_projector_snapshots(service, out))
    return written


def _seat_snapshots(window: MainWindow, out: Path) -> list[Path]:
    """kursi-NN-<contest>.png: the seat tab as the assembled cockpit shows it (read-only here:
    nobody is asked for a PIN)."""
    from PySide6.QtWidgets import QApplication

    from rekap_desktop.gui.seats.seat_view import SeatView

    if not window.meeting.seats.legislative_contests():
        return []
    view = window.seats_view
    if view is None:  # seats decided at another level: shown here all the same
        view = SeatView(window.meeting, window.approvals)
        window.views.addTab(view, "Perolehan kursi")
    window.views.setCurrentWidget(view)
    written: list[Path] = []
    for index in range(view.contest_box.count()):
        view.contest_box.setCurrentIndex(index)
        QApplication.processEvents()
        path = out / f"kursi-{index + 1:02d}-{view.contest_code()}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"gagal menulis {path}")
        written.append(path)
    return written
