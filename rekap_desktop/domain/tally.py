"""One filled result form (D.Hasil row set) from one source, keyed by the field keys of formats §2.

A field that is absent was *not recorded*; it is never taken as zero. Sums over units are exact
integers; nothing here raises on odd data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass

from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.ids import FieldKey

GENDERS = ("l", "p", "j")

GENDERED_GROUPS: tuple[str, ...] = (
    "pemilih_dpt",
    "pengguna_dpt",
    "pengguna_pindahan",
    "pengguna_ktp",
    "pengguna_total",
    "disabilitas",
)
BALLOT_KEYS: tuple[FieldKey, ...] = tuple(
    FieldKey(k)
    for k in (
        "surat_suara_diterima",
        "surat_suara_digunakan",
        "surat_suara_rusak",
        "surat_suara_sisa",
    )
)
VALID = FieldKey("suara_sah")
INVALID = FieldKey("suara_tidak_sah")
TOTAL = FieldKey("suara_total")
RETURNED_NOTICES = FieldKey("c_pemberitahuan_kembali")


def gendered(group: str, gender: str) -> FieldKey:
    return FieldKey(f"{group}_{gender}")


def _gendered_keys(groups: Iterable[str]) -> tuple[FieldKey, ...]:
    return tuple(gendered(g, s) for g in groups for s in GENDERS)


VOTER_KEYS = _gendered_keys(GENDERED_GROUPS[:5])
DISABILITY_KEYS = _gendered_keys(GENDERED_GROUPS[5:])
ADMIN_KEYS: tuple[FieldKey, ...] = VOTER_KEYS + BALLOT_KEYS + DISABILITY_KEYS
RESULT_KEYS: tuple[FieldKey, ...] = (VALID, INVALID, TOTAL)

# [0-9], not \d: a key is ASCII; \d would also take Arabic-Indic and other Unicode digits.
_VOTE_RE = re.compile(r"suara_([0-9]{2})")
_PARTY_RE = re.compile(r"suara_partai_([0-9]{2})")
_CANDIDATE_RE = re.compile(r"suara_caleg_([0-9]{2})_([0-9]{2})")


def vote_key(number: int) -> FieldKey:
    return FieldKey(f"suara_{number:02d}")


def party_key(party: int) -> FieldKey:
    return FieldKey(f"suara_partai_{party:02d}")


def candidate_key(party: int, candidate: int) -> FieldKey:
    return FieldKey(f"suara_caleg_{party:02d}_{candidate:02d}")


def choice_number(key: str) -> int | None:
    """The choice number of a ``suara_NN`` key, else None."""
    match = _VOTE_RE.fullmatch(key)
    return int(match.group(1)) if match else None


def vote_keys(contest: Contest) -> tuple[FieldKey, ...]:
    """Section IV keys of a contest, in ballot order."""
    if contest.is_party_list:
        keys: list[FieldKey] = []
        for party in contest.parties:
            keys.append(party_key(party.number))
            numbers = sorted({c.number for cs in party.candidates.values() for c in cs})
            keys.extend(candidate_key(party.number, n) for n in numbers)
        return tuple(keys)
    return tuple(vote_key(c.number) for c in contest.choices)


def form_keys(contest: Contest) -> tuple[FieldKey, ...]:
    """Every field of the form for a contest, in form order (sections I–V, then item 5)."""
    return ADMIN_KEYS + vote_keys(contest) + RESULT_KEYS + (RETURNED_NOTICES,)


def is_known_key(contest: Contest, key: str) -> bool:
    return key in set(form_keys(contest))


class RecordedValues(Mapping[FieldKey, int]):
    """The recorded values of a :class:`Tally`: a read-only copy of what it was given.

    It is also callable, so ``tally.values()`` keeps its ``Mapping`` meaning (a view of the
    numbers) while ``tally.values[key]`` keeps working as the dataclass field.
    """

    def __init__(self, data: Mapping[FieldKey, int] | None = None) -> None:
        self._data: dict[FieldKey, int] = dict(data or {})

    def __getitem__(self, key: FieldKey) -> int:
        return self._data[key]

    def __iter__(self) -> Iterator[FieldKey]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __call__(self) -> ValuesView[int]:
        return ValuesView(self)

    def __repr__(self) -> str:
        return repr(self._data)


@dataclass(frozen=True, init=False)
class Tally(Mapping[FieldKey, int]):
    """Recorded values of one form; a missing key means "not recorded"."""

    values: RecordedValues

    def __init__(self, values: Mapping[FieldKey, int] | None = None) -> None:
        object.__setattr__(self, "values", RecordedValues(values))

    def __getitem__(self, key: FieldKey) -> int:
        return self.values[key]

    def __iter__(self) -> Iterator[FieldKey]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def value(self, key: str) -> int | None:
        return self.values.get(FieldKey(key))

    def overlay(self, other: Mapping[FieldKey, int]) -> Tally:
        """This tally with ``other``'s recorded values taking precedence field by field."""
        merged = dict(self.values)
        merged.update(other)
        return Tally(merged)


def sum_tallies(tallies: Iterable[Mapping[FieldKey, int]]) -> Tally:
    """Sum of units: a field is in the result when at least one unit recorded it."""
    total: dict[FieldKey, int] = {}
    for tally in tallies:
        for key, value in tally.items():
            total[key] = total.get(key, 0) + value
    return Tally(total)
