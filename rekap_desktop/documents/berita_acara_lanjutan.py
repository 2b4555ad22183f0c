"""Berita Acara Rapat Pleno Lanjutan: one per follow-up session (sesi lanjutan), each on pages of
its own — the legal basis and its document, the kecamatan and pemilihan it re-opened, when it was
opened and closed, and every determined value it changed (old → new, with the reason of the
correction and who approved it) — signed by the KPU members, initialled by the saksi and
Bawaslu."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

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
)
from rekap_desktop.documents.record_sheets import record_title, sheet_opening, sheet_per_record
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
    story = sheet_per_record(
        data.sheets,
        lambda sheet: _title(data, sheet),
        lambda sheet: _sheet(data, sheet, width),
        "Belum ada sesi lanjutan dalam rapat ini.",
    )
    return render(story, meta, paper, portrait=True)


def _title(data: FollowUpMinutesData, sheet: SessionSheet | None) -> list[Flowable]:
    heading = f"SESI LANJUTAN KE-{sheet.number}" if sheet else None
    return record_title(data, heading) + number_line(data.number)


def _sheet(data: FollowUpMinutesData, sheet: SessionSheet, width: float) -> list[Flowable]:
    story = sheet_opening(sheet.opened, data.place, _reopened(data, sheet), _details(sheet), width)
    story.append(Paragraph("PERUBAHAN HASIL YANG DITETAPKAN (LAMA → BARU)", styles().heading))
    story += _changes(sheet, width)
    story += closing_block(
        data.members,
        data.witnesses,
        "PARAF SAKSI DAN BAWASLU YANG HADIR",
        width,
        "Hasil penetapan sebelumnya beserta formulirnya tetap tersimpan sebagaimana ditetapkan.",
    )
    return story


def _reopened(data: FollowUpMinutesData, sheet: SessionSheet) -> str:
    return (
        f"KPU {escape(data.region)} membuka kembali rapat pleno terbuka rekapitulasi hasil "
        "penghitungan perolehan suara yang telah ditetapkan, dalam sesi lanjutan "
        f"ke-{sheet.number} berdasarkan {escape(sheet.document)}, untuk kecamatan dan pemilihan "
        "dalam cakupannya saja."
    )


def _details(sheet: SessionSheet) -> list[tuple[str, str]]:
    return [
        ("Dasar", sheet.basis),
        ("Dokumen", sheet.document),
        ("Kecamatan yang dibuka", ", ".join(sheet.units)),
        ("Pemilihan yang dibuka", sheet.contests),
        ("Uraian", sheet.description or "–"),
        ("Dibuka", sheet.opened),
        ("Ditutup dengan penetapan", sheet.closed),
    ]


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
