"""Terbilang: a whole number written out in Indonesian words (1.234 → "seribu dua ratus tiga puluh
empat"), as the result forms print beside the figures."""

from __future__ import annotations

_DIGITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def terbilang(value: int) -> str:
    """Indonesian words for ``value``: 0 → "nol", 11 → "sebelas", 1000 → "seribu"."""
    if value < 0:
        return "minus " + terbilang(-value)
    if value == 0:
        return "nol"
    return _words(value)


def _words(value: int) -> str:
    for scale, name in _SCALES:
        if value >= scale:
            head, rest = divmod(value, scale)
            return _join(f"{_words(head)} {name}", rest)
    if value >= 1000:
        head, rest = divmod(value, 1000)
        return _join("seribu" if head == 1 else f"{_words(head)} ribu", rest)
    if value >= 100:
        head, rest = divmod(value, 100)
        return _join("seratus" if head == 1 else f"{_DIGITS[head]} ratus", rest)
    if value >= 20:
        head, rest = divmod(value, 10)
        return _join(f"{_DIGITS[head]} puluh", rest)
    if value >= 12:
        return f"{_DIGITS[value - 10]} belas"
    return _DIGITS[value]


def _join(head: str, rest: int) -> str:
    return f"{head} {_words(rest)}" if rest else head
