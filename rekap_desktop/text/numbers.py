"""Numbers and dates the Indonesian way: 1.234.567; 94,6 %; Kamis, 5 Desember 2024."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def format_number(value: int | None, missing: str = "–") -> str:
    """1234567 → "1.234.567"; None (not recorded) → a dash."""
    if value is None:
        return missing
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_fraction(numerator: int, denominator: int, decimals: int = 2) -> str:
    """An exact quotient rounded half up: (20000, 3) → "6.666,67"; (30000, 1) → "30.000,00"."""
    if denominator <= 0 or numerator < 0:
        raise ValueError(f"expected a non-negative quotient, got {numerator}/{denominator}")
    scale = 10**decimals
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    whole, part = divmod(scaled, scale)
    return f"{format_number(whole)},{part:0{decimals}d}" if decimals else format_number(whole)


def format_percent(value: float, decimals: int = 1) -> str:
    """94.59 → "94,6 %"."""
    return f"{value:.{decimals}f}".replace(".", ",") + " %"


def format_date(day: date) -> str:
    """date(2024, 12, 5) → "Kamis, 5 Desember 2024"."""
    return f"{DAYS[day.weekday()]}, {format_day(day)}"


def format_day(day: date) -> str:
    """date(2024, 12, 5) → "5 Desember 2024" (a decree's or letter's "pada tanggal")."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_moment(moment: date) -> str:
    """A day, or a moment with its clock time: "Kamis, 5 Desember 2024, pukul 21.30"."""
    if isinstance(moment, datetime):
        return f"{format_date(moment)}, pukul {moment:%H.%M}"
    return format_date(moment)


def format_stored_moment(at: str) -> str:
    """A stored ISO time as a form states it: "Kamis, 29 Februari 2024, pukul 10.15 UTC" (the
    text as it is when it is not ISO)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    zone = " UTC" if moment.utcoffset() == timedelta(0) else ""
    return f"{format_date(moment.date())}, pukul {moment:%H.%M}{zone}"


def parse_number(text: str) -> int | None:
    """Read a whole number ≥ 0 written the Indonesian way ("1.234" or "1234"); else None.

    A dot is accepted only as a thousands separator (groups of three digits after a first group
    that does not start with 0), so "1.5", "12.34" and "0.500" are refused rather than silently
    read as 15, 1234 or 500. A space is taken as a dot.
    """
    # A space groups thousands like a dot ("1 234"); "12 34" is two numbers, not 1234.
    text = " ".join(text.split()).replace(" ", ".")
    if not text:
        return None
    if "." in text:
        head, *groups = text.split(".")
        if not (
            head.isdigit()
            and 1 <= len(head) <= 3
            and not head.startswith("0")
            and all(len(g) == 3 and g.isdigit() for g in groups)
        ):
            return None
        text = head + "".join(groups)
    if not text.isdigit() or not text.isascii():
        return None
    try:
        return int(text)
    except ValueError:  # more digits than int() converts (sys.get_int_max_str_digits)
        return None


def join_and(items: Iterable[object]) -> str:
    """[1, 4, 7] → "1, 4 dan 7"; [2] → "2"."""
    texts = [str(item) for item in items]
    return ", ".join(texts[:-1]) + " dan " + texts[-1] if len(texts) > 1 else "".join(texts)
