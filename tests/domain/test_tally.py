"""Tally: the recorded values of one form, its field keys and sums over units."""

from __future__ import annotations

import pytest

from rekap_desktop.domain.election import Choice, Contest
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey
from rekap_desktop.domain.tally import (
    Tally,
    candidate_key,
    choice_number,
    form_keys,
    is_known_key,
    party_key,
    sum_tallies,
    vote_key,
    vote_keys,
)


def tally(**values: int) -> Tally:
    return Tally({FieldKey(k): v for k, v in values.items()})


def test_form_keys_of_a_pilkada_contest_follow_the_form(walikota: Contest) -> None:
    # GIVEN a Wali Kota contest with choices 1 and 2
    # WHEN its form keys are listed
    keys = form_keys(walikota)

    # THEN they follow the form: I (voters), II (ballots), III (disability), IV, V, then item 5
    assert keys == (
        "pemilih_dpt_l",
        "pemilih_dpt_p",
        "pemilih_dpt_j",
        "pengguna_dpt_l",
        "pengguna_dpt_p",
        "pengguna_dpt_j",
        "pengguna_pindahan_l",
        "pengguna_pindahan_p",
        "pengguna_pindahan_j",
        "pengguna_ktp_l",
        "pengguna_ktp_p",
        "pengguna_ktp_j",
        "pengguna_total_l",
        "pengguna_total_p",
        "pengguna_total_j",
        "surat_suara_diterima",
        "surat_suara_digunakan",
        "surat_suara_rusak",
        "surat_suara_sisa",
        "disabilitas_l",
        "disabilitas_p",
        "disabilitas_j",
        "suara_01",
        "suara_02",
        "suara_sah",
        "suara_tidak_sah",
        "suara_total",
        "c_pemberitahuan_kembali",
    )


def test_form_keys_of_a_party_list_contest(dprd_kabko: Contest) -> None:
    # GIVEN a DPRD contest: party 1 with candidates 1–2 in dapil 1 and 3 in dapil 2; party 2 with 1
    # WHEN its form keys are listed
    keys = form_keys(dprd_kabko)

    # THEN section IV lists each party's own votes followed by its candidates in number order and
    # the party's written total, between the disability rows and suara sah
    assert keys[19:] == (
        "disabilitas_l",
        "disabilitas_p",
        "disabilitas_j",
        "suara_partai_01",
        "suara_caleg_01_01",
        "suara_caleg_01_02",
        "suara_caleg_01_03",
        "jumlah_suara_partai_01",
        "suara_partai_02",
        "suara_caleg_02_01",
        "jumlah_suara_partai_02",
        "suara_sah",
        "suara_tidak_sah",
        "suara_total",
        "c_pemberitahuan_kembali",
    )


def test_vote_keys_follow_the_ballot_order_and_pad_to_two_digits() -> None:
    # GIVEN a contest whose choices are listed 3, 1, 12 on the setup
    contest = Contest(
        ContestCode("dpd"),
        "DPD",
        (Choice(ChoiceNo(3), "C"), Choice(ChoiceNo(1), "A"), Choice(ChoiceNo(12), "L")),
    )

    # WHEN its vote keys are listed
    # THEN they keep the setup order, each as suara_NN
    assert vote_keys(contest) == ("suara_03", "suara_01", "suara_12")


def test_key_builders() -> None:
    # GIVEN choice, party and candidate numbers
    # WHEN keys are built
    # THEN numbers are zero-padded to two digits
    assert (vote_key(1), party_key(7), candidate_key(7, 11)) == (
        "suara_01",
        "suara_partai_07",
        "suara_caleg_07_11",
    )


@pytest.mark.parametrize(
    ("key", "number"),
    [
        ("suara_01", 1),
        ("suara_12", 12),
        ("suara_sah", None),
        ("suara_1", None),
        ("suara_001", None),
        ("suara_partai_01", None),
        ("suara_٠١", None),
        ("suara_01\n", None),
    ],
)
def test_choice_number_reads_only_suara_nn(key: str, number: int | None) -> None:
    # GIVEN a key
    # WHEN its choice number is asked
    # THEN only an exact suara_NN key with ASCII digits has one
    assert choice_number(key) == number


