"""Ctrl+P: the Pusat Cetak (gui.print_centre, imported only when needed), its forms and ReportLab
loaded on a worker thread the first time, or while the cockpit is idle after start-up; the dialog
is kept and reopened after that."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from rekap_desktop.gui import heap
from rekap_desktop.gui.background import BackgroundTask
from rekap_desktop.gui.operations import Failure, show_failure

if TYPE_CHECKING:
    from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog
    from rekap_desktop.services.printing.service import PrintService

PrintLoader = Callable[[], "PrintService"]


def with_dialog_module(load: PrintLoader) -> PrintLoader:
    """``load``, importing the dialog's module too: once PySide6 is loaded every import reads
    the module's source (see app._load_core), which took the GUI thread another ~0.3 s. Importing
    defines classes only; no widget is made on the worker."""

    def loaded() -> PrintService:
        import rekap_desktop.gui.print_centre.dialog  # noqa: F401 (imported for its side effect)

        return load()

    return loaded


class PrintCentreLauncher:
    """Opens the Pusat Cetak above ``window``; ``load`` builds the meeting's print service (run
    on a worker thread)."""

    def __init__(self, window: QMainWindow, load: PrintLoader) -> None:
        self.window = window
        self._load = with_dialog_module(load)
        self._printing: PrintService | None = None
        self._loading: BackgroundTask[PrintService] | None = None
        self._show_when_loaded = False
        self.print_centre: PrintCentreDialog | None = None
        """Pusat Cetak, built on first use and kept: reopening it is quick."""

    @property
    def printing(self) -> PrintService:
        """The print service, built on first use: ReportLab is loaded only when a form is."""
        if self._printing is None:
            self._printing = self._load()
        return self._printing

    def open(self) -> None:
        """The first time, the forms are loaded on a worker thread while the cockpit keeps
        answering (unless ``preload`` did it already)."""
        if self.print_centre is not None:
            self.print_centre.reopen()
            self.print_centre.exec()
        elif self._printing is not None:
            self._show(self._printing)
        else:
            self._show_when_loaded = True
            self.window.statusBar().showMessage("Menyiapkan pusat cetak…")
            self._start_loading()

    def preload(self) -> None:
        """Load the forms on a worker while the cockpit is idle after start-up, so the first
        Ctrl+P opens at once; a failure is said only when the print centre is asked for."""
        if self._printing is None:
            self._start_loading()

    def is_busy(self) -> bool:
        return self.print_centre is not None and self.print_centre.is_busy()

    def stop(self) -> None:
        """Wait for the work still running off the GUI thread (the cockpit closes for good)."""
        if self._loading is not None:
            self._loading.stop()
        if self.print_centre is not None:
            self.print_centre.stop()

    def _start_loading(self) -> None:
        if self._loading is not None:
            return
        load = self._load
        task: BackgroundTask[PrintService] = BackgroundTask(lambda _control: load(), self.window)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        self._loading = task
        task.start()

    def _loaded(self, printing: PrintService) -> None:
        self._loading = None
        self._printing = printing
        heap.settle()  # ReportLab and the forms stay loaded all meeting
        if self._show_when_loaded:
            self._show_when_loaded = False
            self.window.statusBar().clearMessage()
            self._show(printing)

    def _failed(self, failure: Failure) -> None:
        self._loading = None
        if self._show_when_loaded:
            self._show_when_loaded = False
            self.window.statusBar().clearMessage()
            show_failure(self.window, "Pusat cetak", failure)

    def _show(self, printing: PrintService) -> None:
        from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

        self.print_centre = PrintCentreDialog(printing, self.window)
        self.print_centre.exec()
