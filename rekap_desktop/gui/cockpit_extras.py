"""What the cockpit reaches besides the procedure: the incident register (K), the print centre
(Ctrl+P), the Sirekap import, result packages and the installation key, a commissioner's PIN
on every approved correction, and for a Pemilu meeting the perolehan kursi (Ctrl+Shift+K) with its
tie decisions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.deciding_level import seats_decided_here
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import heap
from rekap_desktop.gui.background import BackgroundTask
from rekap_desktop.gui.dialogs.pin_dialog import ask_confirmation
from rekap_desktop.gui.keys import INCIDENT, bind
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.operations import Failure, show_failure
from rekap_desktop.gui.pages.reading import SourcesPage
from rekap_desktop.gui.result_packages import PackageActions
from rekap_desktop.gui.widgets.lazy_tab import LazyTab
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.users_service import UsersService

if TYPE_CHECKING:  # the dialogs, the seat tab and the key are loaded when first used
    from rekap_desktop.gui.comparison.widget import ComparisonWidget
    from rekap_desktop.gui.dialogs.incident_dialog import IncidentContext, IncidentDialog
    from rekap_desktop.gui.incidents.register_view import RegisterView
    from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog
    from rekap_desktop.gui.seats.seat_view import SeatView
    from rekap_desktop.services.corrections_service import SettleRequest
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.print_service import PrintService


def load_print_service(service: PlenoService) -> PrintService:
    """The meeting's print service; importing it loads ReportLab and the forms (~0.3 s), so the
    cockpit does it on a worker thread. The dialog's module is imported here too: once PySide6
    is loaded, every import reads the module's source (see app._load_core), which took the GUI
    thread another ~0.3 s. Importing defines classes only; no widget is made here."""
    import rekap_desktop.gui.print_centre.dialog  # noqa: F401 (imported for its side effect)
    from rekap_desktop.services.meeting_prints import meeting_print_service

    return meeting_print_service(service)


class CockpitExtras:
    """Attaches the register, printing, Sirekap import and approvals to a cockpit window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.incidents = IncidentService(window.service)
        self.users = UsersService(window.service.engine, window.service.bus)
        self._printing: PrintService | None = None
        self._loading: BackgroundTask[PrintService] | None = None
        self._show_when_loaded = False
        self.print_centre: PrintCentreDialog | None = None
        """Pusat Cetak, built on first use and kept: reopening it is quick."""
        window.confirm = self.confirm  # type: ignore[method-assign]
        self._register_tab = LazyTab(self._build_register)
        window.views.addTab(self._register_tab, "Kejadian khusus / keberatan")
        self.action_incident = bind(
            self._action("&Kejadian khusus / keberatan baru…", INCIDENT.letter, self.new_incident),
            INCIDENT,
        )
        window.action_print.triggered.disconnect()
        window.action_print.setText("&Pusat cetak…")
        window.action_print.triggered.connect(self.open_print_centre)
        self.action_sirekap = self._action(
            "Impor &Sirekap (JSON)…", "Ctrl+Shift+I", self.import_sirekap
        )
        self.packages = PackageActions(
            window, window.service, window.file_menu, _installation_fingerprint, self.confirm_action
        )
        self._add_to_menus()
        self.seats_view: SeatView | None = None
        if seats_decided_here(window.service.pleno()):
            self._add_seats()
        reading = window.agenda["8"]
        if isinstance(reading, SourcesPage):
            reading.on_created.append(self._guard_corrections)
            if reading.comparison is not None:
                self._guard_corrections(reading.comparison)

    @property
    def register(self) -> RegisterView:
        """The register tab's view, built when the tab is first shown or asked for."""
        return self._register_tab.page()

    def _build_register(self) -> RegisterView:
        from rekap_desktop.gui.incidents.register_view import RegisterView

        view = RegisterView(self.incidents)
        view.approve_closing = self.approve_closing  # type: ignore[method-assign]
        return view

    def _add_seats(self) -> None:
        from rekap_desktop.gui.seats.seat_view import SeatView
        from rekap_desktop.services.seat_service import SeatService

        self.seats_view = SeatView(SeatService(self.window.service), self.confirm_action)
        self.window.views.addTab(self.seats_view, "Perolehan kursi")
        self.action_seats = self._action("Perolehan &kursi", "Ctrl+Shift+K", self.show_seats)
        self.window.meeting_menu.addAction(self.action_seats)

    @property
    def printing(self) -> PrintService:
        """The print service, built on first use: ReportLab is loaded only when a form is."""
        if self._printing is None:
            self._printing = load_print_service(self.window.service)
        return self._printing

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _add_to_menus(self) -> None:
        self.window.file_menu.insertAction(self.window.export_action, self.action_sirekap)
        self.window.file_menu.insertActions(self.window.action_print, self.packages.actions())
        self.window.file_menu.insertSeparator(self.window.action_print)
        self.window.meeting_menu.addAction(self.action_incident)

    # -- actions ---------------------------------------------------------------------------

    def context(self) -> IncidentContext:
        from rekap_desktop.gui.dialogs.incident_dialog import IncidentContext

        stop = self.window.procedure.state().current
        return IncidentContext(stop.item, stop.unit, stop.contest)

    def new_incident(self) -> IncidentDialog:
        from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog

        dialog = IncidentDialog(self.incidents, self.window, context=self.context())
        dialog.show()
        return dialog

    def open_print_centre(self) -> None:
        """Ctrl+P. The first time, the forms (and ReportLab with them) are loaded on a worker
        thread while the cockpit keeps answering (unless ``preload_printing`` did it already);
        the dialog is kept and reopened after that."""
        if self.print_centre is not None:
            self.print_centre.reopen()
            self.print_centre.exec()
        elif self._printing is not None:
            self._show_print_centre(self._printing)
        else:
            self._show_when_loaded = True
            self.window.statusBar().showMessage("Menyiapkan pusat cetak…")
            self._load_printing()

    def preload_printing(self) -> None:
        """Load the forms on a worker while the cockpit is idle after start-up, so the first
        Ctrl+P opens at once; a failure is said only when the print centre is asked for."""
        if self._printing is None:
            self._load_printing()

    def _load_printing(self) -> None:
        if self._loading is not None:
            return
        service = self.window.service
        task: BackgroundTask[PrintService] = BackgroundTask(
            lambda _control: load_print_service(service), self.window
        )
        task.succeeded.connect(self._print_service_loaded)
        task.failed.connect(self._print_service_failed)
        self._loading = task
        task.start()

    def _print_service_loaded(self, printing: PrintService) -> None:
        self._loading = None
        self._printing = printing
        heap.settle()  # ReportLab and the forms stay loaded all meeting
        if self._show_when_loaded:
            self._show_when_loaded = False
            self.window.statusBar().clearMessage()
            self._show_print_centre(printing)

    def _print_service_failed(self, failure: Failure) -> None:
        self._loading = None
        if self._show_when_loaded:
            self._show_when_loaded = False
            self.window.statusBar().clearMessage()
            show_failure(self.window, "Pusat cetak", failure)

    def _show_print_centre(self, printing: PrintService) -> None:
        from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

        self.print_centre = PrintCentreDialog(printing, self.window)
        self.print_centre.exec()

    def unfinished_work(self) -> list[str]:
        """What the operator started that still runs off the GUI thread (named for the wait
        when the cockpit closes)."""
        work = []
        if self.print_centre is not None and self.print_centre.is_busy():
            work.append("pencetakan")
        if self.packages.is_busy():
            work.append("paket hasil")
        return work

    def stop(self) -> None:
        """Wait for the work still running off the GUI thread (the cockpit closes for good)."""
        self.packages.stop()
        if self._loading is not None:
            self._loading.stop()
        if self.print_centre is not None:
            self.print_centre.stop()

    def import_sirekap(self) -> None:
        from rekap_desktop.gui.dialogs.sirekap_import import SirekapImportDialog

        SirekapImportDialog(self.window.service, self.window).exec()

    # -- approvals -------------------------------------------------------------------------

    def confirm(self, action: Action) -> Confirmation | bool:
        """The cockpit's guarded actions (penetapan, re-opening) need a commissioner's PIN."""
        confirmation = ask_confirmation(self.users, action, self.window)
        return confirmation if confirmation is not None else False

    def approve_closing(self) -> Confirmation | bool:
        """Closing an objection (resolved or not resolvable) needs a commissioner's PIN now; the
        confirmation goes with the closing into its audit entry."""
        confirmation = ask_confirmation(self.users, Action.CLOSE_OBJECTION, self.window)
        return confirmation if confirmation is not None else False

    def confirm_action(self, action: Action) -> Confirmation | None:
        """A commissioner's PIN for ``action`` (None: refused or cancelled)."""
        return ask_confirmation(self.users, action, self.window)

    def show_seats(self) -> None:
        if self.seats_view is not None:
            self.window.views.setCurrentWidget(self.seats_view)

    def _guard_corrections(self, widget: ComparisonWidget) -> None:
        widget.approve = self.approve_correction  # type: ignore[method-assign]
        widget.confirm_decision = self.confirm_finding_decision  # type: ignore[method-assign]

    def confirm_finding_decision(self) -> Confirmation | None:
        """The meeting's decision on an error of the determined values counts only with a
        commissioner's PIN now (None: refused or cancelled)."""
        return ask_confirmation(self.users, Action.DECIDE_FINDING, self.window)

    def approve_correction(self, request: SettleRequest) -> SettleRequest | None:
        """A correction counts only when the commissioner chosen as approving it in the dialog
        confirms it with their own PIN now (only they are offered); None: not approved."""
        confirmation = ask_confirmation(
            self.users, Action.APPROVE_CORRECTION, self.window, only=request.approved_by
        )
        if confirmation is None or confirmation.user.name != request.approved_by:
            return None
        return replace(request, confirmation=confirmation)


def _installation_fingerprint() -> str:
    from rekap_desktop.services.keys import installation_fingerprint

    return installation_fingerprint()
