"""Perolehan kursi (Sainte-Laguë) and calon terpilih: worked examples and every kind of tie."""

from __future__ import annotations

from fractions import Fraction

import pytest

from rekap_desktop.domain.seats import (
    BY_BALLOT,
    BY_DECISION,
    BY_QUOTIENT,
    BY_SPREAD,
    BY_VOTES,
    BY_WOMAN,
    TIE_PENDING,
    OpenTie,
    Quotient,
    SeatAllocation,
    SpreadTier,
    allocate_seats,
    elect_candidates,
    elect_dpd,
    eligible_parties,
)

# Parties A…E of the explainers' example, by ballot number.
A, B, C, D, E = 1, 2, 3, 4, 5


def winners(allocation: SeatAllocation) -> list[tuple[int, int | None, Fraction, str]]:
    """(seat, winner, winning quotient, decided_by) of every step."""
    rows = []
    for step in allocation.steps:
        by_party = {q.party: q for q in step.quotients}
        value = by_party[step.winner].value if step.winner is not None else Fraction(-1)
        rows.append((step.seat, step.winner, value, step.decided_by))
    return rows


# --- Worked examples -------------------------------------------------------------------------


def test_six_seats_follow_the_explainers_example() -> None:
    # GIVEN a dapil of 6 seats: A 30.000, B 20.000, C 15.000, D 7.000, E 5.000
    votes = {A: 30_000, B: 20_000, C: 15_000, D: 7_000, E: 5_000}

    # WHEN the seats are allocated
    result = allocate_seats(votes, 6, dapil="Kota 1")

    # THEN by hand: 30.000:1 A, 20.000:1 B, 15.000:1 C, 30.000:3 A, 7.000:1 D, 20.000:3 B
    assert winners(result) == [
        (1, A, Fraction(30_000), BY_QUOTIENT),
        (2, B, Fraction(20_000), BY_QUOTIENT),
        (3, C, Fraction(15_000), BY_QUOTIENT),
        (4, A, Fraction(10_000), BY_QUOTIENT),
        (5, D, Fraction(7_000), BY_QUOTIENT),
        (6, B, Fraction(20_000, 3), BY_QUOTIENT),
    ]
    assert dict(result.party_seats) == {A: 2, B: 2, C: 1, D: 1, E: 0}
    assert result.open_tie is None
    assert result.eligible == (A, B, C, D, E)
    assert result.excluded == ()
    # AND the last step shows every party's quotient at that moment, in ballot order
    assert result.steps[5].quotients == (
        Quotient(A, 30_000, 5),
        Quotient(B, 20_000, 3),
        Quotient(C, 15_000, 3),
        Quotient(D, 7_000, 3),
        Quotient(E, 5_000, 1),
    )


def test_four_seats_divide_by_odd_numbers_not_by_one_two_three() -> None:
    # GIVEN 4 seats: A 50.000, B 24.000, C 11.000, D 9.000
    votes = {A: 50_000, B: 24_000, C: 11_000, D: 9_000}

    # WHEN the seats are allocated
    result = allocate_seats(votes, 4, dapil="1")

    # THEN 50.000:1 A, 24.000:1 B, 50.000:3 = 16.666,67 A, 11.000:1 C
    # (D'Hondt's 1, 2, 3 would give A a third seat with 50.000:2 = 25.000 before B)
    assert winners(result) == [
        (1, A, Fraction(50_000), BY_QUOTIENT),
        (2, B, Fraction(24_000), BY_QUOTIENT),
        (3, A, Fraction(50_000, 3), BY_QUOTIENT),
        (4, C, Fraction(11_000), BY_QUOTIENT),
    ]
    assert dict(result.party_seats) == {A: 2, B: 1, C: 1, D: 0}


