"""From a place in the rincian desa/TPS to its recorded check and the correction it leads to.

Ctrl+U on a TPS or desa in the rincian closes the rincian and opens the record of the
pencocokan / penghitungan suara ulang; once a commissioner confirms it with their PIN, the
comparison's correction dialog opens on the same row with the kecamatan value the check implies,
the reason "Hasil pencocokan/penghitungan ulang" and its berita acara as the basis — Enter and the
approving commissioner's PIN settle it, Esc leaves the value as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recounts import OUTCOME_LABELS, Outcome, Recount, RecountEntry
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.comparison.correction_dialog import Prefill
from rekap_desktop.gui.comparison.recount_dialog import RecountDialog
from rekap_desktop.gui.operations import run_operation

if TYPE_CHECKING:
    from rekap_desktop.gui.comparison.widget import ComparisonWidget

TITLE = "Pencocokan / penghitungan suara ulang"


class RecountFlow(QObject):
    def __init__(self, widget: ComparisonWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        """Held from here, so the comparison outlives the dialogs it deletes later: reached
        through the Qt parent instead, a test's widget was freed as its function returned and
        a dialog's pending deletion then crashed. The cycle this makes is collected on the GUI
        thread (gui/heap.py)."""
        self.dialog: RecountDialog | None = None
        """The record being entered, while it is open."""
        self.recorded: Recount | None = None
        """The check just recorded, until its correction is offered."""

    @property
    def widget(self) -> ComparisonWidget:
        return self._widget

    def open(self, codes: list[str]) -> RecountDialog | None:
        """The record of a check of the places ``codes`` (lines of the rincian now shown)."""
        widget = self.widget
        places = widget.drill_down_dialog
        comparison = widget.comparison
        if places is None or comparison is None:
            return None
        lines = [ln for ln in places.found.lines if ln.code in codes]
        if not lines:
            return None
        field = FieldKey(widget.drill_down_field)
        titles = [places.titles[code] for code in places.found.sources]
        places.done(0)
        contest, unit = widget.contest_code, widget.unit_code
        dialog = RecountDialog(
            (contest, unit),
            (field, widget.row_label(field)),
            lines,
            titles,
            self._witnesses(),
            widget.incidents_here(),
            widget,
            submit=self._record,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._offer_correction)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _witnesses(self) -> list[str]:
        pleno = self.widget.service.pleno.pleno()
        contest = self.widget.contest_code
        names = [
            f"Saksi nomor urut {w.choice}: {w.name}"
            for w in pleno.witnesses
            if w.contest == contest
        ]
        names += [
            f"{o.institution or 'Pemantau'}: {o.name}"
            for o in pleno.observers
            if o.contest in (None, contest)
        ]
        return names

    def _record(self, entry: RecountEntry) -> bool:
        widget = self.widget
        confirmation = widget.approvals.confirm(Action.RECORD_RECOUNT)
        if confirmation is None:
            widget.say("Pencocokan/penghitungan ulang perlu konfirmasi PIN komisioner.")
            return False
        recount = run_operation(
            widget, TITLE, lambda: widget.service.recounts.record(entry, confirmation)
        )
        if recount is None:
            return False
        self.recorded = recount
        widget.refresh()
        widget.say(f"{recount.title} dicatat: {OUTCOME_LABELS[recount.outcome]}.")
        return True

    def _closed(self) -> None:
        self.dialog = None  # deleted on close

    def _offer_correction(self) -> None:
        recount, self.recorded = self.recorded, None
        if recount is None or recount.outcome is Outcome.DITOLAK or not recount.entry.found:
            return
        widget = self.widget
        field = recount.entry.found[0].field
        suggested = run_operation(
            widget, TITLE, lambda: (widget.service.recounts.suggested_value(recount, field),)
        )
        if suggested is None:
            return
        widget.select_field(field)
        entry = recount.entry
        widget.correct_with(
            Prefill(
                after=suggested[0],
                reason=Reason.HITUNG_ULANG,
                basis=recount.title,
                proposed_by=entry.proposed_by,
                incident_number=entry.incident_number,
                recount_number=recount.number,
            )
        )
