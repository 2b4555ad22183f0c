"""Equal first place in a Pilkada (UU 10/2016 Pasal 107(2)/109(2)): the more evenly spread pair."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.ids import ChoiceNo
from rekap_desktop.domain.spread import (
    KABKO_BASIS,
    STEP_FLOOR,
    STEP_LEADING,
    STEP_WIDTH,
    AreaVotes,
    SpreadDecision,
    SpreadFigures,
    spread_decision,
)

ONE, TWO, THREE = ChoiceNo(1), ChoiceNo(2), ChoiceNo(3)


def area(one: int, two: int, three: int = 0, valid: int | None = None) -> AreaVotes:
    votes = {ONE: one, TWO: two, THREE: three}
    return AreaVotes(votes, sum(votes.values()) if valid is None else valid)


def decide(*areas: AreaVotes, tied: tuple[ChoiceNo, ...] = (ONE, TWO)) -> SpreadDecision:
    return spread_decision(tied, areas, area="kecamatan", basis=KABKO_BASIS)


def test_votes_in_more_kecamatan_decide_first() -> None:
    # GIVEN 1 and 2 with 100 votes each; 2 got nothing in the third kecamatan
    decision = decide(area(50, 40, 10), area(30, 60, 10), area(20, 0, 5))

    # THEN 1 is elected by the first count, with every figure stated
    assert (decision.winner, decision.step) == (ONE, STEP_WIDTH)
    assert decision.figures == (
        SpreadFigures(ONE, 100, 3, 2, Fraction(3, 10)),
        SpreadFigures(TWO, 100, 2, 1, Fraction(0)),
    )
    assert decision.summary() == (
        "Nomor urut 1 dan 2 memperoleh suara terbanyak yang sama (100 suara). "
        "UU 10/2016 Pasal 107 ayat (2): pasangan calon yang dukungan pemilihnya lebih merata "
        "penyebarannya di seluruh kecamatan ditetapkan terpilih. Persebaran: nomor urut 1: "
        "bersuara di 3 dari 3 kecamatan, unggul di 2, terendah 30,00 %; nomor urut 2: bersuara "
        "di 2 dari 3 kecamatan, unggul di 1, terendah 0,00 %. Nomor urut 1 lebih merata "
        "(memperoleh suara di lebih banyak kecamatan)."
    )


def test_then_the_kecamatan_where_a_pair_leads() -> None:
    # GIVEN both with votes everywhere; 2 leads narrowly in two kecamatan, 1 heavily in one
    decision = decide(area(10, 11), area(10, 11), area(30, 28))

    # THEN 2 is more evenly spread: it leads in more kecamatan
    assert (decision.winner, decision.step) == (TWO, STEP_LEADING)
    assert "Nomor urut 2 lebih merata (unggul di lebih banyak kecamatan)." in decision.summary()


def test_then_the_lowest_share_of_a_kecamatan() -> None:
    # GIVEN 160 votes each, votes everywhere, each leading in two kecamatan; 1's weakest share of
    # a kecamatan's suara sah is 30 %, 2's is 20 %
    decision = decide(area(40, 60), area(60, 40), area(30, 20, 50), area(30, 40, 30))

    # THEN 1 is elected on the third count, the floor printed the Indonesian way
    assert decision.figures == (
        SpreadFigures(ONE, 160, 4, 2, Fraction(3, 10)),
        SpreadFigures(TWO, 160, 4, 2, Fraction(1, 5)),
    )
    assert (decision.winner, decision.step) == (ONE, STEP_FLOOR)
    assert "terendah 30,00 %; nomor urut 2: bersuara di 4 dari 4 kecamatan" in decision.summary()


def test_identical_spread_is_said_plainly() -> None:
    # GIVEN two pairs mirrored over two kecamatan
    decision = decide(area(50, 40), area(40, 50))

    # THEN the law's measure does not separate them and nobody is named
    assert (decision.winner, decision.step) == (None, None)
    assert decision.summary().endswith(
        "Persebarannya sama pada ketiga ukuran; ketentuan tersebut tidak membedakan mereka dan "
        "tidak ada pasangan calon yang ditetapkan terpilih dengan data ini."
    )


def test_a_three_way_tie_leads_against_every_other_tied_pair() -> None:
    # GIVEN three pairs with 30 votes each; a kecamatan counts for a pair only when it beats both
    decision = decide(area(20, 5, 5), area(5, 20, 20), area(5, 5, 5), tied=(THREE, ONE, TWO))

    # THEN 1 leads in one kecamatan, 2 and 3 in none (they are equal in the second)
    assert [f.areas_leading for f in decision.figures] == [1, 0, 0]
    assert (decision.winner, decision.step) == (ONE, STEP_LEADING)


def test_kecamatan_without_valid_votes_are_left_out_of_the_floor() -> None:
    decision = decide(area(10, 10), area(0, 0))
    assert [f.lowest_share for f in decision.figures] == [Fraction(1, 2), Fraction(1, 2)]
    assert decide(area(0, 0), area(0, 0)).figures[0].lowest_share is None


@pytest.mark.parametrize(
    ("tied", "areas"),
    [((ONE,), (area(1, 1),)), ((ONE, ONE), (area(1, 1),)), ((ONE, TWO), (area(2, 1),))],
)
def test_what_is_not_a_tie_is_refused(tied: tuple[ChoiceNo, ...], areas: tuple[AreaVotes]) -> None:
    with pytest.raises(ValueError):
        spread_decision(tied, areas, area="kecamatan", basis=KABKO_BASIS)


@st.composite
def tied_areas(draw: st.DrawFn) -> tuple[AreaVotes, ...]:
    """Kecamatan in which pairs 1 and 2 end with equal totals (3 gets anything)."""
    ones = draw(st.lists(st.integers(0, 40), min_size=1, max_size=8))
    twos = draw(st.permutations(ones)) if draw(st.booleans()) else _shuffle_total(draw, ones)
    threes = draw(st.lists(st.integers(0, 40), min_size=len(ones), max_size=len(ones)))
    return tuple(area(o, t, h) for o, t, h in zip(ones, twos, threes, strict=True))


def _shuffle_total(draw: st.DrawFn, ones: list[int]) -> list[int]:
    """Another split of the same total over as many kecamatan."""
    total = sum(ones)
    cuts = sorted(
        draw(st.lists(st.integers(0, total), min_size=len(ones) - 1, max_size=len(ones) - 1))
    )
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


@settings(max_examples=300, deadline=None)
@given(areas=tied_areas())
def test_properties_of_the_decision(areas: tuple[AreaVotes, ...]) -> None:
    decision = decide(*areas)
    one, two = decision.figures
    # the decision does not depend on the order of the kecamatan or of the tied numbers
    again = spread_decision((TWO, ONE), tuple(reversed(areas)), area="kecamatan", basis="x")
    assert (again.winner, again.step) == (decision.winner, decision.step)
    # swapping the pairs' votes swaps the winner
    swapped = tuple(AreaVotes({ONE: a.votes[TWO], TWO: a.votes[ONE]}, a.valid) for a in areas)
    mirror = decide(*swapped)
    expected = {None: None, ONE: TWO, TWO: ONE}[decision.winner]
    assert (mirror.winner, mirror.step) == (expected, decision.step)
    # a winner is ahead on the count named and equal on every count before it
    if decision.winner is None:
        assert one.key() == two.key()
    else:
        won, lost = (one, two) if decision.winner == ONE else (two, one)
        index = (STEP_WIDTH, STEP_LEADING, STEP_FLOOR).index(decision.step or "")
        assert won.key()[:index] == lost.key()[:index]
        assert won.key()[index] > lost.key()[index]
    # the counts stay within the number of kecamatan
    for figures in decision.figures:
        assert 0 <= figures.areas_leading <= figures.areas_with_votes <= len(areas)