def test_equal_quotients_with_enough_seats_left_each_take_one_in_ballot_order() -> None:
    # GIVEN 4 seats: A 12.000, B 9.000, C 4.000, D 2.500 — after A and B, A 12.000:3 = C 4.000:1
    votes = {A: 12_000, B: 9_000, C: 4_000, D: 2_500}

    # WHEN the seats are allocated
    result = allocate_seats(votes, 4, dapil="1")

    # THEN seats 3 and 4 go to both tied parties, the lower ballot number first
    assert winners(result) == [
        (1, A, Fraction(12_000), BY_QUOTIENT),
        (2, B, Fraction(9_000), BY_QUOTIENT),
        (3, A, Fraction(4_000), BY_QUOTIENT),
        (4, C, Fraction(4_000), BY_QUOTIENT),
    ]
    assert dict(result.party_seats) == {A: 2, B: 1, C: 1, D: 0}
    assert result.open_tie is None


def test_a_party_without_votes_never_takes_a_seat_while_others_have_votes() -> None:
    # GIVEN 3 seats, party A with 100 votes and B with none
    # WHEN the seats are allocated
    result = allocate_seats({A: 100, B: 0}, 3, dapil="1")

    # THEN A takes all three (100:5 = 20 still beats 0)
    assert dict(result.party_seats) == {A: 3, B: 0}
    assert result.open_tie is None


# --- Threshold -------------------------------------------------------------------------------


def test_exactly_four_percent_is_eligible_and_just_below_is_not() -> None:
    # GIVEN national votes: A exactly 4 %, B 3,99 %, C the rest
    national = {A: 400, B: 399, C: 9_201}

    # WHEN the eligible parties are taken ("paling sedikit 4%")
    # THEN A and C take part, B does not
    assert eligible_parties(national) == frozenset({A, C})


def test_no_valid_votes_make_no_party_eligible() -> None:
    assert eligible_parties({A: 0, B: 0}) == frozenset()


def test_an_excluded_party_takes_no_seat_however_many_votes_it_has_in_the_dapil() -> None:
    # GIVEN B is below the national threshold but strongest in this dapil
    votes = {A: 1_000, B: 50_000, C: 800}

    # WHEN seats are allocated among the eligible parties (one eligible party runs elsewhere only)
    result = allocate_seats(votes, 3, dapil="Jawa Timur I", eligible={A, C, 9})

    # THEN B is excluded, only A and C take part
    assert result.eligible == (A, C)
    assert result.excluded == (B,)
    assert dict(result.party_seats) == {A: 2, C: 1}
    assert all(q.party != B for step in result.steps for q in step.quotients)


# --- Seat ties -------------------------------------------------------------------------------

# 3 seats: after A (12.000) and B (9.000), A 12.000:3 = C 4.000:1 compete for one seat.
TIED_VOTES = {A: 12_000, B: 9_000, C: 4_000, D: 2_500}
TIE_KEY = "kursi:Kota 2:3:01,03"


def test_more_tied_parties_than_seats_left_is_an_open_tie() -> None:
    # GIVEN the example above with 3 seats
    # WHEN the seats are allocated
    result = allocate_seats(TIED_VOTES, 3, dapil="Kota 2")

    # THEN seats 1–2 are allocated, seat 3 waits for the meeting
    assert dict(result.party_seats) == {A: 1, B: 1, C: 0, D: 0}
    assert result.allocated == 2
    assert [s.winner for s in result.steps] == [A, B, None]
    assert result.steps[-1].decided_by == TIE_PENDING
    tie = result.open_tie
    assert tie is not None
    assert (tie.key, tie.kind, tie.contenders, tie.places) == (TIE_KEY, "kursi", (A, C), 1)
    # AND the message says where, what is tied, at which value, and what to decide
    assert tie.message == (
        "Dapil Kota 2: hasil bagi terbesar untuk kursi ke-3 sama, 4.000 (partai nomor urut 1: "
        "12.000 : 3; partai nomor urut 3: 4.000 : 1). Tersisa 1 kursi untuk 2 partai. "
        "UU 7/2017 Pasal 415 ayat (2) tidak mengatur hasil bagi yang sama; rapat memutuskan "
        "1 partai yang memperoleh kursi ke-3."
    )


