"""The operator's cockpit: the 17-item stepper, one page per agenda item, and the recapitulation
of every contest (always reachable), all live from the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSettings, QSize, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop import package_version
from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import NUMBERS_UNCHANGED, AuditEvent
from rekap_desktop.domain.changes import Changes
from rekap_desktop.domain.deciding_level import seats_decided_here
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.procedure import (
    DETERMINATION,
    Pairs,
    ProcedureState,
    Stop,
    stop_label,
)
from rekap_desktop.domain.roles import Action
from rekap_desktop.error_log import log
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.approvals import Approvals, NoApprovals
from rekap_desktop.gui.audit_status import AuditStatus
from rekap_desktop.gui.background import BackgroundTask, JobControl
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.keys import INCIDENT, PAUSE, bind
from rekap_desktop.gui.operations import Failure, run_operation, show_failure
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.gui.pages.cockpit_pages import build_pages
from rekap_desktop.gui.pages.recap_page import RecapView
from rekap_desktop.gui.print_launcher import PrintCentreLauncher
from rekap_desktop.gui.procedure_panel import ProcedurePanel
from rekap_desktop.gui.result_packages import PackageActions
from rekap_desktop.gui.widgets.lazy_tab import LazyTab
from rekap_desktop.gui.window_geometry import (
    fit_to_screen,
    maximise_when_shown,
    restore_geometry,
    save_geometry,
)
from rekap_desktop.services.pleno_service import ImportReport
from rekap_desktop.text.numbers import format_date, format_number

if TYPE_CHECKING:
    from rekap_desktop.gui.audit_log.window import AuditLogWindow
    from rekap_desktop.gui.copies.hand_dialog import HandCopiesDialog
    from rekap_desktop.gui.dialogs.follow_up_dialog import FollowUpDialog
    from rekap_desktop.gui.dialogs.incident_dialog import IncidentContext, IncidentDialog
    from rekap_desktop.gui.dialogs.plausibility_limits_dialog import PlausibilityLimitsDialog
    from rekap_desktop.gui.help_window import HelpWindow
    from rekap_desktop.gui.incidents.register_view import RegisterView
    from rekap_desktop.gui.seats.seat_view import SeatView

GEOMETRY_KEY = "main_window/geometry"
PANEL_KEY = "main_window/projector_panel"
"""Whether the projector panel (F7) was last shown, kept between runs."""
FIRST_SIZE = QSize(1600, 1000)
"""The window's size on a first start, shrunk to the available screen (see fit_to_screen)."""
ROOM_FOR_PANEL = 1600
"""The available screen width from which the projector panel is shown at start: below it (a
1366×768 laptop) the panel starts hidden and F7 brings it."""
PANEL_WIDTH = 270
"""The stepper's starting width beside the page of the current item."""
TARGET_KEY = "main_window/target_end"
"""The target end time of the meeting, kept between runs (commissioner only, never projected)."""


def installation_fingerprint() -> str:
    """This installation's key (its module is loaded when the key is first read)."""
    from rekap_desktop.services.keys import installation_fingerprint as fingerprint

    return fingerprint()


def shown_place(state: ProcedureState) -> str:
    """The place the cockpit shows, as the log states it."""
    marks = [" — DISKORS" if state.paused else "", " — DITETAPKAN" if state.determined else ""]
    return stop_label(state.current) + "".join(marks)


UNSEEN_HERE = frozenset(
    {
        AuditEvent.FORM_PRINTED,
        AuditEvent.PACKAGE_EXPORTED,
        AuditEvent.PACKAGE_KEY_TRUSTED,
        AuditEvent.USER_ADDED,
        AuditEvent.PIN_REJECTED,
        AuditEvent.PIN_STRENGTHENED,
        AuditEvent.EVIDENCE_WRITTEN,
    }
)
"""Writes that move nothing the cockpit's steps, pages or counts show (the print centre and the
package dialogs show their own): refreshing the whole cockpit for a print held the GUI thread
~0.25 s."""

