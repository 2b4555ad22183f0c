"""The desa and TPS rows one source gave for one kecamatan, kept as they came.

A tally file (rekap-csv rows below a unit) or a Sirekap file (its desa or TPS rows) gives a unit's
value as rows below it; the program sums them into the unit, and keeps the rows themselves, so
that the meeting can find the desa or TPS behind a difference between sources.

The rows are held packed: one text per row, the row's values in ``keys`` order, separated by
commas, an empty place for a value not recorded (a national file has 823,236 of them: text is
what keeps them small, both in memory and on disk).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rekap_desktop.domain.ids import FieldKey


@dataclass(frozen=True)
class KeptRow:
    """One desa or TPS row: its code and the values it recorded (absent = not recorded)."""

    code: str
    values: dict[FieldKey, int]


@dataclass(frozen=True)
class KeptRows:
    """The rows below one unit from one source, in the order the file gave them."""

    keys: tuple[FieldKey, ...]
    codes: tuple[str, ...]
    cells: tuple[str, ...]
    """Per row, its values in ``keys`` order joined with "," ("" where not recorded)."""

    def __post_init__(self) -> None:
        if len(self.codes) != len(self.cells):
            raise ValueError("every kept row needs its code and its values")

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[KeptRow]:
        keys = self.keys
        for code, cells in zip(self.codes, self.cells, strict=True):
            values = {k: int(v) for k, v in zip(keys, cells.split(","), strict=False) if v}
            yield KeptRow(code, values)

    def column(self, field: FieldKey) -> Iterator[tuple[str, int | None]]:
        """Each row's code and its value of one field (None: not recorded), without reading
        the row's other values (a drill-down reads one field of thousands of rows)."""
        if field not in self.keys:
            yield from ((code, None) for code in self.codes)
            return
        at = self.keys.index(field)
        for code, cells in zip(self.codes, self.cells, strict=True):
            parts = cells.split(",", at + 1)
            text = parts[at] if at < len(parts) else ""
            yield code, int(text) if text else None

    @classmethod
    def of(cls, keys: Sequence[FieldKey], rows: Sequence[KeptRow]) -> KeptRows:
        """Rows given as values (Sirekap files, tests), packed."""
        cells = tuple(",".join(_cell(row.values.get(k)) for k in keys) for row in rows)
        return cls(tuple(keys), tuple(row.code for row in rows), cells)

    def total(self) -> dict[FieldKey, int]:
        """The sum of the rows, field by field (a field counts once any row recorded it)."""
        sums: dict[FieldKey, int] = {}
        for row in self:
            for key, value in row.values.items():
                sums[key] = sums.get(key, 0) + value
        return sums


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class KeptForm:
    """The kept rows of one source's current form of a unit, with where they came from."""

    source: str
    version: int
    file_name: str
    """The file they were imported from ("" when not recorded)."""
    at: str
    """When that version was stored."""
    rows: KeptRows
