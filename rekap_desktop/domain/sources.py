"""Sumber: where the numbers of a form come from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    PPK = "ppk"
    """The D.Hasil received from the lower level (the reference, PROCEDURE item 10)."""
    SIREKAP = "sirekap"
    """The electronic tool: an alat bantu, never the official result."""
    SAKSI = "saksi"
    """The copy held by the witness of one choice."""
    BAWASLU = "bawaslu"
    PLENO = "pleno"
    """Values determined in this meeting; written only by the meeting itself."""


_SAKSI_RE = re.compile(r"saksi_([0-9]{2})")  # ASCII digits only; \d takes any Unicode digit
_ORDER = {kind: i for i, kind in enumerate(SourceKind)}


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    choice: int | None = None

    @property
    def code(self) -> str:
        if self.kind is SourceKind.SAKSI:
            return f"saksi_{self.choice:02d}"
        return self.kind.value

    @property
    def sort_key(self) -> tuple[int, int]:
        return (_ORDER[self.kind], self.choice or 0)

    def __str__(self) -> str:
        return self.code

    @staticmethod
    def parse(text: str) -> Source | None:
        """The source named by ``text`` (``ppk``, ``saksi_02`` …), or None when it is not one."""
        text = text.strip().lower()
        match = _SAKSI_RE.fullmatch(text)
        if match:
            return Source(SourceKind.SAKSI, int(match.group(1)))
        try:
            kind = SourceKind(text)
        except ValueError:
            return None
        return None if kind is SourceKind.SAKSI else Source(kind)

    @staticmethod
    def stored(code: str) -> Source:
        """A source code read back from the database: only codes the program wrote are there,
        so an unknown one is a bug, not bad input."""
        source = Source.parse(code)
        if source is None:
            raise ValueError(f"unknown stored source {code!r}")
        return source


PPK = Source(SourceKind.PPK)
SIREKAP = Source(SourceKind.SIREKAP)
BAWASLU = Source(SourceKind.BAWASLU)
PLENO = Source(SourceKind.PLENO)


def saksi(choice: int) -> Source:
    return Source(SourceKind.SAKSI, choice)


_TITLES = {
    SourceKind.PPK: "D.Hasil PPK",
    SourceKind.SIREKAP: "Sirekap",
    SourceKind.BAWASLU: "Bawaslu",
    SourceKind.PLENO: "Ditetapkan pleno",
}


def source_title(source: Source, party_list: bool = False) -> str:
    """The KPU's name of a source as users read it: "D.Hasil PPK", "Sirekap", "Saksi Paslon 01"
    (a saksi of a party-list contest: "Saksi Partai 01")."""
    if source.kind is SourceKind.SAKSI:
        return f"Saksi {'Partai' if party_list else 'Paslon'} {source.choice:02d}"
    return _TITLES[source.kind]
