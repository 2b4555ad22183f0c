"""Plausibility warnings (P01 …): figures that add up but are unlikely, checked per TPS (kept rows)
and per kecamatan, so the room looks at the paper before it accepts them.

Sirekap read numbers by machine and had no such filter (experts said so publicly in 2024); a
form can obey every arithmetic rule (R01–R17) and still hold a misread or a copied sheet. These
checks never block the meeting: each is a warning the meeting may look at, and a genuine TPS (an
all-zero one included) passes as it is.

- P01 more voters than could vote: pengguna hak pilih > DPT + pindahan (DPPh/DPTb) + KTP-el.
- P02 a high share of invalid votes: suara tidak sah above ``invalid_share`` of all votes.
- P03 the ballots do not balance: diterima ≠ digunakan + rusak + sisa by more than both
  ``ballot_share`` of the ballots received and ``ballot_sheets`` sheets.
- P04 no vote for a choice at a TPS with votes, where the choice had at least ``zero_share`` of
  the votes across the other TPS of the same kecamatan (a TPS where nobody voted is not warned).
- P05 the same votes, choice by choice, at several TPS of one source (a copied sheet).
- P06 turnout or a choice's share far from the other TPS of the meeting: the robust z-score
  (distance from the median in units of the median absolute deviation × 1.4826) above
  ``outlier_z`` — "jauh di luar kebiasaan TPS lain", not merely high.

The thresholds (:class:`Limits`) are the meeting's: set in its setup ("Ambang kewajaran…", a
commissioner's PIN, services/plausibility_service.py), the defaults below until it sets them. The
defaults and where they come from (none is a number of the regulations):

- ``invalid_share`` 10 %: about four times the national share of invalid votes in the 2019
  presidential election (3.754.905 of 158.012.506, 2,37 %: KPU decree 987/2019, 21 May 2019);
  the program's choice.
- ``ballot_share`` 2 %: the reserve printed beyond the DPT of each TPS (UU 7/2017 Pasal 344 ayat
  (2), Pemilu 2024); ``ballot_sheets`` 15: the program's choice, so a small TPS whose reserve is a
  handful of sheets is not warned for a miscount of a few.
- ``zero_share`` 10 %: the program's choice — a choice with a tenth of the votes around it is
  unlikely to get none at one TPS.
- ``outlier_z`` 3,5: the usual bound of the modified z-score (Iglewicz & Hoaglin, *How to Detect
  and Handle Outliers*, 1993); ``min_places`` 8: the program's choice, fewer TPS give no robust
  median and spread.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import median

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.tally import BALLOT_KEYS, INVALID, TOTAL, choice_number, gendered
from rekap_desktop.text.numbers import format_number, format_percent

DPT = gendered("pemilih_dpt", "j")
USERS = gendered("pengguna_total", "j")
MOVED = gendered("pengguna_pindahan", "j")
KTP = gendered("pengguna_ktp", "j")
RECEIVED, USED, DAMAGED, UNUSED = BALLOT_KEYS
MIN_PLACES_FOR_OUTLIERS = 8
"""Fewer TPS than this give no robust notion of "usual"."""


@dataclass(frozen=True)
class Limits:
    """Thresholds of the warnings; the defaults (see the module's docstring for their source)
    hold until the meeting sets its own."""

    invalid_share: Fraction = Fraction(10, 100)
    ballot_share: Fraction = Fraction(2, 100)
    ballot_sheets: int = 15
    zero_share: Fraction = Fraction(10, 100)
    outlier_z: float = 3.5
    min_places: int = MIN_PLACES_FOR_OUTLIERS
    """P06 compares a TPS with the others only when a source gives at least this many TPS."""


@dataclass(frozen=True)
class Place:
    """One TPS or kecamatan form of one source: its code and recorded values."""

    contest: str
    unit: str
    """The kecamatan it belongs to (its own code for a kecamatan form)."""
    code: str
    source: str
    values: Mapping[FieldKey, int]


@dataclass(frozen=True)
class Implausible:
    code: str
    place: Place
    fields: tuple[str, ...]
    message: str


def check_places(
    places: Sequence[Place],
    vote_keys: Mapping[str, Sequence[FieldKey]],
    limits: Limits = Limits(),
    outliers: bool = True,
) -> list[Implausible]:
    """Every warning over ``places`` (``vote_keys``: each contest's choice fields), in code order
    then place order. ``outliers``: False leaves P06 out (it compares a TPS with every other TPS
    of the meeting, so it is checked over the whole meeting only)."""
    found: list[Implausible] = []
    for place in places:
        found += _p01(place) + _p02(place, limits) + _p03(place, limits)
    tps = [p for p in places if p.code != p.unit]
    found += _p04(tps, vote_keys, limits) + _p05(tps, vote_keys)
    if outliers:
        found += _p06(tps, vote_keys, limits)
    return sorted(found, key=lambda w: (w.code, w.place.contest, w.place.code, w.place.source))


def _p01(place: Place) -> list[Implausible]:
    values = place.values
    if USERS not in values or DPT not in values:
        return []
    allowed = values[DPT] + values.get(MOVED, 0) + values.get(KTP, 0)
    if values[USERS] <= allowed:
        return []
    return [
        Implausible(
            "P01",
            place,
            (USERS, DPT, MOVED, KTP),
            f"pengguna hak pilih {format_number(values[USERS])} melebihi DPT + pindahan + KTP-el "
            f"({format_number(allowed)})",
        )
    ]


def _p02(place: Place, limits: Limits) -> list[Implausible]:
    total, invalid = place.values.get(TOTAL), place.values.get(INVALID)
    if not total or invalid is None or Fraction(invalid, total) <= limits.invalid_share:
        return []
    return [
        Implausible(
            "P02",
            place,
            (INVALID, TOTAL),
            f"suara tidak sah {format_number(invalid)} dari {format_number(total)} "
            f"({_share(Fraction(invalid, total))}, di atas {_share(limits.invalid_share)})",
        )
    ]


def _p03(place: Place, limits: Limits) -> list[Implausible]:
    values = place.values
    if any(k not in values for k in BALLOT_KEYS):
        return []
    off = abs(values[RECEIVED] - values[USED] - values[DAMAGED] - values[UNUSED])
    share = Fraction(off, max(1, values[RECEIVED]))
    if off <= limits.ballot_sheets or share <= limits.ballot_share:
        return []
    return [
        Implausible(
            "P03",
            place,
            BALLOT_KEYS,
            f"surat suara tidak seimbang: selisih {format_number(off)} lembar antara diterima "
            "dan digunakan + rusak + sisa",
        )
    ]


def _p04(
    tps: Sequence[Place], vote_keys: Mapping[str, Sequence[FieldKey]], limits: Limits
) -> list[Implausible]:
    found: list[Implausible] = []
    for (contest, unit, _source), group in _grouped(tps, by_unit=True).items():
        for key in vote_keys.get(contest, ()):
            for place in group:
                # an all-zero TPS (nobody voted) is not a missing choice
                if place.values.get(key) != 0 or not _votes(place, vote_keys[contest]):
                    continue
                others = [p for p in group if p is not place and key in p.values]
                votes = sum(p.values[key] for p in others)
                total = sum(_votes(p, vote_keys[contest]) for p in others)
                if total and Fraction(votes, total) >= limits.zero_share:
                    found.append(
                        Implausible(
                            "P04",
                            place,
                            (key,),
                            f"{_choice(key)}: 0 suara, padahal {_share(Fraction(votes, total))} "
                            f"suara di TPS lain kecamatan {unit}",
                        )
                    )
    return found


def _p05(tps: Sequence[Place], vote_keys: Mapping[str, Sequence[FieldKey]]) -> list[Implausible]:
    found: list[Implausible] = []
    for (contest, _unit, _source), group in _grouped(tps, by_unit=False).items():
        keys = vote_keys.get(contest, ())
        same: dict[tuple[int | None, ...], list[Place]] = defaultdict(list)
        for place in group:
            vector = tuple(place.values.get(k) for k in keys)
            if any(vector):
                same[vector].append(place)
        for places in same.values():
            if len(places) < 2:
                continue
            codes = ", ".join(p.code for p in places)
            for place in places:
                found.append(
                    Implausible("P05", place, tuple(keys), f"suara sama persis di TPS {codes}")
                )
    return found


def _p06(
    tps: Sequence[Place], vote_keys: Mapping[str, Sequence[FieldKey]], limits: Limits
) -> list[Implausible]:
    found: list[Implausible] = []
    for (contest, _unit, _source), group in _grouped(tps, by_unit=False).items():
        keys = vote_keys.get(contest, ())
        measures: list[tuple[str, tuple[FieldKey, ...], dict[int, float]]] = [
            ("partisipasi", (USERS, DPT), _shares(group, _turnout))
        ]
        measures += [
            (f"bagian suara {_choice(key)}", (key,), _shares(group, _share_of(key, keys)))
            for key in keys
        ]
        for what, fields, shares in measures:
            usual = median(shares.values()) if shares else 0.0
            bound = _decimal(limits.outlier_z)
            for index, z in _outliers(shares, limits):
                found.append(
                    Implausible(
                        "P06",
                        group[index],
                        fields,
                        f"{what} {_share(shares[index])} jauh di luar kebiasaan TPS lain "
                        f"(median {_share(usual)}, skor {_decimal(z)} > {bound})",
                    )
                )
    return found


Parts = Callable[[Place], tuple[int | None, int | None]]
"""A place's part and whole (voters and DPT; a choice's votes and all votes)."""


def _shares(group: Sequence[Place], parts: Parts) -> dict[int, float]:
    out: dict[int, float] = {}
    for index, place in enumerate(group):
        part, whole = parts(place)
        if part is not None and whole:
            out[index] = part / whole
    return out


def _turnout(place: Place) -> tuple[int | None, int | None]:
    return place.values.get(USERS), place.values.get(DPT)


def _share_of(key: FieldKey, keys: Sequence[FieldKey]) -> Parts:
    return lambda place: (place.values.get(key), _votes(place, keys))


def _outliers(shares: Mapping[int, float], limits: Limits) -> Iterable[tuple[int, float]]:
    if len(shares) < limits.min_places:
        return []
    middle = median(shares.values())
    spread = median(abs(v - middle) for v in shares.values()) * 1.4826
    if spread == 0:
        return []
    scores = ((i, abs(v - middle) / spread) for i, v in shares.items())
    return [(i, z) for i, z in scores if z > limits.outlier_z]


def _grouped(places: Sequence[Place], by_unit: bool) -> dict[tuple[str, str, str], list[Place]]:
    groups: dict[tuple[str, str, str], list[Place]] = defaultdict(list)
    for place in places:
        groups[(place.contest, place.unit if by_unit else "", place.source)].append(place)
    return groups


def _votes(place: Place, keys: Sequence[FieldKey]) -> int:
    return sum(place.values.get(k, 0) for k in keys)


def _choice(key: FieldKey) -> str:
    number = choice_number(key)
    return f"nomor urut {number}" if number is not None else key


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _share(share: Fraction | float) -> str:
    return format_percent(float(share) * 100)
