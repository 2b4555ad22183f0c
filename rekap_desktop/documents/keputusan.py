"""Keputusan KPU: a numbered decree of the KPU Kabupaten/Kota — Menimbang, Mengingat, Memperhatikan,
MEMUTUSKAN and its diktum (KESATU, KEDUA …), signed by the Ketua, then its Lampiran, each headed
with the decree it belongs to. The same layout serves the penetapan hasil of a Pilkada and the
penetapan perolehan kursi dan calon terpilih of a Pemilu."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from rekap_desktop.documents.fingerprint import content_hash, short_code
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
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_day

ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
ROMAN = ("I", "II", "III", "IV", "V")
BLANK_NUMBER = "......................................."
LABEL_WIDTH = 30 * mm
CLAUSE_STYLE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 1),
    ("RIGHTPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


@dataclass(frozen=True)
class AnnexTable:
    heading: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]
    """Each column's share of the page width (summing to 1)."""
    right: tuple[int, ...] = ()
    """Columns of figures, aligned right."""
    bold_last: bool = False
    """The last row is a total."""


@dataclass(frozen=True)
class Annex:
    """One lampiran: what it sets out and its tables."""

    subject: str
    tables: tuple[AnnexTable, ...]


@dataclass(frozen=True)
class DecreeSnapshot:
    form_name: str
    region: str
    issuer: str
    """ "KOMISI PEMILIHAN UMUM KOTA SAMARINDA"."""
    number: str | None
    """The decree's official number; None prints a line to write it on."""
    subject: str
    considering: tuple[str, ...]
    legal_basis: tuple[str, ...]
    noting: tuple[str, ...]
    articles: tuple[str, ...]
    place: str | None
    on: date | None
    signer: Signatory
    annexes: tuple[Annex, ...]
    watermark: str | None


def canonical_content(snapshot: DecreeSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "penerbit": snapshot.issuer,
        "nomor": snapshot.number,
        "tentang": snapshot.subject,
        "menimbang": list(snapshot.considering),
        "mengingat": list(snapshot.legal_basis),
        "memperhatikan": list(snapshot.noting),
        "diktum": list(snapshot.articles),
        **dated_content(snapshot.place, snapshot.on),
        "penanda_tangan": signatory_content((snapshot.signer,)),
        "lampiran": [
            [
                a.subject,
                [[t.heading, list(t.header), [list(r) for r in t.rows]] for t in a.tables],
            ]
            for a in snapshot.annexes
        ],
    }


