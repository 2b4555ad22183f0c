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


def recapitulate(
    contest: Contest, units: tuple[Unit, ...], tallies: Mapping[RegionCode, Tally]
) -> Recap:
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
    best = max(votes.values())
    leaders = [n for n, v in votes.items() if v == best]
    leader = leaders[0] if len(leaders) == 1 else None
    if contest.is_single_candidate:
        return _single_candidate(contest, votes, total, leader)
    if leader is None:
        numbers = ", ".join(str(n) for n in sorted(leaders))
        return Outcome(None, False, f"Suara terbanyak sama antara nomor urut {numbers}.")
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
