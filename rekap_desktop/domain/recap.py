"""Recapitulation: the sum of the units, and who leads or is elected (incl. calon tunggal).

Only the meeting whose level determines a contest elects (``deciding_level``); below it the result
names the leader (suara terbanyak) and goes up. An equal first place where this meeting elects is
decided by the spread of the votes over the units (``spread``: UU 10/2016 Pasal 107(2)/109(2)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekap_desktop.domain.deciding_level import AREA_NAMES, decides_here, deciding_body
from rekap_desktop.domain.election import Contest, Level, Unit
from rekap_desktop.domain.ids import ChoiceNo, RegionCode
from rekap_desktop.domain.spread import (
    KABKO_BASIS,
    PROVINCE_BASIS,
    AreaVotes,
    SpreadDecision,
    spread_decision,
)
from rekap_desktop.domain.tally import VALID, Tally, sum_tallies, vote_key
from rekap_desktop.text.numbers import join_and


@dataclass(frozen=True)
class Outcome:
    """Hasil of a non-legislative contest.

    ``number`` is the leading choice (None when nobody leads: no votes or a tie for first place);
    ``elected`` says whether the winner rule is met. A kolom kosong is never elected.
    """

    number: ChoiceNo | None
    elected: bool
    reason: str
    decides_here: bool = True
    """False below the level that determines the contest: ``number`` is only the choice with the
    most votes here (suara terbanyak) and nobody is elected by this meeting."""
    spread: SpreadDecision | None = None
    """The law's decision on an equal first place, with its figures (where this meeting elects)."""


@dataclass(frozen=True)
class Recap:
    contest: Contest
    units: tuple[tuple[Unit, Tally], ...]
    total: Tally
    outcome: Outcome


def recapitulate(
    contest: Contest,
    units: tuple[Unit, ...],
    tallies: Mapping[RegionCode, Tally],
    level: Level = Level.KABKO,
) -> Recap:
    """Sum every unit's tally (units without a tally are listed with an empty one); ``level`` is
    the level of the meeting (it decides whether this meeting elects)."""
    rows = tuple((unit, tallies.get(unit.code, Tally())) for unit in units)
    total = sum_tallies(t for _, t in rows)
    if not decides_here(contest.code, level):
        return Recap(contest, rows, total, leader_only(contest, total))
    areas = tuple(_area(contest, tally) for _, tally in rows)
    return Recap(contest, rows, total, decide(contest, total, areas, AREA_NAMES[level]))


def leader_only(contest: Contest, total: Tally) -> Outcome:
    """Below the deciding level: who has the most votes here; the result goes up undecided."""
    votes = _votes(contest, total)
    body = deciding_body(contest.code)
    if not votes or not any(votes.values()):
        return Outcome(None, False, "Belum ada suara tercatat.", decides_here=False)
    leaders = _leaders(votes)
    if len(leaders) > 1:
        return Outcome(
            None,
            False,
            f"Suara terbanyak sama antara nomor urut {join_and(leaders)}. Hasil rekapitulasi ini "
            f"disampaikan kepada {body}, yang menetapkan hasil pemilihan.",
            decides_here=False,
        )
    leader = leaders[0]
    choice = contest.choice(leader)
    who = "Kolom kosong" if choice is not None and choice.blank_column else f"Nomor urut {leader}"
    return Outcome(
        leader,
        False,
        f"{who} memperoleh suara terbanyak di tingkat ini. Hasil rekapitulasi ini disampaikan "
        f"kepada {body}, yang menetapkan hasil pemilihan.",
        decides_here=False,
    )


def decide(
    contest: Contest, total: Tally, areas: tuple[AreaVotes, ...] = (), area: str = "kecamatan"
) -> Outcome:
    """Winner rule: most votes (UU 10/2016 Pasal 107(1), 109(1)); an equal first place goes to the
    pair more evenly spread over ``areas`` (Pasal 107(2), 109(2)); calon tunggal needs > 50 % of
    suara sah (UU 10/2016 Pasal 54D)."""
    votes = _votes(contest, total)
    if not votes or not any(votes.values()):
        return Outcome(None, False, "Belum ada suara tercatat.")
    leaders = _leaders(votes)
    leader = leaders[0] if len(leaders) == 1 else None
    if contest.is_single_candidate:
        return _single_candidate(contest, votes, total, leader)
    if leader is None:
        return _equal_first(contest, leaders, areas, area)
    choice = contest.choice(leader)
    if choice is not None and choice.blank_column:
        return Outcome(
            leader, False, "Kolom kosong memperoleh suara terbanyak; tidak ada yang terpilih."
        )
    return Outcome(leader, True, f"Nomor urut {leader} memperoleh suara terbanyak.")


def _single_candidate(
    contest: Contest, votes: Mapping[ChoiceNo, int], total: Tally, leader: ChoiceNo | None
) -> Outcome:
    """Calon tunggal: ``number`` is still the leading choice (the kolom kosong when it leads, None
    on a tie); only the pair can be elected, and only with strictly more than half of suara sah."""
    pair = next(c for c in contest.choices if not c.blank_column)
    valid = total.value(VALID)
    if valid is None:
        valid = sum(votes.values())
    # With inconsistent data (R03) the pair could pass 50 % of suara sah and still trail.
    if leader == pair.number and 2 * votes[pair.number] > valid:
        return Outcome(
            pair.number, True, "Pasangan calon tunggal memperoleh lebih dari 50% suara sah."
        )
    not_elected = "Pasangan calon tunggal tidak memperoleh lebih dari 50% suara sah"
    if leader is None:
        return Outcome(None, False, f"{not_elected} (suara sama dengan kolom kosong).")
    if leader != pair.number:
        return Outcome(leader, False, f"{not_elected} (kolom kosong unggul).")
    return Outcome(leader, False, f"{not_elected}.")


_SPREAD_BASIS = {"bupati": KABKO_BASIS, "walikota": KABKO_BASIS, "gubernur": PROVINCE_BASIS}
"""Where the law decides an equal first place by the spread of the votes (Pilkada only)."""


def _votes(contest: Contest, total: Tally) -> dict[ChoiceNo, int]:
    return {c.number: total.value(vote_key(c.number)) or 0 for c in contest.choices}


def _leaders(votes: Mapping[ChoiceNo, int]) -> list[ChoiceNo]:
    best = max(votes.values())
    return sorted(n for n, v in votes.items() if v == best)


def _area(contest: Contest, tally: Tally) -> AreaVotes:
    votes = _votes(contest, tally)
    valid = tally.value(VALID)
    return AreaVotes(votes, sum(votes.values()) if valid is None else valid)


def _equal_first(
    contest: Contest, leaders: list[ChoiceNo], areas: tuple[AreaVotes, ...], area: str
) -> Outcome:
    basis = _SPREAD_BASIS.get(contest.code)
    if not areas or basis is None:
        # without the units (or outside a Pilkada) no spread rule applies here
        return Outcome(None, False, f"Suara terbanyak sama antara nomor urut {join_and(leaders)}.")
    decision = spread_decision(leaders, areas, area=area, basis=basis)
    winner = decision.winner
    choice = contest.choice(winner) if winner is not None else None
    elected = choice is not None and not choice.blank_column
    return Outcome(winner, elected, decision.summary(), spread=decision)
