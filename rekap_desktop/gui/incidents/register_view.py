"""Register Kejadian Khusus dan/atau Keberatan Saksi: every entry with filters (open only, by
kecamatan, by kind), the count of open entries, and the actions that settle them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Changes, Event
from rekap_desktop.domain.incidents import KIND_LABELS, Incident, IncidentKind
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.approvals import Approvals, NoApprovals
from rekap_desktop.gui.change_hub import QtChangeHub
from rekap_desktop.gui.copies.log_view import LOG_CHANGES, CopiesLogView
from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog
from rekap_desktop.gui.incidents.entry_detail import entry_html
from rekap_desktop.gui.incidents.register_model import RegisterModel
from rekap_desktop.gui.incidents.settle_dialog import SettleDialog
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.services.incident_service import IncidentService, RegisterFilter

REGISTER_CHANGES = frozenset(
    {
        AuditEvent.INCIDENT_RECORDED,
        AuditEvent.INCIDENT_EDITED,
        AuditEvent.INCIDENT_RESOLVED,
        AuditEvent.INCIDENT_UNRESOLVABLE,
        AuditEvent.INCIDENT_EVIDENCE_ATTACHED,
        AuditEvent.INCIDENT_REPEAT_REFUSED,
        AuditEvent.PLENO_CREATED,
        Event.OTHER_STATION,
    }
)
"""The changes the register is read again after (another station's entries included)."""


class RegisterView(QWidget):
    """The register of kejadian khusus and keberatan; ``approvals`` ask a commissioner's PIN
    for closing an objection."""

    open_count_changed = Signal(int)

    def __init__(
        self,
        service: IncidentService,
        hub: QtChangeHub,
        approvals: Approvals | None = None,
        parent: QWidget | None = None,
        *,
        copies: CopiesService | None = None,
    ) -> None:
        """``copies``: the copies handed, shown in a "Salinan" tab beside the register."""
        super().__init__(parent)
        self.service = service
        self.copies_view = CopiesLogView(copies) if copies is not None else None
        self.hub = hub
        self.approvals: Approvals = approvals or NoApprovals()
        self._listening = False
        pleno = service.pleno()
        self.model = RegisterModel(pleno)
        self.open_only = QCheckBox("Hanya yang terbuka")
        self.unit_filter = QComboBox()
        self.unit_filter.addItem("Semua kecamatan", None)
        for unit in pleno.units:
            self.unit_filter.addItem(f"{unit.code} {unit.name}", unit.code)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("Semua jenis", None)
        for kind in IncidentKind:
            add_enum_item(self.kind_filter, KIND_LABELS[kind], kind)
        self.open_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the register for its buttons (the arrows move between entries): with Qt's
        # default, Tab went round the cells for ever and no button was reachable by keyboard.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(4, 200)
        self.table.setWordWrap(False)
        self.detail = QTextBrowser()
        self.buttons = {
            "new": QPushButton("Catat baru… (K)"),
            "complete": QPushButton("Lengkapi…"),
            "resolve": QPushButton("Selesaikan dengan paraf…"),
            "unresolvable": QPushButton("Tidak dapat diselesaikan…"),
            "import": QPushButton("Impor register kecamatan…"),
        }
        self._build_layout()
        self._connect()
        self.refresh()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.open_only, self.unit_filter, self.kind_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.open_label)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        register = QWidget() if self.copies_view is not None else self
        layout = QVBoxLayout(register)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        if self.copies_view is not None:
            # Who got which copy of which version is read beside the register it belongs to.
            # A tab bar over a stack, not a QTabWidget: that one takes Ctrl+Tab, which moves
            # between the cockpit's own tabs; the bar takes no focus, so the register's first
            # filter still gets the keyboard when the tab is shown. Alt+G / Alt+L change pages.
            self.pages = QStackedWidget()
            self.pages.addWidget(register)
            self.pages.addWidget(self.copies_view)
            self.page_bar = QTabBar()
            self.page_bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.page_bar.addTab("Re&gister")
            self.page_bar.addTab("Sa&linan")
            self.page_bar.currentChanged.connect(self.pages.setCurrentIndex)
            outer = QVBoxLayout(self)
            outer.addWidget(self.page_bar)
            outer.addWidget(self.pages, 1)

    def _connect(self) -> None:
        self.open_only.toggled.connect(self.refresh)
        self.unit_filter.currentIndexChanged.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.buttons["new"].clicked.connect(self.new_entry)
        self.buttons["complete"].clicked.connect(self.complete_selected)
        self.buttons["resolve"].clicked.connect(self.resolve_selected)
        self.buttons["unresolvable"].clicked.connect(self.unresolvable_selected)
        self.buttons["import"].clicked.connect(self._choose_import)

    # -- listening only while shown: a hidden or deleted view never receives a change ----------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if not self._listening:
            self.hub.changed.connect(self.on_changed)
            self._listening = True
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt name)
        if self._listening:
            self.hub.changed.disconnect(self.on_changed)
            self._listening = False
        super().hideEvent(event)

    @Slot(object)
    def on_changed(self, changes: Changes) -> None:
        if any(change.what in REGISTER_CHANGES for change in changes):
            self.refresh()
        if self.copies_view is not None and any(c.what in LOG_CHANGES for c in changes):
            self.copies_view.refresh()

    # -- showing ---------------------------------------------------------------------------

    def current_filter(self) -> RegisterFilter:
        return RegisterFilter(
            open_only=self.open_only.isChecked(),
            unit=self.unit_filter.currentData(),
            kind=enum_data(self.kind_filter, IncidentKind),
        )

    def refresh(self) -> None:
        selected = self.selected_number()
        self.model.set_entries(self.service.register(self.current_filter()))
        count = self.service.open_count()
        self.open_label.setText(f"Terbuka: {count}")
        self.open_count_changed.emit(count)
        if selected is not None:
            self.select(selected)
        self._selection_changed()

    def selected_entry(self) -> Incident | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def selected_number(self) -> int | None:
        entry = self.selected_entry()
        return entry.number if entry else None

    def select(self, number: int) -> None:
        for row, entry in enumerate(self.model.entries):
            if entry.number == number:
                self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        entry = self.selected_entry()
        self.detail.setHtml(
            entry_html(self.service.pleno(), entry, self.service.linked_corrections(entry))
            if entry
            else ""
        )
        is_open = entry is not None and entry.is_open
        self.buttons["complete"].setEnabled(entry is not None)
        self.buttons["resolve"].setEnabled(is_open)
        self.buttons["unresolvable"].setEnabled(is_open)

    # -- acting ----------------------------------------------------------------------------

    def new_entry(self) -> None:
        IncidentDialog(self.service, self).exec()
        self.refresh()

    def complete_selected(self) -> None:
        number = self.selected_number()
        if number is not None:
            IncidentDialog(self.service, self, number=number).exec()
            self.refresh()

    def resolve_selected(self) -> None:
        self._settle(unresolvable=False)

    def unresolvable_selected(self) -> None:
        self._settle(unresolvable=True)

    def _settle(self, unresolvable: bool) -> None:
        number = self.selected_number()
        if number is None:
            return
        # Closing an objection needs a commissioner's PIN now; the confirmation goes with the
        # closing into its audit entry.
        confirmation = self.approvals.confirm(Action.CLOSE_OBJECTION)
        if confirmation is not None:
            SettleDialog(self.service, number, unresolvable, self, confirmation).exec()
            self.refresh()

    def import_register(self, path: Path) -> None:
        run_operation(self, "Impor register kecamatan", lambda: self.service.import_register(path))
        self.refresh()

    def _choose_import(self) -> None:
        name = file_dialogs.open_file(
            self, "Impor register kecamatan", "Register kejadian (*.json)"
        )
        if name:
            self.import_register(Path(name))
