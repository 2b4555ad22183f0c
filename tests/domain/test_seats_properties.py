"""Properties of the Sainte-Laguë allocation and the candidate ranking, for any votes."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.seats import (
    BY_VOTES,
    SeatAllocation,
    allocate_seats,
    elect_candidates,
    elect_dpd,
    eligible_parties,
)

# Small vote counts make equal quotients (and so ties) frequent; large ones make them rare.
party_votes = st.dictionaries(
    st.integers(min_value=1, max_value=18),
    st.one_of(st.integers(0, 60), st.integers(0, 500_000)),
    min_size=1,
    max_size=18,
)
dapil_seats = st.integers(min_value=1, max_value=12)


def allocate(votes: dict[int, int], seats: int) -> SeatAllocation:
    return allocate_seats(votes, seats, dapil="P")


def reference_seats(votes: dict[int, int], seats: int) -> Counter[int] | None:
    """Sainte-Laguë the other way round: the ``seats`` largest of all quotients votes/(2k+1).

    None when the last seat taken and the first one left share a value (a tie this method cannot
    settle) or when a 0 quotient would take a seat.
    """
    quotients = sorted(
        ((Fraction(v, 2 * k + 1), p) for p, v in votes.items() for k in range(seats)),
        key=lambda item: item[0],
        reverse=True,
    )
    taken, rest = quotients[:seats], quotients[seats:]
    if taken[-1][0] == 0 or (rest and rest[0][0] == taken[-1][0]):
        return None
    return Counter(p for _, p in taken)


@given(party_votes, dapil_seats)
def test_the_allocation_equals_the_largest_quotients_overall(
    votes: dict[int, int], seats: int
) -> None:
    # GIVEN any votes without a tie across the last seat
    expected = reference_seats(votes, seats)

    # WHEN the seats are allocated one at a time
    result = allocate(votes, seats)

    # THEN each party has as many seats as it has among the largest quotients overall
    if expected is not None:
        assert result.open_tie is None
        assert dict(result.party_seats) == {p: expected[p] for p in votes}


@given(party_votes, dapil_seats)
def test_every_seat_is_allocated_unless_a_tie_is_open(votes: dict[int, int], seats: int) -> None:
    result = allocate(votes, seats)
    winners = [s.winner for s in result.steps]
    if result.open_tie is None:
        assert result.allocated == seats
        assert len(result.steps) == seats and None not in winners
    else:
        # the open tie is the last step, for no more places than seats are left
        assert winners[-1] is None and None not in winners[:-1]
        assert result.allocated == len(result.steps) - 1 < seats
        assert 1 <= result.open_tie.places <= seats - result.allocated
        assert result.open_tie.places < len(result.open_tie.contenders) or all(
            votes[p] == 0 for p in result.open_tie.contenders
        )
    assert Counter(w for w in winners if w is not None) == {
        p: n for p, n in result.party_seats.items() if n
    }


@given(party_votes, dapil_seats)
def test_more_votes_never_mean_fewer_seats(votes: dict[int, int], seats: int) -> None:
    result = allocate(votes, seats)
    if result.open_tie is None:
        for p in votes:
            for q in votes:
                if votes[p] > votes[q]:
                    assert result.party_seats[p] >= result.party_seats[q]


@given(party_votes, dapil_seats)
def test_one_more_seat_never_takes_a_seat_away(votes: dict[int, int], seats: int) -> None:
    smaller, larger = allocate(votes, seats), allocate(votes, seats + 1)
    if smaller.open_tie is None and larger.open_tie is None:
        assert all(larger.party_seats[p] >= smaller.party_seats[p] for p in votes)
        # and the first seats are handed out the same way
        assert larger.steps[:seats] == smaller.steps


@given(party_votes, dapil_seats)
def test_winning_quotients_never_increase(votes: dict[int, int], seats: int) -> None:
    result = allocate(votes, seats)
    values = [
        next(q.value for q in step.quotients if q.party == step.winner)
        for step in result.steps
        if step.winner is not None
    ]
    assert values == sorted(values, reverse=True)
    # and each winner had the largest quotient at its step
    for step in result.steps:
        if step.winner is not None:
            best = max(q.value for q in step.quotients)
            assert next(q.value for q in step.quotients if q.party == step.winner) == best > 0


@given(party_votes, dapil_seats)
def test_parties_below_the_threshold_take_no_part(votes: dict[int, int], seats: int) -> None:
    eligible = eligible_parties(votes)
    total = sum(votes.values())
    assert eligible == {p for p, v in votes.items() if total and 100 * v >= 4 * total}
    if not eligible:
        return
    result = allocate_seats(votes, seats, dapil="P", eligible=eligible)
    assert set(result.excluded) == set(votes) - eligible
    assert set(result.party_seats) == eligible
    assert all(q.party in eligible for step in result.steps for q in step.quotients)


@given(party_votes, dapil_seats, st.randoms(use_true_random=False))
def test_the_order_of_the_votes_does_not_matter(
    votes: dict[int, int], seats: int, rnd: Random
) -> None:
    items = list(votes.items())
    rnd.shuffle(items)
    first, second = allocate(votes, seats), allocate(dict(items), seats)
    assert first == second
    if first.open_tie is not None:
        # the meeting's choice (any valid one) applies the same way whatever the order
        tie = first.open_tie
        decision = {tie.key: tie.contenders[: tie.places]}
        decided = allocate_seats(votes, seats, dapil="P", decisions=decision)
        assert decided == allocate_seats(dict(items), seats, dapil="P", decisions=decision)
        assert decided.allocated > first.allocated


def test_eighteen_parties_and_twelve_seats_are_one_pass_per_seat() -> None:
    # GIVEN the largest DPRD case: 18 parties, 12 seats
    votes = {p: 1_000 * p + 7 * p * p for p in range(1, 19)}

    # WHEN allocated
    result = allocate(votes, 12)

    # THEN 12 steps of 18 quotients each — the work is seats × parties
    assert result.open_tie is None
    assert [len(s.quotients) for s in result.steps] == [18] * 12


candidate_votes = st.lists(st.integers(0, 40), min_size=0, max_size=12)


@settings(max_examples=200)
@given(candidate_votes, st.integers(1, 12), st.data())
def test_elected_candidates_have_at_least_the_votes_of_everyone_left_out(
    counts: list[int], seats: int, data: st.DataObject
) -> None:
    # GIVEN any candidates, spreads that fit their votes and any women among them
    votes = {n: v for n, v in enumerate(counts, start=1)}
    spread = {n: (data.draw(st.integers(1, 5)) if v else 0) for n, v in votes.items()}
    women = data.draw(st.sets(st.sampled_from(sorted(votes)))) if votes else set()

    # WHEN the party's seats are given to its candidates
    result = elect_candidates(
        3, seats, votes, dapil="P", spread=spread, women=women, ballot_order=sorted(votes)
    )

    # THEN nobody left out beats an elected candidate
    elected, left_out = set(result.elected), set(votes) - set(result.elected)
    assert all(votes[e] >= votes[o] for e in elected for o in left_out)
    assert result.shortfall == max(0, seats - len(votes))
    assert [c for c, _, _ in result.ranking][: len(elected)] == list(result.elected)
    assert sorted(c for c, _, _ in result.ranking) == sorted(votes)
    if result.open_tie is None:
        assert len(elected) == min(seats, len(votes))
    else:
        tie = result.open_tie
        assert len(elected) + tie.places == min(seats, len(votes))
        assert len(tie.contenders) > tie.places and not set(tie.contenders) & elected
        assert len({votes[c] for c in tie.contenders}) == 1
        assert len({spread[c] for c in tie.contenders}) == 1
    # AND nobody is elected by votes alone who ranks below someone left out
    for c, reason in result.decided_by.items():
        if reason == BY_VOTES:
            assert all(votes[c] > votes[o] for o in left_out)


@given(st.dictionaries(st.integers(1, 40), st.integers(0, 30), max_size=40), st.data())
def test_dpd_elects_the_most_votes_and_leaves_only_ties_open(
    votes: dict[int, int], data: st.DataObject
) -> None:
    spread = {n: (data.draw(st.integers(1, 9)) if v else 0) for n, v in votes.items()}
    reordered = dict(sorted(votes.items(), reverse=True))
    result = elect_dpd(votes, spread=spread)
    assert result == elect_dpd(reordered, spread=spread)
    left_out = set(votes) - set(result.elected)
    assert all(votes[e] >= votes[o] for e in result.elected for o in left_out)
    places = min(4, len(votes))
    if result.open_tie is None:
        assert len(result.elected) == places
    else:
        assert len(result.elected) + result.open_tie.places == places
        assert len({votes[c] for c in result.open_tie.contenders}) == 1
