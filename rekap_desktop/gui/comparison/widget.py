"""ComparisonWidget: one kecamatan × contest side by side (procedure items 7–10).

API for the host (the cockpit's reading pages):
- ``ComparisonWidget(service, contest_code, unit_code)`` with a
  :class:`~rekap_desktop.services.comparison_service.ComparisonService`;
- ``set_pair(contest_code, unit_code)`` shows another pair; ``refresh()`` re-reads it (call it on
  a "what changed" event from elsewhere);
- signals ``pair_read(contest, unit)`` when the pair was marked read, ``value_entered(field)``
  after each accepted value, ``photo_shown(bytes)`` when a form photo is shown (to forward it to
  the projector), ``places_shown(contest, unit, field)`` when F5 in the rincian desa/TPS asks
  for its places on the projector.
Keys: type digits + Enter (enter and move down), S (sesuai), Ctrl+K (pembetulan), Ctrl+T (the
meeting's decision on an error of the determined values), Ctrl+Shift+T (the meeting overrides a
plausibility warning), Ctrl+Shift+D (the desa/TPS behind the selected row), Ctrl+Shift+R
(mark read; Ctrl+R belongs to the window: the recapitulation), Ctrl+D ("hanya selisih"); in a
legislative contest Ctrl+J (jump to a party) and Ctrl+Down / Ctrl+Up (next / previous party block).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.comparison import Comparison, ComparisonRow, SourceNote
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Correction, Reason
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.finding_decisions import FindingDecision
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.rules import Finding
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP, Source, saksi, source_title
from rekap_desktop.domain.tally import RESULT_KEYS, RETURNED_NOTICES, party_number
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.approvals import Approvals, NoApprovals
from rekap_desktop.gui.comparison.correction_dialog import CorrectionDialog, Prefill
from rekap_desktop.gui.comparison.drill_down_dialog import DrillDownDialog
from rekap_desktop.gui.comparison.finding_decision_dialog import FindingDecisionDialog
from rekap_desktop.gui.comparison.model import ComparisonModel, column_title
from rekap_desktop.gui.comparison.photo_viewer import PhotoViewer
from rekap_desktop.gui.comparison.plausibility_flow import PlausibilityFlow
from rekap_desktop.gui.comparison.plausibility_override_dialog import PlausibilityOverrideDialog
from rekap_desktop.gui.comparison.recount_flow import RecountFlow
from rekap_desktop.gui.comparison.view import ComparisonDelegate, ComparisonTable
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.widgets.number_edit import NumberEdit
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.concurrency import ConcurrentEdit, FormVersions
from rekap_desktop.services.corrections_service import SettleRequest, SettleResult
from rekap_desktop.services.pair_view import PairView
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number

TITLE = "Perbandingan"
ENTRY_MARGIN = 24
"""Room beside the entry's hint text (frame and padding)."""
NOTES_LEAST_HEIGHT = 40
"""Two lines of findings at least (a list's own least is 70 px)."""