@pytest.mark.parametrize("chosen", [A, C])
def test_a_recorded_decision_gives_the_seat_and_says_so(chosen: int) -> None:
    # GIVEN the open tie for seat 3 decided for one of the contenders
    decisions = {TIE_KEY: (chosen,)}

    # WHEN the seats are allocated with that decision
    result = allocate_seats(TIED_VOTES, 3, dapil="Kota 2", decisions=decisions)

    # THEN the chosen party takes seat 3 by the meeting's decision
    assert result.open_tie is None
    assert [(s.seat, s.winner, s.decided_by) for s in result.steps] == [
        (1, A, BY_QUOTIENT),
        (2, B, BY_QUOTIENT),
        (3, chosen, BY_DECISION),
    ]
    assert result.party_seats[chosen] == 1 + (chosen == A)


def test_a_decision_taken_before_the_votes_changed_no_longer_applies() -> None:
    # GIVEN a decision for the tie between A and C, then a correction gives D 4.000 votes too
    votes = {**TIED_VOTES, D: 4_000}

    # WHEN the seats are allocated again
    result = allocate_seats(votes, 3, dapil="Kota 2", decisions={TIE_KEY: (C,)})

    # THEN the tie is now a different one (A, C, D) and stays open
    assert result.open_tie is not None
    assert result.open_tie.key == "kursi:Kota 2:3:01,03,04"
    assert result.open_tie.contenders == (A, C, D)
    assert result.allocated == 2


@pytest.mark.parametrize(
    "choice",
    [(B,), (A, C), (), (A, A), (7,)],
    ids=["not-a-contender", "too-many", "none", "repeated", "unknown"],
)
def test_an_invalid_decision_is_treated_as_absent(choice: tuple[int, ...]) -> None:
    # GIVEN a decision under the right key that is not exactly one of the contenders
    # WHEN the seats are allocated
    result = allocate_seats(TIED_VOTES, 3, dapil="Kota 2", decisions={TIE_KEY: choice})

    # THEN nothing is decided silently: the tie stays open
    assert result.open_tie is not None
    assert result.open_tie.key == TIE_KEY
    assert result.allocated == 2


def test_a_tie_over_two_seats_takes_two_chosen_parties() -> None:
    # GIVEN three parties with equal votes and 2 seats
    votes = {A: 500, B: 500, C: 500}
    first = allocate_seats(votes, 2, dapil="3")
    assert first.open_tie is not None
    assert (first.open_tie.key, first.open_tie.places) == ("kursi:3:1:01,02,03", 2)
    assert "kursi ke-1 sampai ke-2" in first.open_tie.message

    # WHEN the meeting chooses C and A (in any order)
    result = allocate_seats(votes, 2, dapil="3", decisions={"kursi:3:1:01,02,03": (C, A)})

    # THEN they take seats 1 and 2 in ballot order
    assert [(s.seat, s.winner, s.decided_by) for s in result.steps] == [
        (1, A, BY_DECISION),
        (2, C, BY_DECISION),
    ]
    assert dict(result.party_seats) == {A: 1, B: 0, C: 1}


def test_no_votes_at_all_is_an_open_tie_and_never_a_seat_by_quotient_zero() -> None:
    # GIVEN a dapil whose recapitulation has only zeros so far, 3 seats, 2 parties
    # WHEN the seats are allocated
    result = allocate_seats({A: 0, B: 0}, 3, dapil="4")

    # THEN nobody gets a seat: seats 1–2 are an open tie among both parties
    assert result.allocated == 0
    tie = result.open_tie
    assert tie is not None
    assert (tie.key, tie.contenders, tie.places) == ("kursi:4:1:01,02", (A, B), 2)
    assert "tidak ada partai peserta yang memperoleh suara" in tie.message

    # WHEN the meeting records both, the third seat is the next open tie
    decided = allocate_seats({A: 0, B: 0}, 3, dapil="4", decisions={tie.key: (A, B)})

    # THEN
    assert dict(decided.party_seats) == {A: 1, B: 1}
    assert decided.open_tie is not None
    assert (decided.open_tie.key, decided.open_tie.places) == ("kursi:4:3:01,02", 1)


