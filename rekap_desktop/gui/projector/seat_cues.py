"""The seat result of a dapil on the projector, so the room can follow the allocation: each seat
with the party that won it and its hasil bagi (UU 7/2017 Pasal 415), then the calon terpilih in
order of votes (Pasal 422). Built from the recapitulation and the recorded decisions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rekap_desktop.domain.election import Candidate
from rekap_desktop.domain.legislative import DistrictResult, PartyVotes
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.seats import BY_QUOTIENT, BY_VOTES, TIE_PENDING, format_quotient
from rekap_desktop.gui.projector.cues import _region_title
from rekap_desktop.gui.projector.scenes import (
    PROVISIONAL,
    Determined,
    LogoScene,
    Scene,
    SeatLine,
    SeatScene,
    banner_for,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.seat_service import seat_results
from rekap_desktop.text.numbers import format_number

PAGES_PER_DISTRICT = 2
STEPS_NOTE = "Sainte-Laguë: suara partai dibagi 1, 3, 5, 7, … (UU 7/2017 Pasal 415)"
ELECTED_NOTE = "Calon terpilih: suara terbanyak dalam partai (UU 7/2017 Pasal 422)"
PENDING = "⚠ menunggu keputusan rapat"


@dataclass(frozen=True)
class SeatCue:
    """``index`` walks the dapil: for each, its seat steps then its elected candidates."""

    contest: str
    index: int = 0

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        banner = banner_for(service.is_demo(), determined)
        try:
            results = seat_results(service, self.contest)
        except InputRejected:
            return LogoScene(banner, _region_title(service.pleno()))
        districts = [d for d in results.districts if d.allocation is not None]
        if not districts:
            return LogoScene(banner, _region_title(service.pleno()))
        pages = PAGES_PER_DISTRICT * len(districts)
        index = self.index % pages
        result = districts[index // PAGES_PER_DISTRICT]
        district = result.district
        subtitle = f"Perolehan kursi · Dapil {district.name} ({district.seats} kursi)"
        if index % PAGES_PER_DISTRICT == 0:
            headers = ("Kursi", "Partai", "Hasil bagi", "Dasar")
            lines, note = _step_lines(result), STEPS_NOTE
        else:
            headers = ("No.", "Calon terpilih · partai", "Suara", "Dasar")
            lines, note = _elected_lines(result), ELECTED_NOTE
        return SeatScene(
            banner,
            results.contest.title,
            subtitle,
            headers,
            lines,
            note,
            index + 1,
            pages,
            _provisional(service, self.contest),
        )

    def stepped(self, step: int, service: PlenoService) -> SeatCue:
        scene = self.build(service, False)
        pages = scene.pages if isinstance(scene, SeatScene) else 1
        return replace(self, index=(self.index + step) % pages)

    def for_district(self, service: PlenoService, code: str) -> SeatCue:
        """The first page (seat steps) of one dapil."""
        results = seat_results(service, self.contest)
        codes = [d.district.code for d in results.districts if d.allocation is not None]
        position = codes.index(code) if code in codes else 0
        return replace(self, index=PAGES_PER_DISTRICT * position)


def _provisional(service: PlenoService, contest: str) -> str:
    """The SEMENTARA label while some kecamatan of the contest are not yet read out (counted as
    the cockpit and the recapitulation scene count them)."""
    from rekap_desktop.services.corrections_service import finished_pairs  # loads late

    units = [u.code for u in service.pleno().units]
    read = {unit for c, unit in finished_pairs(service) if c == contest}
    done = sum(unit in read for unit in units)
    if done == len(units):
        return ""
    return f"{PROVISIONAL} ({done} dari {len(units)} kecamatan)"


def _basis(text: str, usual: str) -> str:
    """The basis only when it is not the usual one (the hall reads the exceptions)."""
    if text == TIE_PENDING:
        return PENDING
    return "" if text == usual else text.split(" (")[0]


def _step_lines(result: DistrictResult) -> tuple[SeatLine, ...]:
    assert result.allocation is not None
    # The party's number after its name: "ke-1  PARTAI … (No. 3)" never reads as seat 13.
    names: dict[int, str] = {
        p.party.number: f"{p.party.name} (No.\u00a0{p.party.number})" for p in result.parties
    }
    lines = []
    for step in result.allocation.steps:
        won = next((q for q in step.quotients if q.party == step.winner), None)
        lines.append(
            SeatLine(
                f"ke-{step.seat}",
                names.get(step.winner, "—") if step.winner is not None else "—",
                format_quotient(won) if won else "",
                _basis(step.decided_by, BY_QUOTIENT),
            )
        )
    return tuple(lines)


def _elected_lines(result: DistrictResult) -> tuple[SeatLine, ...]:
    parties: dict[int, PartyVotes] = {p.party.number: p for p in result.parties}
    lines: list[SeatLine] = []
    for election in result.elections:
        votes = parties.get(election.party) if election.party is not None else None
        if votes is None:
            continue
        candidates: dict[int, tuple[Candidate, int]] = {
            c.number: (c, v) for c, v in votes.candidates
        }
        for number in election.elected:
            candidate, count = candidates[number]
            lines.append(
                SeatLine(
                    str(len(lines) + 1),
                    f"{candidate.name} · {votes.party.number}. {votes.party.name}",
                    format_number(count),
                    _basis(election.decided_by.get(number, ""), BY_VOTES),
                )
            )
        if election.open_tie is not None:
            lines.append(
                SeatLine(
                    str(len(lines) + 1),
                    f"? · {votes.party.number}. {votes.party.name}",
                    "",
                    PENDING,
                )
            )
    return tuple(lines)