class ComparisonWidget(QWidget):
    pair_read = Signal(str, str)
    value_entered = Signal(str)
    photo_shown = Signal(bytes)
    places_shown = Signal(str, str, str)

    def __init__(
        self,
        service: ComparisonService,
        contest_code: str,
        unit_code: str,
        parent: QWidget | None = None,
        approvals: Approvals | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.approvals: Approvals = approvals or NoApprovals()
        """A commissioner's PIN for a correction or a decision on a finding."""
        self.contest_code, self.unit_code = contest_code, unit_code
        self.comparison: Comparison | None = None
        self.versions: FormVersions = {}
        """The form versions the shown comparison was read from, sent back with every edit so
        an edit based on a view another station has since changed is refused."""
        self.typing_seen: tuple[str, str, FormVersions] | None = None
        """The pair and the versions shown when the operator began typing the value now in the
        entry: the view may refresh (another station's change) while they type, and their value
        was read against what was shown then."""
        self.model = ComparisonModel()
        self.correction_dialog: CorrectionDialog | None = None
        """The correction dialog while it is open (Ctrl+K); None once closed."""
        self.decision_dialog: FindingDecisionDialog | None = None
        """The dialog of the meeting's decision on a finding while it is open (Ctrl+T)."""
        self.drill_down_dialog: DrillDownDialog | None = None
        """The desa/TPS behind the selected row while it is shown (Ctrl+Shift+D)."""
        self.drill_down_field = ""
        self.plausibility_flow = PlausibilityFlow(self)
        """The plausibility warnings listed and Ctrl+Shift+T, the meeting's override of one."""
        self.recount_flow = RecountFlow(self)
        """Ctrl+U in the rincian: the record of a check of one place, then its correction."""
        self._build()
        self.set_pair(contest_code, unit_code)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("comparisonTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("summaryStrip")
        self.summary.setWordWrap(True)
        self.only_differences = QCheckBox("Hanya selisih (Ctrl+D)")
        self.only_differences.toggled.connect(self._show)
        places = QPushButton("Rincian desa/TPS… (Ctrl+Shift+D)")
        places.clicked.connect(self.open_drill_down)
        overriding = QPushButton("Abaikan… (Ctrl+Shift+T)")
        overriding.setToolTip("Abaikan temuan kewajaran P01… dengan alasan dan PIN komisioner")
        overriding.clicked.connect(self.open_plausibility_override)
        self.entry_source = QComboBox()
        self.jump = QComboBox()
        self.jump.setToolTip("Lompat ke bagian formulir atau partai (Ctrl+J)")
        self.jump.activated.connect(self._jump_to)
        self.jump_label = QLabel("Lompat ke:")
        self.entry = NumberEdit()
        self.entry.value_committed.connect(self.enter_value)
        self.entry.textEdited.connect(self._typing)
        self.entry.agreed.connect(self.agree)
        self.entry.refused.connect(self._say)
        correct = QPushButton("Pembetulan… (Ctrl+K)")
        correct.clicked.connect(self.open_correction)
        decide = QPushButton("Keputusan atas temuan… (Ctrl+T)")
        decide.clicked.connect(self.open_finding_decision)
        read = QPushButton("Tandai selesai dibaca (Ctrl+Shift+R)")
        read.clicked.connect(self.mark_read)
        attach = QPushButton("Lampirkan foto…")
        attach.clicked.connect(self.choose_photo)
        # Rows of controls (choosing, the entry, the buttons), so they fit beside the stepper on a
        # 1366×768 laptop; long source or party names are cut in the boxes, not the window.
        for combo in (self.jump, self.entry_source):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        choosing = QHBoxLayout()
        for widget in (
            self.only_differences,
            self.jump_label,
            self.jump,
            QLabel("Isian dari:"),
            self.entry_source,
        ):
            choosing.addWidget(widget)
        choosing.addStretch(1)
        # The entry is wide enough to read its hint: squeezed among the controls it was ~25 px.
        acting = QHBoxLayout()
        acting.addWidget(QLabel("Nilai dibacakan:"))
        acting.addWidget(self.entry, 1)
        # Here, beside the entry (which has room to give): the row of buttons below is full at
        # 1366 px beside the projector panel.
        acting.addWidget(places)
        hint = self.entry.fontMetrics().horizontalAdvance(self.entry.placeholderText())
        self.entry.setMinimumWidth(hint + ENTRY_MARGIN)
        buttons = QHBoxLayout()
        for button in (correct, decide, read, attach):
            buttons.addWidget(button)
        buttons.addStretch(1)
        controls = QVBoxLayout()
        for row in (choosing, acting, buttons):
            controls.addLayout(row)
        self.table = ComparisonTable()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ComparisonDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        # A click on a row chooses the row; the keyboard stays in the entry (digits, S, Enter,
        # Up/Down), where the reading is typed.
        self.table.setFocusProxy(self.entry)
        self.entry.stepped.connect(self.step_row)
        self.notes = QListWidget()
        self.corrections = QListWidget()
        for listing in (self.notes, self.corrections):
            # Long findings wrap to the pane's width instead of scrolling sideways.
            listing.setWordWrap(True)
            listing.setResizeMode(QListWidget.ResizeMode.Adjust)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.photo = PhotoViewer()
        # Under the findings it acts on (every row of controls above is full at 1366 px); the
        # list gives up the button's height, so the panes still fit a 768 px screen.
        notes_pane = QWidget()
        notes_column = QVBoxLayout(notes_pane)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.addWidget(self.notes)
        notes_column.addWidget(overriding)
        self.notes.setMinimumHeight(NOTES_LEAST_HEIGHT)
        side = QSplitter()
        side.setOrientation(side.orientation().Vertical)
        panes: tuple[tuple[str, QWidget], ...] = (
            ("Temuan dan kemungkinan salah baca", notes_pane),
            ("Pembetulan", self.corrections),
            ("Foto formulir (roda = zoom, seret = geser)", self.photo),
        )
        for label, pane in panes:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(f"<b>{label}</b>")
            heading.setWordWrap(True)
            column.addWidget(heading)
            column.addWidget(pane)
            side.addWidget(box)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.summary):
            layout.addWidget(widget)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        for keys, slot in (
            ("Ctrl+K", self.open_correction),
            ("Ctrl+T", self.open_finding_decision),
            ("Ctrl+Shift+T", self.open_plausibility_override),
            ("Ctrl+Shift+D", self.open_drill_down),
            ("Ctrl+Shift+R", self.mark_read),
            ("Ctrl+D", self.only_differences.toggle),
            ("Ctrl+J", self._focus_jump),
            ("Ctrl+Down", self.next_block),
            ("Ctrl+Up", self.previous_block),
        ):
            QShortcut(QKeySequence(keys), self, slot)

    # -- showing ---------------------------------------------------------------------------

    def set_pair(self, contest_code: str, unit_code: str) -> None:
        """Show another pair from its first row, with every row ("Hanya selisih" belongs to the
        pair it was turned on for) and no message left from the previous pair."""
        changed = (contest_code, unit_code) != (self.contest_code, self.unit_code)
        self.contest_code, self.unit_code = contest_code, unit_code
        if changed or self.comparison is None:
            was_blocked = self.only_differences.blockSignals(True)
            self.only_differences.setChecked(False)
            self.only_differences.blockSignals(was_blocked)
            self.message.clear()
            self.table.clearSelection()
        self.entry_source.clear()
        comparison = self.service.corrections.comparison(contest_code, unit_code)
        sources: list[Source] = [PPK]
        sources += [saksi(number) for number in comparison.contest.saksi_numbers()]
        sources.append(BAWASLU)
        for source in sources:
            title = column_title(source, comparison.contest.is_party_list)
            self.entry_source.addItem(title.replace("\n", " "), source)
        self.refresh()
        self._show_first_photo()

    def refresh(self) -> None:
        view = self.service.corrections.view(self.contest_code, self.unit_code)
        comparison = view.comparison
        self.comparison, self.versions = comparison, view.versions
        self.title.setText(
            f"<h3>{comparison.unit.name} ({comparison.unit.code}) — {comparison.contest.title}"
            f"{' — ✓ SELESAI DIBACA' if view.read else ''}</h3>"
        )
        self.summary.setText(summary_text(comparison))
        self._show()
        self._fill_notes(view)

    def _show(self) -> None:
        if self.comparison is None:
            return
        selected = self.selected_row()
        self.model.set_comparison(self.comparison, self.only_differences.isChecked())
        self._fill_jump()
        self.table.fit_columns()
        if selected is not None:
            self.select_field(selected.field)
        if self.selected_row() is None and self.model.rowCount():
            # The row selected before is not shown (e.g. "Hanya selisih" hid it): the first is.
            self.table.selectRow(0)

    def _fill_notes(self, view: PairView) -> None:
        self.notes.clear()
        party_list = view.contest.is_party_list
        kind = self.service.pleno.pleno().kind.value
        for note in view.comparison.notes:
            self.notes.addItem(note_text(note, kind, party_list))
        for decision in view.decisions:
            self.notes.addItem(decision_text(decision))
        for line in self.plausibility_flow.notes(party_list):
            self.notes.addItem(line)  # a warning, or the meeting's override of it
        self.corrections.clear()
        for c in view.corrections:
            self.corrections.addItem(correction_text(c, self._label(c.field), party_list))

    # -- moving through a long form (a legislative kecamatan has ~200 rows) -----------------

    def blocks(self) -> list[tuple[str, int]]:
        """(title, first row) of each block of the rows shown: sections I–III, every party, V."""
        assert self.comparison is not None
        return form_blocks(self.comparison.contest, [r.field for r in self.model.rows])

    def _fill_jump(self) -> None:
        self.jump.clear()
        for title, row in self.blocks():
            self.jump.addItem(title, row)
        legislative = self.comparison is not None and self.comparison.contest.is_party_list
        self.jump.setVisible(legislative)
        self.jump_label.setVisible(legislative)

    def _focus_jump(self) -> None:
        if self.jump.isVisible():
            self.jump.setFocus()
            self.jump.showPopup()

    def _jump_to(self, index: int) -> None:
        row = self.jump.itemData(index)
        if isinstance(row, int):
            self.go_to_row(row)

    def go_to_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self.entry.setFocus()

    def step_row(self, step: int) -> None:
        """Up/Down in the entry: the previous or next row."""
        current = self.table.currentIndex().row() if self.selected_row() else -1
        row = max(0, min(self.model.rowCount() - 1, current + step))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def next_block(self) -> None:
        self._step_block(1)

    def previous_block(self) -> None:
        self._step_block(-1)

    def _step_block(self, step: int) -> None:
        starts = [row for _, row in self.blocks()]
        if not starts:
            return
        current = self.table.currentIndex().row() if self.selected_row() else -1
        at = max((i for i, start in enumerate(starts) if start <= current), default=-1)
        target = max(0, min(len(starts) - 1, at + step))
        self.jump.setCurrentIndex(target)
        self.go_to_row(starts[target])

    # -- acting ----------------------------------------------------------------------------

    def selected_row(self) -> ComparisonRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0]) if rows else None

    def select_field(self, field: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.field == field:
                self.table.selectRow(number)
                return

    def enter_value(self, value: int) -> None:
        """Enter ``value`` for the selected row and the chosen source, then move down."""
        row = self._row_or_say("mengisi angka")
        if row is None:
            return
        source: Source = self.entry_source.currentData()
        seen = self._seen_when_typing_began()
        result = run_operation(
            self,
            TITLE,
            lambda: self.service.entry.enter(
                self.contest_code, self.unit_code, source.code, row.field, str(value), seen
            ),
            self._refresh_if_stale,
        )
        if result is not None:
            codes = ", ".join(f.code for f in result.findings)
            self._say(
                f"{row.label}: {format_number(value)} dicatat"
                + (f" (temuan {codes})" if codes else "")
            )
            self._after_entry(row)

    def agree(self) -> None:
        """ "Sesuai": the value read equals the PPK value shown (else Sirekap's); move down."""
        row = self._row_or_say("menyatakan sesuai")
        if row is None:
            return
        shown = next(
            (c.value for c in row.cells if c.source in (PPK, SIREKAP) and c.value is not None), None
        )
        if shown is None:
            self._say(f"{row.label}: belum ada nilai yang ditampilkan untuk disesuaikan")
            return
        source: Source = self.entry_source.currentData()
        seen = self.versions
        result = run_operation(
            self,
            TITLE,
            lambda: self.service.entry.confirm(
                self.contest_code, self.unit_code, source.code, row.field, shown, seen
            ),
            self._refresh_if_stale,
        )
        if result is not None:
            self._say(f"{row.label}: sesuai ({format_number(shown)})")
            self._after_entry(row)

    def _typing(self, text: str) -> None:
        if not text.strip():
            self.typing_seen = None
        elif self.typing_seen is None:
            self.typing_seen = (self.contest_code, self.unit_code, dict(self.versions))

    def _seen_when_typing_began(self) -> FormVersions:
        began, self.typing_seen = self.typing_seen, None
        if began is not None and began[:2] == (self.contest_code, self.unit_code):
            return began[2]
        return self.versions

    def _after_entry(self, row: ComparisonRow) -> None:
        self.value_entered.emit(row.field)
        self.refresh()
        self.select_field(row.field)
        current = self.table.currentIndex().row() if self.selected_row() else -1
        self.table.selectRow(min(current + 1, self.model.rowCount() - 1))
        self.entry.setFocus()

    def open_correction(self) -> CorrectionDialog | None:
        """Ctrl+K: the correction dialog for the selected row (window-modal; it stays open with
        what was typed until the correction is recorded or the operator cancels). In a follow-up
        session that holds this pair, it starts with the session's reason and document."""
        row = self.selected_row()
        basis = self.service.follow_up_basis(self.contest_code, self.unit_code)
        if row is None or basis is None:
            return self.correct_with(None)
        reference = next((c.value for c in row.cells if c.source == PPK), None)
        return self.correct_with(Prefill(reference, Reason.SESI_LANJUTAN, basis, "", None, None))

    def correct_with(self, prefill: Prefill | None) -> CorrectionDialog | None:
        """The correction dialog for the selected row, started with ``prefill`` (a check's
        result) or with the PPK's value."""
        row = self._row_or_say("pembetulan")
        if row is None or self.comparison is None:
            return None
        reference = next((c.value for c in row.cells if c.source == PPK), None)
        incidents = self.incidents_here()
        seen = self.versions  # what the dialog shows; the view may refresh while it is open

        def submit(request: SettleRequest) -> bool:
            shown = replace(request, seen=seen)
            # Refused before the PIN when another station changed the value meanwhile (or the
            # result is locked): nobody types a PIN for a correction that cannot be written.
            if not self._still_current(shown):
                return False
            approved = self.approve(shown)
            return approved is not None and self.settle(approved) is not None

        dialog = CorrectionDialog(
            row,
            reference,
            self.service.corrections.commissioners(),
            incidents,
            self,
            submit=submit,
            party_list=self.comparison.contest.is_party_list,
            prefill=prefill,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._correction_closed)
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def _still_current(self, request: SettleRequest) -> bool:
        def check() -> bool:
            self.service.corrections.check_current(self.contest_code, self.unit_code, request)
            return True

        return run_operation(self, TITLE, check, self._refresh_if_stale) is not None

    def _correction_closed(self) -> None:
        self.correction_dialog = None  # deleted on close

    def approve(self, request: SettleRequest) -> SettleRequest | None:
        """A correction counts only when the commissioner chosen as approving it in the dialog
        confirms it with their own PIN now; the confirmation goes with the request (None: not
        approved, nothing is written)."""
        confirmation = self.approvals.confirm(Action.APPROVE_CORRECTION, only=request.approved_by)
        if confirmation is None or confirmation.user.name != request.approved_by:
            return None
        return replace(request, confirmation=confirmation)

    def settle(self, request: SettleRequest) -> SettleResult | None:
        result = run_operation(
            self,
            TITLE,
            lambda: self.service.corrections.settle(self.contest_code, self.unit_code, request),
            self._refresh_if_stale,
        )
        if result is not None:
            self.refresh()
            self.select_field(request.field)
            self._say(
                f"Pembetulan {self._label(request.field)} dicatat: {format_number(request.after)}."
            )
            if result.pair_read:
                self.pair_read.emit(self.contest_code, self.unit_code)
        return result

    def open_finding_decision(self) -> FindingDecisionDialog | None:
        """Ctrl+T: the meeting's decision on an error of the determined values (window-modal;
        it stays open with what was typed until recorded or cancelled)."""
        if self.comparison is None:
            return None
        errors = run_operation(
            self,
            TITLE,
            lambda: self.service.decisions.open_errors(self.contest_code, self.unit_code),
        )
        if errors is None:
            return None
        if not errors:
            self._say("Tidak ada temuan galat yang terbuka pada angka yang ditetapkan.")
            return None
        where = f"{self.comparison.unit.name} — {self.comparison.contest.title}"
        dialog = FindingDecisionDialog(where, errors, self, submit=self._decide)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._decision_closed)
        self.decision_dialog = dialog
        dialog.open()
        return dialog

    def _decision_closed(self) -> None:
        self.decision_dialog = None  # deleted on close

    def open_plausibility_override(self) -> PlausibilityOverrideDialog | None:
        """Ctrl+Shift+T: the meeting accepts the figures of a plausibility warning as they are,
        with its reason and a commissioner's PIN (window-modal; kept open until recorded)."""
        return self.plausibility_flow.open()

    def open_drill_down(self) -> DrillDownDialog | None:
        """Ctrl+Shift+D: the desa and TPS behind the selected row, differing places first."""
        row = self._row_or_say("rincian desa/TPS")
        if row is None or self.comparison is None:
            return None
        contest, unit = self.contest_code, self.unit_code
        read = run_operation(
            self, TITLE, lambda: (self.service.drill_down(contest, unit, row.field),)
        )
        if read is None:
            return None
        (found,) = read
        if found is None:
            self._say(
                f"{row.label}: tidak ada baris desa/TPS yang diimpor untuk kecamatan ini; "
                "setiap sumber memberi angka kecamatan saja."
            )
            return None
        where = f"{self.comparison.unit.name} — {self.comparison.contest.title}"
        dialog = DrillDownDialog(
            where,
            row.label,
            found,
            self,
            party_list=self.comparison.contest.is_party_list,
            projectable=True,
            recordable=True,
        )
        self.drill_down_field = row.field
        dialog.projection_asked.connect(self._project_places)
        dialog.recount_asked.connect(self.recount_flow.open)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._drill_down_closed)
        self.drill_down_dialog = dialog
        dialog.open()
        return dialog

    def _drill_down_closed(self) -> None:
        self.drill_down_dialog = None  # deleted on close

    def _project_places(self) -> None:
        self.places_shown.emit(self.contest_code, self.unit_code, self.drill_down_field)

    def confirm_decision(self) -> Confirmation | None:
        """The meeting's decision on an error of the determined values counts only with a
        commissioner's PIN now (None: refused or cancelled, nothing is written)."""
        confirmation = self.approvals.confirm(Action.DECIDE_FINDING)
        if confirmation is None:
            self._say("Keputusan atas temuan perlu konfirmasi PIN komisioner.")
        return confirmation

    def _decide(self, finding: Finding, reason: str) -> bool:
        confirmation = self.confirm_decision()
        if confirmation is None:
            return False
        decided = run_operation(
            self,
            TITLE,
            lambda: self.service.decisions.decide(
                self.contest_code, self.unit_code, finding, reason, confirmation
            ),
        )
        if decided is None:
            return False
        self.refresh()
        self._say(
            f"Keputusan rapat atas temuan {finding.code} dicatat (dikonfirmasi "
            f"{decided.decided_by})."
        )
        return True

    def mark_read(self) -> None:
        def mark() -> bool:
            self.service.corrections.mark_read(self.contest_code, self.unit_code)
            return True

        if run_operation(self, TITLE, mark):
            self.refresh()
            self.pair_read.emit(self.contest_code, self.unit_code)

    def choose_photo(self) -> None:
        name = file_dialogs.open_file(self, "Foto formulir", "Gambar (*.jpg *.jpeg *.png)")
        if name:
            self.attach_photo(Path(name))

    def attach_photo(self, path: Path) -> None:
        source: Source = self.entry_source.currentData()
        stored = run_operation(
            self,
            TITLE,
            lambda: self.service.photos.attach_file(
                self.contest_code, self.unit_code, source.code, path
            ),
        )
        if stored is not None:
            self.show_photo(stored.id)

    def show_photo(self, photo_id: int) -> None:
        data = self.service.photos.photo_data(photo_id)
        if self.photo.show_image(data):
            self.photo_shown.emit(data)

    def _show_first_photo(self) -> None:
        photos = self.service.photos.photos(self.contest_code, self.unit_code)
        if photos:
            self.show_photo(photos[-1].id)
        else:
            self.photo.clear_image()

    def _refresh_if_stale(self, error: InputRejected) -> None:
        """Another station changed the field: show what is stored now behind the refusal."""
        if isinstance(error, ConcurrentEdit):
            selected = self.selected_row()
            self.refresh()
            if selected is not None:
                self.select_field(selected.field)
            self._say("Diubah oleh stasiun lain; tampilan diperbarui.")

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def say(self, text: str) -> None:
        """Tell the operator what happened, below the comparison."""
        self._say(text)

    def incidents_here(self) -> list[tuple[int, str]]:
        """(number, description) of the register entries a correction or a recount of this pair
        may answer: about it, a desa/TPS in it, or the whole meeting."""
        return [
            (i.number, i.description)
            for i in self.service.pleno.incidents()
            if i.contest in (None, self.contest_code)
            and (i.unit is None or i.unit.startswith(self.unit_code))
        ]

    def row_label(self, field: str) -> str:
        return self._label(field)

    def _row_or_say(self, doing: str) -> ComparisonRow | None:
        """The selected row; with none selected the operator is told why nothing happens."""
        row = self.selected_row()
        if row is None:
            if self.model.rowCount() == 0:
                self._say(
                    f"Tidak ada rincian yang ditampilkan untuk {doing}"
                    + (
                        ": tidak ada selisih. Matikan 'Hanya selisih' (Ctrl+D) untuk melihat semua."
                        if self.only_differences.isChecked()
                        else "."
                    )
                )
            else:
                self._say(f"Pilih dulu satu baris rincian untuk {doing}.")
        return row

    def _label(self, field: str) -> str:
        """The field's label as on the form (falls back to the key outside the shown pair)."""
        if self.comparison is not None:
            for row in self.comparison.rows:
                if row.field == field:
                    return row.label
        return field


