"""Consistency rules R01–R17 of the result form (domain README §3)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.election import Choice, Contest, ElectionKind
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey
from rekap_desktop.domain.rules import (
    ADVICE_ERROR,
    ADVICE_WARNING,
    Finding,
    RuleContext,
    Severity,
    check_tally,
)
from rekap_desktop.domain.tally import Tally, form_keys

PEMILU = ElectionKind.PEMILU
PILKADA = ElectionKind.PILKADA
ERROR = Severity.ERROR
WARNING = Severity.WARNING

# The labels the messages use (text/fields.py), spelled out so a changed label is noticed.
DPT_L = "I.A Pemilih dalam DPT – Laki-laki"
DPT_J = "I.A Pemilih dalam DPT – Jumlah"
USERS_DPT_L = "I.B.1 Pengguna hak pilih dalam DPT – Laki-laki"
USERS_L = "I.B.4 Jumlah pengguna hak pilih – Laki-laki"
USERS_P = "I.B.4 Jumlah pengguna hak pilih – Perempuan"
USERS_J = "I.B.4 Jumlah pengguna hak pilih – Jumlah"
RECEIVED = "II.1 Surat suara diterima (termasuk cadangan)"
USED = "II.2 Surat suara digunakan"
DISABLED_L = "III Pemilih disabilitas yang menggunakan hak pilih – Laki-laki"
VALID = "V.A Jumlah suara sah"
TOTAL = "V.C Jumlah suara sah dan tidak sah"


def tally(values: Mapping[str, int]) -> Tally:
    return Tally({FieldKey(k): v for k, v in values.items()})


def finding(code: str, severity: Severity, fields: tuple[str, ...], message: str) -> Finding:
    advice = ADVICE_ERROR if severity is ERROR else ADVICE_WARNING
    return Finding(code, severity, tuple(FieldKey(f) for f in fields), message, advice)


def check(
    values: Mapping[str, int],
    contest: Contest,
    kind: ElectionKind = PILKADA,
    tps_count: int | None = 1,
) -> list[Finding]:
    return check_tally(tally(values), contest, RuleContext(kind, tps_count))


def changed(form: Mapping[str, int], **changes: int) -> dict[str, int]:
    return {**form, **changes}


def without(form: Mapping[str, int], *keys: str) -> dict[str, int]:
    return {k: v for k, v in form.items() if k not in keys}


# --- a consistent form


@pytest.mark.parametrize("kind", [PEMILU, PILKADA])
@pytest.mark.parametrize("tps_count", [None, 1])
def test_a_consistent_form_has_no_findings(
    consistent_form: dict[str, int], walikota: Contest, kind: ElectionKind, tps_count: int | None
) -> None:
    # GIVEN a TPS form whose numbers agree with each other (DPT 250, 200 voters, 255 ballots)
    # WHEN the rules are checked for Pemilu and Pilkada, with and without the TPS count
    # THEN nothing is found
    assert check(consistent_form, walikota, kind, tps_count) == []


# --- R01–R07, R09–R11: one broken form per rule


def test_r01_voters_by_category_must_add_up(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN one man of I.B.4 written in the women's column (L 95, P 105; J still 200)
    form = changed(consistent_form, pengguna_total_l=95, pengguna_total_p=105)

    # WHEN the rules are checked
    # THEN R01 reports both columns, each against I.B.1 + I.B.2 + I.B.3
    assert check(form, walikota) == [
        finding(
            "R01",
            ERROR,
            ("pengguna_total_l", "pengguna_dpt_l", "pengguna_pindahan_l", "pengguna_ktp_l"),
            f"{USERS_L} tertulis 95, padahal I.B.1 + I.B.2 + I.B.3 = 94 (selisih 1).",
        ),
        finding(
            "R01",
            ERROR,
            ("pengguna_total_p", "pengguna_dpt_p", "pengguna_pindahan_p", "pengguna_ktp_p"),
            f"{USERS_P} tertulis 105, padahal I.B.1 + I.B.2 + I.B.3 = 106 (selisih -1).",
        ),
    ]


def test_r02_jumlah_must_be_laki_laki_plus_perempuan(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN a DPT total of 251 while L 120 + P 130 = 250
    form = changed(consistent_form, pemilih_dpt_j=251)

    # WHEN the rules are checked
    # THEN R02 reports the DPT row
    assert check(form, walikota) == [
        finding(
            "R02",
            ERROR,
            ("pemilih_dpt_j", "pemilih_dpt_l", "pemilih_dpt_p"),
            f"{DPT_J} tertulis 251, padahal Laki-laki + Perempuan = 250 (selisih 1).",
        )
    ]


def test_r03_valid_votes_must_be_the_sum_of_the_choices(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 121 + 70 votes for the choices but 190 written as suara sah
    form = changed(consistent_form, suara_01=121)

    # WHEN the rules are checked
    # THEN R03 reports suara sah against section IV
    assert check(form, walikota) == [
        finding(
            "R03",
            ERROR,
            ("suara_sah", "suara_01", "suara_02"),
            f"{VALID} tertulis 190, padahal jumlah suara sah semua pilihan (IV) = 191 "
            "(selisih -1).",
        )
    ]


def test_r04_total_must_be_valid_plus_invalid(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 190 valid + 11 invalid but a total of 200
    form = changed(consistent_form, suara_tidak_sah=11)

    # WHEN the rules are checked
    # THEN R04 reports V.C against V.A + V.B
    assert check(form, walikota) == [
        finding(
            "R04",
            ERROR,
            ("suara_total", "suara_sah", "suara_tidak_sah"),
            f"{TOTAL} tertulis 200, padahal V.A + V.B = 201 (selisih -1).",
        )
    ]


def test_r05_more_ballots_than_voters_is_an_error(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 201 ballots counted (190 + 11) while 200 voters used their right (and 200 used)
    form = changed(consistent_form, suara_tidak_sah=11, suara_total=201)

    # WHEN the rules are checked
    # THEN R05 is an error, and R15 finds the ballots used one short of those counted
    assert check(form, walikota) == [
        finding(
            "R05",
            ERROR,
            ("suara_total", "pengguna_total_j"),
            f"{TOTAL} (201) lebih besar dari {USERS_J} (200); seharusnya sama.",
        ),
        finding(
            "R15",
            ERROR,
            ("surat_suara_digunakan", "suara_total"),
            f"{USED} tertulis 200, padahal V.C jumlah suara sah dan tidak sah = 201 (selisih -1).",
        ),
    ]


def test_r05_fewer_ballots_than_voters_is_a_warning(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 199 ballots counted (190 + 9) and used, while 200 voters used their right
    form = changed(
        consistent_form,
        suara_tidak_sah=9,
        suara_total=199,
        surat_suara_digunakan=199,
        surat_suara_sisa=53,
    )

    # WHEN the rules are checked
    # THEN R05 is only a warning (and R06 warns the same of the ballots used)
    assert check(form, walikota) == [
        finding(
            "R05",
            WARNING,
            ("suara_total", "pengguna_total_j"),
            f"{TOTAL} (199) lebih kecil dari {USERS_J} (200); seharusnya sama.",
        ),
        finding(
            "R06",
            WARNING,
            ("surat_suara_digunakan", "pengguna_total_j"),
            f"{USED} (199) tidak sama dengan {USERS_J} (200).",
        ),
    ]


def test_r06_ballots_used_should_equal_voters(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 201 ballots used (one fewer unused, so II still balances) for 200 voters
    form = changed(consistent_form, surat_suara_digunakan=201, surat_suara_sisa=51)

    # WHEN the rules are checked
    # THEN R06 warns, and R15 finds one ballot used more than the 200 counted in V.C
    assert check(form, walikota) == [
        finding(
            "R06",
            WARNING,
            ("surat_suara_digunakan", "pengguna_total_j"),
            f"{USED} (201) tidak sama dengan {USERS_J} (200).",
        ),
        finding(
            "R15",
            ERROR,
            ("surat_suara_digunakan", "suara_total"),
            f"{USED} tertulis 201, padahal V.C jumlah suara sah dan tidak sah = 200 (selisih 1).",
        ),
    ]


def test_r07_ballots_received_must_be_accounted_for(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 255 ballots received but 200 used + 3 returned + 53 unused = 256
    form = changed(consistent_form, surat_suara_sisa=53)

    # WHEN the rules are checked
    # THEN R07 reports II.1 against II.2 + II.3 + II.4
    assert check(form, walikota) == [
        finding(
            "R07",
            ERROR,
            (
                "surat_suara_diterima",
                "surat_suara_digunakan",
                "surat_suara_rusak",
                "surat_suara_sisa",
            ),
            f"{RECEIVED} tertulis 255, padahal II.2 + II.3 + II.4 = 256 (selisih -1).",
        )
    ]


def test_r09_dpt_users_cannot_exceed_the_dpt(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 80 men on the DPT (130 → 170 women keeps the total) while 90 DPT men voted
    form = changed(consistent_form, pemilih_dpt_l=80, pemilih_dpt_p=170)

    # WHEN the rules are checked
    # THEN R09 reports the men's column
    assert check(form, walikota) == [
        finding(
            "R09",
            ERROR,
            ("pengguna_dpt_l", "pemilih_dpt_l"),
            f"{USERS_DPT_L} (90) melebihi {DPT_L} (80).",
        )
    ]


def test_r10_disabled_voters_cannot_exceed_voters(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 95 disabled men voted while 94 men voted in all
    form = changed(consistent_form, disabilitas_l=95, disabilitas_j=96)

    # WHEN the rules are checked
    # THEN R10 reports the men's column
    assert check(form, walikota) == [
        finding(
            "R10",
            ERROR,
            ("disabilitas_l", "pengguna_total_l"),
            f"{DISABLED_L} (95) melebihi {USERS_L} (94).",
        )
    ]


def test_r11_voters_cannot_exceed_the_ballots_available(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 255 ballots received, 60 returned damaged (II.2 and II.4 not recorded) and 200 voters
    form = without(consistent_form, "surat_suara_digunakan", "surat_suara_sisa")
    form["surat_suara_rusak"] = 60

    # WHEN the rules are checked
    # THEN R11 reports that only 195 ballots were available
    assert check(form, walikota) == [
        finding(
            "R11",
            ERROR,
            ("pengguna_total_j", "surat_suara_diterima", "surat_suara_rusak"),
            f"{USERS_J} (200) melebihi surat suara yang tersedia (II.1 − II.3 = 195).",
        )
    ]


# --- R15–R17: ballots used, returned notices, one DPT per Pilkada


def test_r15_ballots_used_must_equal_the_votes_counted(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 200 voters and 200 ballots counted, but 210 ballots used (II balanced by fewer unused)
    form = changed(consistent_form, surat_suara_digunakan=210, surat_suara_sisa=42)

    # WHEN the rules are checked
    found = check(form, walikota)

    # THEN R15 is an error naming II.2 against V.C (R06 warns besides, about the voters)
    assert [f.code for f in found] == ["R06", "R15"]
    assert found[1] == finding(
        "R15",
        ERROR,
        ("surat_suara_digunakan", "suara_total"),
        f"{USED} tertulis 210, padahal V.C jumlah suara sah dan tidak sah = 200 (selisih 10).",
    )


def test_r16_returned_notices_cannot_exceed_the_dpt(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN 251 C.Pemberitahuan returned undistributed for a DPT of 250
    form = changed(consistent_form, c_pemberitahuan_kembali=251)

    # WHEN the rules are checked
    # THEN R16 is an error; as many as the DPT itself is possible and not reported
    assert check(form, walikota) == [
        finding(
            "R16",
            ERROR,
            ("c_pemberitahuan_kembali", "pemilih_dpt_j"),
            "C.Pemberitahuan yang dikembalikan karena tidak terdistribusi (251) melebihi "
            f"{DPT_J} (250).",
        )
    ]
    assert check(changed(consistent_form, c_pemberitahuan_kembali=250), walikota) == []


def test_r17_the_contests_of_one_pilkada_share_the_dpt(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN the Wali Kota form of a kecamatan and its Gubernur form with 3 more women on the DPT
    gubernur = tally(changed(consistent_form, pemilih_dpt_p=133, pemilih_dpt_j=253))
    context = RuleContext(PILKADA, 1, siblings=(("Pemilihan Gubernur", gubernur),))

    # WHEN the rules are checked with the Gubernur form beside it
    found = check_tally(tally(consistent_form), walikota, context)

    # THEN R17 reports the women's column and the total, each against the Gubernur's
    assert found == [
        finding(
            "R17",
            ERROR,
            ("pemilih_dpt_p",),
            "I.A Pemilih dalam DPT – Perempuan (130) berbeda dengan DPT kecamatan yang sama pada "
            "Pemilihan Gubernur (133); satu Pilkada memakai satu DPT.",
        ),
        finding(
            "R17",
            ERROR,
            ("pemilih_dpt_j",),
            f"{DPT_J} (250) berbeda dengan DPT kecamatan yang sama pada Pemilihan Gubernur "
            "(253); satu Pilkada memakai satu DPT.",
        ),
    ]
    # AND an equal DPT, or a Pemilu (whose ballots may differ by dapil), finds nothing
    same = RuleContext(PILKADA, 1, siblings=(("Pemilihan Gubernur", tally(consistent_form)),))
    assert check_tally(tally(consistent_form), walikota, same) == []
    pemilu = RuleContext(PEMILU, 1, siblings=context.siblings)
    assert check_tally(tally(consistent_form), walikota, pemilu) == []


# --- R08: reserve ballots


def test_r08_too_many_ballots_received_for_pemilu(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN a Pemilu TPS with DPT 250 that received 257 ballots (2 % reserve = 5, plus 1 rounding)
    form = changed(consistent_form, surat_suara_diterima=257, surat_suara_sisa=54)

    # WHEN the rules are checked for Pemilu and for Pilkada
    # THEN Pemilu warns (at most 256 expected); Pilkada's 2.5 % reserve (7) allows it
    assert check(form, walikota, PEMILU) == [
        finding(
            "R08",
            WARNING,
            ("surat_suara_diterima", "pemilih_dpt_j"),
            f"{RECEIVED} (257) tidak sesuai {DPT_J} (250) + cadangan 2% (diharapkan 250–256).",
        )
    ]
    assert check(form, walikota, PILKADA) == []


def test_r08_too_many_ballots_received_for_pilkada(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN a Pilkada TPS with DPT 250 that received 259 ballots
    form = changed(consistent_form, surat_suara_diterima=259, surat_suara_sisa=56)

    # WHEN the rules are checked
    # THEN R08 warns with the Pilkada rate written the Indonesian way (2,5%)
    assert check(form, walikota, PILKADA) == [
        finding(
            "R08",
            WARNING,
            ("surat_suara_diterima", "pemilih_dpt_j"),
            f"{RECEIVED} (259) tidak sesuai {DPT_J} (250) + cadangan 2,5% (diharapkan 250–258).",
        )
    ]


@pytest.mark.parametrize("kind", [PEMILU, PILKADA])
def test_r08_fewer_ballots_than_the_dpt(
    consistent_form: dict[str, int], walikota: Contest, kind: ElectionKind
) -> None:
    # GIVEN a TPS with DPT 250 that received only 249 ballots
    form = changed(consistent_form, surat_suara_diterima=249, surat_suara_sisa=46)

    # WHEN the rules are checked
    found = check(form, walikota, kind)

    # THEN R08 warns, and only R08
    assert [(f.code, f.severity) for f in found] == [("R08", WARNING)]
    assert found[0].message.startswith(f"{RECEIVED} (249) tidak sesuai {DPT_J} (250)")


@pytest.mark.parametrize(
    ("kind", "dpt", "tps_count", "highest_accepted"),
    [
        # one TPS: DPT + ceil(rate × DPT), plus one ballot of rounding slack for that TPS
        (PEMILU, 250, 1, 256),
        (PILKADA, 250, 1, 258),
        (PEMILU, 201, 1, 207),
        (PILKADA, 201, 1, 208),
        # TPS count unknown: no slack
        (PEMILU, 250, None, 255),
        (PILKADA, 250, None, 257),
        (PEMILU, 201, None, 206),
        (PILKADA, 201, None, 207),
        (PEMILU, 0, None, 0),
        # a kecamatan of 10 TPS: each TPS rounds up, so up to 10 more than the rounded total
        (PEMILU, 2500, 10, 2560),
        (PILKADA, 2500, 10, 2573),
    ],
)
def test_r08_reserve_window(
    walikota: Contest, kind: ElectionKind, dpt: int, tps_count: int | None, highest_accepted: int
) -> None:
    # GIVEN only the DPT total and the ballots received
    def codes(received: int) -> list[str]:
        values = {"pemilih_dpt_j": dpt, "surat_suara_diterima": received}
        return [f.code for f in check(values, walikota, kind, tps_count)]

    # WHEN the ballots received are at and just outside the window [DPT, DPT + reserve + slack]
    # THEN inside is silent and outside warns
    assert codes(dpt) == []
    assert codes(highest_accepted) == []
    assert codes(highest_accepted + 1) == ["R08"]
    if dpt:
        assert codes(dpt - 1) == ["R08"]


# --- R12: capacity


@pytest.mark.parametrize(
    ("kind", "tps_count", "dpt", "expected_message"),
    [
        (PEMILU, 1, 300, None),
        (PEMILU, 1, 301, f"{DPT_J} (301) melebihi batas 300 pemilih per TPS × 1 TPS = 300."),
        (PILKADA, 1, 301, None),
        (PILKADA, 1, 600, None),
        (PILKADA, 1, 601, f"{DPT_J} (601) melebihi batas 600 pemilih per TPS × 1 TPS = 600."),
        (PEMILU, 100, 30_000, None),
        (
            PEMILU,
            100,
            30_001,
            f"{DPT_J} (30.001) melebihi batas 300 pemilih per TPS × 100 TPS = 30.000.",
        ),
        (PILKADA, 97, 58_200, None),
        (
            PILKADA,
            97,
            58_201,
            f"{DPT_J} (58.201) melebihi batas 600 pemilih per TPS × 97 TPS = 58.200.",
        ),
    ],
)
def test_r12_dpt_per_tps_cap(
    walikota: Contest,
    kind: ElectionKind,
    tps_count: int,
    dpt: int,
    expected_message: str | None,
) -> None:
    # GIVEN a DPT total and the number of TPS it covers
    # WHEN the rules are checked
    found = check({"pemilih_dpt_j": dpt}, walikota, kind, tps_count)

    # THEN above 300 voters per TPS (Pemilu) or 600 (Pilkada) R12 is an error
    expected = (
        []
        if expected_message is None
        else [finding("R12", ERROR, ("pemilih_dpt_j",), expected_message)]
    )
    assert found == expected


@pytest.mark.parametrize("kind", [PEMILU, PILKADA])
@pytest.mark.parametrize(
    ("tps_count", "value", "expected_message"),
    [
        (1, 999, None),
        (
            1,
            1000,
            "IV Suara sah pilihan nomor urut 1 (1.000) mustahil untuk 1 TPS (paling banyak 999); "
            "kemungkinan salah baca.",
        ),
        (2, 1998, None),
        (
            2,
            1999,
            "IV Suara sah pilihan nomor urut 1 (1.999) mustahil untuk 2 TPS (paling banyak "
            "1.998); kemungkinan salah baca.",
        ),
        # Way Lima, Pesawaran, 2024: Sirekap read 35 votes as 3,514,615
        (
            1,
            3_514_615,
            "IV Suara sah pilihan nomor urut 1 (3.514.615) mustahil untuk 1 TPS (paling banyak "
            "999); kemungkinan salah baca.",
        ),
    ],
)
def test_r12_three_digit_boxes_per_tps(
    walikota: Contest,
    kind: ElectionKind,
    tps_count: int,
    value: int,
    expected_message: str | None,
) -> None:
    # GIVEN a vote count and the number of TPS it covers
    # WHEN the rules are checked
    found = check({"suara_01": value}, walikota, kind, tps_count)

    # THEN a value that cannot fit 3 digit boxes per TPS is an R12 error (a likely misread)
    expected = (
        [] if expected_message is None else [finding("R12", ERROR, ("suara_01",), expected_message)]
    )
    assert found == expected


def test_r12_a_dpt_beyond_the_boxes_breaks_both_limits(walikota: Contest) -> None:
    # GIVEN a Pilkada TPS with 1,000 on the DPT
    # WHEN the rules are checked
    # THEN both the 600 cap and the 999 box limit are reported
    assert check({"pemilih_dpt_j": 1000}, walikota, PILKADA, 1) == [
        finding(
            "R12",
            ERROR,
            ("pemilih_dpt_j",),
            f"{DPT_J} (1.000) melebihi batas 600 pemilih per TPS × 1 TPS = 600.",
        ),
        finding(
            "R12",
            ERROR,
            ("pemilih_dpt_j",),
            f"{DPT_J} (1.000) mustahil untuk 1 TPS (paling banyak 999); kemungkinan salah baca.",
        ),
    ]


@pytest.mark.parametrize("tps_count", [None, 0])
def test_r12_needs_the_tps_count(walikota: Contest, tps_count: int | None) -> None:
    # GIVEN absurd values but no (or zero) TPS count
    values = {"pemilih_dpt_j": 3_514_615, "suara_01": 3_514_615}

    # WHEN the rules are checked
    # THEN R12 stays silent: without the TPS count there is no limit to compare with
    assert check(values, walikota, PEMILU, tps_count) == []


# --- messages


def test_messages_format_numbers_the_indonesian_way(walikota: Contest) -> None:
    # GIVEN kecamatan totals in the thousands that do not add up
    values = {
        "pengguna_dpt_j": 12_000,
        "pengguna_pindahan_j": 300,
        "pengguna_ktp_j": 45,
        "pengguna_total_j": 13_345,
    }

    # WHEN the rules are checked
    # THEN the numbers, and the difference, are written with thousands dots
    assert check(values, walikota, tps_count=None) == [
        finding(
            "R01",
            ERROR,
            ("pengguna_total_j", "pengguna_dpt_j", "pengguna_pindahan_j", "pengguna_ktp_j"),
            f"{USERS_J} tertulis 13.345, padahal I.B.1 + I.B.2 + I.B.3 = 12.345 (selisih 1.000).",
        )
    ]


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (PEMILU, "I.B.2 Pengguna hak pilih dalam DPTb (pindahan) – Jumlah"),
        (PILKADA, "I.B.2 Pengguna hak pilih pindahan (DPPh) – Jumlah"),
    ],
)
def test_messages_name_moved_in_voters_per_election(
    walikota: Contest, kind: ElectionKind, label: str
) -> None:
    # GIVEN moved-in voters L 3 + P 2 but J 6
    values = {"pengguna_pindahan_l": 3, "pengguna_pindahan_p": 2, "pengguna_pindahan_j": 6}

    # WHEN the rules are checked for each election kind
    # THEN the message uses that election's name for the category
    assert check(values, walikota, kind) == [
        finding(
            "R02",
            ERROR,
            ("pengguna_pindahan_j", "pengguna_pindahan_l", "pengguna_pindahan_p"),
            f"{label} tertulis 6, padahal Laki-laki + Perempuan = 5 (selisih 1).",
        )
    ]


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (PEMILU, "I.B.3 Pengguna hak pilih dalam DPK (KTP-el) – Jumlah"),
        (PILKADA, "I.B.3 Pengguna hak pilih dengan KTP-el (DPTb) – Jumlah"),
    ],
)
def test_messages_name_ktp_voters_per_election(
    walikota: Contest, kind: ElectionKind, label: str
) -> None:
    # GIVEN 1,000 KTP-el voters at one TPS
    # WHEN the rules are checked for each election kind
    # THEN the message uses that election's name for the category
    assert check({"pengguna_ktp_j": 1000}, walikota, kind) == [
        finding(
            "R12",
            ERROR,
            ("pengguna_ktp_j",),
            f"{label} (1.000) mustahil untuk 1 TPS (paling banyak 999); kemungkinan salah baca.",
        )
    ]


def test_findings_come_in_rule_order(consistent_form: dict[str, int], walikota: Contest) -> None:
    # GIVEN a form that breaks R12 (a misread vote), R03 and R02
    form = changed(consistent_form, suara_02=1070, pemilih_dpt_j=251)

    # WHEN the rules are checked
    found = check(form, walikota)

    # THEN the findings are listed in rule order, not in the order the fields were broken
    assert [f.code for f in found] == ["R02", "R03", "R12"]


# --- contests


def test_r03_counts_the_kolom_kosong(consistent_form: dict[str, int]) -> None:
    # GIVEN a calon tunggal contest whose kolom kosong is number 1
    contest = Contest(
        ContestCode("walikota"),
        "Pemilihan Wali Kota",
        (Choice(ChoiceNo(1), "KOLOM KOSONG", True), Choice(ChoiceNo(2), "PASLON")),
    )

    # WHEN the consistent form (120 + 70 = 190) is checked, and then one without the kolom kosong
    # THEN kolom kosong votes are part of suara sah; leaving them out is no silent pass
    assert check(consistent_form, contest) == []
    assert [f.code for f in check(changed(consistent_form, suara_01=0), contest)] == ["R03"]


def test_r03_for_a_party_list_sums_party_and_candidate_votes(dprd_kabko: Contest) -> None:
    # GIVEN party votes and candidate votes of a DPRD contest
    votes = {
        "suara_partai_01": 10,
        "suara_caleg_01_01": 20,
        "suara_caleg_01_02": 30,
        "suara_caleg_01_03": 0,
        "suara_partai_02": 5,
        "suara_caleg_02_01": 35,
    }

    # WHEN suara sah is their sum, and then one more
    # THEN the first is consistent and the second is an R03 error naming every vote field
    assert check({**votes, "suara_sah": 100}, dprd_kabko, PEMILU) == []
    assert check({**votes, "suara_sah": 101}, dprd_kabko, PEMILU) == [
        finding(
            "R03",
            ERROR,
            ("suara_sah", *votes),
            f"{VALID} tertulis 101, padahal jumlah suara sah semua pilihan (IV) = 100 (selisih 1).",
        )
    ]


# --- not recorded


@pytest.mark.parametrize("kind", [PEMILU, PILKADA])
@pytest.mark.parametrize("tps_count", [None, 0, 1, 500])
def test_an_empty_tally_has_no_findings(
    walikota: Contest, dprd_kabko: Contest, kind: ElectionKind, tps_count: int | None
) -> None:
    # GIVEN a form on which nothing was recorded
    # WHEN the rules are checked
    # THEN nothing is found and nothing raises
    assert check({}, walikota, kind, tps_count) == []
    assert check({}, dprd_kabko, kind, tps_count) == []


def test_rules_skip_when_a_field_is_not_recorded(
    consistent_form: dict[str, int], walikota: Contest
) -> None:
    # GIVEN a form that breaks R01, R03, R04 and R07, each of which then loses one of its fields
    broken = changed(
        consistent_form,
        pengguna_total_j=999,
        suara_sah=1,
        suara_total=1,
        surat_suara_diterima=1,
    )
    form = without(broken, "pengguna_dpt_j", "suara_02", "suara_tidak_sah", "surat_suara_rusak")

    # WHEN the rules are checked
    found = check(form, walikota, tps_count=None)

    # THEN none of those rules reports anything: a missing field is not taken as zero
    assert not {"R01", "R03", "R04", "R07"} & {f.code for f in found}


def test_r03_is_skipped_for_a_unit_that_records_only_part_of_a_party_list(
    dprd_kabko: Contest,
) -> None:
    # GIVEN a unit of dapil 1 that records no value for candidate 3 of party 1 (a dapil 2 name)
    votes = {
        "suara_partai_01": 10,
        "suara_caleg_01_01": 20,
        "suara_caleg_01_02": 30,
        "suara_partai_02": 5,
        "suara_caleg_02_01": 35,
        "suara_sah": 1,
    }

    # WHEN the rules are checked
    # THEN R03 is skipped, since not every vote field of the contest is recorded
    assert check(votes, dprd_kabko, PEMILU) == []


# --- never raises

HYPOTHESIS_CONTEST = Contest(
    ContestCode("walikota"),
    "Pemilihan Wali Kota",
    (Choice(ChoiceNo(1), "KOLOM KOSONG", True), Choice(ChoiceNo(2), "PASLON")),
)
ALL_KEYS = [*form_keys(HYPOTHESIS_CONTEST), "suara_03", "suara_partai_01", "kolom_asing", ""]
ANY_COUNT = (
    st.integers(min_value=0)
    | st.integers(min_value=0, max_value=1200)
    | st.sampled_from([10**60, 10**400])
)
# Each field is recorded or not independently, so rules that need several fields do get to run.
ANY_FORM = st.fixed_dictionaries({k: st.none() | ANY_COUNT for k in ALL_KEYS}).map(
    lambda form: {k: v for k, v in form.items() if v is not None}
)


@settings(max_examples=300)
@given(
    values=ANY_FORM,
    kind=st.sampled_from(list(ElectionKind)),
    tps_count=st.none() | st.integers(min_value=0, max_value=20_000),
)
def test_random_tallies_never_raise(
    values: dict[str, int], kind: ElectionKind, tps_count: int | None
) -> None:
    # GIVEN any subset of fields with any non-negative values, however large
    # WHEN the rules are checked
    found = check(values, HYPOTHESIS_CONTEST, kind, tps_count)

    # THEN they report (never raise), with known codes, and only about recorded fields
    assert all(f.code in {f"R{n:02d}" for n in range(1, 18)} for f in found)
    assert all(set(f.fields) <= set(values) for f in found)
    assert all(f.message and f.advice for f in found)
