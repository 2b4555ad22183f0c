"""Legislative forms: a unit's rows are its dapil's candidates; party totals and suara sah are
checked against the parts (R03, R13, R14)."""

from __future__ import annotations

from rekap_desktop.domain.election import Candidate, Contest, District, ElectionKind, Party
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.rules import RuleContext, check_tally
from rekap_desktop.domain.tally import (
    Tally,
    party_number,
    party_totals,
    section_iv_keys,
    unit_form_keys,
    vote_keys,
)


def _contest() -> Contest:
    """Two dapil: 1 = units 990101–990102, 2 = unit 990103; party 1 has two candidates in dapil 1
    and one in dapil 2, party 2 one candidate in each."""
    party_a = Party(
        ChoiceNo(1),
        "PARTAI A",
        {
            "1": (Candidate(ChoiceNo(2), "B", "P"), Candidate(ChoiceNo(1), "A", "L")),
            "2": (Candidate(ChoiceNo(1), "C", "L"),),
        },
    )
    party_b = Party(
        ChoiceNo(2),
        "PARTAI B",
        {"1": (Candidate(ChoiceNo(1), "D", "P"),), "2": (Candidate(ChoiceNo(1), "E", "P"),)},
    )
    return Contest(
        ContestCode("dprd_kabko"),
        "Pemilihan Anggota DPRD Kota",
        parties=(party_a, party_b),
        districts=(
            District("1", "DAPIL 1", 3, (RegionCode("990101"), RegionCode("990102"))),
            District("2", "DAPIL 2", 3, (RegionCode("990103"),)),
        ),
    )


def _check(values: dict[str, int], district: str) -> list[tuple[str, tuple[str, ...]]]:
    tally = Tally({FieldKey(k): v for k, v in values.items()})
    context = RuleContext(ElectionKind.PEMILU, None, district)
    return [(f.code, f.fields) for f in check_tally(tally, _contest(), context)]


def test_a_unit_form_lists_only_its_dapil_candidates_in_number_order() -> None:
    # GIVEN the contest; WHEN the section IV rows of a dapil-2 unit and a dapil-1 unit are listed
    dapil_2 = [k for k in unit_form_keys(_contest(), "990103") if "partai" in k or "caleg" in k]
    dapil_1 = section_iv_keys(_contest(), "1")

    # THEN each has its own candidates, and candidates are in ballot-number order
    assert dapil_2 == [
        "suara_partai_01",
        "suara_caleg_01_01",
        "jumlah_suara_partai_01",
        "suara_partai_02",
        "suara_caleg_02_01",
        "jumlah_suara_partai_02",
    ]
    assert dapil_1[:4] == (
        "suara_partai_01",
        "suara_caleg_01_01",
        "suara_caleg_01_02",
        "jumlah_suara_partai_01",
    )
    assert "jumlah_suara_partai_01" not in vote_keys(_contest(), "1")
    assert _contest().district_of("9901011001") == _contest().districts[0]
    assert _contest().district_of("990199") is None


def test_party_number_and_totals_from_the_rows() -> None:
    # GIVEN party-only and candidate votes of a dapil-1 form
    values = {FieldKey("suara_partai_01"): 5, FieldKey("suara_caleg_01_02"): 7}

    # WHEN the party totals are computed; THEN unrecorded rows count as nothing
    assert party_totals(_contest(), values, "1") == {1: 12, 2: 0}
    assert [party_number(k) for k in ("suara_caleg_03_11", "jumlah_suara_partai_12", "x")] == [
        3,
        12,
        None,
    ]


def _dapil_1_form(**changes: int) -> dict[str, int]:
    form = {
        "suara_partai_01": 10,
        "suara_caleg_01_01": 20,
        "suara_caleg_01_02": 30,
        "jumlah_suara_partai_01": 60,
        "suara_partai_02": 5,
        "suara_caleg_02_01": 35,
        "jumlah_suara_partai_02": 40,
        "suara_sah": 100,
    }
    return {**form, **changes}


def test_a_consistent_legislative_form_has_no_finding() -> None:
    assert _check(_dapil_1_form(), "1") == []


def test_r13_a_party_total_that_is_not_its_parts() -> None:
    # GIVEN party 1's written total 61 while 10 + 20 + 30 = 60
    # WHEN checked; THEN R13 names the total and every part
    found = _check(_dapil_1_form(jumlah_suara_partai_01=61, suara_sah=101), "1")

    assert (
        "R13",
        ("jumlah_suara_partai_01", "suara_partai_01", "suara_caleg_01_01", "suara_caleg_01_02"),
    ) in found
    assert [code for code, _ in found] == ["R03", "R13"]


def test_r14_suara_sah_that_is_not_the_sum_of_party_totals() -> None:
    # GIVEN party 2 with one more candidate vote and a matching total (41), suara sah still 100
    form = _dapil_1_form(jumlah_suara_partai_02=41, suara_caleg_02_01=36, suara_sah=100)

    # WHEN checked; THEN suara sah disagrees with the parts (R03) and with the totals (R14)
    found = _check(form, "1")
    assert [code for code, _ in found] == ["R03", "R14"]
    assert found[1][1] == ("suara_sah", "jumlah_suara_partai_01", "jumlah_suara_partai_02")


def test_a_dapil_2_form_is_not_checked_with_dapil_1_candidates() -> None:
    # GIVEN a dapil-2 form: party 1 has only candidate 1 there
    form = {
        "suara_partai_01": 1,
        "suara_caleg_01_01": 2,
        "jumlah_suara_partai_01": 3,
        "suara_partai_02": 0,
        "suara_caleg_02_01": 4,
        "jumlah_suara_partai_02": 4,
        "suara_sah": 7,
    }
    # WHEN checked in its own dapil; THEN no finding (candidate 2 is not on its ballot)
    assert _check(form, "2") == []
