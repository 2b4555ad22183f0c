"""One filled result form (D.Hasil row set) from one source, keyed by the field keys of formats §2.

A field that is absent was *not recorded*; it is never taken as zero. Sums over units are exact
integers; nothing here raises on odd data.
"""

from __future__ import annotations

import re
from collections.abc import ItemsView, Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass

from rekap_desktop.domain.election import Contest, Party
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
_PARTY_TOTAL_RE = re.compile(r"jumlah_suara_partai_([0-9]{2})")


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


def party_total_key(party: int) -> FieldKey:
    """The party's written total on the form: party-only votes plus all its candidates' votes."""
    return FieldKey(f"jumlah_suara_partai_{party:02d}")


def party_number(key: str) -> int | None:
    """The party of a party-only, candidate or party-total key (``suara_partai_PP`` …)."""
    for pattern in (_PARTY_RE, _CANDIDATE_RE, _PARTY_TOTAL_RE):
        if match := pattern.fullmatch(key):
            return int(match.group(1))
    return None


def party_vote_keys(contest: Contest, party: Party, district: str | None) -> tuple[FieldKey, ...]:
    """The keys whose sum is the party's total: its party-only votes, then each candidate's."""
    candidates = contest.candidates(party, district)
    return (party_key(party.number),) + tuple(
        candidate_key(party.number, c.number) for c in candidates
    )


def vote_keys(contest: Contest, district: str | None = None) -> tuple[FieldKey, ...]:
    """Section IV keys whose sum is suara sah, in ballot order; for a legislative contest only the
    candidates of ``district`` when given (without it, every candidate number of any dapil)."""
    if contest.is_party_list:
        return tuple(k for p in contest.parties for k in party_vote_keys(contest, p, district))
    return tuple(vote_key(c.number) for c in contest.choices)


def section_iv_keys(contest: Contest, district: str | None = None) -> tuple[FieldKey, ...]:
    """Every section IV field in form order; a legislative contest has per party its party-only
    row, its candidates' rows and the party's written total."""
    if not contest.is_party_list:
        return vote_keys(contest)
    keys: list[FieldKey] = []
    for party in contest.parties:
        keys += party_vote_keys(contest, party, district)
        keys.append(party_total_key(party.number))
    return tuple(keys)


def form_keys(contest: Contest, district: str | None = None) -> tuple[FieldKey, ...]:
    """Every field of the form for a contest, in form order (sections I–V, then item 5)."""
    return ADMIN_KEYS + section_iv_keys(contest, district) + RESULT_KEYS + (RETURNED_NOTICES,)


def unit_form_keys(contest: Contest, unit_code: str) -> tuple[FieldKey, ...]:
    """The fields of one unit's form: for a legislative contest, those of the unit's dapil."""
    district = contest.district_of(unit_code)
    return form_keys(contest, district.code if district else None)


def party_totals(
    contest: Contest, tally: Mapping[FieldKey, int], district: str | None
) -> dict[int, int]:
    """Each party's votes (party-only + candidates) computed from the recorded rows."""
    return {
        p.number: sum(tally.get(k, 0) for k in party_vote_keys(contest, p, district))
        for p in contest.parties
    }


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

    # the dict's own views: the Mapping mixins go through __getitem__ (and an exception per
    # missing key), which a recapitulation of thousands of legislative fields pays for
    def __contains__(self, key: object) -> bool:
        return key in self._data

    def items(self) -> ItemsView[FieldKey, int]:
        return self._data.items()

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
        return self.values._data.get(FieldKey(key))

    def items(self) -> ItemsView[FieldKey, int]:
        return self.values._data.items()

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
