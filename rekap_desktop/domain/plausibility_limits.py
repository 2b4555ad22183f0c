"""Ambang kewajaran: the thresholds of the plausibility warnings (domain/plausibility.py) as the
meeting sets them in its setup, typed as text and checked here before anything is stored.

Shares are typed as percents ("10", "2,5"), the others as numbers; a refusal names the field
in Indonesian and what is wrong with it, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction

from rekap_desktop.domain.plausibility import Limits
from rekap_desktop.text.numbers import format_number


class Kind(Enum):
    PERCENT = "percent"
    WHOLE = "whole"
    DECIMAL = "decimal"


@dataclass(frozen=True)
class LimitField:
    name: str
    """The attribute of :class:`Limits`."""
    label: str
    """How the setup dialog and a refusal name it (Indonesian)."""
    kind: Kind
    least: Fraction = Fraction(0)
    exclusive: bool = False
    """True: the value must be above ``least``, not equal to it."""
    most: Fraction = Fraction(100)
    """A share is at most 100 %; the others are bounded too, so what is stored stays short."""


MOST = Fraction(100_000)
DECIMALS = 4
"""Digits after the comma a threshold may have (a share of 2,3456 % is already finer than any
TPS shows)."""
LIMIT_FIELDS: tuple[LimitField, ...] = (
    LimitField("invalid_share", "P02 suara tidak sah paling banyak (%)", Kind.PERCENT),
    LimitField("ballot_share", "P03 selisih surat suara paling banyak (%)", Kind.PERCENT),
    LimitField(
        "ballot_sheets", "P03 selisih surat suara paling banyak (lembar)", Kind.WHOLE, most=MOST
    ),
    LimitField("zero_share", "P04 bagian suara di TPS lain paling sedikit (%)", Kind.PERCENT),
    LimitField("outlier_z", "P06 skor jarak dari median lebih dari", Kind.DECIMAL, exclusive=True),
    LimitField("min_places", "P06 jumlah TPS paling sedikit", Kind.WHOLE, Fraction(3), most=MOST),
)
"""Every threshold, in the order the dialog shows them."""


def limit_text(limits: Limits, name: str) -> str:
    """A threshold as typed: percents without the sign, decimals with a comma."""
    spec = next(f for f in LIMIT_FIELDS if f.name == name)
    value = getattr(limits, name)
    if spec.kind is Kind.PERCENT:
        return _decimal_text(value * 100)
    if spec.kind is Kind.DECIMAL:
        return _decimal_text(Fraction(value))
    return str(value)


def limit_texts(limits: Limits) -> dict[str, str]:
    return {f.name: limit_text(limits, f.name) for f in LIMIT_FIELDS}


def parse_limits(texts: Mapping[str, str], base: Limits | None = None) -> Limits | list[str]:
    """The thresholds typed (name → text; a name not given keeps ``base``'s value, the default
    without one), or what is wrong with them (Indonesian, one line per field)."""
    problems: list[str] = []
    changed: dict[str, object] = {}
    for spec in LIMIT_FIELDS:
        if spec.name not in texts:
            continue
        parsed = _parse(spec, texts[spec.name])
        if isinstance(parsed, str):
            problems.append(f"{spec.label}: {parsed}")
        else:
            changed[spec.name] = parsed
    if problems:
        return problems
    return replace(base or Limits(), **changed)  # type: ignore[arg-type]


def _parse(spec: LimitField, typed: str) -> Fraction | int | float | str:
    text = typed.strip().removesuffix("%").strip().replace(" ", "")
    if spec.kind is Kind.WHOLE:
        text = text.replace(".", "")  # 1.000: the thousands separator, as numbers are written
    try:
        exact = Decimal(text.replace(",", "."))
        number = Fraction(exact)
    except (InvalidOperation, ValueError, OverflowError):
        return f"'{typed.strip()}' bukan angka"
    exponent = exact.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -DECIMALS:
        return f"paling banyak {DECIMALS} angka di belakang koma"
    if number < 0:
        return "tidak boleh negatif"
    if spec.exclusive and number <= spec.least:
        return f"harus lebih dari {_decimal_text(spec.least)}"
    if number < spec.least:
        return f"paling sedikit {_decimal_text(spec.least)}"
    if number > spec.most:
        if spec.kind is Kind.PERCENT:
            return "tidak boleh lebih dari 100 %"
        return f"tidak boleh lebih dari {_decimal_text(spec.most)}"
    if spec.kind is Kind.PERCENT:
        return number / 100
    if spec.kind is Kind.WHOLE:
        if number.denominator != 1:
            return "harus bilangan bulat"
        return int(number)
    return float(number)


def _decimal_text(value: Fraction) -> str:
    if value.denominator == 1:
        return format_number(int(value))
    text = f"{float(value):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
