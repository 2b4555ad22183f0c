"""Berita Acara Rapat Pleno Lanjutan: one per follow-up session (sesi lanjutan), each on pages of
its own — the legal basis and its document, the kecamatan and pemilihan it re-opened, when it was
opened and closed, and every determined value it changed (old → new, with the reason of the
correction and who approved it) — signed by the KPU members, initialled by the saksi and
Bawaslu."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.closing import closing_block
from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    number_line,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

CHANGE_HEADERS = ("NO", "PEMILIHAN", "KECAMATAN", "RINCIAN", "LAMA", "BARU", "ALASAN", "DISETUJUI")
CHANGE_SHARES = (0.05, 0.13, 0.11, 0.22, 0.08, 0.08, 0.21, 0.12)


@dataclass(frozen=True)
class ChangeRow:
    """One determined value the session changed."""

    contest: str
    unit: str
    row: str
    before: int | None
    after: int | None
    reason: str
    approved_by: str


@dataclass(frozen=True)
class SessionSheet:
    """One session, in words ready to print."""

    number: int
    basis: str
    document: str
    """E.g. "Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025 tanggal 24 Februari 2025"."""
    opened: str
    closed: str
    units: tuple[str, ...]
    contests: str
    description: str
    changes: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class FollowUpMinutesData(Headed):
    header: FormHeader
    sheets: tuple[SessionSheet, ...] = field(metadata=sidik("sesi_lanjutan"))
    place: str | None = field(metadata=sidik("tempat"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    witnesses: tuple[str, ...] = field(metadata=sidik("paraf"))
    """The saksi and Bawaslu who initial it."""
    number: str | None = None
    """The official Nomor typed in the print centre (outside the sidik data: see number_line)."""


def render_follow_up_minutes(
    data: FollowUpMinutesData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper, portrait=True)
    story: list[Flowable] = []
    if not data.sheets:
        story += _title(data, None)
        story.append(Paragraph("Belum ada sesi lanjutan dalam rapat ini.", styles().body))
    for index, sheet in enumerate(data.sheets):
        if index:
            story.append(PageBreak())
        story += _title(data, sheet)
        story += _sheet(data, sheet, width)
    return render(story, meta, paper, portrait=True)


def _title(data: FollowUpMinutesData, sheet: SessionSheet | None) -> list[Flowable]:
    lines = [data.election_name.upper()]
    if sheet is not None:
        lines.insert(0, f"SESI LANJUTAN KE-{sheet.number}")
    return title_block(data.form_name, lines, data.region_fields) + number_line(data.number)


def _sheet(data: FollowUpMinutesData, sheet: SessionSheet, width: float) -> list[Flowable]:
    s = styles()
    place = escape(data.place or "....................")
    story: list[Flowable] = [
        Paragraph(
            f"Pada {escape(sheet.opened)}, bertempat di {place}, KPU {escape(data.region)} "
            "membuka kembali rapat pleno terbuka rekapitulasi hasil penghitungan perolehan suara "
            f"yang telah ditetapkan, dalam sesi lanjutan ke-{sheet.number} berdasarkan "
            f"{escape(sheet.document)}, untuk kecamatan dan pemilihan dalam cakupannya saja.",
            s.body,
        ),
        Spacer(1, 2 * mm),
    ]
    details = [
        ("Dasar", sheet.basis),
        ("Dokumen", sheet.document),
        ("Kecamatan yang dibuka", ", ".join(sheet.units)),
        ("Pemilihan yang dibuka", sheet.contests),
        ("Uraian", sheet.description or "–"),
        ("Dibuka", sheet.opened),
        ("Ditutup dengan penetapan", sheet.closed),
    ]
    rows: list[list[Any]] = [[text(label, "cell_bold"), text(value)] for label, value in details]
    story += [grid_table(rows, [50 * mm, width - 50 * mm], header_rows=0), Spacer(1, 3 * mm)]
    story.append(Paragraph("PERUBAHAN HASIL YANG DITETAPKAN (LAMA → BARU)", s.heading))
    story += _changes(sheet, width)
    story += closing_block(
        data.members,
        data.witnesses,
        "PARAF SAKSI DAN BAWASLU YANG HADIR",
        width,
        "Hasil penetapan sebelumnya beserta formulirnya tetap tersimpan sebagaimana ditetapkan.",
    )
    return story


def _changes(sheet: SessionSheet, width: float) -> list[Flowable]:
    if not sheet.changes:
        return [text("Tidak ada angka yang berubah dalam sesi lanjutan ini.", "body")]
    rows: list[list[Any]] = [list(CHANGE_HEADERS)]
    rows += [
        [
            str(number),
            text(c.contest),
            text(c.unit),
            text(c.row),
            format_number(c.before),
            format_number(c.after),
            text(c.reason or "–"),
            text(c.approved_by or "–"),
        ]
        for number, c in enumerate(sheet.changes, start=1)
    ]
    return [
        grid_table(
            rows,
            [width * share for share in CHANGE_SHARES],
            extra=[("ALIGN", (4, 1), (5, -1), "RIGHT")],
        )
    ]