def note_text(note: SourceNote, kind: str, party_list: bool = False) -> str:
    """One finding or likely misread as users read it: the source by the KPU's name, and the
    row by its label on the form when the message does not name it (a rule's message names
    every row it checks; a legislative rule checks hundreds)."""
    mark = "✖ GALAT" if note.severity == "error" else "⚠ PERINGATAN"
    row = f" · {field_label(note.fields[0], kind)}" if len(note.fields) == 1 else ""
    return f"{mark} {note.code} · {source_title(note.source, party_list)}{row}: {note.message}"


def decision_text(decision: FindingDecision) -> str:
    """One recorded decision in the side list: the finding, the reason and who confirmed it."""
    return (
        f"✔ KEPUTUSAN RAPAT {decision.code}: {decision.message} — {decision.reason} "
        f"(dikonfirmasi {decision.decided_by})"
    )


def correction_text(correction: Correction, label: str, party_list: bool = False) -> str:
    """One line of the corrections list: the field's label, what each source said, the value
    before and the value determined, and who proposed and approved it."""
    c = correction
    said = "; ".join(
        f"{source_title(Source.stored(code), party_list)} {format_number(value)}"
        for code, value in c.sources
    )
    link = f" — keberatan No. {c.incident_number}" if c.incident_number else ""
    return (
        f"{label}: {format_number(c.before)} → {format_number(c.after)}"
        + (f" (tercatat: {said})" if said else "")
        + f" — {c.reason_label}; dasar {c.basis}; diusulkan {c.proposed_by}; "
        f"disetujui {c.approved_by}{link}"
    )


