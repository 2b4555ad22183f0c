"""The data of the seat-allocation form (penetapan perolehan kursi dan calon terpilih) from the
seat results of a contest and the meeting's recorded decisions on open ties."""

from __future__ import annotations

from collections.abc import Sequence

from rekap_desktop.documents.perolehan_kursi import (
    DecisionLine,
    ElectedLine,
    PartyElected,
    PartySeats,
    QuotientCell,
    SeatData,
    SeatDistrict,
    StepLine,
)
from rekap_desktop.domain.bodies import LEVEL_NAMES
from rekap_desktop.domain.deciding_level import deciding_body
from rekap_desktop.domain.election import Candidate, Contest, Pleno
from rekap_desktop.domain.legislative import DistrictResult
from rekap_desktop.domain.seat_law import seat_allocation_rule
from rekap_desktop.domain.seats import (
    BY_DECISION,
    KIND_CANDIDATE,
    KIND_SEAT,
    CandidateElection,
    OpenTie,
    SeatStep,
)
from rekap_desktop.services.printing.legislative import candidate_label
from rekap_desktop.services.printing.recap_forms import (
    form_suffix,
    meeting_header,
    members,
)
from rekap_desktop.services.seat_service import SeatResults, TieDecision
from rekap_desktop.text.numbers import format_fraction, format_stored_moment

DPD_ELSEWHERE = (
    f"Calon terpilih anggota DPD ditetapkan oleh {deciding_body('dpd')}, bukan dalam rapat ini."
)


def seat_data(
    pleno: Pleno,
    results: SeatResults,
    decisions: Sequence[TieDecision],
    watermark: str | None,
) -> SeatData:
    contest = results.contest
    _, column = LEVEL_NAMES[pleno.level]
    latest = {d.key: i for i, d in enumerate(decisions)}
    current = [d for i, d in enumerate(decisions) if latest[d.key] == i]
    replaced = [d for i, d in enumerate(decisions) if latest[d.key] != i]
    districts = [_district(contest, r, current, replaced) for r in results.districts]
    if contest.code == "dpd":
        districts.append(_dpd(contest, results.dpd, current, replaced))
    return SeatData(
        header=meeting_header(
            pleno,
            f"PENETAPAN PEROLEHAN KURSI DAN CALON TERPILIH{form_suffix(pleno, contest.code)}",
            watermark,
            contest.title,
        ),
        spread_label=f"{column.lower()} bersuara",
        districts=tuple(districts),
        place=pleno.place,
        determined_on=pleno.held_on,
        members=members(pleno),
        allocation_rule=seat_allocation_rule(contest.code),
    )


def _party_name(contest: Contest, number: int) -> str:
    party = contest.party(number)
    return f"{number}. {party.name}" if party else f"Partai nomor urut {number}"


def _bare_name(contest: Contest, number: int) -> str:
    party = contest.party(number)
    return party.name if party else f"Partai nomor urut {number}"


def _district(
    contest: Contest,
    result: DistrictResult,
    current: list[TieDecision],
    replaced: list[TieDecision],
) -> SeatDistrict:
    district = result.district
    allocation = result.allocation
    eligible = allocation.eligible if allocation else ()
    summary = tuple(
        PartySeats(
            p.party.number,
            p.party.name,
            p.total,
            allocation.party_seats.get(p.party.number, 0) if allocation else 0,
            p.party.number in eligible,
        )
        for p in result.parties
    )
    elected = tuple(_party_elected(contest, result, e) for e in result.elections)
    mine = [d for d in current if _dapil_of(d.key) == district.code]
    old = [d for d in replaced if _dapil_of(d.key) == district.code]
    return SeatDistrict(
        code=district.code,
        name=district.name,
        seats=district.seats,
        reason=result.not_allocated_reason,
        parties=tuple((n, _bare_name(contest, n)) for n in eligible),
        excluded=tuple(_party_name(contest, n) for n in allocation.excluded) if allocation else (),
        steps=tuple(_step(contest, s) for s in allocation.steps) if allocation else (),
        summary=summary if allocation else (),
        elected=elected,
        open_ties=tuple(tie_text(contest, district.code, t) for t in result.open_ties),
        decisions=tuple(_decision(contest, result, d, applies=True) for d in mine)
        + tuple(_decision(contest, result, d, applies=False) for d in old),
    )


def _step(contest: Contest, step: SeatStep) -> StepLine:
    best = max(q.value for q in step.quotients)
    cells = tuple(
        QuotientCell(
            q.party,
            q.votes,
            q.divisor,
            format_fraction(q.votes, q.divisor),
            q.party == step.winner,
            step.winner is None and q.value == best,
        )
        for q in step.quotients
    )
    winner = _party_name(contest, step.winner) if step.winner is not None else ""
    return StepLine(step.seat, cells, winner, step.decided_by)


