"""What every agenda page of the cockpit shares: the services and a heading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rekap_desktop.domain.procedure import Stop, stop_label
from rekap_desktop.gui.approvals import Approvals, NoApprovals
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService

T = TypeVar("T")


def _shown_nowhere(_photo: bytes) -> None:
    return None


def _places_nowhere(_contest: str, _unit: str, _field: str) -> None:
    return None


@dataclass(frozen=True)
class PageContext:
    meeting: CockpitMeeting
    approvals: Approvals = field(default_factory=NoApprovals)
    """A commissioner's PIN for the guarded actions of a page (corrections, decisions)."""
    show_photo: Callable[[bytes], None] = _shown_nowhere
    """A form photo the operator opened beside the numbers (the projector previews it)."""
    show_places: Callable[[str, str, str], None] = _places_nowhere
    """The desa/TPS of (contest, unit, field) the operator sends to the projector (F5 in the
    rincian desa/TPS)."""

    @property
    def pleno(self) -> PlenoService:
        return self.meeting.pleno

    @property
    def procedure(self) -> ProcedureService:
        return self.meeting.procedure

    @property
    def records(self) -> ProcedureRecords:
        return self.meeting.records

    def unit_name(self, code: str | None) -> str:
        unit = self.pleno.pleno().unit(code or "")
        return f"{unit.code} {unit.name}" if unit else ""

    def contest_title(self, code: str | None) -> str:
        contest = self.pleno.pleno().contest(code or "")
        return contest.title if contest else ""


class AgendaPage(QWidget):
    """One page of the stack; shows the current stop and saves its record on Ctrl+S."""

    editable = False
    """Pages with inputs are re-read only when the stop changes, so no typing is lost."""

    def __init__(self, ctx: PageContext, intro: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.stop = Stop("1")
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size:14pt; font-weight:bold")
        self.heading.setWordWrap(True)
        self.hint = QLabel(intro)
        self.hint.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.hint)

    def show_stop(self, stop: Stop) -> None:
        self.stop = stop
        where = " — ".join(
            p for p in (self.ctx.unit_name(stop.unit), self.ctx.contest_title(stop.contest)) if p
        )
        self.heading.setText(stop_label(stop).split(")")[0] + ")" + (f"\n{where}" if where else ""))
        self.refresh()

    def refresh(self) -> None:
        """Re-read the committed records of ``self.stop``."""

    def focus_target(self) -> QWidget | None:
        """The input that takes the keyboard when the meeting arrives here (None: the
        procedure list, where the cockpit's single keys act)."""
        return None

    def save(self) -> bool:
        """Save this page's record (Ctrl+S); True when saved or nothing to save."""
        return True

    def save_pending(self) -> bool:
        """Before PageDown: save what the operator changed here (never an untouched form)."""
        return self.save()

    def run(self, title: str, action: Callable[[], T]) -> T | None:
        return run_operation(self, title, action)

    def attempt(self, title: str, action: Callable[[], object]) -> bool:
        """Run ``action``; True when it went through, False when refused (dialog shown)."""

        def done() -> bool:
            action()
            return True

        return run_operation(self, title, done) is True
