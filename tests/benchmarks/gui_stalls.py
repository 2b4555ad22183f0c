"""The longest stall of the GUI thread for each action of the cockpit, on the demo meetings.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/gui_stalls.py [--pemilu]``. Each action
runs on a fresh copy of the demo database, inside a ``StallMeter``; an action that works off the
GUI thread is waited for (events processed) until it is done. Prints one line per action: the
longest stall of the event loop and the wall time until the action was done, in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append(str(Path(__file__).resolve().parents[2]))  # after PYTHONPATH: a tree to compare

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from rekap_desktop.gui import heap  # noqa: E402
from rekap_desktop.gui.auto_backup import FOLDER_KEY, AutoBackup  # noqa: E402
from rekap_desktop.gui.main_window import MainWindow  # noqa: E402
from rekap_desktop.services.demo import DemoKind, load_demo  # noqa: E402
from rekap_desktop.services.pleno_service import PlenoService  # noqa: E402
from rekap_desktop.storage.engine import open_engine  # noqa: E402
from tests.gui.stall import StallMeter  # noqa: E402
from tests.meetings import cockpit_window

if TYPE_CHECKING:
    from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog
    from rekap_desktop.services.printing.service import PrintService

Done = Callable[[], bool]
TIMEOUT_S = 60
IDLE = "menganggur 0,3 s (dasar)"
"""The event loop doing nothing: the stall a timer shows on this machine with no action."""
RESULTS: list[tuple[str, float, float]] = []
"""Each measured action: name, longest stall and total time in milliseconds."""


def _wait(done: Done) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("aksi tidak selesai")
        QCoreApplication.processEvents()
        time.sleep(0.002)


def measure(name: str, action: Callable[[], Done | None]) -> tuple[str, float, float]:
    start = time.perf_counter()
    with StallMeter() as meter:
        done = action()
        if done is not None:
            _wait(done)
    wall = (time.perf_counter() - start) * 1000
    print(f"{name:<44} stall {meter.longest_ms:7.0f} ms   total {wall:7.0f} ms", flush=True)
    RESULTS.append((name, meter.longest_ms, wall))
    return name, meter.longest_ms, wall


SETTLE_S = 0.15
"""After a synchronous action, events are processed this long: the layout and painting it
left for the event loop count as its own, not as the next action's."""


def sync(action: Callable[[], object]) -> Callable[[], Done]:
    """A synchronous action: done once it returned and the window has settled."""

    def call() -> Done:
        action()
        return after(SETTLE_S)

    return call


def then(action: Callable[[], object], done: Done) -> Callable[[], Done]:
    """An action that goes on off the GUI thread: start it, then wait until ``done``."""

    def call() -> Done:
        action()
        return done

    return call


def after(seconds: float) -> Done:
    end = time.monotonic() + seconds
    return lambda: time.monotonic() > end


def _preview_ready(dialog: object) -> Done:
    """Done when the print centre shows a current preview (works before and after the move off
    the GUI thread: the old dialog has no ``preview_pending``)."""
    return lambda: not getattr(dialog, "preview_pending", lambda: False)()


def _busy(dialog: object) -> Done:
    return lambda: not getattr(dialog, "is_busy", lambda: False)()


