"""The printed list of plausibility warnings (P01 …) the meeting overrode: the berita acara says
which figures the room looked at and accepted as they are, why, and who confirmed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from rekap_desktop.documents.parts import grid_table, text
from rekap_desktop.documents.styles import styles

HEADING = "TEMUAN KEWAJARAN YANG DIABAIKAN RAPAT"


@dataclass(frozen=True)
class OverrideNote:
    """One overridden warning as printed."""

    code: str
    place: str
    """Kecamatan (and desa/TPS), contest and source, as read in the hall."""
    finding: str
    reason: str
    overridden_by: str
    at: str = ""
    """When it was overridden, as printed (e.g. "5 Desember 2024 pukul 14.05")."""


def overrides_block(notes: Sequence[OverrideNote], width: float) -> list[Flowable]:
    """The heading and a table: code, place, the warning, the reason and who (nothing when the
    meeting overrode none)."""
    if not notes:
        return []
    rows: list[list[Any]] = [["NO", "KODE", "TEMPAT", "TEMUAN", "ALASAN RAPAT", "OLEH"]]
    for number, note in enumerate(notes, 1):
        who = f"{note.overridden_by}, {note.at}" if note.at else note.overridden_by
        rows.append(
            [
                str(number),
                note.code,
                text(note.place),
                text(note.finding),
                text(note.reason),
                text(who),
            ]
        )
    rest = width - 8 * mm - 12 * mm - 36 * mm - 30 * mm
    table = grid_table(rows, [8 * mm, 12 * mm, 36 * mm, rest * 0.5, rest * 0.5, 30 * mm])
    return [
        Spacer(1, 3 * mm),
        Paragraph(HEADING, styles().heading),
        Spacer(1, 1 * mm),
        table,
    ]
