"""Recapitulation: the sum of the units, and who leads or is elected (incl. calon tunggal)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekap_desktop.domain.election import Contest, Unit
from rekap_desktop.domain.ids import ChoiceNo, RegionCode
from rekap_desktop.domain.tally import VALID, Tally, sum_tallies, vote_key


@dataclass(frozen=True)
class Outcome:
    """Hasil of a non-legislative contest.

    ``number`` is the leading choice (None when nobody leads: no votes or a tie for first place);
    ``elected`` says whether the winner rule is met. A kolom kosong is never elected.
    """

    number: ChoiceNo | None
    elected: bool
    reason: str


@dataclass(frozen=True)
class Recap:
    contest: Contest
    units: tuple[tuple[Unit, Tally], ...]
    total: Tally
    outcome: Outcome


def recapitulate(contest: Contest, units: tuple[Unit, ...], tallies: Mapping[RegionCode, Tally]) -> Recap:
    """Sum every unit's tally (units without a tally are listed with an empty one)."""
    rows = tuple((unit, tallies.get(unit.code, Tally())) for unit in units)
    total = sum_tallies(t for _, t in rows)
    return Recap(contest, rows, total, decide(contest, total))


def decide(contest: Contest, total: Tally) -> Outcome:
    """Winner rule: most votes (UU 10/2016 Pasal 107); calon tunggal needs > 50 % of suara sah
    (UU 10/2016 Pasal 54D)."""
    votes = {c.number: total.value(vote_key(c.number)) or 0 for c in contest.choices}
    if not votes or not any(votes.values()):
        return Outcome(None, False, "Belum ada suara tercatat.")
    if contest.is_single_candidate:
        return _single_candidate(contest, votes, total)
    best = max(votes.values())
    leaders = [n for n, v in votes.items() if v == best]
    if len(leaders) > 1:
        numbers = ", ".join(str(n) for n in sorted(leaders))
        return Outcome(None, False, f"Suara terbanyak sama antara nomor urut {numbers}.")
    return Outcome(leaders[0], True, f"Nomor urut {leaders[0]} memperoleh suara terbanyak.")


def _single_candidate(contest: Contest, votes: Mapping[ChoiceNo, int], total: Tally) -> Outcome:
    pair = next(c for c in contest.choices if not c.blank_column)
    valid = total.value(VALID)
    if valid is None:
        valid = sum(votes.values())
    share = votes[pair.number]
    if 2 * share > valid:
        return Outcome(pair.number, True, "Pasangan calon tunggal memperoleh lebih dari 50% suara sah.")
    return Outcome(
        pair.number,
        False,
        "Pasangan calon tunggal tidak memperoleh lebih dari 50% suara sah (kolom kosong unggul).",
    )
