"""Register Kejadian Khusus dan/atau Keberatan Saksi: every entry with filters (open only, by
kecamatan, by kind), the count of open entries, and the actions that settle them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.incidents import KIND_LABELS, Incident, IncidentKind
from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog
from rekap_desktop.gui.incidents.entry_detail import entry_html
from rekap_desktop.gui.incidents.register_model import RegisterModel
from rekap_desktop.gui.incidents.settle_dialog import SettleDialog
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data
from rekap_desktop.services.events import Change
from rekap_desktop.services.incident_service import IncidentService, RegisterFilter


class RegisterView(QWidget):
    open_count_changed = Signal(int)

    def __init__(self, service: IncidentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
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
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

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
            self.service.pleno_service.bus.subscribe(self.on_changed)
            self._listening = True
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt name)
        if self._listening:
            self.service.pleno_service.bus.unsubscribe(self.on_changed)
            self._listening = False
        super().hideEvent(event)

    def on_changed(self, change: Change) -> None:
        if change.what.startswith("incident") or change.what == AuditEvent.PLENO_CREATED:
            self.refresh()

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

    def approve_closing(self) -> Confirmation | bool:
        """Closing an objection needs a commissioner; the cockpit replaces this with a PIN check
        (the confirmation, named in the audit entry; False when refused; True: no one asked, and
        the service then refuses the closing)."""
        return True

    def _settle(self, unresolvable: bool) -> None:
        number = self.selected_number()
        if number is None:
            return
        approval = self.approve_closing()
        if approval is not False:
            confirmation = approval if isinstance(approval, Confirmation) else None
            SettleDialog(self.service, number, unresolvable, self, confirmation).exec()
            self.refresh()

    def import_register(self, path: Path) -> None:
        run_operation(self, "Impor register kecamatan", lambda: self.service.import_register(path))
        self.refresh()

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Impor register kecamatan", "", "Register kejadian (*.json)"
        )
        if name:
            self.import_register(Path(name))
