"""The printed note of the errors found on the determined values and the meeting's decision on
each: a D.Hasil that breaks its own arithmetic says so on its face, with who decided to let it
stand and why (or that nothing was decided yet)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from rekap_desktop.documents.parts import grid_table, text
from rekap_desktop.documents.styles import styles

HEADING = "CATATAN TEMUAN PADA ANGKA YANG DITETAPKAN DAN KEPUTUSAN RAPAT"
UNDECIDED = "BELUM DIBETULKAN ATAU DIPUTUSKAN RAPAT"


@dataclass(frozen=True)
class FindingNote:
    """One error of a kecamatan's determined values and the meeting's decision on it."""

    unit: str
    contest: str
    code: str
    message: str
    reason: str | None
    """The meeting's reason for letting it stand; None: not decided."""
    decided_by: str | None = None
    decided_at: str = ""
    """When it was decided, as printed (e.g. "5 Desember 2024 pukul 14.05")."""

    @property
    def decision(self) -> str:
        if self.reason is None:
            return UNDECIDED
        when = f" pada {self.decided_at}" if self.decided_at else ""
        return (
            f"Diputuskan rapat: {self.reason} (dikonfirmasi dengan PIN oleh {self.decided_by}"
            f"{when})"
        )


def notes_block(
    notes: Sequence[FindingNote], width: float, with_contest: bool = False
) -> list[Flowable]:
    """The heading and a table: kecamatan (and contest), the finding, the decision."""
    if not notes:
        return []
    where = "KECAMATAN / PEMILIHAN" if with_contest else "KECAMATAN"
    rows: list[list[Any]] = [["NO", where, "TEMUAN", "KEPUTUSAN RAPAT"]]
    for number, note in enumerate(notes, 1):
        place = f"{note.unit} — {note.contest}" if with_contest else note.unit
        rows.append(
            [str(number), text(place), text(f"{note.code}: {note.message}"), text(note.decision)]
        )
    rest = width - 8 * mm - 32 * mm
    table = grid_table(rows, [8 * mm, 32 * mm, rest * 0.55, rest * 0.45])
    return [
        Spacer(1, 3 * mm),
        Paragraph(HEADING, styles().heading),
        Spacer(1, 1 * mm),
        table,
    ]