# --- Bad arguments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "seats", "eligible"),
    [({A: -1, B: 5}, 3, None), ({A: 1}, 0, None), ({}, 3, None), ({A: 5}, 3, {B})],
    ids=["negative-votes", "no-seat", "no-party", "nobody-eligible"],
)
def test_impossible_arguments_are_programming_errors(
    votes: dict[int, int], seats: int, eligible: set[int] | None
) -> None:
    with pytest.raises(ValueError):
        allocate_seats(votes, seats, dapil="1", eligible=eligible)


def test_a_threshold_outside_zero_to_one_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        eligible_parties({A: 1}, Fraction(3, 2))


# --- Candidates of a party -------------------------------------------------------------------


def elect(
    seats: int,
    votes: dict[int, int],
    spread: dict[int, int] | None = None,
    women: tuple[int, ...] = (),
    decisions: dict[str, tuple[int, ...]] | None = None,
) -> tuple[tuple[int, ...], dict[int, str], OpenTie | None]:
    """Party 7 in dapil "2"; spread defaults to 1 unit per candidate with votes."""
    result = elect_candidates(
        7,
        seats,
        votes,
        dapil="2",
        spread=spread if spread is not None else {c: int(v > 0) for c, v in votes.items()},
        women=women,
        ballot_order=sorted(votes),
        decisions=decisions or {},
    )
    return result.elected, dict(result.decided_by), result.open_tie


def test_seats_go_to_the_candidates_with_the_most_votes() -> None:
    # GIVEN 2 seats and four candidates
    result = elect_candidates(
        7,
        2,
        {1: 900, 2: 1_500, 3: 40, 4: 1_200},
        dapil="2",
        spread={1: 3, 2: 5, 3: 1, 4: 4},
        women=(2,),
        ballot_order=(1, 2, 3, 4),
    )

    # THEN 2 and 4 are elected by their votes; the ranking lists everyone
    assert result.elected == (2, 4)
    assert dict(result.decided_by) == {2: BY_VOTES, 4: BY_VOTES}
    assert result.ranking == ((2, 1_500, 5), (4, 1_200, 4), (1, 900, 3), (3, 40, 1))
    assert (result.party, result.seats, result.open_tie, result.shortfall) == (7, 2, None, 0)


def test_equal_votes_go_to_the_wider_spread() -> None:
    # GIVEN 2 seats; candidates 2 and 3 both have 800 votes, 3 in more kecamatan
    votes = {1: 1_000, 2: 800, 3: 800}
    spread = {1: 2, 2: 3, 3: 5}

    # THEN 3 is elected by spread (PKPU 6/2024 Pasal 29 ayat (1))
    assert elect(2, votes, spread) == ((1, 3), {1: BY_VOTES, 3: BY_SPREAD}, None)


def test_equal_votes_and_equal_spread_is_an_open_tie() -> None:
    # GIVEN 2 seats; candidates 2 and 3 both 800 votes in 4 kecamatan each
    elected, decided_by, tie = elect(2, {1: 1_000, 2: 800, 3: 800}, {1: 2, 2: 4, 3: 4})

    # THEN only 1 is elected; the second seat waits for the data the law goes on to (per desa,
    # then per TPS), which the message names instead of leaving the choice to the meeting
    assert (elected, decided_by) == ((1,), {1: BY_VOTES})
    assert tie is not None
    assert (tie.key, tie.kind, tie.contenders) == ("calon:2:07:2:02,03", "calon", (2, 3))
    assert tie.places == 1
    assert tie.message == (
        "Dapil 2, partai nomor urut 7: calon nomor urut 2 dan 3 memperoleh suara sama "
        "(800 suara) untuk 1 kursi tersisa (calon terpilih urutan ke-2). Persebaran suaranya "
        "juga sama (4 kecamatan bersuara). PKPU 6/2024 Pasal 29 ayat (1) menilai persebaran "
        "secara berjenjang; rapat perlu memperoleh jumlah wilayah tempat masing-masing calon "
        "memperoleh suara per desa/kelurahan (rincian per desa/kelurahan Model D.Hasil "
        "Kecamatan dari PPK), lalu per TPS (Model C.Hasil Salinan setiap TPS). Calon yang "
        "persebarannya lebih luas pada tingkat pertama yang membedakan ditetapkan terpilih; bila "
        "sama di semua tingkat, ayat (2) mendahulukan calon perempuan. Rapat mencatat penetapan "
        "menurut data tersebut beserta angkanya sebagai keputusan atas hasil yang sama ini."
    )
    assert "Rapat memutuskan" not in tie.message

    # WHEN the meeting decides for 3
    decided = elect(2, {1: 1_000, 2: 800, 3: 800}, {1: 2, 2: 4, 3: 4}, decisions={tie.key: (3,)})

    # THEN 3 is elected by the meeting's decision
    assert decided == ((1, 3), {1: BY_VOTES, 3: BY_DECISION}, None)


