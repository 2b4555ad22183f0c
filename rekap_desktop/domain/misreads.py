"""Likely misreads (salah baca): digit swaps typical of OCR/OMR and values impossible for the level.

Sirekap read hand-written digits by machine and confused shapes that look alike (3 read as 8, 2 as
7, …). A value that differs from the PPK form in exactly one such digit, or a value that cannot be
true for the number of voters and TPS of the unit, is flagged so the room checks the paper first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.rules import MAX_TPS_BOX
from rekap_desktop.domain.tally import GENDERS, Tally, gendered
from rekap_desktop.text.numbers import format_number

_LOOKALIKE = (("3", "8"), ("2", "7"), ("1", "7"), ("0", "6"), ("0", "8"), ("0", "9"))
SWAP_PAIRS: frozenset[frozenset[str]] = frozenset(frozenset(p) for p in _LOOKALIKE)
"""Digits that a reader (human or machine) confuses: 3↔8, 2↔7, 1↔7, 0↔6, 0↔8, 0↔9."""

DPT_TOTAL = gendered("pemilih_dpt", "j")
_VOTE_PREFIXES = ("suara_", "pengguna_total_", "surat_suara_digunakan")


class MisreadKind(StrEnum):
    DIGIT_SWAP = "digit_swap"
    IMPOSSIBLE = "impossible"


@dataclass(frozen=True)
class DigitSwap:
    """One digit of ``value`` looks like the digit of ``reference`` at the same place."""

    position: int
    """0-based place from the left."""
    reference_digit: str
    read_digit: str


@dataclass(frozen=True)
class Misread:
    field: FieldKey
    kind: MisreadKind
    message: str


def digit_swap(reference: int, value: int) -> DigitSwap | None:
    """The swap when both numbers have the same length and differ in exactly one digit place,
    and that pair of digits is one of :data:`SWAP_PAIRS`; else None."""
    if reference < 0 or value < 0:
        return None
    ref_text, read_text = str(reference), str(value)
    if len(ref_text) != len(read_text):
        return None
    places = [i for i, (a, b) in enumerate(zip(ref_text, read_text, strict=True)) if a != b]
    if len(places) != 1:
        return None
    place = places[0]
    pair = frozenset((ref_text[place], read_text[place]))
    if pair not in SWAP_PAIRS:
        return None
    return DigitSwap(place, ref_text[place], read_text[place])


def swap_misread(field: FieldKey, reference: int | None, value: int | None) -> Misread | None:
    """A :class:`Misread` when ``value`` looks like ``reference`` with one digit misread."""
    if reference is None or value is None:
        return None
    swap = digit_swap(reference, value)
    if swap is None:
        return None
    return Misread(
        field,
        MisreadKind.DIGIT_SWAP,
        f"Kemungkinan salah baca: angka {swap.reference_digit} terbaca {swap.read_digit} "
        f"({format_number(reference)} → {format_number(value)}). Cocokkan dengan formulir fisik.",
    )


def impossible_values(tally: Tally, reference: Tally, tps_count: int | None) -> list[Misread]:
    """Values of ``tally`` that cannot be true for the unit: more than 999 per TPS, or more voters
    or votes than the DPT (taken from the reference form when present, else from ``tally``)."""
    found: list[Misread] = []
    limit = MAX_TPS_BOX * tps_count if tps_count else None
    for key, value in tally.items():
        if limit is not None and value > limit:
            found.append(
                Misread(
                    key,
                    MisreadKind.IMPOSSIBLE,
                    f"Nilai {format_number(value)} mustahil untuk {format_number(tps_count)} TPS "
                    f"(paling banyak {format_number(limit)}); kemungkinan salah baca.",
                )
            )
    found.extend(_above_dpt(tally, reference, {m.field for m in found}))
    return found


def _above_dpt(tally: Tally, reference: Tally, flagged: set[FieldKey]) -> list[Misread]:
    found: list[Misread] = []
    for gender in GENDERS:
        dpt_key = gendered("pemilih_dpt", gender)
        dpt = _first(reference.value(dpt_key), tally.value(dpt_key))
        key = gendered("pengguna_dpt", gender)
        found.extend(_over(tally, key, dpt, "pemilih dalam DPT", flagged))
    dpt_total = _first(reference.value(DPT_TOTAL), tally.value(DPT_TOTAL))
    if dpt_total is None:
        return found
    extra = sum(
        _first(reference.value(k), tally.value(k)) or 0
        for k in (gendered("pengguna_pindahan", "j"), gendered("pengguna_ktp", "j"))
    )
    for key in tally:
        if key.startswith(_VOTE_PREFIXES) and key not in flagged:
            found.extend(_over(tally, key, dpt_total + extra, "pemilih yang mungkin", flagged))
    return found


def _over(
    tally: Tally, key: FieldKey, bound: int | None, what: str, flagged: set[FieldKey]
) -> list[Misread]:
    value = tally.value(key)
    if bound is None or value is None or value <= bound or key in flagged:
        return []
    return [
        Misread(
            key,
            MisreadKind.IMPOSSIBLE,
            f"Nilai {format_number(value)} melebihi jumlah {what} ({format_number(bound)}); "
            "kemungkinan salah baca.",
        )
    ]


def _first(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)