def test_is_known_key(walikota: Contest) -> None:
    # GIVEN the Wali Kota contest (choices 1 and 2)
    # WHEN keys are checked
    # THEN form keys are known, a third choice or a legislative key is not
    assert [is_known_key(walikota, k) for k in ("suara_02", "disabilitas_p", "suara_03")] == [
        True,
        True,
        False,
    ]
    assert is_known_key(walikota, "suara_partai_01") is False


def test_a_tally_is_a_mapping_of_recorded_values_only() -> None:
    # GIVEN a tally with two recorded fields
    t = tally(suara_01=5, suara_02=0)

    # WHEN it is read as a mapping
    # THEN it holds exactly those fields; a missing field is None, never 0
    assert dict(t) == {"suara_01": 5, "suara_02": 0}
    assert len(t) == 2
    assert "suara_02" in t
    assert list(t.keys()) == ["suara_01", "suara_02"]
    assert list(t.values()) == [5, 0]
    assert list(t.items()) == [("suara_01", 5), ("suara_02", 0)]
    assert t.value("suara_02") == 0
    assert t.value("suara_03") is None
    assert t.get(FieldKey("suara_03")) is None
    assert t.values[FieldKey("suara_01")] == 5


def test_a_tally_keeps_its_own_copy() -> None:
    # GIVEN a tally made from a dict
    source = {FieldKey("suara_01"): 5}
    t = Tally(source)

    # WHEN the dict is changed afterwards
    source[FieldKey("suara_01")] = 500

    # THEN the tally still holds what it was given, and its values cannot be assigned
    assert t.value("suara_01") == 5
    with pytest.raises(TypeError):
        t.values[FieldKey("suara_01")] = 6  # type: ignore[index]


def test_tallies_compare_by_value() -> None:
    # GIVEN two tallies with the same values in a different order, and an empty one
    # WHEN they are compared
    # THEN order does not matter, values do
    assert tally(a=1, b=2) == tally(b=2, a=1)
    assert tally(a=1) != tally(a=2)
    assert Tally() == Tally({})
    assert Tally(values={FieldKey("a"): 1}) == tally(a=1)


def test_overlay_takes_the_other_values_field_by_field() -> None:
    # GIVEN PPK values and corrections determined in the meeting for some fields
    ppk = tally(suara_01=100, suara_02=200, suara_sah=300)
    pleno = tally(suara_02=210, suara_sah=310, suara_tidak_sah=4)

    # WHEN the determined values are laid over the PPK values
    merged = ppk.overlay(pleno)

    # THEN determined values win, other PPK values stay, new fields are added; inputs are unchanged
    assert merged == tally(suara_01=100, suara_02=210, suara_sah=310, suara_tidak_sah=4)
    assert ppk == tally(suara_01=100, suara_02=200, suara_sah=300)


def test_overlay_with_nothing_keeps_the_tally() -> None:
    # GIVEN a tally
    t = tally(suara_01=1)

    # WHEN an empty mapping is laid over it
    # THEN nothing changes
    assert t.overlay({}) == t


def test_sum_of_units_keeps_not_recorded_apart_from_zero() -> None:
    # GIVEN three units; only some recorded suara_tidak_sah, none recorded disabilitas_j
    units = [
        tally(suara_01=10, suara_02=20, suara_tidak_sah=0),
        tally(suara_01=1, suara_02=2),
        tally(suara_01=100, suara_tidak_sah=3),
    ]

    # WHEN they are summed
    total = sum_tallies(units)

    # THEN each field is the sum over the units that recorded it; unrecorded everywhere is absent
    assert total == tally(suara_01=111, suara_02=22, suara_tidak_sah=3)
    assert total.value("disabilitas_j") is None


def test_sum_of_no_units_is_empty() -> None:
    # GIVEN no units
    # WHEN they are summed
    # THEN the sum records nothing
    assert sum_tallies([]) == Tally()


def test_sum_of_huge_values_is_exact() -> None:
    # GIVEN values far beyond any float's precision
    big = 10**30 + 1

    # WHEN they are summed
    # THEN the result is exact
    assert sum_tallies([tally(suara_01=big), tally(suara_01=big)]) == tally(suara_01=2 * big)
