"""PNG pictures of the cockpit at each agenda item, for ``rekap-desktop snapshot``.

Nothing is moved or written: each page is shown at a sample place (first kecamatan, first
pemilihan) and the stepper draws that place, so the meeting in the database stays where it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from rekap_desktop.domain.procedure import DETERMINATION, ITEMS, ProcedureState, Scope, Stop
from rekap_desktop.gui.main_window import MainWindow

SLUGS = {
    "1": "daftar-hadir",
    "2": "peraturan-teknis",
    "3": "tata-tertib",
    "4": "pembukaan-kotak",
    "5": "c-pemberitahuan",
    "6": "kejadian-kecamatan",
    "7": "data-elektronik",
    "8": "pembacaan-ppk",
    "9": "salinan-saksi",
    "10": "penyelesaian-selisih",
    "12": "pertanyaan-keberatan",
    "13": "penyelesaian-keberatan",
    DETERMINATION: "penetapan",
}


def sample_stop(window: MainWindow, item: str) -> Stop:
    unit = window.pleno.units[0].code if window.pleno.units else None
    contest = window.pleno.contests[0].code if window.pleno.contests else None
    scope = next(i.scope for i in ITEMS if i.code == item)
    if scope is Scope.UNIT:
        return Stop(item, unit)
    if scope is Scope.UNIT_CONTEST:
        return Stop(item, unit, contest)
    return Stop(item)


def write_cockpit_snapshots(window: MainWindow, out: Path) -> list[Path]:
    app = QApplication.instance()
    written: list[Path] = []
    window.views.setCurrentIndex(0)
    for index, item in enumerate(ITEMS, start=1):
        if item.code not in SLUGS:
            continue
        stop = sample_stop(window, item.code)
        window.panel.show_state(window.procedure.plan, ProcedureState(current=stop))
        page = window.agenda[item.code]
        window.stack.setCurrentWidget(page)
        page.show_stop(stop)
        if app is not None:
            app.processEvents()
        path = out / f"cockpit-{index:02d}-{SLUGS[item.code]}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"gagal menulis {path}")
        written.append(path)
    window.refresh()
    return written
