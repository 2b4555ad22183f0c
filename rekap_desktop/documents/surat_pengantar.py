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
class CoverLetterSnapshot:
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


def canonical_content(snapshot: CoverLetterSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "penerbit": snapshot.issuer,
        "nomor": snapshot.number,
        **dated_content(snapshot.place, snapshot.on),
        "hal": snapshot.subject,
        "kepada": list(snapshot.addressee),
        "isi": [snapshot.opening, snapshot.closing],
        "lampiran": [[e.document, e.pages] for e in snapshot.enclosures],
        "penanda_tangan": signatory_content((snapshot.signer,)),
    }


def fingerprint(snapshot: CoverLetterSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_cover_letter(
    snapshot: CoverLetterSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    s = styles()
    width = frame_width(paper, portrait=True)
    place = escape(snapshot.place or "....................")
    day = format_day(snapshot.on) if snapshot.on else "...................."
    story: list[Flowable] = [
        Paragraph(escape(snapshot.issuer), s.title),
        Spacer(1, 6 * mm),
        _right(f"{place}, {day}", width),
        Spacer(1, 3 * mm),
        _heading_fields(snapshot, width),
        Spacer(1, 5 * mm),
        Paragraph("<br/>".join(escape(line) for line in snapshot.addressee), s.body),
        Spacer(1, 5 * mm),
        Paragraph(escape(snapshot.opening), s.body),
        Spacer(1, 2 * mm),
        _enclosures(snapshot.enclosures, width),
        Spacer(1, 3 * mm),
        Paragraph(escape(snapshot.closing), s.body),
        Spacer(1, 8 * mm),
        KeepTogether([right_signature((), snapshot.signer, width)]),
    ]
    return render(story, meta, paper, portrait=True)


def _right(line: str, width: float) -> Table:
    table = Table([["", Paragraph(line, styles().body)]], colWidths=[width * 0.55, width * 0.45])
    return table


def _heading_fields(snapshot: CoverLetterSnapshot, width: float) -> Table:
    count = len(snapshot.enclosures)
    rows = [
        ("Nomor", snapshot.number or BLANK),
        ("Sifat", "Segera"),
        ("Lampiran", f"{count} berkas"),
        ("Hal", snapshot.subject),
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
