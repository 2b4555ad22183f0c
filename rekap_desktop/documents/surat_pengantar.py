"""Surat pengantar: the letter with which the KPU Kabupaten/Kota sends a contest's recapitulation
it does not decide (the Gubernur D.Hasil Kabko-KWK) up to the KPU Provinsi, listing each enclosed
form with its sidik data so the receiving office can check the paper against the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.keputusan import CLAUSE_STYLE, right_signature
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    page_meta,
    render,
    text,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_day

BLANK = "......................................."


@dataclass(frozen=True)
class Enclosure:
    document: str
    pages: str
    """What identifies it on paper: its sidik data."""


@dataclass(frozen=True)
class CoverLetterData(Headed):
    header: FormHeader
    issuer: str = field(metadata=sidik("penerbit"))
    number: str | None = field(metadata=sidik("nomor"))
    place: str | None = field(metadata=sidik("tempat"))
    on: date | None = field(metadata=sidik("tanggal"))
    subject: str = field(metadata=sidik("hal"))
    addressee: tuple[str, ...] = field(metadata=sidik("kepada"))
    opening: str = field(metadata=sidik("pembuka"))
    enclosures: tuple[Enclosure, ...] = field(metadata=sidik("lampiran"))
    closing: str = field(metadata=sidik("penutup"))
    signer: Signatory = field(metadata=sidik("penanda_tangan"))


def render_cover_letter(
    data: CoverLetterData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    s = styles()
    width = frame_width(paper, portrait=True)
    place = escape(data.place or "....................")
    day = format_day(data.on) if data.on else "...................."
    story: list[Flowable] = [
        Paragraph(escape(data.issuer), s.title),
        Spacer(1, 6 * mm),
        _right(f"{place}, {day}", width),
        Spacer(1, 3 * mm),
        _heading_fields(data, width),
        Spacer(1, 5 * mm),
        Paragraph("<br/>".join(escape(line) for line in data.addressee), s.body),
        Spacer(1, 5 * mm),
        Paragraph(escape(data.opening), s.body),
        Spacer(1, 2 * mm),
        _enclosures(data.enclosures, width),
        Spacer(1, 3 * mm),
        Paragraph(escape(data.closing), s.body),
        Spacer(1, 8 * mm),
        KeepTogether([right_signature((), data.signer, width)]),
    ]
    return render(story, meta, paper, portrait=True)


def _right(line: str, width: float) -> Table:
    table = Table([["", Paragraph(line, styles().body)]], colWidths=[width * 0.55, width * 0.45])
    return table


def _heading_fields(data: CoverLetterData, width: float) -> Table:
    count = len(data.enclosures)
    rows = [
        ("Nomor", data.number or BLANK),
        ("Sifat", "Segera"),
        ("Lampiran", f"{count} berkas"),
        ("Hal", data.subject),
    ]
    table = Table(
        [[text(label, "body"), text(":", "body"), text(value, "body")] for label, value in rows],
        colWidths=[22 * mm, 4 * mm, width * 0.6],
        hAlign="LEFT",
    )
    table.setStyle(CLAUSE_STYLE)
    return table


def _enclosures(enclosures: tuple[Enclosure, ...], width: float) -> Table:
    rows: list[list[Any]] = [["NO", "DOKUMEN YANG DISAMPAIKAN", "SIDIK DATA"]]
    rows += [[str(i), text(e.document), e.pages] for i, e in enumerate(enclosures, start=1)]
    return grid_table(rows, [10 * mm, width * 0.7, width * 0.3 - 10 * mm])
