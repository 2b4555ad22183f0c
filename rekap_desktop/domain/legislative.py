"""Results of legislative contests per dapil: party and candidate votes, seats and who is elected.

A legislative contest is recapitulated dapil by dapil: the candidate rows of one dapil are other
persons than those of the next, so only party votes add up across dapils. Seats are allocated
where this meeting holds the whole dapil (every entry of the dapil is a unit of the meeting) and,
for DPR, only at the national level, where the 4 % threshold can be computed (UU 7/2017 Pasal 414).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rekap_desktop.domain.deciding_level import AREA_NAMES, decides_here, deciding_body
from rekap_desktop.domain.election import Candidate, Contest, District, Level, Party, Unit
from rekap_desktop.domain.ids import RegionCode
from rekap_desktop.domain.seats import (
    BELOW_KECAMATAN,
    CandidateElection,
    OpenTie,
    SeatAllocation,
    SpreadTier,
    allocate_seats,
    elect_candidates,
    elect_dpd,
    eligible_parties,
)
from rekap_desktop.domain.tally import (
    Tally,
    candidate_key,
    party_key,
    party_totals,
    sum_tallies,
    vote_key,
)

DPD_SEATS = 4
"""Members of the DPD per province."""


@dataclass(frozen=True)
class PartyVotes:
    party: Party
    party_only: int
    candidates: tuple[tuple[Candidate, int], ...]
    """The dapil's candidates in ballot order with their votes."""

    @property
    def total(self) -> int:
        return self.party_only + sum(v for _, v in self.candidates)


@dataclass(frozen=True)
class DistrictResult:
    district: District
    units: tuple[Unit, ...]
    total: Tally
    parties: tuple[PartyVotes, ...]
    allocation: SeatAllocation | None
    """None where this meeting does not determine the dapil's seats."""
    elections: tuple[CandidateElection, ...]
    """One per party that won a seat, in ballot order."""
    not_allocated_reason: str = ""

    @property
    def open_ties(self) -> tuple[OpenTie, ...]:
        ties = [self.allocation.open_tie] if self.allocation else []
        ties += [e.open_tie for e in self.elections]
        return tuple(t for t in ties if t is not None)

    def seats_of(self, party: int) -> int | None:
        return self.allocation.party_seats.get(party, 0) if self.allocation else None

    def elected_of(self, party: int) -> tuple[int, ...]:
        return next((e.elected for e in self.elections if e.party == party), ())


def determines_seats(contest: Contest, level: Level) -> bool:
    """Seats and elected candidates are determined by the meeting that decides the contest:
    DPRD by its own KPU, DPR (threshold) and DPD by the KPU (``deciding_level``)."""
    return contest.is_party_list and decides_here(contest.code, level)


def district_results(
    contest: Contest,
    level: Level,
    units: Sequence[Unit],
    tallies: Mapping[RegionCode, Tally],
    decisions: Mapping[str, tuple[int, ...]],
) -> tuple[DistrictResult, ...]:
    """Every dapil of a legislative contest, with seats and elected candidates where determined."""
    eligible = _eligible(contest, level, tallies)
    return tuple(
        _district(contest, level, district, units, tallies, eligible, decisions)
        for district in contest.districts
    )


def _eligible(
    contest: Contest, level: Level, tallies: Mapping[RegionCode, Tally]
) -> frozenset[int] | None:
    """DPR: the parties with at least 4 % of the national valid votes; others: every party."""
    if contest.code != "dpr":
        return None
    national: dict[int, int] = {}
    for tally in tallies.values():
        for party, votes in party_totals(contest, tally, None).items():
            national[party] = national.get(party, 0) + votes
    return eligible_parties(national)


