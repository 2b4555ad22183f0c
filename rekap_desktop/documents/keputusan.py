"""Keputusan KPU: a numbered decree of the KPU Kabupaten/Kota — Menimbang, Mengingat, Memperhatikan,
MEMUTUSKAN and its diktum (KESATU, KEDUA …), signed by the Ketua, then its Lampiran, each headed
with the decree it belongs to. The same layout serves the penetapan hasil of a Pilkada and the
penetapan perolehan kursi dan calon terpilih of a Pemilu."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    page_meta,
    render,
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
    heading: str = field(metadata=sidik("judul"))
    header: tuple[str, ...] = field(metadata=sidik("kepala"))
    rows: tuple[tuple[str, ...], ...] = field(metadata=sidik("baris"))
    shares: tuple[float, ...]
    """Each column's share of the page width (summing to 1)."""
    right: tuple[int, ...] = ()
    """Columns of figures, aligned right."""
    bold_last: bool = False
    """The last row is a total."""


@dataclass(frozen=True)
class Annex:
    """One lampiran: what it sets out and its tables."""

    subject: str = field(metadata=sidik("tentang"))
    tables: tuple[AnnexTable, ...] = field(metadata=sidik("tabel"))


@dataclass(frozen=True)
class DecreeData(Headed):
    header: FormHeader
    issuer: str = field(metadata=sidik("penerbit"))
    """ "KOMISI PEMILIHAN UMUM KOTA SAMARINDA"."""
    number: str | None = field(metadata=sidik("nomor"))
    """The decree's official number; None prints a line to write it on."""
    subject: str = field(metadata=sidik("tentang"))
    considering: tuple[str, ...] = field(metadata=sidik("menimbang"))
    legal_basis: tuple[str, ...] = field(metadata=sidik("mengingat"))
    noting: tuple[str, ...] = field(metadata=sidik("memperhatikan"))
    articles: tuple[str, ...] = field(metadata=sidik("diktum"))
    place: str | None = field(metadata=sidik("tempat"))
    on: date | None = field(metadata=sidik("tanggal"))
    signer: Signatory = field(metadata=sidik("penanda_tangan"))
    annexes: tuple[Annex, ...] = field(metadata=sidik("lampiran"))


def render_decree(
    data: DecreeData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper, portrait=True)
    story = _head(data) + _body(data, width) + _signature(data, width)
    for index, annex in enumerate(data.annexes):
        story += _annex(data, annex, index, width)
    return render(story, meta, paper, portrait=True)


def _number(data: DecreeData) -> str:
    return data.number or BLANK_NUMBER


def _head(data: DecreeData) -> list[Flowable]:
    s = styles()
    lines = (
        (f"KEPUTUSAN {data.issuer}", s.title),
        (f"NOMOR {_number(data)}", s.subtitle),
        ("TENTANG", s.subtitle),
        (data.subject, s.subtitle),
    )
    story: list[Flowable] = [Paragraph(escape(line), style) for line, style in lines]
    story += [
        Spacer(1, 4 * mm),
        Paragraph("DENGAN RAHMAT TUHAN YANG MAHA ESA", s.subtitle),
        Spacer(1, 2 * mm),
        Paragraph(f"{escape(data.issuer)},", s.subtitle),
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


def _body(data: DecreeData, width: float) -> list[Flowable]:
    s = styles()
    letters = [f"{chr(ord('a') + i)}." for i in range(len(data.considering))]
    story: list[Flowable] = [
        _clauses("Menimbang", data.considering, letters, width),
        Spacer(1, 2 * mm),
        _clauses(
            "Mengingat",
            data.legal_basis,
            [f"{i}." for i in range(1, len(data.legal_basis) + 1)],
            width,
        ),
        Spacer(1, 2 * mm),
    ]
    if data.noting:
        marks = [f"{i}." for i in range(1, len(data.noting) + 1)]
        story += [_clauses("Memperhatikan", data.noting, marks, width), Spacer(1, 3 * mm)]
    story += [Paragraph("MEMUTUSKAN:", s.subtitle), Spacer(1, 2 * mm)]
    decree = f"KEPUTUSAN {data.issuer} TENTANG {data.subject}."
    rows = [[text("Menetapkan", "body"), text(":", "body"), text(decree, "body")]]
    rows += [
        [text(ORDINALS[i], "body"), text(":", "body"), text(article, "body")]
        for i, article in enumerate(data.articles)
    ]
    table = Table(
        rows, colWidths=[LABEL_WIDTH, 4 * mm, width - LABEL_WIDTH - 4 * mm], hAlign="LEFT"
    )
    table.setStyle(CLAUSE_STYLE)
    return story + [table, Spacer(1, 6 * mm)]


def _signature(data: DecreeData, width: float) -> list[Flowable]:
    return [KeepTogether([_signed(data, width)])]


def _signed(data: DecreeData, width: float) -> Table:
    place = escape(data.place or "....................")
    day = format_day(data.on) if data.on else "...................."
    head = (f"Ditetapkan di {place}", f"pada tanggal {day}", "")
    return right_signature(head, data.signer, width)


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


def _annex(data: DecreeData, annex: Annex, index: int, width: float) -> list[Flowable]:
    s = styles()
    label = "LAMPIRAN" if len(data.annexes) == 1 else f"LAMPIRAN {ROMAN[index]}"
    day = format_day(data.on) if data.on else "...................."
    lines = [
        label,
        f"KEPUTUSAN {data.issuer}",
        f"NOMOR {_number(data)}",
        f"TANGGAL {day.upper()}",
        f"TENTANG {data.subject}",
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
    closing = (tables[-1] if tables else []) + [_signed(data, width)]
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