def form_blocks(contest: Contest, fields: list[str]) -> list[tuple[str, int]]:
    """Where each block of a form starts among ``fields``: "I–III" before the votes, each party
    of a legislative contest (its party-only row, candidates and total), then "V"."""
    blocks: list[tuple[str, int]] = []
    seen: set[object] = set()
    for row, field in enumerate(fields):
        number = party_number(field) if contest.is_party_list else None
        party = contest.party(number) if number is not None else None
        if party is not None:
            key: object = party.number
            title = f"Partai {party.number}. {party.name}"
        elif field in RESULT_KEYS or field == RETURNED_NOTICES:
            key, title = "v", "V. Jumlah suara sah dan tidak sah"
        else:
            key, title = "i", "I–III. Data pemilih dan surat suara"
        if key not in seen:
            seen.add(key)
            blocks.append((title, row))
    return blocks


def summary_text(comparison: Comparison) -> str:
    s = comparison.summary
    party_list = comparison.contest.is_party_list
    differing = ", ".join(
        column_title(x, party_list).replace("\n", " ") for x in s.differing_sources
    )
    parts = [
        f"✓ {s.agreeing} rincian sesuai",
        f"≠ {s.differing} rincian berselisih",
        f"★ {s.settled} ditetapkan",
    ]
    if differing:
        parts.append(f"sumber berbeda: {differing}")
    if not comparison.has_reference:
        parts.append("formulir D.Hasil PPK belum tercatat")
    return "   ·   ".join(parts)