def tie_text(contest: Contest, district: str, tie: OpenTie) -> str:
    """The domain's message, with the names of the tied parties or candidates."""
    if tie.kind == KIND_SEAT:
        names = [_party_name(contest, n) for n in tie.contenders]
    elif tie.kind == KIND_CANDIDATE:
        party = contest.party(int(tie.key.split(":")[2]))
        listed = {int(c.number): c for c in contest.candidates(party, district)} if party else {}
        names = [
            candidate_label(listed[n]) if n in listed else f"Calon nomor urut {n}"
            for n in tie.contenders
        ]
    else:
        choices = {int(c.number): c.name for c in contest.choices}
        names = [f"{n}. {choices.get(n, '')}".strip() for n in tie.contenders]
    return f"{tie.message} Yang memperoleh hasil sama: {'; '.join(names)}."


def _party_elected(
    contest: Contest, result: DistrictResult, election: CandidateElection
) -> PartyElected:
    number = election.party or 0
    party = contest.party(number)
    names = (
        {int(c.number): _person(c) for c in contest.candidates(party, result.district.code)}
        if party
        else {}
    )
    return PartyElected(
        number,
        party.name if party else str(number),
        election.seats,
        _lines(election, names),
        election.shortfall,
    )


def _person(candidate: Candidate) -> str:
    return f"{candidate.name} ({candidate.sex})" if candidate.sex else candidate.name


def _lines(election: CandidateElection, names: dict[int, str]) -> tuple[ElectedLine, ...]:
    ranking = {c: (votes, spread) for c, votes, spread in election.ranking}
    return tuple(
        ElectedLine(
            order,
            c,
            names.get(c, f"Calon nomor urut {c}"),
            ranking[c][0],
            ranking[c][1],
            election.decided_by[c],
        )
        for order, c in enumerate(election.elected, start=1)
    )


def _dpd(
    contest: Contest,
    election: CandidateElection | None,
    current: list[TieDecision],
    replaced: list[TieDecision],
) -> SeatDistrict:
    elected: tuple[PartyElected, ...] = ()
    ties: tuple[str, ...] = ()
    if election is not None:
        names = {int(c.number): c.name for c in contest.choices}
        lines = _lines(election, names)
        elected = (PartyElected(0, "ANGGOTA DPD", election.seats, lines, election.shortfall),)
        ties = (tie_text(contest, "", election.open_tie),) if election.open_tie else ()
    decisions = tuple(_dpd_decision(contest, election, d, True) for d in current) + tuple(
        _dpd_decision(contest, election, d, False) for d in replaced
    )
    return SeatDistrict(
        code="dpd",
        name="CALON TERPILIH ANGGOTA DPD",
        seats=election.seats if election else 4,
        reason="" if election else DPD_ELSEWHERE,
        parties=(),
        excluded=(),
        steps=(),
        summary=(),
        elected=elected,
        open_ties=ties,
        decisions=decisions,
    )


def _dapil_of(key: str) -> str | None:
    """The dapil a tie key names ("kursi:D:…", "calon:D:…"); None for DPD keys."""
    parts = key.split(":")
    return parts[1] if parts[0] in ("kursi", "calon") and len(parts) > 1 else None


def _decision(
    contest: Contest, result: DistrictResult, record: TieDecision, applies: bool
) -> DecisionLine:
    parts = record.key.split(":")
    chosen = set(record.chosen)
    applied = False
    if parts[0] == "kursi":
        seat = int(parts[2])
        subject = f"Kursi ke-{seat}: hasil bagi sama partai nomor urut {_numbers(parts[3])}"
        picked = "; ".join(_party_name(contest, n) for n in record.chosen)
        steps = result.allocation.steps if result.allocation else ()
        taken = {s.winner for s in steps[seat - 1 :] if s.decided_by == BY_DECISION}
        applied = chosen <= taken
    else:
        number = int(parts[2])
        party = contest.party(number)
        subject = (
            f"{_party_name(contest, number)}, calon terpilih urutan ke-{parts[3]}: suara sama "
            f"calon nomor urut {_numbers(parts[4])}"
        )
        names = (
            {
                int(c.number): candidate_label(c)
                for c in contest.candidates(party, result.district.code)
            }
            if party
            else {}
        )
        picked = "; ".join(names.get(n, f"Calon nomor urut {n}") for n in record.chosen)
        election = next((e for e in result.elections if e.party == number), None)
        applied = election is not None and all(
            election.decided_by.get(n) == BY_DECISION for n in chosen
        )
    return DecisionLine(
        subject,
        picked,
        record.reason,
        record.decided_by,
        format_stored_moment(record.decided_at),
        applies and applied,
    )


def _dpd_decision(
    contest: Contest, election: CandidateElection | None, record: TieDecision, applies: bool
) -> DecisionLine:
    parts = record.key.split(":")
    names = {int(c.number): f"{c.number}. {c.name}" for c in contest.choices}
    subject = f"Anggota DPD terpilih urutan ke-{parts[1]}: suara sama calon nomor urut " + (
        _numbers(parts[2]) if len(parts) > 2 else ""
    )
    applied = election is not None and all(
        election.decided_by.get(n) == BY_DECISION for n in record.chosen
    )
    return DecisionLine(
        subject,
        "; ".join(names.get(n, str(n)) for n in record.chosen),
        record.reason,
        record.decided_by,
        format_stored_moment(record.decided_at),
        applies and applied,
    )


def _numbers(text: str) -> str:
    """ "01,04" → "1 dan 4"."""
    numbers = [str(int(n)) for n in text.split(",") if n]
    return numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " dan " + numbers[-1]
