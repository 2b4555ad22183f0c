"""The errors of the determined values and the meeting's decisions, as the D.Hasil and the berita
acara print them (a form breaking its own arithmetic is never printed without saying so)."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from rekap_desktop.documents.berita_acara import MinutesData
from rekap_desktop.documents.d_hasil import DHasilData
from rekap_desktop.documents.d_hasil_legislatif import LegislativeDHasilData
from rekap_desktop.documents.finding_notes import FindingNote
from rekap_desktop.domain import clock
from rekap_desktop.services.finding_decisions import DeterminedError, FindingDecisionService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.numbers import format_date

Noted = TypeVar("Noted", DHasilData, LegislativeDHasilData, MinutesData)


def finding_notes(pleno: PlenoService, contest: str | None) -> tuple[FindingNote, ...]:
    """Every error of the determined values (of one contest, or all), kecamatan by kecamatan."""
    return tuple(_note(e) for e in FindingDecisionService(pleno).determined_errors(contest))


def with_findings(data: Noted, notes: tuple[FindingNote, ...]) -> Noted:
    """``data`` carrying the notes (unchanged when there are none)."""
    return replace(data, findings=notes) if notes else data


def _note(error: DeterminedError) -> FindingNote:
    decision = error.decision
    at = ""
    if decision is not None:
        moment = clock.parse(decision.at)
        at = f"{format_date(moment.date())} pukul {moment:%H.%M}"
    return FindingNote(
        error.unit.name,
        error.contest.title,
        error.finding.code,
        error.finding.message,
        decision.reason if decision else None,
        decision.decided_by if decision else None,
        at,
    )
