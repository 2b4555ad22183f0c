"""The berita acara snapshot: the meeting's setup, its proceedings as the procedure recorded them,
the register in one line per entry, and each contest's result."""

from __future__ import annotations

from collections.abc import Mapping

from rekap_desktop.documents.berita_acara import ContestResult, MinutesSnapshot
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import INVALID, VALID, vote_key
from rekap_desktop.services.print_legislative import party_results, seat_outcome
from rekap_desktop.services.print_snapshots import (
    LEVEL_NAMES,
    form_suffix,
    kind_label,
    members,
    region_fields,
    status_label,
)
from rekap_desktop.services.seat_service import SeatResults
from rekap_desktop.storage.repository import StoredIncident


def minutes_snapshot(
    pleno: Pleno,
    recaps: list[Recap],
    incidents: list[StoredIncident],
    proceedings: list[tuple[str, str]],
    watermark: str | None,
    seats: Mapping[str, SeatResults] | None = None,
) -> MinutesSnapshot:
    level, _ = LEVEL_NAMES[pleno.level]
    results = tuple(_result(r, (seats or {}).get(r.contest.code)) for r in recaps)
    lines = tuple(_incident_line(pleno, i) for i in incidents)
    return MinutesSnapshot(
        form_name=f"BERITA ACARA RAPAT PLENO {level}{form_suffix(pleno, None)}",
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        place=pleno.place,
        held_on=pleno.held_on,
        units=tuple(u.name for u in pleno.units),
        proceedings=tuple(proceedings),
        incidents=lines,
        results=results,
        members=members(pleno),
        witnesses=_witnesses(pleno),
        watermark=watermark,
    )


def _result(recap: Recap, seats: SeatResults | None) -> ContestResult:
    """A contest's result; a legislative one by party (total, and seats where allocated)."""
    if recap.contest.is_party_list:
        votes = tuple(
            (
                f"{p.number}. {p.name}" + (f" — {p.seats} kursi" if p.seats is not None else ""),
                p.votes,
            )
            for p in party_results(recap, seats)
        )
        outcome = seat_outcome(seats)
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