def fingerprint(snapshot: DecreeSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_decree(
    snapshot: DecreeSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    width = frame_width(paper, portrait=True)
    story = _head(snapshot) + _body(snapshot, width) + _signature(snapshot, width)
    for index, annex in enumerate(snapshot.annexes):
        story += _annex(snapshot, annex, index, width)
    return render(story, meta, paper, portrait=True)


def _number(snapshot: DecreeSnapshot) -> str:
    return snapshot.number or BLANK_NUMBER


def _head(snapshot: DecreeSnapshot) -> list[Flowable]:
    s = styles()
    lines = (
        (f"KEPUTUSAN {snapshot.issuer}", s.title),
        (f"NOMOR {_number(snapshot)}", s.subtitle),
        ("TENTANG", s.subtitle),
        (snapshot.subject, s.subtitle),
    )
    story: list[Flowable] = [Paragraph(escape(line), style) for line, style in lines]
    story += [
        Spacer(1, 4 * mm),
        Paragraph("DENGAN RAHMAT TUHAN YANG MAHA ESA", s.subtitle),
        Spacer(1, 2 * mm),
        Paragraph(f"{escape(snapshot.issuer)},", s.subtitle),
        Spacer(1, 4 * mm),
    ]
    return story


def _clauses(label: str, items: tuple[str, ...], marks: list[str], width: float) -> Table:
    """ "Menimbang : a. …" — the label once, each item with its letter or number."""
    rows = [
        [text(label if i == 0 else "", "body"), text(":" if i == 0 else "", "body")]
        + [text(mark, "body"), text(item, "body")]
        for i, (mark, item) in enumerate(zip(marks, items, strict=True))
    ]
    widths = [LABEL_WIDTH, 4 * mm, 7 * mm, width - LABEL_WIDTH - 11 * mm]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(CLAUSE_STYLE)
    return table


def _body(snapshot: DecreeSnapshot, width: float) -> list[Flowable]:
    s = styles()
    letters = [f"{chr(ord('a') + i)}." for i in range(len(snapshot.considering))]
    story: list[Flowable] = [
        _clauses("Menimbang", snapshot.considering, letters, width),
        Spacer(1, 2 * mm),
        _clauses(
            "Mengingat",
            snapshot.legal_basis,
            [f"{i}." for i in range(1, len(snapshot.legal_basis) + 1)],
            width,
        ),
        Spacer(1, 2 * mm),
    ]
    if snapshot.noting:
        marks = [f"{i}." for i in range(1, len(snapshot.noting) + 1)]
        story += [_clauses("Memperhatikan", snapshot.noting, marks, width), Spacer(1, 3 * mm)]
    story += [Paragraph("MEMUTUSKAN:", s.subtitle), Spacer(1, 2 * mm)]
    decree = f"KEPUTUSAN {snapshot.issuer} TENTANG {snapshot.subject}."
    rows = [[text("Menetapkan", "body"), text(":", "body"), text(decree, "body")]]
    rows += [
        [text(ORDINALS[i], "body"), text(":", "body"), text(article, "body")]
        for i, article in enumerate(snapshot.articles)
    ]
    table = Table(
        rows, colWidths=[LABEL_WIDTH, 4 * mm, width - LABEL_WIDTH - 4 * mm], hAlign="LEFT"
    )
    table.setStyle(CLAUSE_STYLE)
    return story + [table, Spacer(1, 6 * mm)]


def _signature(snapshot: DecreeSnapshot, width: float) -> list[Flowable]:
    return [KeepTogether([_signed(snapshot, width)])]


def _signed(snapshot: DecreeSnapshot, width: float) -> Table:
    place = escape(snapshot.place or "....................")
    day = format_day(snapshot.on) if snapshot.on else "...................."
    head = (f"Ditetapkan di {place}", f"pada tanggal {day}", "")
    return right_signature(head, snapshot.signer, width)


def right_signature(head: tuple[str, ...], signer: Signatory, width: float) -> Table:
    """The signature of a decree or a letter on the right half: ``head`` lines (escaped
    markup), the signer's office, room to sign — or the written refusal — and the name."""
    lines = [*head, f"{escape(signer.role)},"]
    if signer.refusal is not None:
        lines += ["", f"Menolak menandatangani. Alasan: {escape(signer.refusal)}"]
    else:
        lines += ["", "", "", ""]
    lines.append(f"<b>{escape(signer.name or '....................................')}</b>")
    block = Paragraph("<br/>".join(lines), styles().body)
    table = Table([["", block]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table


def _annex(snapshot: DecreeSnapshot, annex: Annex, index: int, width: float) -> list[Flowable]:
    s = styles()
    label = "LAMPIRAN" if len(snapshot.annexes) == 1 else f"LAMPIRAN {ROMAN[index]}"
    day = format_day(snapshot.on) if snapshot.on else "...................."
    lines = [
        label,
        f"KEPUTUSAN {snapshot.issuer}",
        f"NOMOR {_number(snapshot)}",
        f"TANGGAL {day.upper()}",
        f"TENTANG {snapshot.subject}",
    ]
    block = Paragraph("<br/>".join(escape(line) for line in lines), s.small)
    head = Table([["", block]], colWidths=[width * 0.45, width * 0.55])
    head.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    story: list[Flowable] = [
        PageBreak(),
        head,
        Spacer(1, 4 * mm),
        Paragraph(escape(annex.subject), s.subtitle),
        Spacer(1, 3 * mm),
    ]
    tables = [_annex_table(table, width) for table in annex.tables]
    for flowables in tables[:-1]:
        story += flowables
    # The signature stays with the last table: never alone on a page of its own.
    closing = (tables[-1] if tables else []) + [_signed(snapshot, width)]
    return story + [KeepTogether(closing)]


def _annex_table(table: AnnexTable, width: float) -> list[Flowable]:
    """Figures as plain strings (right-aligned, bold in a total row); words as paragraphs."""
    rows: list[list[Any]] = [[text(h, "cell_center") for h in table.header]]
    for index, row in enumerate(table.rows):
        total = table.bold_last and index == len(table.rows) - 1
        rows.append(
            [
                cell if column in table.right else text(cell, "cell_bold" if total else "cell")
                for column, cell in enumerate(row)
            ]
        )
    extra: list[tuple[Any, ...]] = [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in table.right]
    if table.bold_last and table.rows:
        extra.append(("FONT", (0, -1), (-1, -1), FONT_BOLD, 7))
    grid = grid_table(rows, [width * share for share in table.shares], extra=extra)
    parts: list[Flowable] = []
    if table.heading:
        parts += [Paragraph(escape(table.heading), styles().heading), Spacer(1, 1.5 * mm)]
    return [*parts, grid, Spacer(1, 4 * mm)]
