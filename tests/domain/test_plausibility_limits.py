"""Ambang kewajaran typed in the setup (domain/plausibility_limits.py): every threshold has its
field, what is shown reads back as the same limits, and wrong input names the field."""

from __future__ import annotations

from dataclasses import fields
from fractions import Fraction

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.plausibility import Limits, Place, check_places
from rekap_desktop.domain.plausibility_limits import LIMIT_FIELDS, limit_texts, parse_limits

UNIT = "990101"


def test_every_threshold_has_its_field_in_the_setup() -> None:
    assert [f.name for f in LIMIT_FIELDS] == [f.name for f in fields(Limits)]


def test_the_defaults_are_shown_as_typed_and_read_back_unchanged() -> None:
    # GIVEN the defaults shown in the dialog
    shown = limit_texts(Limits())
    assert shown == {
        "invalid_share": "10",
        "ballot_share": "2",
        "ballot_sheets": "15",
        "zero_share": "10",
        "outlier_z": "3,5",
        "min_places": "8",
    }
    # WHEN they are read back THEN they are the same limits
    assert parse_limits(shown) == Limits()


def test_shares_take_a_comma_and_whole_numbers_a_thousands_point() -> None:
    parsed = parse_limits({"invalid_share": "12,5 %", "ballot_sheets": "1.000", "outlier_z": "4"})
    assert parsed == Limits(invalid_share=Fraction(1, 8), ballot_sheets=1000, outlier_z=4.0)


def test_every_wrong_field_is_named() -> None:
    said = parse_limits({"invalid_share": "", "min_places": "2", "zero_share": "0,12345"})
    assert said == [
        "P02 suara tidak sah paling banyak (%): '' bukan angka",
        "P04 bagian suara di TPS lain paling sedikit (%): paling banyak 4 angka di belakang koma",
        "P06 jumlah TPS paling sedikit: paling sedikit 3",
    ]


def test_the_minimum_number_of_tps_decides_whether_p06_compares() -> None:
    # GIVEN six TPS, one with a turnout far from the others
    places = [
        Place(
            "walikota",
            UNIT,
            f"{UNIT}1001{n:03d}",
            "sirekap",
            {FieldKey("pemilih_dpt_j"): 300, FieldKey("pengguna_total_j"): 180 + n},
        )
        for n in range(1, 6)
    ]
    places.append(
        Place(
            "walikota",
            UNIT,
            f"{UNIT}1001006",
            "sirekap",
            {FieldKey("pemilih_dpt_j"): 300, FieldKey("pengguna_total_j"): 299},
        )
    )
    votes = {"walikota": (FieldKey("suara_01"), FieldKey("suara_02"))}
    # WHEN checked with the default minimum (8) THEN P06 stays silent
    assert check_places(places, votes, Limits()) == []
    # WHEN the meeting lowers it to 5 THEN the odd TPS is warned
    found = check_places(places, votes, Limits(min_places=5))
    assert [(w.code, w.place.code[-3:]) for w in found] == [("P06", "006")]