def test_spread_decides_first_and_the_rest_of_an_equal_spread_stays_open() -> None:
    # GIVEN 2 seats and three candidates with 500 votes: spread 6, 3, 3
    elected, decided_by, tie = elect(2, {1: 500, 2: 500, 3: 500}, {1: 3, 2: 6, 3: 3})

    # THEN 2 is elected by spread; 1 and 3 tie for the second seat
    assert (elected, decided_by) == ((2,), {2: BY_SPREAD})
    assert tie is not None
    assert (tie.key, tie.contenders, tie.places) == ("calon:2:07:2:01,03", (1, 3), 1)


def test_a_tie_inside_the_seats_needs_no_rule() -> None:
    # GIVEN 3 seats and candidates 1 and 2 tied on 700 with equal spread, both inside
    assert elect(3, {1: 700, 2: 700, 3: 600, 4: 10}, {1: 2, 2: 2, 3: 2, 4: 1}) == (
        (1, 2, 3),
        {1: BY_VOTES, 2: BY_VOTES, 3: BY_VOTES},
        None,
    )


def test_among_candidates_without_votes_exactly_the_needed_women_are_elected() -> None:
    # GIVEN 3 seats, only candidate 1 has votes; of the others 2 and 4 are women
    votes = {1: 300, 2: 0, 3: 0, 4: 0, 5: 0}

    # THEN the two women are elected (PKPU 6/2024 Pasal 29 ayat (2))
    assert elect(3, votes, women=(2, 4)) == (
        (1, 2, 4),
        {1: BY_VOTES, 2: BY_WOMAN, 4: BY_WOMAN},
        None,
    )


def test_more_women_without_votes_than_seats_is_open_among_the_women() -> None:
    # GIVEN 2 seats, only candidate 1 has votes; 2, 3 and 5 are women without votes
    elected, decided_by, tie = elect(2, {1: 300, 2: 0, 3: 0, 4: 0, 5: 0}, women=(2, 3, 5))

    # THEN the man 4 is out; the meeting chooses one of the three women
    assert elected == (1,)
    assert tie is not None
    assert (tie.key, tie.contenders, tie.places) == ("calon:2:07:2:02,03,05", (2, 3, 5), 1)
    assert "mendahulukan calon perempuan" in tie.message


def test_fewer_women_without_votes_than_seats_elects_them_and_leaves_the_men_open() -> None:
    # GIVEN 3 seats, only candidate 1 has votes; of the others only 3 is a woman
    elected, decided_by, tie = elect(3, {1: 300, 2: 0, 3: 0, 4: 0}, women=(3,))

    # THEN 3 is elected as a woman; the last seat is open between the men 2 and 4
    assert (elected, decided_by) == ((1, 3), {1: BY_VOTES, 3: BY_WOMAN})
    assert tie is not None
    assert (tie.key, tie.contenders, tie.places) == ("calon:2:07:3:02,04", (2, 4), 1)
    assert "calon perempuan nomor urut 3 sudah ditetapkan" in tie.message


def test_no_women_among_candidates_without_votes_is_open() -> None:
    elected, _, tie = elect(2, {1: 300, 2: 0, 3: 0})
    assert elected == (1,)
    assert tie is not None
    assert (tie.contenders, tie.places) == ((2, 3), 1)
    assert "tidak ada calon perempuan di antara mereka" in tie.message