def run(pemilu: bool, workdir: Path) -> None:
    app = QApplication.instance() or QApplication([])
    QMessageBox.information = lambda *_a, **_k: QMessageBox.StandardButton.Ok  # type: ignore
    source = workdir / "demo.sqlite"
    service = PlenoService(open_engine(str(source)))
    load_demo(service, DemoKind.PEMILU if pemilu else DemoKind.PILKADA)
    service.engine.dispose()
    copy = workdir / "run.sqlite"
    shutil.copy(source, copy)
    service = PlenoService(open_engine(str(copy)))
    window = measure_window(service)
    measure(IDLE, then(lambda: None, after(0.3)))
    extras = window
    launcher = window.printing

    def show_instead(printing: PrintService) -> None:
        """PrintCentreLauncher._show without the nested event loop of exec()."""
        from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog  # loaded already

        launcher.print_centre = PrintCentreDialog(printing, window)
        launcher.print_centre.exec = launcher.print_centre.show  # type: ignore[method-assign,assignment]
        launcher.print_centre.show()

    def open_centre() -> Done:
        """Ctrl+P as the cockpit does it."""
        if not hasattr(launcher, "print_centre"):  # before the print centre was kept
            from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

            dialogs.append(PrintCentreDialog(launcher.printing, window))
            dialogs[-1].show()
            return _preview_ready(dialogs[-1])
        launcher._show = show_instead  # type: ignore[method-assign]
        launcher.open()
        return lambda: launcher.print_centre is not None and _preview_ready(launcher.print_centre)()

    dialogs: list[PrintCentreDialog] = []
    if hasattr(launcher, "preload"):  # the program loads the forms once idle
        measure(
            "formulir dimuat saat menganggur",
            then(launcher.preload, lambda: getattr(launcher, "_printing", None) is not None),
        )
    measure("pusat cetak: buka (pertama)", open_centre)
    current = dialogs[-1] if dialogs else launcher.print_centre
    assert current is not None
    current.reject()
    measure("pusat cetak: buka (kedua)", open_centre)
    dialog = dialogs[-1] if dialogs else launcher.print_centre
    assert dialog is not None
    from rekap_desktop.services.printing.service import FormKind

    contest = service.pleno().contests[-1].code
    measure(
        "pusat cetak: ganti formulir (berita acara)",
        then(
            lambda: dialog.form_box.setCurrentIndex(
                dialog.form_box.findData(FormKind.BERITA_ACARA)
            ),
            _preview_ready(dialog),
        ),
    )
    measure(
        f"pusat cetak: D.Hasil {contest}",
        then(lambda: dialog.select(FormKind.D_HASIL, contest), _preview_ready(dialog)),
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(workdir / "printer.pdf"))
    measure(
        "pusat cetak: cetak ke printer (PDF)", then(lambda: dialog.print_to(printer), _busy(dialog))
    )
    measure(
        "pusat cetak: simpan PDF",
        then(lambda: dialog.save_pdf(workdir / "saved.pdf"), _busy(dialog)),
    )
    dialog.close()
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(workdir / "cadangan"))
    backups = AutoBackup(window.meeting, settings)
    backups.made.connect(lambda text: print("   ", text))
    measure(
        "cadangan otomatis (sekali)",
        then(backups.backup_now, lambda: not getattr(backups, "is_running", lambda: False)()),
    )
    backups.stop()
    export = getattr(window, "export_to", None) or window.service.export  # before: inline
    measure("rekap-csv: ekspor", sync(lambda: export(workdir / "rekap.csv")))
    measure(
        "rekap-csv: impor",
        then(
            lambda: window.import_file(workdir / "rekap.csv"),
            lambda: getattr(window, "_importing", None) is None,
        ),
    )
    measure("langkah berikutnya (PgDown)", sync(window.go_next))
    measure("tab rekapitulasi (Ctrl+R)", sync(window.toggle_recap))
    if extras.seats_view is not None:
        measure("tab perolehan kursi (Ctrl+Shift+K)", sync(extras.show_seats))
    measure(
        "skors rapat (seluruh tampilan diperbarui)", sync(lambda: window.procedure.pause("uji"))
    )
    measure(
        "ekspor paket SEMENTARA (.rekap)",
        then(
            lambda: extras.packages.export(workdir / "p.rekap", determined=False),
            lambda: extras.packages._run is None,
        ),
    )
    extras.packages.stop()
    window.close()
    app.processEvents()


def measure_window(service: PlenoService) -> MainWindow:
    holder: list[MainWindow] = []

    def build() -> None:
        holder.append(cockpit_window(service))
        holder[0].show()

    measure("kokpit: buka jendela", build)
    heap.settle()  # as the program does once the cockpit is shown
    return holder[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pemilu", action="store_true", help="the Pemilu demo (PPWP + DPRD)")
    parser.add_argument("--json", action="store_true", help="end with one line: JSON <results>")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(args.pemilu, Path(folder))
    if args.json:
        print("JSON", json.dumps(RESULTS, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
