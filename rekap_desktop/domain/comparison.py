"""Source-vs-source comparison, field by field, with the PPK's form as the reference (item 10)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.sources import PPK, Source
from rekap_desktop.domain.tally import Tally


class CellStatus(StrEnum):
    REFERENCE = "reference"
    """The PPK form itself."""
    AGREES = "agrees"
    DIFFERS = "differs"
    MISSING = "missing"
    """This source did not record the field."""
    NO_REFERENCE = "no_reference"
    """Recorded, but the PPK form has no value to compare with."""


@dataclass(frozen=True)
class Difference:
    """A field on which the recorded sources disagree, with every source's value."""

    field: FieldKey
    values: Mapping[Source, int | None]

    def differing_sources(self) -> tuple[Source, ...]:
        reference = self.values.get(PPK)
        if reference is None:
            return tuple(s for s, v in self.values.items() if v is not None)
        return tuple(s for s, v in self.values.items() if v is not None and v != reference)


def cell_status(value: int | None, reference: int | None, is_reference: bool) -> CellStatus:
    if is_reference:
        return CellStatus.REFERENCE if value is not None else CellStatus.MISSING
    if value is None:
        return CellStatus.MISSING
    if reference is None:
        return CellStatus.NO_REFERENCE
    return CellStatus.AGREES if value == reference else CellStatus.DIFFERS


def differences(
    tallies: Mapping[Source, Tally], keys: Iterable[FieldKey], reference: Source = PPK
) -> list[Difference]:
    """Fields (in ``keys`` order) where at least two recorded sources disagree."""
    ordered = sorted(tallies, key=lambda s: s.sort_key)
    found: list[Difference] = []
    for key in keys:
        values = {s: tallies[s].value(key) for s in ordered}
        recorded = {v for v in values.values() if v is not None}
        if len(recorded) > 1:
            found.append(Difference(key, {s: v for s, v in values.items() if v is not None}))
    return found
