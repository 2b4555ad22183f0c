"""Surat pengantar: the letter with which the KPU Kabupaten/Kota sends a contest's recapitulation
it does not decide (the Gubernur D.Hasil Kabko-KWK) up to the KPU Provinsi, listing each enclosed
form with its sidik data so the receiving office can check the paper against the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.keputusan import CLAUSE_STYLE, right_signature
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    dated_content,
    grid_table,
    page_meta,
    render,
    signatory_content,
    text,
)
from rekap_desktop.documents.styles import Paper, frame_width, styles
from rekap_desktop.text.numbers import format_day

BLANK = "......................................."


@dataclass(frozen=True)
class Enclosure:
    document: str
    pages: str
    """What identifies it on paper: its sidik data."""


@dataclass(frozen=True)
class CoverLetterData:
    form_name: str
    region: str
    issuer: str
    number: str | None
    place: str | None
    on: date | None
    subject: str
    addressee: tuple[str, ...]
    opening: str
    enclosures: tuple[Enclosure, ...]
    closing: str
    signer: Signatory
    watermark: str | None


def canonical_content(data: CoverLetterData) -> dict[str, Any]:
    return {
        "formulir": data.form_name,
        "wilayah": data.region,
        "penerbit": data.issuer,
        "nomor": data.number,
        **dated_content(data.place, data.on),
        "hal": data.subject,
        "kepada": list(data.addressee),
        "isi": [data.opening, data.closing],
        "lampiran": [[e.document, e.pages] for e in data.enclosures],
        "penanda_tangan": signatory_content((data.signer,)),
    }


def fingerprint(data: CoverLetterData) -> str:
    return short_code(content_hash(canonical_content(data)))


def render_cover_letter(
    data: CoverLetterData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, fingerprint(data), installation_key, chain_head)
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
