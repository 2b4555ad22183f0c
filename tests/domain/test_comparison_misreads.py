"""Likely misreads: digit swaps between sources and values impossible for the level."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.misreads import (
    SWAP_PAIRS,
    DigitSwap,
    Misread,
    MisreadKind,
    digit_swap,
    impossible_values,
    swap_misread,
)
from rekap_desktop.domain.tally import Tally

PAIRS = sorted(tuple(sorted(p)) for p in SWAP_PAIRS)


def test_the_lookalike_pairs_are_exactly_those_of_the_procedure() -> None:
    # GIVEN the pairs the reader confuses
    # THEN they are 3↔8, 2↔7, 1↔7, 0↔6, 0↔8, 0↔9
    assert PAIRS == [("0", "6"), ("0", "8"), ("0", "9"), ("1", "7"), ("2", "7"), ("3", "8")]


def test_a_sirekap_three_read_as_eight_is_a_digit_swap() -> None:
    # GIVEN PPK 3260 and Sirekap 8260 (a kecamatan's thousands digit 3 read as 8)
    # WHEN compared
    # THEN it is flagged as 3 read as 8, with both values in the message
    assert digit_swap(3260, 8260) == DigitSwap(0, "3", "8")
    assert swap_misread(FieldKey("suara_01"), 3260, 8260) == Misread(
        FieldKey("suara_01"),
        MisreadKind.DIGIT_SWAP,
        "Kemungkinan salah baca: angka 3 terbaca 8 (3.260 → 8.260). "
        "Cocokkan dengan formulir fisik.",
    )


@given(
    digits=st.lists(st.sampled_from("0123456789"), min_size=1, max_size=8),
    data=st.data(),
)
def test_one_lookalike_digit_changed_is_always_a_swap(
    digits: list[str], data: st.DataObject
) -> None:
    # GIVEN a number and a place in it whose digit belongs to a lookalike pair
    text = "1" + "".join(digits)
    place = data.draw(st.integers(0, len(text) - 1))
    partners = [b for a, b in PAIRS if a == text[place]] + [a for a, b in PAIRS if b == text[place]]
    if not partners:
        return
    other = data.draw(st.sampled_from(partners))
    changed = text[:place] + other + text[place + 1 :]
    if changed.startswith("0"):
        return
    # WHEN the changed number is compared with the original
    # THEN exactly that place and pair are reported, both ways round
    assert digit_swap(int(text), int(changed)) == DigitSwap(place, text[place], other)
    assert digit_swap(int(changed), int(text)) == DigitSwap(place, other, text[place])


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_a_swap_needs_same_length_and_exactly_one_lookalike_place(a: int, b: int) -> None:
    # GIVEN any two values
    found = digit_swap(a, b)
    # WHEN a swap is reported
    # THEN the numbers have the same length and differ in one place by a lookalike pair
    x, y = str(a), str(b)
    places = [i for i in range(min(len(x), len(y))) if x[i] != y[i]]
    expected = (
        len(x) == len(y)
        and len(places) == 1
        and frozenset((x[places[0]], y[places[0]])) in SWAP_PAIRS
    )
    assert (found is not None) == expected


def test_non_swaps_are_not_flagged() -> None:
    # GIVEN equal values, two changed places, another pair (4↔5), different lengths, a missing value
    # THEN none is a swap
    assert digit_swap(3260, 3260) is None
    assert digit_swap(3260, 8760) is None
    assert digit_swap(3245, 3255) is None
    assert digit_swap(326, 3260) is None
    assert swap_misread(FieldKey("suara_01"), None, 8260) is None


def test_values_impossible_for_the_level_are_flagged() -> None:
    # GIVEN a 2-TPS unit whose PPK form has 500 on the DPT, and a source reading 2.500 votes for
    # choice 1 (> 999 per TPS) and 700 DPT users (more than the DPT)
    reference = Tally({FieldKey("pemilih_dpt_j"): 500, FieldKey("pemilih_dpt_l"): 250})
    read = Tally(
        {
            FieldKey("suara_01"): 2500,
            FieldKey("pengguna_dpt_l"): 700,
            FieldKey("suara_02"): 300,
            FieldKey("pemilih_dpt_j"): 500,
        }
    )
    # WHEN checked
    found = impossible_values(read, reference, 2)
    # THEN the two impossible values are flagged, the plausible ones are not
    assert [(m.field, m.kind) for m in found] == [
        (FieldKey("suara_01"), MisreadKind.IMPOSSIBLE),
        (FieldKey("pengguna_dpt_l"), MisreadKind.IMPOSSIBLE),
    ]
    assert found[0].message == (
        "Nilai 2.500 mustahil untuk 2 TPS (paling banyak 1.998); kemungkinan salah baca."
    )
    assert found[1].message == (
        "Nilai 700 melebihi jumlah pemilih dalam DPT (250); kemungkinan salah baca."
    )
