"""From a kecamatan's difference to the desa and TPS behind it (rincian per desa/TPS).

When the sources disagree on a field of a kecamatan, the rows they were summed from (kept as they
came, domain/kept_rows.py) are laid side by side for that field: each place's value per source,
the places whose values differ first (largest gap first), and a likely misread where one source's
value is the reference's with one digit swapped (3↔8, 2↔7 …).

Sources may give rows at different levels (the PPK per desa, Sirekap per TPS): the places are
then compared at the coarser level, each TPS added into its desa (a TPS code is its desa's
10-digit code + 3 digits).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptRows
from rekap_desktop.domain.misreads import digit_swap
from rekap_desktop.domain.sirekap_marks import TpsMark
from rekap_desktop.text.numbers import format_number

DESA_CODE = 10
TPS_CODE = 13


def place_label(code: str) -> str:
    """A TPS as "TPS 002 (6472041001002)", a desa as "desa/kelurahan 6472041001"."""
    if len(code) == TPS_CODE:
        return f"TPS {code[DESA_CODE:]} ({code})"
    return f"desa/kelurahan {code}"


class PlaceLevel(StrEnum):
    TPS = "TPS"
    DESA = "desa/kelurahan"


@dataclass(frozen=True)
class PlaceLine:
    """One desa or TPS: the field's value per source (None: that source has no value there)."""

    code: str
    values: tuple[int | None, ...]
    misreads: tuple[tuple[str, str], ...]
    """Likely misreads: (source code, in words: "angka 3 terbaca 8 (350 → 850)")."""

    @property
    def gap(self) -> int:
        """How far apart the sources are here (0 when they agree or only one has a value)."""
        known = [v for v in self.values if v is not None]
        return max(known) - min(known) if len(known) > 1 else 0

    @property
    def differs(self) -> bool:
        present = [v is not None for v in self.values]
        return self.gap > 0 or (any(present) and not all(present))

    def differs_from(self, reference: int) -> tuple[bool, ...]:
        """Per source, whether its value differs from the value of source ``reference``."""
        anchor = self.values[reference]
        return tuple(
            value is not None and anchor is not None and value != anchor for value in self.values
        )

    @property
    def tps_number(self) -> str:
        """ "TPS 007" for a TPS code, "" for a desa."""
        return f"TPS {self.code[DESA_CODE:]}" if len(self.code) == TPS_CODE else ""

    @property
    def desa_code(self) -> str:
        return self.code[:DESA_CODE]

    @property
    def name(self) -> str:
        """ "TPS 007 desa/kelurahan 6472041001", or "desa/kelurahan 6472041001"."""
        prefix = f"{self.tps_number} " if self.tps_number else ""
        return f"{prefix}desa/kelurahan {self.desa_code}"


@dataclass(frozen=True)
class DrillDown:
    """The places of one kecamatan for one field, differing ones first."""

    field: FieldKey
    sources: tuple[str, ...]
    level: PlaceLevel
    lines: tuple[PlaceLine, ...]
    reference: int = 0
    """The position of the source the others are checked against (the PPK's when present)."""
    marks: Mapping[str, Mapping[str, TpsMark]] = dataclasses.field(default_factory=dict)
    """Source → TPS code → Sirekap's own flags and photos, for the forms that came from Sirekap
    TPS files (domain/sirekap_marks.py)."""

    def line_marks(self, line: PlaceLine, source: str | None = None) -> list[TpsMark]:
        """The Sirekap marks of a place (of every TPS of a desa), of one source or of all."""
        return [
            mark
            for code, marks in self.marks.items()
            if source is None or code == source
            for tps, mark in marks.items()
            if tps == line.code or (self.level is PlaceLevel.DESA and tps[:DESA_CODE] == line.code)
        ]

    def photo_only(self, line: PlaceLine, position: int) -> bool:
        """The source at ``position`` has no value here because its TPS file held only photos."""
        return line.values[position] is None and any(
            mark.photo_only for mark in self.line_marks(line, self.sources[position])
        )

    @property
    def differing(self) -> tuple[PlaceLine, ...]:
        return tuple(line for line in self.lines if line.differs)

    def totals(self) -> tuple[int | None, ...]:
        """Per source, the sum of its places (None: no place recorded the field)."""
        sums: list[int | None] = []
        for position in range(len(self.sources)):
            known = [v for line in self.lines if (v := line.values[position]) is not None]
            sums.append(sum(known) if known else None)
        return tuple(sums)


def drill_down(
    field: FieldKey,
    forms: Sequence[tuple[str, KeptRows]],
    reference: str = "ppk",
    marks: Mapping[str, Mapping[str, TpsMark]] | None = None,
) -> DrillDown:
    """The places of the sources' kept rows for ``field``; ``reference`` is the source others are
    checked against for misreads (else the first source). ``marks``: Sirekap's flags per source
    and TPS; a TPS whose file held only photos is a place too, though no source has a value."""
    level = _level(forms)
    per_source = [(source, _values(rows, field, level)) for source, rows in forms]
    sources = tuple(source for source, _ in per_source)
    marks = marks or {}
    codes = sorted(
        {code for _, values in per_source for code in values}
        | {
            tps if level is PlaceLevel.TPS else tps[:DESA_CODE]
            for source in sources
            for tps, mark in marks.get(source, {}).items()
            if mark.photo_only
        }
    )
    anchor = sources.index(reference) if reference in sources else 0
    lines = []
    for code in codes:
        values = tuple(values.get(code) for _, values in per_source)
        lines.append(PlaceLine(code, values, _misreads(sources, values, anchor)))
    lines.sort(key=lambda line: (not line.differs, -line.gap, line.code))
    return DrillDown(field, sources, level, tuple(lines), anchor, marks)


def _level(forms: Sequence[tuple[str, KeptRows]]) -> PlaceLevel:
    every_code = (code for _, rows in forms for code in rows.codes)
    if all(len(code) >= TPS_CODE for code in every_code):
        return PlaceLevel.TPS
    return PlaceLevel.DESA


def _values(rows: KeptRows, field: FieldKey, level: PlaceLevel) -> dict[str, int]:
    """The field's value per place (a TPS added into its desa at the desa level); a row that
    did not record the field adds nothing."""
    values: dict[str, int] = {}
    for code, value in rows.column(field):
        if value is None:
            continue
        place = code if level is PlaceLevel.TPS else code[:DESA_CODE]
        values[place] = values.get(place, 0) + value
    return values


def _misreads(
    sources: tuple[str, ...], values: tuple[int | None, ...], anchor: int
) -> tuple[tuple[str, str], ...]:
    reference = values[anchor]
    if reference is None:
        return ()
    found = []
    for source, value in zip(sources, values, strict=True):
        swap = digit_swap(reference, value) if value is not None and value != reference else None
        if swap is not None:
            words = (
                f"angka {swap.reference_digit} terbaca {swap.read_digit} "
                f"({format_number(reference)} → {format_number(value)})"
            )
            found.append((source, words))
    return tuple(found)
