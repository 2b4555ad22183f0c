"""Berita acara pencocokan / penghitungan suara ulang: one per check the meeting recorded, each on
pages of its own — the proposal and its reason, the objection it answers, the meeting's decision,
the box and its seal, who counted and who witnessed, the values recorded and found per place, the
outcome and the corrections it caused — signed by the KPU members, initialled by the witnesses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from rekap_desktop.documents.closing import closing_block
from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    page_meta,
    render,
    text,
)
from rekap_desktop.documents.record_sheets import record_title, sheet_opening, sheet_per_record
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

VALUE_HEADERS = ("TPS / DESA", "RINCIAN", "TERCATAT", "DITEMUKAN", "SELISIH")


@dataclass(frozen=True)
class FoundLine:
    place: str
    row: str
    recorded: int | None
    found: int

    @property
    def gap(self) -> str:
        if self.recorded is None:
            return "–"
        difference = self.found - self.recorded
        return "0" if difference == 0 else f"{difference:+,}".replace(",", ".")


@dataclass(frozen=True)
class RecountSheet:
    """One berita acara: what the record states, in words ready to print."""

    number: int
    title: str
    at: str
    unit: str
    contest: str
    kind: str
    places: tuple[str, ...]
    proposed_by: str
    reason: str
    incident: str
    decision: str
    box: str
    counted_by: str
    witnesses: tuple[str, ...]
    reference: str
    """Which source's rows "tercatat" is, e.g. "formulir D.Hasil PPK"."""
    found: tuple[FoundLine, ...]
    outcome: str
    corrections: tuple[str, ...]
    """One sentence per correction made on its strength."""


@dataclass(frozen=True)
class RecountsData(Headed):
    header: FormHeader
    sheets: tuple[RecountSheet, ...] = field(metadata=sidik("hitung_ulang"))
    place: str | None = field(metadata=sidik("tempat"))
    held_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))


def render_recounts(
    data: RecountsData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper, portrait=True)
    story = sheet_per_record(
        data.sheets,
        lambda sheet: record_title(data, sheet.title.upper() if sheet else None),
        lambda sheet: _sheet(data, sheet, width),
        "Tidak ada pencocokan atau penghitungan suara ulang dalam rapat ini.",
    )
    return render(story, meta, paper, portrait=True)


def _sheet(data: RecountsData, sheet: RecountSheet, width: float) -> list[Flowable]:
    s = styles()
    story = sheet_opening(sheet.at, data.place, _recorded(data, sheet), _details(sheet), width)
    if sheet.found:
        story.append(
            Paragraph(f"ANGKA YANG DITEMUKAN (tercatat: {escape(sheet.reference)})", s.heading)
        )
        values: list[list[Any]] = [list(VALUE_HEADERS)]
        values += [
            [text(v.place), text(v.row), format_number(v.recorded), format_number(v.found), v.gap]
            for v in sheet.found
        ]
        shares = (0.3, 0.31, 0.13, 0.13, 0.13)
        story += [
            grid_table(
                values,
                [width * share for share in shares],
                extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT")],
            ),
            Spacer(1, 3 * mm),
        ]
    story.append(Paragraph("HASIL", s.heading))
    story.append(text(sheet.outcome, "body"))
    for line in sheet.corrections:
        story.append(text(f"• {line}", "body"))
    story += closing_block(
        data.members, sheet.witnesses, "PARAF SAKSI DAN PENGAWAS YANG MENYAKSIKAN", width
    )
    return story


def _recorded(data: RecountsData, sheet: RecountSheet) -> str:
    return (
        "dalam rapat pleno terbuka rekapitulasi hasil penghitungan perolehan suara, "
        f"KPU {escape(data.region)} mencatat {escape(sheet.kind[0].lower() + sheet.kind[1:])} "
        "sebagai berikut."
    )


def _details(sheet: RecountSheet) -> list[tuple[str, str]]:
    return [
        ("Kecamatan", sheet.unit),
        ("Pemilihan", sheet.contest),
        ("TPS / desa/kelurahan", ", ".join(sheet.places)),
        ("Jenis", sheet.kind),
        ("Diusulkan oleh", sheet.proposed_by),
        ("Alasan usulan", sheet.reason),
        ("Terkait keberatan", sheet.incident),
        ("Keputusan rapat", sheet.decision),
        ("Kotak suara dan segel", sheet.box),
        ("Dicocokkan/dihitung oleh", sheet.counted_by),
        ("Disaksikan oleh", "; ".join(sheet.witnesses) or "–"),
    ]
