"""Daftar Pembetulan: every value the meeting corrected (procedure item 10), kecamatan by kecamatan,
with the old and the new value, the source the new one came from, the reason, the basis document,
who proposed it, the commissioner who approved it and the register entry it answers. Printed on its
own and as the lampiran of the berita acara (the same table: ``corrections_table``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from rekap_desktop.documents.form_header import FormHeader, sidik
from rekap_desktop.documents.parts import RenderedForm, Signatory, grid_table, text
from rekap_desktop.documents.signed_list import SignedListData, render_signed_list
from rekap_desktop.documents.styles import styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

TITLE = "PEMBETULAN DATA DALAM RAPAT PLENO REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA"
HEADERS = (
    "NO",
    "KECAMATAN",
    "PEMILIHAN",
    "RINCIAN (BARIS)",
    "SEMULA",
    "MENJADI",
    "SUMBER NILAI",
    "ALASAN",
    "DASAR (DOKUMEN)",
    "DIUSULKAN OLEH",
    "DISETUJUI OLEH (ANGGOTA KPU)",
    "KEBERATAN / KEJADIAN",
)
SHARES = (0.035, 0.08, 0.08, 0.12, 0.055, 0.055, 0.11, 0.1, 0.1, 0.09, 0.1, 0.075)
"""Column widths as shares of the frame: the numbers narrow, the texts wide enough to wrap."""


@dataclass(frozen=True)
class CorrectionLine:
    number: int
    """The correction's number in the meeting's ledger (the order it was made in)."""
    unit: str
    contest: str
    row: str
    before: int | None
    after: int
    source: str
    """Which source(s) gave the new value, e.g. "formulir D.Hasil PPK"; "–" when not kept."""
    reason: str
    basis: str
    proposed_by: str
    approved_by: str
    incident_number: int | None
    """The register entry it answers, if any."""

    @property
    def incident(self) -> str:
        return f"No. {self.incident_number}" if self.incident_number else "–"


def correction_summary(line: CorrectionLine) -> str:
    """One correction in a sentence, as the D.Kejadian Khusus shows a linked one."""
    return (
        f"Pembetulan No. {line.number}: {line.unit}, {line.contest}, {line.row}: "
        f"{format_number(line.before)} → {format_number(line.after)} "
        f"(sumber: {line.source}; alasan: {line.reason}; dasar: {line.basis}; "
        f"diusulkan oleh {line.proposed_by}; disetujui oleh {line.approved_by})"
    )


@dataclass(frozen=True)
class CorrectionsData(SignedListData):
    header: FormHeader
    lines: tuple[CorrectionLine, ...] = field(metadata=sidik("pembetulan"))
    place: str | None = field(metadata=sidik("tempat"))
    made_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))


def corrections_table(lines: tuple[CorrectionLine, ...], width: float) -> list[Flowable]:
    """The corrections as one ruled table whose header repeats on every page, or a sentence
    saying there were none."""
    if not lines:
        return [Paragraph("Tidak ada pembetulan data dalam rapat ini.", styles().body)]
    rows: list[list[Any]] = [[text(h, "cell_center") for h in HEADERS]]
    for line in lines:
        rows.append(
            [
                str(line.number),
                text(line.unit),
                text(line.contest),
                text(line.row),
                format_number(line.before),
                format_number(line.after),
                text(line.source),
                text(line.reason),
                text(line.basis),
                text(line.proposed_by),
                text(line.approved_by),
                text(line.incident),
            ]
        )
    widths = [width * share for share in SHARES]
    return [grid_table(rows, widths, extra=[("ALIGN", (4, 1), (5, -1), "RIGHT")])]


def render_corrections(
    data: CorrectionsData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    return render_signed_list(
        data, TITLE, partial(corrections_table, data.lines), paper, installation_key, chain_head
    )
