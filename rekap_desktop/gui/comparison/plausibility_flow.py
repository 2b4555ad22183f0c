"""The plausibility warnings of the pair being read, in the findings list, and the meeting's
override of one (Ctrl+Shift+T): the reason in a dialog, then a commissioner's PIN through the
cockpit's Approvals; an overridden warning is listed as "diabaikan oleh …: alasan"."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt

from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import Source, source_title
from rekap_desktop.gui.comparison.plausibility_override_dialog import PlausibilityOverrideDialog
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.services.plausibility_service import Raised

if TYPE_CHECKING:
    from rekap_desktop.gui.comparison.widget import ComparisonWidget

TITLE = "Abaikan temuan kewajaran"


class PlausibilityFlow(QObject):
    def __init__(self, widget: ComparisonWidget) -> None:
        super().__init__(widget)
        self.warnings: list[Raised] = []
        """The pair's warnings as last listed, each with its override (or None)."""
        self.dialog: PlausibilityOverrideDialog | None = None
        """The override being entered, while it is open."""

    @property
    def widget(self) -> ComparisonWidget:
        # Its Qt parent, not a Python reference: a Python cycle through two Qt objects may be
        # collected on a worker thread, which crashes Qt.
        return cast("ComparisonWidget", self.parent())

    def notes(self, party_list: bool) -> list[str]:
        """The pair's warnings read again, as the findings list shows them."""
        widget = self.widget
        self.warnings = widget.service.warnings.unit_warnings(widget.contest_code, widget.unit_code)
        return [warning_text(w, party_list) for w in self.warnings]

    def open(self) -> PlausibilityOverrideDialog | None:
        """Ctrl+Shift+T: choose a warning still open, type the reason, Enter, the PIN."""
        widget = self.widget
        comparison = widget.comparison
        if comparison is None:
            return None
        shown = run_operation(widget, TITLE, lambda: self.notes(comparison.contest.is_party_list))
        if shown is None:
            return None
        open_ones = [w.finding for w in self.warnings if w.override is None]
        if not open_ones:
            widget.say("Tidak ada temuan kewajaran yang terbuka pada kecamatan × pemilihan ini.")
            return None
        party_list = comparison.contest.is_party_list
        dialog = PlausibilityOverrideDialog(
            f"{comparison.unit.name} — {comparison.contest.title}",
            open_ones,
            lambda finding: plausibility_text(finding, party_list),
            widget,
            submit=self._override,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self) -> None:
        self.dialog = None  # deleted on close

    def _override(self, finding: Implausible, reason: str) -> bool:
        widget = self.widget
        confirmation = widget.approvals.confirm(Action.OVERRIDE_PLAUSIBILITY)
        if confirmation is None:
            widget.say("Mengabaikan temuan kewajaran perlu konfirmasi PIN komisioner.")
            return False
        made = run_operation(
            widget,
            TITLE,
            lambda: widget.service.warnings.override(finding, reason, confirmation),
        )
        if made is None:
            return False
        widget.refresh()
        widget.say(f"Temuan kewajaran {made.code} diabaikan (dikonfirmasi {made.overridden_by}).")
        return True


def plausibility_text(warning: Implausible, party_list: bool = False) -> str:
    """A plausibility warning: the source, the TPS when it is about one, the message."""
    place = warning.place
    where = f" · TPS {place.code[-3:]} ({place.code})" if place.code != place.unit else ""
    source = source_title(Source.stored(place.source), party_list)
    return f"{warning.code} · {source}{where}: {warning.message}"


def warning_text(warning: Raised, party_list: bool = False) -> str:
    """One line of the findings list: a warning, or the override of it instead."""
    text = plausibility_text(warning.finding, party_list)
    made = warning.override
    if made is None:
        return f"⚠ KEWAJARAN {text}"
    return f"✔ KEWAJARAN {text} — diabaikan oleh {made.overridden_by}: {made.reason}"
