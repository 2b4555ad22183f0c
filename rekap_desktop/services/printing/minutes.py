"""The berita acara data: the meeting's setup, its proceedings as the procedure recorded them,
the register in one line per entry, and each contest's result."""

from __future__ import annotations

from rekap_desktop.documents.berita_acara import ContestResult, MinutesData
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import StoredIncident
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import INVALID, VALID, vote_key
from rekap_desktop.services.printing.legislative import party_results, seat_note
from rekap_desktop.services.printing.recap_forms import (
    kind_label,
    meeting_header,
    members,
    status_label,
)


def minutes_data(
    pleno: Pleno,
    recaps: list[Recap],
    incidents: list[StoredIncident],
    proceedings: list[tuple[str, str]],
    watermark: str | None,
) -> MinutesData:
    results = tuple(_result(pleno, r) for r in recaps)
    lines = tuple(_incident_line(pleno, i) for i in incidents)
    return MinutesData(
        header=meeting_header(pleno, "BERITA ACARA RAPAT PLENO TERBUKA", watermark),
        place=pleno.place,
        held_on=pleno.held_on,
        units=tuple(u.name for u in pleno.units),
        proceedings=tuple(proceedings),
        incidents=lines,
        results=results,
        members=members(pleno),
        witnesses=_witnesses(pleno),
    )


def _result(pleno: Pleno, recap: Recap) -> ContestResult:
    """A contest's result; a legislative one by party total (its seats are a later meeting's)."""
    if recap.contest.is_party_list:
        votes = tuple((f"{p.number}. {p.name}", p.votes) for p in party_results(recap))
        outcome = seat_note(pleno, recap.contest)
    else:
        votes = tuple(
            (c.label("", ". "), recap.total.value(vote_key(c.number)))
            for c in recap.contest.choices
        )
        outcome = recap.outcome.reason
    return ContestResult(
        recap.contest.title, votes, recap.total.value(VALID), recap.total.value(INVALID), outcome
    )


def _witnesses(pleno: Pleno) -> tuple[Signatory, ...]:
    """Every mandated saksi, contest by contest."""
    return tuple(
        Signatory(w.name, f"{contest.title}, nomor urut {w.choice}")
        for contest in pleno.contests
        for w in pleno.witnesses
        if w.contest == contest.code
    )


def _incident_line(pleno: Pleno, incident: StoredIncident) -> str:
    unit = pleno.unit_for(incident.unit) if incident.unit else None
    where = f" ({unit.name})" if unit else ""
    return (
        f"No. {incident.number}: {kind_label(incident.kind)} oleh {incident.raised_by}{where}"
        f" — {status_label(incident.status)}."
    )