def _district(
    contest: Contest,
    level: Level,
    district: District,
    units: Sequence[Unit],
    tallies: Mapping[RegionCode, Tally],
    eligible: frozenset[int] | None,
    decisions: Mapping[str, tuple[int, ...]],
) -> DistrictResult:
    members = tuple(u for u in units if contest.district_of(u.code) == district)
    rows = [tallies.get(u.code, Tally()) for u in members]
    total = sum_tallies(rows)
    parties = tuple(_party_votes(contest, p, district.code, total) for p in contest.parties)
    reason = _why_not_allocated(contest, level, district, units)
    if reason:
        return DistrictResult(district, members, total, parties, None, (), reason)
    votes: dict[int, int] = {p.party.number: p.total for p in parties}
    allocation = allocate_seats(
        votes, district.seats, dapil=district.code, eligible=eligible, decisions=decisions
    )
    elections = tuple(
        _elect(contest, level, district, p, allocation.party_seats[p.party.number], rows, decisions)
        for p in parties
        if allocation.party_seats.get(p.party.number, 0) > 0
    )
    return DistrictResult(district, members, total, parties, allocation, elections)


def _why_not_allocated(
    contest: Contest, level: Level, district: District, units: Sequence[Unit]
) -> str:
    if not determines_seats(contest, level):
        body = deciding_body(contest.code)
        return f"Perolehan kursi pemilihan ini ditetapkan oleh {body}, bukan dalam rapat ini."
    codes = {u.code for u in units}
    if any(entry not in codes for entry in district.units):
        return f"Dapil {district.code} tidak seluruhnya berada dalam rapat ini."
    return ""


def _party_votes(contest: Contest, party: Party, district: str, total: Tally) -> PartyVotes:
    candidates = tuple(
        (c, total.value(candidate_key(party.number, c.number)) or 0)
        for c in contest.candidates(party, district)
    )
    return PartyVotes(party, total.value(party_key(party.number)) or 0, candidates)


def _elect(
    contest: Contest,
    level: Level,
    district: District,
    party: PartyVotes,
    seats: int,
    rows: Sequence[Tally],
    decisions: Mapping[str, tuple[int, ...]],
) -> CandidateElection:
    number = party.party.number
    keys = {c.number: candidate_key(number, c.number) for c, _ in party.candidates}
    return elect_candidates(
        number,
        seats,
        {c.number: v for c, v in party.candidates},
        dapil=district.code,
        spread={n: sum(1 for t in rows if (t.value(k) or 0) > 0) for n, k in keys.items()},
        women=[c.number for c, _ in party.candidates if c.sex == "P"],
        ballot_order=[c.number for c, _ in party.candidates],
        decisions=decisions,
        unit_name=AREA_NAMES[level],
        finer=_finer_tiers(level),
    )


_TIERS_DOWN = (
    SpreadTier("kabupaten/kota", "Model D.Hasil Kabupaten/Kota"),
    SpreadTier("kecamatan", "Model D.Hasil Kecamatan"),
    *BELOW_KECAMATAN,
)


def _finer_tiers(level: Level) -> tuple[SpreadTier, ...]:
    """The tiers of PKPU 6/2024 Pasal 29 below the meeting's units, down to the TPS; the program
    holds votes per unit only, so none of them carries data."""
    names = [t.name for t in _TIERS_DOWN]
    unit = AREA_NAMES[level]
    return _TIERS_DOWN[names.index(unit) + 1 :] if unit in names else _TIERS_DOWN


def dpd_result(
    contest: Contest,
    level: Level,
    rows: Collection[Tally],
    decisions: Mapping[str, tuple[int, ...]],
) -> CandidateElection | None:
    """The DPD's four for the province; None where this meeting does not cover a province."""
    if contest.code != "dpd" or level not in (Level.PROVINSI, Level.NASIONAL):
        return None
    total = sum_tallies(rows)
    votes: dict[int, int] = {
        c.number: total.value(vote_key(c.number)) or 0 for c in contest.choices
    }
    spread: dict[int, int] = {
        c.number: sum(1 for t in rows if (t.value(vote_key(c.number)) or 0) > 0)
        for c in contest.choices
    }
    return elect_dpd(votes, spread=spread, seats=DPD_SEATS, decisions=decisions)
