"""Recapitulation: the sum of the units and who leads or is elected (incl. calon tunggal)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.deciding_level import decides_here
from rekap_desktop.domain.election import Choice, Contest, ElectionKind, Level, Unit
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.recap import Outcome, Recap, decide, recapitulate
from rekap_desktop.domain.rules import RuleContext, check_tally
from rekap_desktop.domain.tally import Tally


def tally(values: Mapping[str, int]) -> Tally:
    return Tally({FieldKey(k): v for k, v in values.items()})


def contest(*numbers: int, blank: int | None = None) -> Contest:
    return Contest(
        ContestCode("walikota"),
        "Pemilihan Wali Kota dan Wakil Wali Kota",
        tuple(
            Choice(ChoiceNo(n), "KOLOM KOSONG" if n == blank else f"PASLON {n}", n == blank)
            for n in numbers
        ),
    )


def unit(code: str, name: str, tps_count: int | None = None) -> Unit:
    return Unit(RegionCode(code), name, tps_count)


PALARAN = unit("647201", "PALARAN", 97)
SAMARINDA_ILIR = unit("647202", "SAMARINDA ILIR", 120)
SAMARINDA_KOTA = unit("647203", "SAMARINDA KOTA", 60)


# --- sums


def test_recap_sums_the_units(walikota: Contest) -> None:
    # GIVEN the PPK tallies of three kecamatan
    tallies = {
        PALARAN.code: tally({"suara_01": 2637, "suara_02": 23852, "suara_sah": 26489}),
        SAMARINDA_ILIR.code: tally({"suara_01": 4000, "suara_02": 30000, "suara_sah": 34000}),
        SAMARINDA_KOTA.code: tally({"suara_01": 1, "suara_02": 2, "suara_sah": 3}),
    }

    # WHEN the contest is recapitulated
    recap = recapitulate(walikota, (PALARAN, SAMARINDA_ILIR, SAMARINDA_KOTA), tallies)

    # THEN every unit is listed with its tally, the total is the field-by-field sum, and the
    # choice with most votes is elected
    assert recap == Recap(
        walikota,
        (
            (PALARAN, tallies[PALARAN.code]),
            (SAMARINDA_ILIR, tallies[SAMARINDA_ILIR.code]),
            (SAMARINDA_KOTA, tallies[SAMARINDA_KOTA.code]),
        ),
        tally({"suara_01": 6638, "suara_02": 53854, "suara_sah": 60492}),
        Outcome(ChoiceNo(2), True, "Nomor urut 2 memperoleh suara terbanyak."),
    )


def test_recap_keeps_fields_recorded_by_only_some_units(walikota: Contest) -> None:
    # GIVEN one unit that recorded suara_tidak_sah and disabilitas, one that did not, one with
    # no tally at all
    tallies = {
        PALARAN.code: tally({"suara_01": 10, "suara_tidak_sah": 2, "disabilitas_j": 0}),
        SAMARINDA_ILIR.code: tally({"suara_01": 5, "suara_02": 7}),
    }

    # WHEN the contest is recapitulated
    recap = recapitulate(walikota, (PALARAN, SAMARINDA_ILIR, SAMARINDA_KOTA), tallies)

    # THEN a field is summed over the units that recorded it, a recorded 0 stays a value, the unit
    # without data is listed empty, and nothing unrecorded appears as 0
    assert recap.units == (
        (PALARAN, tallies[PALARAN.code]),
        (SAMARINDA_ILIR, tallies[SAMARINDA_ILIR.code]),
        (SAMARINDA_KOTA, Tally()),
    )
    assert recap.total == tally(
        {"suara_01": 15, "suara_tidak_sah": 2, "disabilitas_j": 0, "suara_02": 7}
    )
    assert recap.total.value("suara_sah") is None


def test_recap_ignores_tallies_of_codes_that_are_not_units(walikota: Contest) -> None:
    # GIVEN a tally for a code that is not one of the units recapitulated
    tallies = {
        PALARAN.code: tally({"suara_01": 1}),
        RegionCode("999999"): tally({"suara_01": 1000}),
    }

    # WHEN only Palaran is recapitulated
    recap = recapitulate(walikota, (PALARAN,), tallies)

    # THEN the stray tally is not counted
    assert recap.total == tally({"suara_01": 1})


def test_recap_of_nothing(walikota: Contest) -> None:
    # GIVEN no units and no tallies
    # WHEN the contest is recapitulated
    # THEN the total is empty and nobody leads
    assert recapitulate(walikota, (), {}) == Recap(
        walikota, (), Tally(), Outcome(None, False, "Belum ada suara tercatat.")
    )


# --- outcome of an ordinary race


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        (
            {"suara_01": 5, "suara_02": 9, "suara_03": 7},
            Outcome(ChoiceNo(2), True, "Nomor urut 2 memperoleh suara terbanyak."),
        ),
        (
            {"suara_01": 1, "suara_02": 0, "suara_03": 0},
            Outcome(ChoiceNo(1), True, "Nomor urut 1 memperoleh suara terbanyak."),
        ),
        (
            {"suara_03": 4},
            Outcome(ChoiceNo(3), True, "Nomor urut 3 memperoleh suara terbanyak."),
        ),
        (
            {"suara_01": 9, "suara_02": 3, "suara_03": 9},
            Outcome(None, False, "Suara terbanyak sama antara nomor urut 1 dan 3."),
        ),
        (
            {"suara_01": 4, "suara_02": 4, "suara_03": 4},
            Outcome(None, False, "Suara terbanyak sama antara nomor urut 1, 2 dan 3."),
        ),
        (
            {"suara_01": 0, "suara_02": 0, "suara_03": 0},
            Outcome(None, False, "Belum ada suara tercatat."),
        ),
        ({}, Outcome(None, False, "Belum ada suara tercatat.")),
        (
            {"suara_sah": 100},
            Outcome(None, False, "Belum ada suara tercatat."),
        ),
    ],
)
def test_the_highest_number_of_votes_wins(votes: dict[str, int], expected: Outcome) -> None:
    # GIVEN a three-way race and its total votes
    # WHEN the outcome is decided
    # THEN the most votes wins; a tie for first place or no votes leaves nobody leading
    assert decide(contest(1, 2, 3), tally(votes)) == expected


def test_a_contest_without_choices_has_no_outcome(dprd_kabko: Contest) -> None:
    # GIVEN a party-list contest (its result is seats per party, decided elsewhere)
    # WHEN the non-legislative outcome is decided
    # THEN nobody leads
    assert decide(dprd_kabko, tally({"suara_partai_01": 10})) == Outcome(
        None, False, "Belum ada suara tercatat."
    )


def test_a_kolom_kosong_in_a_wider_race_is_never_elected() -> None:
    # GIVEN a three-choice setup in which choice 3 is (wrongly) flagged as kolom kosong and leads
    race = contest(1, 2, 3, blank=3)

    # WHEN the outcome is decided
    outcome = decide(race, tally({"suara_01": 1, "suara_02": 2, "suara_03": 3}))

    # THEN it leads but is not elected
    assert outcome == Outcome(
        ChoiceNo(3), False, "Kolom kosong memperoleh suara terbanyak; tidak ada yang terpilih."
    )


# --- calon tunggal

ELECTED = "Pasangan calon tunggal memperoleh lebih dari 50% suara sah."
NOT_ELECTED = "Pasangan calon tunggal tidak memperoleh lebih dari 50% suara sah"


@pytest.mark.parametrize("blank", [1, 2])
def test_calon_tunggal_with_more_than_half_is_elected(blank: int) -> None:
    # GIVEN a calon tunggal race (kolom kosong has ballot number 1 or 2), as in Samarinda 2024
    race = contest(1, 2, blank=blank)
    pair = 3 - blank
    votes = {f"suara_{pair:02d}": 289_401, f"suara_{blank:02d}": 39_216, "suara_sah": 328_617}

    # WHEN the outcome is decided
    # THEN the pair, with more than 50 % of suara sah, is elected
    assert decide(race, tally(votes)) == Outcome(ChoiceNo(pair), True, ELECTED)


@pytest.mark.parametrize("blank", [1, 2])
def test_calon_tunggal_with_exactly_half_is_not_elected(blank: int) -> None:
    # GIVEN a calon tunggal race in which the pair has exactly 50 % of suara sah
    race = contest(1, 2, blank=blank)
    pair = 3 - blank
    votes = {f"suara_{pair:02d}": 500, f"suara_{blank:02d}": 500, "suara_sah": 1000}

    # WHEN the outcome is decided
    # THEN nobody leads and nobody is elected: the pair needs strictly more than half
    assert decide(race, tally(votes)) == Outcome(
        None, False, f"{NOT_ELECTED} (suara sama dengan kolom kosong)."
    )


@pytest.mark.parametrize("blank", [1, 2])
def test_kolom_kosong_that_leads_is_not_elected(blank: int) -> None:
    # GIVEN a calon tunggal race that the kolom kosong wins
    race = contest(1, 2, blank=blank)
    pair = 3 - blank
    votes = {f"suara_{pair:02d}": 400, f"suara_{blank:02d}": 601, "suara_sah": 1001}

    # WHEN the outcome is decided
    # THEN the kolom kosong leads but is not elected (the election is repeated, UU 10/2016 54D)
    assert decide(race, tally(votes)) == Outcome(
        ChoiceNo(blank), False, f"{NOT_ELECTED} (kolom kosong unggul)."
    )


@pytest.mark.parametrize("blank", [1, 2])
def test_calon_tunggal_share_is_of_suara_sah_or_of_the_votes(blank: int) -> None:
    # GIVEN a calon tunggal race with 501 of 1,000 votes, with and without suara sah recorded
    race = contest(1, 2, blank=blank)
    pair = 3 - blank
    votes = {f"suara_{pair:02d}": 501, f"suara_{blank:02d}": 499}

    # WHEN the outcome is decided
    # THEN the pair is elected both ways (without V.A the sum of the choices is the base)
    assert decide(race, tally(votes)) == Outcome(ChoiceNo(pair), True, ELECTED)
    assert decide(race, tally({**votes, "suara_sah": 1000})) == Outcome(
        ChoiceNo(pair), True, ELECTED
    )


def test_calon_tunggal_with_an_inconsistent_suara_sah_is_not_elected() -> None:
    # GIVEN the pair leads 501 : 499, but suara sah is written as 1,100 (an R03 error)
    race = contest(1, 2, blank=1)
    votes = {"suara_02": 501, "suara_01": 499, "suara_sah": 1100}

    # WHEN the outcome is decided
    # THEN the pair leads but does not have more than half of the suara sah written
    assert decide(race, tally(votes)) == Outcome(ChoiceNo(2), False, f"{NOT_ELECTED}.")


def test_calon_tunggal_that_trails_is_never_elected_even_over_half_of_a_low_suara_sah() -> None:
    # GIVEN the kolom kosong leads 600 : 500 but suara sah is written as 900 (an R03 error)
    race = contest(1, 2, blank=1)
    votes = {"suara_01": 600, "suara_02": 500, "suara_sah": 900}

    # WHEN the outcome is decided
    # THEN the pair is not elected
    assert decide(race, tally(votes)) == Outcome(
        ChoiceNo(1), False, f"{NOT_ELECTED} (kolom kosong unggul)."
    )


def test_calon_tunggal_without_votes() -> None:
    # GIVEN a calon tunggal race with nothing counted yet
    # WHEN the outcome is decided
    # THEN nobody leads
    assert decide(contest(1, 2, blank=2), Tally()) == Outcome(
        None, False, "Belum ada suara tercatat."
    )


@pytest.mark.parametrize(
    ("race", "single"),
    [
        (contest(1, 2, blank=1), True),
        (contest(1, 2, blank=2), True),
        (contest(1, 2), False),
        (contest(1, 2, 3, blank=3), False),
        (contest(1, blank=1), False),
        (
            Contest(
                ContestCode("bupati"),
                "B",
                (Choice(ChoiceNo(1), "KK", True), Choice(ChoiceNo(2), "KK", True)),
            ),
            False,
        ),
    ],
)
def test_is_single_candidate(race: Contest, single: bool) -> None:
    # GIVEN contests with and without a kolom kosong
    # WHEN asked whether it is a calon tunggal race
    # THEN only one pair against one kolom kosong is
    assert race.is_single_candidate is single


def test_two_blank_columns_do_not_raise() -> None:
    # GIVEN a malformed setup with two kolom kosong
    race = Contest(
        ContestCode("bupati"),
        "B",
        (Choice(ChoiceNo(1), "KK", True), Choice(ChoiceNo(2), "KK", True)),
    )

    # WHEN the outcome is decided
    outcome = decide(race, tally({"suara_01": 1, "suara_02": 2}))

    # THEN nobody is elected and nothing raises
    assert outcome == Outcome(
        ChoiceNo(2), False, "Kolom kosong memperoleh suara terbanyak; tidak ada yang terpilih."
    )


# --- property: a recap of consistent units is consistent

PROPERTY_CONTEST = contest(1, 2, 3)


@st.composite
def consistent_units(draw: st.DrawFn) -> dict[str, int]:
    """One TPS form satisfying R01–R07 and R09–R12 (R08 is left free: reserves move between TPS)."""
    form: dict[str, int] = {}
    for g in ("l", "p"):
        dpt = draw(st.integers(0, 150))
        used_dpt = draw(st.integers(0, dpt))
        moved = draw(st.integers(0, 10))
        ktp = draw(st.integers(0, 10))
        voters = used_dpt + moved + ktp
        form |= {
            f"pemilih_dpt_{g}": dpt,
            f"pengguna_dpt_{g}": used_dpt,
            f"pengguna_pindahan_{g}": moved,
            f"pengguna_ktp_{g}": ktp,
            f"pengguna_total_{g}": voters,
            f"disabilitas_{g}": draw(st.integers(0, voters)),
        }
    for group in (
        "pemilih_dpt",
        "pengguna_dpt",
        "pengguna_pindahan",
        "pengguna_ktp",
        "pengguna_total",
        "disabilitas",
    ):
        form[f"{group}_j"] = form[f"{group}_l"] + form[f"{group}_p"]
    voters = form["pengguna_total_j"]
    damaged = draw(st.integers(0, 10))
    unused = draw(st.integers(0, 50))
    form |= {
        "surat_suara_digunakan": voters,
        "surat_suara_rusak": damaged,
        "surat_suara_sisa": unused,
        "surat_suara_diterima": voters + damaged + unused,
    }
    invalid = draw(st.integers(0, voters))
    valid = voters - invalid
    cuts = sorted(draw(st.lists(st.integers(0, valid), min_size=2, max_size=2)))
    form |= {
        "suara_01": cuts[0],
        "suara_02": cuts[1] - cuts[0],
        "suara_03": valid - cuts[1],
        "suara_sah": valid,
        "suara_tidak_sah": invalid,
        "suara_total": voters,
    }
    return form


@settings(max_examples=150, deadline=None)
@given(
    forms=st.lists(consistent_units(), min_size=1, max_size=12),
    kind=st.sampled_from(list(ElectionKind)),
)
def test_a_recap_of_consistent_units_is_consistent(
    forms: list[dict[str, int]], kind: ElectionKind
) -> None:
    # GIVEN consistent TPS forms, one per unit
    units = tuple(unit(f"6472{n:02d}", f"UNIT {n}", 1) for n in range(1, len(forms) + 1))
    tallies = {u.code: tally(f) for u, f in zip(units, forms, strict=True)}
    for t in tallies.values():
        unit_findings = check_tally(t, PROPERTY_CONTEST, RuleContext(kind, 1))
        assert [f for f in unit_findings if f.code != "R08"] == []

    # WHEN they are recapitulated
    recap = recapitulate(PROPERTY_CONTEST, units, tallies)

    # THEN the total is the per-field sum of the units ...
    assert dict(recap.total) == {k: sum(f[k] for f in forms) for k in forms[0]}
    # ... and it is itself consistent: no rule other than the reserve warning (R08) fires, even
    # with R12 checking the caps for as many TPS as there are units
    findings = check_tally(recap.total, PROPERTY_CONTEST, RuleContext(kind, len(units)))
    assert [f for f in findings if f.code != "R08"] == []


# --- who decides: the level of the meeting, and an equal first place


def gubernur() -> Contest:
    return Contest(
        ContestCode("gubernur"),
        "Pemilihan Gubernur dan Wakil Gubernur",
        (Choice(ChoiceNo(1), "PASLON 1"), Choice(ChoiceNo(2), "PASLON 2")),
    )


UNITS = (PALARAN, SAMARINDA_ILIR, SAMARINDA_KOTA)
TIED = {
    PALARAN.code: tally({"suara_01": 50, "suara_02": 40, "suara_sah": 90}),
    SAMARINDA_ILIR.code: tally({"suara_01": 30, "suara_02": 60, "suara_sah": 90}),
    SAMARINDA_KOTA.code: tally({"suara_01": 20, "suara_02": 0, "suara_sah": 20}),
}


def test_a_kab_kota_meeting_elects_no_gubernur() -> None:
    # GIVEN the Gubernur contest recapitulated by a KPU Kota: 2 leads
    tallies = {PALARAN.code: tally({"suara_01": 10, "suara_02": 30, "suara_sah": 40})}

    # WHEN it is recapitulated at kab/kota level
    outcome = recapitulate(gubernur(), UNITS, tallies, Level.KABKO).outcome

    # THEN 2 only has the most votes here; the result goes up to the KPU Provinsi
    assert outcome == Outcome(
        ChoiceNo(2),
        False,
        "Nomor urut 2 memperoleh suara terbanyak di tingkat ini. Hasil rekapitulasi ini "
        "disampaikan kepada KPU Provinsi, yang menetapkan hasil pemilihan.",
        decides_here=False,
    )
    assert "terpilih" not in outcome.reason
    # AND the KPU Provinsi does elect
    assert recapitulate(gubernur(), UNITS, tallies, Level.PROVINSI).outcome.elected


def test_an_equal_first_place_below_the_deciding_level_is_not_broken_here() -> None:
    outcome = recapitulate(gubernur(), UNITS, TIED, Level.KABKO).outcome
    assert (outcome.number, outcome.elected, outcome.spread) == (None, False, None)
    assert outcome.reason.startswith("Suara terbanyak sama antara nomor urut 1 dan 2.")


def test_an_equal_first_place_is_decided_by_the_spread_over_the_kecamatan(
    walikota: Contest,
) -> None:
    # GIVEN 1 and 2 with 100 votes each in the Wali Kota race; 2 got none in Samarinda Kota
    # WHEN the KPU Kota recapitulates
    outcome = recapitulate(walikota, UNITS, TIED, Level.KABKO).outcome

    # THEN Pasal 107(2) elects 1, the figures in the reason
    assert (outcome.number, outcome.elected) == (ChoiceNo(1), True)
    assert outcome.spread is not None and outcome.spread.basis == "UU 10/2016 Pasal 107 ayat (2)"
    assert "nomor urut 2: bersuara di 2 dari 3 kecamatan" in outcome.reason
    assert outcome.reason.endswith(
        "Nomor urut 1 lebih merata (memperoleh suara di lebih banyak kecamatan)."
    )


def test_the_gubernur_tie_is_decided_over_the_kab_kota_of_the_province() -> None:
    outcome = recapitulate(gubernur(), UNITS, TIED, Level.PROVINSI).outcome
    assert outcome.number == ChoiceNo(1) and outcome.elected
    assert "UU 10/2016 Pasal 109 ayat (2)" in outcome.reason
    assert "bersuara di 3 dari 3 kabupaten/kota" in outcome.reason


@pytest.mark.parametrize(
    ("code", "deciding"),
    [
        ("bupati", Level.KABKO),
        ("walikota", Level.KABKO),
        ("dprd_kabko", Level.KABKO),
        ("gubernur", Level.PROVINSI),
        ("dprd_prov", Level.PROVINSI),
        ("ppwp", Level.NASIONAL),
        ("dpr", Level.NASIONAL),
        ("dpd", Level.NASIONAL),
    ],
)
def test_each_contest_is_decided_at_one_level(code: str, deciding: Level) -> None:
    assert [level for level in Level if decides_here(code, level)] == [deciding]


def test_the_pilkada_spread_rule_is_not_applied_to_the_president() -> None:
    ppwp = Contest(
        ContestCode("ppwp"),
        "Pemilihan Presiden",
        (Choice(ChoiceNo(1), "PASLON 1"), Choice(ChoiceNo(2), "PASLON 2")),
    )
    outcome = recapitulate(ppwp, UNITS, TIED, Level.NASIONAL).outcome
    assert outcome == Outcome(None, False, "Suara terbanyak sama antara nomor urut 1 dan 2.")
