"""Numbers, percentages and dates written the Indonesian way."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekap_desktop.text.numbers import (
    format_date,
    format_fraction,
    format_number,
    format_percent,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1234, "1.234"),
        (1234567, "1.234.567"),
        (289401, "289.401"),
        (-1234, "-1.234"),
    ],
)
def test_format_number_groups_thousands_with_dots(value: int, expected: str) -> None:
    # GIVEN a whole number
    # WHEN it is formatted
    # THEN thousands are separated by dots
    assert format_number(value) == expected


def test_format_number_shows_a_dash_for_not_recorded() -> None:
    # GIVEN a value that was not recorded
    # WHEN it is formatted, with the default and with a chosen placeholder
    # THEN a dash (or the placeholder) is shown, never "0"
    assert format_number(None) == "–"
    assert format_number(None, missing="") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("1234", 1234),
        ("1.234", 1234),
        ("1.234.567", 1234567),
        (" 12 ", 12),
        ("\t42\n", 42),
        ("007", 7),
        ("999.999", 999999),
        ("1 234", 1234),
        ("12 345 678", 12345678),
    ],
)
def test_parse_number_accepts_whole_numbers(text: str, expected: int) -> None:
    # GIVEN a whole number, optionally with Indonesian thousands dots and surrounding blanks
    # WHEN it is read
    # THEN its value is returned
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1.5",
        "12.34",
        "1.2345",
        "1234.567",
        "0.500",
        ".123",
        "1.",
        "1..234",
        "-1",
        "+1",
        "1,5",
        "1,234",
        "abc",
        "12a",
        "1e3",
        "١٢",
        "١.٢٣٤",
        "²",
        "１２",
        "12 34",
        "1 2 3",
        "1.234 56",
    ],
)
def test_parse_number_refuses_anything_else(text: str) -> None:
    # GIVEN a decimal, a negative, a comma, text or non-ASCII digits
    # WHEN it is read
    # THEN it is refused (None) rather than guessed
    assert parse_number(text) is None


def test_parse_number_refuses_an_absurdly_long_number_without_raising() -> None:
    # GIVEN more digits than Python converts to an int by default (4300)
    text = "9" * 5000

    # WHEN it is read
    # THEN it is refused like any other bad cell, not raised as an internal error
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**18))
def test_parse_number_reads_back_what_format_number_writes(value: int) -> None:
    # GIVEN any non-negative count
    # WHEN it is formatted and read back, and also read without dots
    # THEN the same value comes back both ways
    assert parse_number(format_number(value)) == value
    assert parse_number(str(value)) == value


@given(st.text(max_size=20))
def test_parse_number_never_raises(text: str) -> None:
    # GIVEN any text
    # WHEN it is read
    result = parse_number(text)

    # THEN the result is a non-negative int or None
    assert result is None or (isinstance(result, int) and result >= 0)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 12, 5), "Kamis, 5 Desember 2024"),
        (date(2024, 11, 27), "Rabu, 27 November 2024"),
        (date(2024, 2, 14), "Rabu, 14 Februari 2024"),
        (date(2024, 3, 4), "Senin, 4 Maret 2024"),
        (date(2024, 12, 1), "Minggu, 1 Desember 2024"),
        (date(2024, 6, 7), "Jumat, 7 Juni 2024"),
    ],
)
def test_format_date_in_indonesian(day: date, expected: str) -> None:
    # GIVEN a date
    # WHEN it is formatted
    # THEN day name and month are Indonesian, the day has no leading zero
    assert format_date(day) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (94.59, 1, "94,6 %"),
        (0.0, 1, "0,0 %"),
        (100.0, 1, "100,0 %"),
        (50.0, 0, "50 %"),
        (88.123, 2, "88,12 %"),
    ],
)
def test_format_percent_uses_a_decimal_comma(value: float, decimals: int, expected: str) -> None:
    # GIVEN a percentage
    # WHEN it is formatted
    # THEN it uses a decimal comma and a spaced percent sign
    assert format_percent(value, decimals) == expected


def test_format_percent_defaults_to_one_decimal() -> None:
    # GIVEN Sirekap's progress figure for Kota Samarinda
    # WHEN it is formatted without choosing decimals
    # THEN one decimal is shown
    assert format_percent(94.59) == "94,6 %"


def test_quotients_are_rounded_half_up_to_two_decimals_the_indonesian_way() -> None:
    # GIVEN Sainte-Laguë quotients WHEN formatted THEN 2 decimals with a comma, rounded half up
    assert format_fraction(30_000, 1) == "30.000,00"
    assert format_fraction(20_000, 3) == "6.666,67"
    assert format_fraction(7_000, 3) == "2.333,33"
    assert format_fraction(1, 200) == "0,01"
    assert format_fraction(1_234_567, 1, 0) == "1.234.567"
    with pytest.raises(ValueError):
        format_fraction(1, 0)
