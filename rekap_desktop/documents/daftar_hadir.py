"""Daftar hadir of the rapat pleno (procedure item 1): KPU members, Bawaslu, PPK, the saksi of each
choice with the check of their surat mandat, and observers, each with a numbered signature line and
what the attendance record says of them (keterangan)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    grid_table,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_date

BLANK = "...................................."


@dataclass(frozen=True)
class Attendee:
    name: str
    """Empty for a line to be filled in by hand."""
    role: str
    mandate: str | None = None
    """Saksi only: "Sesuai", "Tidak sesuai: …"; None = to be checked on paper."""
    note: str = ""
    """Keterangan: "Hadir" when recorded present at item 1 (and the note recorded); empty for a
    line of the setup nobody recorded, or a blank line."""


@dataclass(frozen=True)
class AttendanceGroup:
    title: str
    attendees: tuple[Attendee, ...]
    with_mandate: bool = False


@dataclass(frozen=True)
class AttendanceData(Headed):
    header: FormHeader
    place: str | None = field(metadata=sidik("tempat"))
    held_on: date | None = field(metadata=sidik("tanggal"))
    groups: tuple[AttendanceGroup, ...] = field(metadata=sidik("kelompok"))


def render_attendance(
    data: AttendanceData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    place = escape(data.place or BLANK)
    when = format_date(data.held_on) if data.held_on else BLANK
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name.upper(),
        ],
        data.region_fields,
    )
    story += [
        Paragraph(f"Tempat: {place} · Hari/tanggal: {when}", styles().body),
        Spacer(1, 3 * mm),
    ]
    width = frame_width(paper)
    for group in data.groups:
        story.append(
            KeepTogether([Paragraph(escape(group.title), styles().heading), Spacer(1, 1 * mm)])
        )
        story.append(_group_table(group, width))
        if group.with_mandate and any(a.mandate is None for a in group.attendees):
            story.append(Paragraph("*) coret yang tidak perlu", styles().small))
        story.append(Spacer(1, 4 * mm))
    return render(story, meta, paper)


def _group_table(group: AttendanceGroup, width: float) -> Flowable:
    header: list[Any] = ["NO", "NAMA", "JABATAN / UNSUR"]
    if group.with_mandate:
        header.append("SURAT MANDAT")
    header += ["KETERANGAN", "TANDA TANGAN"]
    rows: list[list[Any]] = [header]
    for i, person in enumerate(group.attendees, start=1):
        cells: list[Any] = [str(i), text(person.name or BLANK), text(person.role)]
        if group.with_mandate:
            cells.append(text(person.mandate or "Sesuai / Tidak sesuai *)"))
        cells.append(text(person.note, "small"))
        # Signature lines alternate left and right, as on a paper daftar hadir.
        cells.append(f"{i}. ..................." if i % 2 else f"{'':>24}{i}. ...................")
        rows.append(cells)
    if group.with_mandate:
        widths = [10 * mm, width * 0.25, width * 0.27, width * 0.13, width * 0.13]
    else:
        widths = [10 * mm, width * 0.3, width * 0.3, width * 0.15]
    widths.append(width - sum(widths))
    padded = [("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]
    return grid_table(rows, widths, extra=padded)
