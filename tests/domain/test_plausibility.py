"""Plausibility warnings (domain/plausibility.py): figures that add up but are unlikely."""

from __future__ import annotations

from fractions import Fraction

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.plausibility import Limits, Place, check_places

ONE, TWO = FieldKey("suara_01"), FieldKey("suara_02")
VOTES = {"walikota": (ONE, TWO)}
UNIT = "990101"


def tps(number: int, source: str = "sirekap", **values: int) -> Place:
    code = f"{UNIT}1001{number:03d}"
    return Place("walikota", UNIT, code, source, {FieldKey(k): v for k, v in values.items()})


def codes(places: list[Place], limits: Limits | None = None) -> list[tuple[str, str]]:
    found = check_places(places, VOTES, limits or Limits())
    return [(w.code, w.place.code[-3:]) for w in found]


def test_more_voters_than_could_vote_is_p01() -> None:
    place = tps(1, pemilih_dpt_j=300, pengguna_pindahan_j=2, pengguna_ktp_j=3, pengguna_total_j=306)
    fine = tps(2, pemilih_dpt_j=300, pengguna_pindahan_j=2, pengguna_ktp_j=3, pengguna_total_j=305)
    assert codes([place, fine]) == [("P01", "001")]


def test_a_high_invalid_share_is_p02_at_the_meetings_threshold() -> None:
    place = tps(1, suara_tidak_sah=21, suara_total=200)
    assert codes([place]) == [("P02", "001")]
    assert codes([place], Limits(invalid_share=Fraction(15, 100))) == []


def test_ballots_off_by_more_than_two_percent_and_fifteen_sheets_is_p03() -> None:
    keys = (
        "surat_suara_diterima",
        "surat_suara_digunakan",
        "surat_suara_rusak",
        "surat_suara_sisa",
    )
    off = tps(1, **dict(zip(keys, (600, 400, 2, 170), strict=True)))  # 28 sheets, 4.7 %
    small = tps(2, **dict(zip(keys, (600, 400, 2, 188), strict=True)))  # 10 sheets
    assert codes([off, small]) == [("P03", "001")]


def test_no_vote_where_the_choice_had_votes_elsewhere_is_p04() -> None:
    places = [tps(1, suara_01=0, suara_02=200)]
    places += [tps(2, suara_01=80, suara_02=120), tps(3, suara_01=70, suara_02=125)]
    assert codes(places) == [("P04", "001")]
    # a genuine all-zero TPS is not warned about twice, and nothing blocks it
    assert codes([tps(1, suara_01=0, suara_02=0), tps(2, suara_01=0, suara_02=90)]) == []


def test_the_same_votes_at_several_tps_of_one_source_is_p05() -> None:
    places = [tps(1, suara_01=37, suara_02=112), tps(2, suara_01=37, suara_02=112)]
    places.append(tps(3, suara_01=40, suara_02=110))
    places.append(tps(2, "ppk", suara_01=37, suara_02=112))
    assert codes(places) == [("P05", "001"), ("P05", "002")]


def test_a_turnout_far_from_the_other_tps_is_p06() -> None:
    usual = [tps(n, pemilih_dpt_j=300, pengguna_total_j=180 + n) for n in range(1, 12)]
    odd = tps(12, pemilih_dpt_j=300, pengguna_total_j=299)
    found = check_places([*usual, odd], VOTES)
    assert [(w.code, w.place.code[-3:]) for w in found] == [("P06", "012")]
    assert "partisipasi 99,7 %" in found[0].message and "median" in found[0].message