def test_when_no_candidate_got_a_vote_the_seats_go_by_ballot_number() -> None:
    # GIVEN a party that won 2 seats by party-only votes; none of its candidates got a vote
    result = elect_candidates(
        7,
        2,
        {1: 0, 2: 0, 3: 0},
        dapil="2",
        spread={1: 0, 2: 0, 3: 0},
        women=(3,),
        ballot_order=(1, 2, 3),
    )

    # THEN numbers 1 and 2 are elected by nomor urut (the woman 3 does not come first here)
    assert result.elected == (1, 2)
    assert dict(result.decided_by) == {1: BY_BALLOT, 2: BY_BALLOT}
    assert result.open_tie is None


def test_more_seats_than_candidates_elects_all_and_reports_the_shortfall() -> None:
    # GIVEN a party with 2 candidates that won 3 seats
    result = elect_candidates(
        7, 3, {1: 10, 2: 20}, dapil="2", spread={1: 1, 2: 2}, women=(), ballot_order=(1, 2)
    )

    # THEN both are elected and 1 seat is reported as not filled
    assert result.elected == (2, 1)
    assert result.shortfall == 1
    assert result.open_tie is None


def test_a_party_without_candidates_in_the_dapil_reports_every_seat_as_shortfall() -> None:
    result = elect_candidates(7, 2, {}, dapil="2", spread={}, women=(), ballot_order=())
    assert (result.elected, result.ranking, result.shortfall, result.open_tie) == ((), (), 2, None)


@pytest.mark.parametrize(
    ("votes", "spread", "order"),
    [
        ({1: 5, 2: 0}, {1: 1, 2: 0}, (1, 1, 2)),
        ({1: 5}, {1: 1}, (1, 2)),
        ({1: -5, 2: 0}, {1: 1, 2: 0}, (1, 2)),
        ({1: 5, 2: 0}, {1: 0, 2: 0}, (1, 2)),
        ({1: 5, 2: 0}, {1: 1, 2: 1}, (1, 2)),
        ({1: 5, 2: 0}, {1: 1}, (1, 2)),
        ({1: 5, 2: 0}, {1: 1, 2: 0, 3: 0}, (1, 2)),
    ],
    ids=[
        "repeated-number",
        "missing-votes",
        "negative",
        "votes-nowhere",
        "spread-without-votes",
        "missing-spread",
        "unknown-spread",
    ],
)
def test_inconsistent_candidate_data_is_a_programming_error(
    votes: dict[int, int], spread: dict[int, int], order: tuple[int, ...]
) -> None:
    with pytest.raises(ValueError):
        elect_candidates(7, 1, votes, dapil="2", spread=spread, women=(), ballot_order=order)


def test_a_party_without_seats_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        elect_candidates(7, 0, {1: 5}, dapil="2", spread={1: 1}, women=(), ballot_order=(1,))


# --- DPD -------------------------------------------------------------------------------------

DPD_VOTES = {1: 90_000, 2: 120_000, 3: 75_000, 4: 75_000, 5: 200_000, 6: 10_000}
DPD_SPREAD = {1: 9, 2: 10, 3: 12, 4: 8, 5: 10, 6: 3}


def test_dpd_elects_the_four_with_the_most_votes() -> None:
    votes = {**DPD_VOTES, 4: 74_999}
    result = elect_dpd(votes, spread=DPD_SPREAD)
    assert result.elected == (5, 2, 1, 3)
    assert set(result.decided_by.values()) == {BY_VOTES}
    assert (result.party, result.seats, result.open_tie) == (None, 4, None)
    assert result.ranking[-2:] == ((4, 74_999, 8), (6, 10_000, 3))