NUMBERS_KEPT = NUMBERS_UNCHANGED | {AuditEvent.PROCEDURE_MOVED}
"""Writes after which the recapitulation tab (every contest, ~30 ms on the demo) need not be
recomputed: it shows no procedure state, so a step or a skors counts as changing no number."""


class MainWindow(QMainWindow):
    tally_import_finished = Signal(object)
    """A rekap-csv/XLSX import ended: its ImportReport, or None when it was refused."""
    closed = Signal()
    """The cockpit was closed (Ctrl+Q, Berkas → Keluar, the window's close button): the
    program ends (see gui.application)."""

    photo_shown = Signal(bytes)
    """The operator opened a form photo beside the numbers (the projector previews it)."""
    places_shown = Signal(str, str, str)
    """The operator sent the desa/TPS of (contest, unit, field) to the projector."""

    def __init__(
        self,
        meeting: CockpitMeeting,
        approvals: Approvals | None = None,
        settings: QSettings | None = None,
        installation_key: Callable[[], str] = installation_fingerprint,
    ) -> None:
        """``approvals``: a commissioner's PIN for the guarded actions (penetapan, re-opening,
        corrections, decisions, closing an objection, seats, a sender's new key); without them
        every guarded action is refused."""
        super().__init__()
        self.meeting = meeting
        self.service = service = meeting.pleno
        self.approvals: Approvals = approvals or NoApprovals()
        self.pleno = service.pleno()
        self.procedure = meeting.procedure
        self.records = meeting.records
        self.settings = settings
        self.setWindowTitle(self._title())
        self.recap = RecapView(service, self.pleno)
        self.pages, self.tabs, self.source_box = (
            self.recap.pages,
            self.recap.tabs,
            self.recap.source_box,
        )
        ctx = PageContext(meeting, self.approvals, self.photo_shown.emit, self.places_shown.emit)
        self.agenda: dict[str, AgendaPage] = build_pages(ctx)
        self.stack = QStackedWidget()
        for page in dict.fromkeys(self.agenda.values()):
            self.stack.addWidget(page)
        self.panel = ProcedurePanel(self.pleno)
        self._connect_panel()
        self.views = QTabWidget()
        self.views.addTab(self._procedure_tab(), "Tata cara rapat")
        self.views.addTab(self.recap, "Rekapitulasi")
        self.projector_dock: QDockWidget | None = None
        central = self._central()
        self.setCentralWidget(central)
        self._importing: BackgroundTask[ImportReport] | None = None
        self.help: HelpWindow | None = None
        """The guide and key list (F1), built on first use."""
        self.audit_label = QLabel()
        self.audit_status = AuditStatus(service, self.audit_label, self)
        self.follow_up_label = QLabel()
        """The open follow-up session (sesi lanjutan) and its scope; empty when none is."""
        self.follow_up_label.setObjectName("followUpStatus")
        self.follow_up_label.setStyleSheet("color:#7a1f00; font-weight:bold")
        self.statusBar().addPermanentWidget(self.follow_up_label)
        self.incident_label = QLabel()
        self.statusBar().addPermanentWidget(self.incident_label)
        self.statusBar().addPermanentWidget(self.audit_label)
        self.printing = PrintCentreLauncher(self, meeting.load_printing)
        self._build_actions()
        self._build_menu()
        self._register_tab = LazyTab(self._build_register)
        self.views.addTab(self._register_tab, "Kejadian khusus / keberatan")
        self.packages = PackageActions(
            self, meeting, self.file_menu, installation_key, self.approvals
        )
        self._add_to_menus()
        self._add_audit_menu()
        self.seats_view: SeatView | None = None
        if seats_decided_here(self.pleno):
            self._add_seats()
        self._shown: ProcedureState | None = None
        self._pause_dialog: PauseDialog | None = None
        meeting.hub.changed.connect(self.on_changed)
        self.refresh()
        restored = settings is not None and restore_geometry(self, settings, GEOMETRY_KEY)
        self._fitted: QSize | None = None
        """The size a first start fitted to a laptop screen, maximised when first shown."""
        if not restored and fit_to_screen(self, FIRST_SIZE):
            self._fitted = self.size()
        if settings is not None:
            saved = settings.value(TARGET_KEY)
            if isinstance(saved, str) and QTime.fromString(saved, "HH:mm").isValid():
                self.panel.target.setTime(QTime.fromString(saved, "HH:mm"))
            self.panel.target.timeChanged.connect(self._save_target)
        self.clock = QTimer(self)
        self.clock.timeout.connect(self.show_time)
        self.clock.start(30_000)
        # The stepper sits inside the procedure tab now: without this the tab bar, first in the
        # focus chain, would take the focus at start and the arrow keys would switch tabs.
        self.panel.steps.setFocus()

    def _title(self) -> str:
        demo = " — SIMULASI" if self.service.is_demo() else ""
        return f"Rekap Desktop — {self.pleno.region.name}{demo}"

    def _central(self) -> QWidget:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        if self.service.is_demo():
            banner = QLabel("SIMULASI — data demo, bukan hasil resmi")
            banner.setObjectName("simulasiBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            banner.setStyleSheet(
                "background:#7a1f00; color:white; font-weight:bold; padding:4px; font-size:14pt"
            )
            layout.addWidget(banner)
        heading = QLabel(f"Rapat Pleno Terbuka Rekapitulasi — {self.pleno.region.name}")
        heading.setStyleSheet("font-size:16pt; font-weight:bold")
        details = [self.pleno.name, self.pleno.place or ""]
        if self.pleno.held_on:
            details.append(format_date(self.pleno.held_on))
        for label in (heading, QLabel(" · ".join(d for d in details if d))):
            # A long region name or place wraps instead of widening the window.
            label.setWordWrap(True)
            label.setMinimumWidth(1)
            layout.addWidget(label)
        layout.addWidget(self.views, 1)
        return central

    def _procedure_tab(self) -> QSplitter:
        """The stepper beside the page of the current item. It belongs to this tab only, so the
        recapitulation, the register and the seats get the window's whole width."""
        split = QSplitter()
        split.setObjectName("procedureSplit")
        split.addWidget(self.panel)
        split.addWidget(self.stack)
        split.setCollapsible(0, False)
        split.setCollapsible(1, False)
        split.setStretchFactor(1, 1)
        split.setSizes([PANEL_WIDTH, 1000])
        return split

    def add_projector_panel(self, panel: QWidget) -> QDockWidget:
        """The projector's preview panel in a dock at the right. F7 shows or hides it; on a
        laptop screen narrower than ``ROOM_FOR_PANEL`` it starts hidden, so the comparison keeps
        every source column on screen, and the operator's last choice is kept."""
        dock = QDockWidget("Proyektor: pratinjau dan tayang", self)
        dock.setObjectName("projectorDock")
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        room = self._available().width()
        # A quarter of a wide screen for large previews; as narrow as it goes on a laptop.
        width = room // 4 if room >= ROOM_FOR_PANEL else 0
        width = max(dock.minimumSizeHint().width(), width)
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        toggle = dock.toggleViewAction()
        toggle.setText("Panel &proyektor")
        toggle.setShortcut(QKeySequence("F7"))
        toggle.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        toggle.triggered.connect(self._save_panel_choice)
        self.addAction(toggle)
        self.meeting_menu.addAction(toggle)
        self.projector_dock = dock
        self.action_projector_panel = toggle
        dock.setVisible(self._panel_wanted())
        return dock

    def _panel_wanted(self) -> bool:
        saved = self.settings.value(PANEL_KEY) if self.settings is not None else None
        if saved is not None:
            return str(saved).lower() in ("true", "1")
        return self._available().width() >= ROOM_FOR_PANEL

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)

    def _save_panel_choice(self, shown: bool) -> None:
        if self.settings is not None:
            self.settings.setValue(PANEL_KEY, bool(shown))

    def _connect_panel(self) -> None:
        self.panel.next_requested.connect(self.go_next)
        self.panel.back_requested.connect(self.go_back)
        self.panel.pause_requested.connect(self.toggle_pause)
        self.panel.stop_requested.connect(self.go_to)
        self.panel.target.timeChanged.connect(self.show_time)

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.action_next = self._action("Langkah &berikutnya", "PgDown", self.go_next)
        self.action_back = self._action("Langkah &sebelumnya", "PgUp", self.go_back)
        self.action_pause = bind(
            self._action("S&kors / cabut skors", PAUSE.letter, self.toggle_pause), PAUSE
        )
        self.action_save = self._action("&Simpan catatan langkah", "Ctrl+S", self.save_page)
        self.action_recap = self._action("&Rekapitulasi", "Ctrl+R", self.toggle_recap)
        self.action_unit = self._action("Pindah ke &kecamatan…", "Ctrl+G", self.panel.choose_unit)
        self.action_print = self._action("&Pusat cetak…", "Ctrl+P", self.printing.open)
        self.action_incident = bind(
            self._action("&Kejadian khusus / keberatan baru…", INCIDENT.letter, self.new_incident),
            INCIDENT,
        )
        self.action_sirekap = self._action(
            "Impor &Sirekap (JSON)…", "Ctrl+Shift+I", self.import_sirekap
        )
        self.action_copies = self._action(
            "Serahkan sali&nan dan tanda terima…", "Ctrl+Shift+S", self.hand_copies
        )
        self.action_help = self._action("&Panduan", "F1", self.show_help)
        self.action_keys = QAction("&Tombol pintas", self)
        self.action_keys.triggered.connect(self.show_keys)
        self.import_action = self._action("&Impor rekap-csv/XLSX…", "Ctrl+I", self.choose_import)
        self.export_action = self._action("&Ekspor rekap-csv/XLSX…", "Ctrl+E", self.choose_export)

    def _build_menu(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu("&Berkas")
        quit_action = QAction("&Keluar", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.export_action, self.action_print, quit_action):
            file_menu.addAction(action)
        self.meeting_menu = meeting = self.menuBar().addMenu("&Rapat")
        for action in (
            self.action_next,
            self.action_back,
            self.action_save,
            self.action_pause,
            self.action_recap,
            self.action_unit,
        ):
            meeting.addAction(action)
        reopen = QAction("&Buka kembali hasil yang ditetapkan…", self)
        reopen.triggered.connect(self.reopen)
        meeting.addAction(reopen)
        self.action_follow_up = self._action(
            "Buka sesi &lanjutan…", "Ctrl+Shift+L", self.open_follow_up
        )
        meeting.addAction(self.action_follow_up)
        self.action_limits = QAction("&Ambang kewajaran…", self)
        self.action_limits.triggered.connect(self.open_plausibility_limits)
        meeting.addAction(self.action_limits)
        help_menu = self.menuBar().addMenu("Ba&ntuan")
        help_menu.addAction(self.action_help)
        help_menu.addAction(self.action_keys)
        about = QAction("&Tentang Rekap Desktop", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _add_to_menus(self) -> None:
        self.file_menu.insertAction(self.export_action, self.action_sirekap)
        self.file_menu.insertActions(self.action_print, self.packages.actions())
        self.file_menu.insertSeparator(self.action_print)
        self.meeting_menu.addAction(self.action_incident)
        self.meeting_menu.addAction(self.action_copies)

    def _add_audit_menu(self) -> None:
        """Rapat → Jejak audit… (Ctrl+Shift+A) and Paket bukti untuk Bawaslu/MK… (Ctrl+Shift+B)."""
        from rekap_desktop.gui.audit_log.evidence_action import EvidencePackAction

        self.meeting_menu.addSeparator()
        self.action_audit_log = self._action("&Jejak audit…", "Ctrl+Shift+A", self.show_audit_log)
        self.meeting_menu.addAction(self.action_audit_log)
        self.evidence_pack = EvidencePackAction(self, self.meeting)
        self.evidence_pack.action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.evidence_pack.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.evidence_pack.action)
        self.meeting_menu.addAction(self.evidence_pack.action)

    def show_audit_log(self) -> AuditLogWindow:
        from rekap_desktop.gui.audit_log.window import open_audit_log

        return open_audit_log(self.meeting, self)

    def _build_register(self) -> RegisterView:
        from rekap_desktop.gui.incidents.register_view import RegisterView

        return RegisterView(
            self.meeting.incidents, self.meeting.hub, self.approvals, copies=self.meeting.copies
        )

    @property
    def register(self) -> RegisterView:
        """The register tab's view, built when the tab is first shown or asked for."""
        return self._register_tab.page()

    def _add_seats(self) -> None:
        from rekap_desktop.gui.seats.seat_view import SeatView

        self.seats_view = SeatView(self.meeting, self.approvals)
        self.views.addTab(self.seats_view, "Perolehan kursi")
        self.action_seats = self._action("Perolehan &kursi", "Ctrl+Shift+K", self.show_seats)
        self.meeting_menu.addAction(self.action_seats)

    def show_seats(self) -> None:
        if self.seats_view is not None:
            self.views.setCurrentWidget(self.seats_view)

    def incident_context(self) -> IncidentContext:
        """Where the meeting is: a new entry of the register is placed there."""
        from rekap_desktop.gui.dialogs.incident_dialog import IncidentContext

        stop = self.procedure.state().current
        return IncidentContext(stop.item, stop.unit, stop.contest)

    def new_incident(self) -> IncidentDialog:
        from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog

        context = self.incident_context()
        dialog = IncidentDialog(self.meeting.incidents, self, context=context)
        dialog.show()
        return dialog

    def hand_copies(self) -> HandCopiesDialog:
        """Rapat → Serahkan salinan (Ctrl+Shift+S): copies of a printed version for the saksi
        present and Bawaslu, with their tanda terima."""
        from rekap_desktop.gui.copies.hand_dialog import HandCopiesDialog

        dialog = HandCopiesDialog(self.meeting.copies, self.printing.printing, self)
        dialog.open()
        return dialog

    def import_sirekap(self) -> None:
        from rekap_desktop.gui.dialogs.sirekap_import import SirekapImportDialog

        SirekapImportDialog(self.meeting.sirekap, self).exec()

    def unfinished_work(self) -> list[str]:
        """What the operator started that still runs off the GUI thread (named for the wait
        when the cockpit closes)."""
        work = ["pencetakan"] if self.printing.is_busy() else []
        work += ["paket bukti"] if self.evidence_pack.is_busy() else []
        return work + (["paket hasil"] if self.packages.is_busy() else [])

    def stop_work(self) -> None:
        """Wait for the work still running off the GUI thread (the cockpit closes for good)."""
        self.packages.stop()
        self.evidence_pack.stop()
        self.printing.stop()

    # -- refreshing from committed state ---------------------------------------------------

    @Slot(object)
    def on_changed(self, changes: Changes) -> None:
        if changes and all(change.what in UNSEEN_HERE for change in changes):
            self.audit_status.request()  # the chain grew; nothing else the cockpit shows moved
            return
        self.refresh(numbers=not changes or any(c.what not in NUMBERS_KEPT for c in changes))

    def refresh(self, numbers: bool = True) -> None:
        """Show the committed state; ``numbers``: the recapitulation may have changed too."""
        if numbers:
            self.recap.refresh_when_shown()
        state = self.procedure.state()
        read = self.procedure.pairs_read()  # once for the steps and the time left
        self.panel.show_state(self.procedure.plan, state, read)
        page = self.current_page()
        if self._shown is None or (state.current, state.paused, state.determined) != (
            self._shown.current,
            self._shown.paused,
            self._shown.determined,
        ):
            self.stack.setCurrentWidget(self.agenda[state.current.item])
            self.agenda[state.current.item].show_stop(state.current)
            self._focus_page(self.agenda[state.current.item])
            log().info("Kokpit: %s", shown_place(state))
        elif not page.editable:
            page.refresh()
        self._shown = state
        self._show_time(read)
        self.audit_status.request()
        open_items = sum(
            1 for i in self.service.incidents() if i.status == IncidentStatus.TERBUKA.value
        )
        self.incident_label.setText(f"Kejadian/keberatan terbuka: {open_items}")
        self.follow_up_label.setText(self.meeting.follow_up.status_line())

    def _focus_page(self, page: AgendaPage) -> None:
        """The keyboard goes where the new step is worked: its input, else the procedure list
        (never a hidden page's field, nor nowhere)."""
        (page.focus_target() or self.panel.steps).setFocus()

    def _save_target(self) -> None:
        if self.settings is not None:
            self.settings.setValue(TARGET_KEY, self.panel.target.time().toString("HH:mm"))

    def show_time(self) -> None:
        self._show_time(None)

    def _show_time(self, read: Pairs | None) -> None:
        """``read``: the pairs read, when the caller has just read them (else read here)."""
        now = clock.now()
        target = self.panel.target_end(now)
        forecast = self.procedure.forecast(target, now, read)
        self.panel.show_time(self.procedure.elapsed(now), forecast)

    def current_page(self) -> AgendaPage:
        return self.agenda[self.procedure.state().current.item]

    # -- procedure actions -----------------------------------------------------------------

    def go_next(self) -> None:
        self.views.setCurrentIndex(0)
        if not self.current_page().save_pending():
            return
        if self.procedure.state().current.item == DETERMINATION:
            self.determine()
            return
        run_operation(self, "Langkah berikutnya", self.procedure.next)

    def go_back(self) -> None:
        self.views.setCurrentIndex(0)
        run_operation(self, "Langkah sebelumnya", self.procedure.back)

    def go_to(self, stop: Stop) -> None:
        self.views.setCurrentIndex(0)
        run_operation(self, "Pindah langkah", lambda: self.procedure.go_to(stop))

    def save_page(self) -> None:
        if self.current_page().save():
            self.statusBar().showMessage("Catatan langkah tersimpan.", 5_000)

    def toggle_pause(self) -> None:
        if self.procedure.state().paused:
            run_operation(self, "Cabut skors", self.procedure.resume)
            return
        if self._pause_dialog is not None:  # P again (its always-key) while it asks the reason
            self._pause_dialog.activateWindow()
            return
        dialog = self._pause_dialog = PauseDialog(self)
        try:
            accepted = dialog.exec()
        finally:
            self._pause_dialog = None
        if accepted:
            reason = dialog.reason()
            run_operation(self, "Skors", lambda: self.procedure.pause(reason))

    def determine(self) -> None:
        page = self.agenda[DETERMINATION]
        signatures = page.signatures()  # type: ignore[attr-defined]

        def allowed() -> bool:
            self.procedure.check_determination(signatures)
            return True

        # Why it is not allowed is said first; the question and the PIN come only after that.
        if run_operation(self, "Penetapan", allowed) is None:
            return
        answer = QMessageBox.question(
            self,
            "Penetapan",
            "Tetapkan hasil rekapitulasi? Setelah ditetapkan, hasil terkunci.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        confirmation = self.approvals.confirm(Action.DETERMINE)
        if confirmation is not None:
            run_operation(
                self, "Penetapan", lambda: self.procedure.determine(signatures, confirmation)
            )

    def open_plausibility_limits(self) -> PlausibilityLimitsDialog | None:
        """Rapat → Ambang kewajaran…: the meeting's thresholds of the plausibility warnings,
        saved with a commissioner's PIN."""
        from rekap_desktop.gui.dialogs.plausibility_limits_dialog import open_limits_dialog

        return open_limits_dialog(self, self.meeting.plausibility, self.approvals)

    def reopen(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, "Buka kembali", "Alasan membuka kembali hasil:")
        if not ok:
            return
        confirmation = self.approvals.confirm(Action.REOPEN_DETERMINED)
        if confirmation is not None:
            run_operation(self, "Buka kembali", lambda: self.procedure.reopen(reason, confirmation))

    def open_follow_up(self) -> FollowUpDialog:
        """Rapat → Buka sesi lanjutan… (Ctrl+Shift+L): a determined result re-opened on a legal
        basis for the kecamatan it names, with the ketua's PIN."""
        from rekap_desktop.gui.dialogs.follow_up_dialog import open_follow_up_dialog

        return open_follow_up_dialog(self, self.meeting.follow_up, self.approvals)

    def toggle_recap(self) -> None:
        self.views.setCurrentIndex(1 - self.views.currentIndex())

    # -- files -----------------------------------------------------------------------------

    def choose_import(self) -> None:
        name = file_dialogs.open_file(self, "Impor rekap-csv/XLSX", "Tabel rekap (*.csv *.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import a rekap-csv/XLSX file on a worker thread (a Pemilu file takes about a second);
        ``tally_import_finished`` follows, with the report or None when it was refused."""
        if self._importing is not None:
            return
        own = self.meeting.for_worker().pleno

        def job(_control: JobControl) -> ImportReport:
            return own.import_tally_file(path)

        task: BackgroundTask[ImportReport] = BackgroundTask(job, self)
        task.succeeded.connect(self._imported)
        task.failed.connect(self._import_failed)
        self._importing = task
        self.import_action.setEnabled(False)
        self.statusBar().showMessage(f"Mengimpor {path.name}…")
        task.start()

    def _imported(self, report: ImportReport) -> None:
        self._import_ended()
        self.statusBar().showMessage(
            f"{report.file_name}: {format_number(report.rows)} baris diimpor, "
            f"{len(report.changed_forms)} formulir berubah.",
            10_000,
        )
        self.tally_import_finished.emit(report)

    def _import_failed(self, failure: Failure) -> None:
        self._import_ended()
        self.statusBar().clearMessage()
        show_failure(self, "Impor", failure)
        self.tally_import_finished.emit(None)

    def _import_ended(self) -> None:
        self._importing = None
        self.import_action.setEnabled(True)

    def choose_export(self) -> None:
        name = file_dialogs.save_file(
            self, "Ekspor rekap-csv/XLSX", "rekap.csv", "CSV (*.csv);;Excel (*.xlsx)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int | None:
        count = run_operation(self, "Ekspor", lambda: self.service.export(path))
        if count is not None:
            self.statusBar().showMessage(f"{count} formulir diekspor.", 10_000)
        return count

    def show_help(self, tab: int = 0) -> HelpWindow:
        from rekap_desktop.gui.help_window import HelpWindow

        if self.help is None:
            self.help = HelpWindow(self)
        self.help.show_tab(tab)
        return self.help

    def show_keys(self) -> HelpWindow:
        from rekap_desktop.gui.help_window import KEYS_TAB

        return self.show_help(KEYS_TAB)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "Tentang Rekap Desktop",
            f"Rekap Desktop {package_version()}\nAplikasi luring rapat pleno terbuka rekapitulasi "
            "hasil penghitungan perolehan suara.",
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        maximise_when_shown(self, self._fitted)
        self._fitted = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.settings is not None:
            save_geometry(self, self.settings, GEOMETRY_KEY)
        self.clock.stop()
        if self._importing is not None:
            self._importing.stop()
        self.audit_status.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