def test_dpd_tie_across_the_fourth_place_is_open_whatever_the_spread() -> None:
    # GIVEN 3 and 4 both with 75.000 votes for the 4th place (3 in more kabupaten/kota)
    result = elect_dpd(DPD_VOTES, spread=DPD_SPREAD)

    # THEN three are elected and the fourth place waits for the meeting
    assert result.elected == (5, 2, 1)
    tie = result.open_tie
    assert tie is not None
    assert (tie.key, tie.kind, tie.contenders, tie.places) == ("dpd:4:03,04", "dpd", (3, 4), 1)
    # AND the message cites the even-spread rule and gives the counts the program has
    assert tie.message == (
        "Anggota DPD: calon nomor urut 3 dan 4 memperoleh suara sama (75.000 suara) untuk "
        "1 kursi tersisa (calon terpilih urutan ke-4). UU 7/2017 Pasal 423 ayat (2) dan PKPU "
        "6/2024 Pasal 33 ayat (2) menetapkan calon yang dukungan pemilihnya lebih merata "
        "penyebarannya di seluruh kabupaten/kota di provinsi; program ini hanya mengetahui "
        "jumlah wilayah bersuara di rapat ini (nomor urut 3: 12; nomor urut 4: 8), bukan "
        "kemerataan se-provinsi. Rapat memutuskan 1 dari 2 calon tersebut yang ditetapkan "
        "terpilih."
    )

    # WHEN the meeting decides for 4
    decided = elect_dpd(DPD_VOTES, spread=DPD_SPREAD, decisions={"dpd:4:03,04": (4,)})

    # THEN 4 is elected by the decision
    assert decided.elected == (5, 2, 1, 4)
    assert decided.decided_by[4] == BY_DECISION
    assert decided.open_tie is None
    assert decided.ranking[3] == (4, 75_000, 8)


def test_dpd_with_fewer_candidates_than_seats_reports_the_shortfall() -> None:
    result = elect_dpd({1: 5, 2: 7, 3: 1}, spread={1: 1, 2: 1, 3: 1})
    assert (result.elected, result.shortfall, result.open_tie) == ((2, 1, 3), 1, None)


# --- PKPU 6/2024 Pasal 29: the spread tier by tier, then women first


def tiered(
    desa: dict[int, int] | None, tps: dict[int, int] | None, women: tuple[int, ...] = ()
) -> tuple[tuple[int, ...], dict[int, str], OpenTie | None]:
    """Party 7, 1 seat; candidates 1 and 2 tied on 500 votes in 3 kecamatan each."""
    result = elect_candidates(
        7,
        1,
        {1: 500, 2: 500},
        dapil="2",
        spread={1: 3, 2: 3},
        women=women,
        ballot_order=(1, 2),
        finer=(
            SpreadTier("desa/kelurahan", "rincian per desa", desa),
            SpreadTier("TPS", "C.Hasil", tps),
        ),
    )
    return result.elected, dict(result.decided_by), result.open_tie


def test_the_desa_tier_decides_when_the_kecamatan_are_equal() -> None:
    assert tiered({1: 7, 2: 9}, None) == ((2,), {2: BY_SPREAD}, None)


def test_the_tps_tier_decides_when_the_desa_are_equal_too() -> None:
    assert tiered({1: 9, 2: 9}, {1: 31, 2: 30}) == ((1,), {1: BY_SPREAD}, None)


def test_equal_at_every_tier_elects_the_woman() -> None:
    assert tiered({1: 9, 2: 9}, {1: 30, 2: 30}, women=(2,)) == ((2,), {2: BY_WOMAN}, None)


def test_equal_at_every_tier_between_two_men_is_left_to_the_meeting() -> None:
    elected, _, tie = tiered({1: 9, 2: 9}, {1: 30, 2: 30})
    assert elected == () and tie is not None
    assert (
        "Persebaran suaranya sama di setiap tingkat (3 kecamatan, 9 desa/kelurahan, 30 TPS), "
        "sehingga PKPU 6/2024 Pasal 29 ayat (2) mendahulukan calon perempuan"
    ) in tie.message
    assert tie.message.endswith(
        "Rapat memutuskan 1 dari 2 calon tersebut yang ditetapkan terpilih."
    )


def test_a_missing_tier_names_only_the_data_still_needed() -> None:
    # GIVEN equal spread per kecamatan and per desa, and no TPS data
    _, _, tie = tiered({1: 9, 2: 9}, None)
    # THEN the meeting is told to obtain the TPS counts, not the desa counts it has
    assert tie is not None
    assert "juga sama (3 kecamatan dan 9 desa/kelurahan bersuara)" in tie.message
    assert "memperoleh suara per TPS (C.Hasil)." in tie.message
    assert "per desa/kelurahan (" not in tie.message
