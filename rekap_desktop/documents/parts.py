"""Parts every form is made of: title block, tables with repeated headers, signature and paraf
blocks, and the page furniture (running header, watermark, "Halaman x dari y", sidik data + QR)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypedDict
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rekap_desktop.documents.styles import (
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    page_size,
    portrait_size,
    styles,
)
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_moment

GRID = colors.black
HEAD_FILL = colors.Color(0.88, 0.88, 0.88)
SECTION_FILL = colors.Color(0.95, 0.95, 0.95)
QR_SIZE = 17 * mm
QR_FORM = "sidik_data_qr"


@dataclass(frozen=True)
class PageMeta:
    """What every page of one printed form carries."""

    form_name: str
    region: str
    fingerprint: str
    watermark: str | None
    """SIMULASI / DRAF / SEMENTARA, or None for a determined, real result."""
    installation_key: str | None = None
    """Sidik of the Ed25519 key of the installation that printed the form, so the next level can
    compare it on paper with the key that signs the result package. Not part of the sidik data:
    the same data printed on another station (each has its own key) is the same content."""
    chain_head: str | None = None
    """The audit chain's head when the form was printed ("#123 9F3A-0C21-04BD"): an anchor of
    the chain on paper, which ``audit --verify --kepala`` compares with the database. Not part of
    the sidik data either: printing the same data later gives the same content."""


class PageStamp(TypedDict):
    """What the printing installation adds to every page besides the form's own content."""

    installation_key: str | None
    chain_head: str | None


class FormData(Protocol):
    """What every printed form's data names for its pages."""

    @property
    def form_name(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def watermark(self) -> str | None: ...


def page_meta(
    data: FormData,
    fingerprint: str,
    installation_key: str | None,
    chain_head: str | None = None,
) -> PageMeta:
    return PageMeta(
        data.form_name,
        data.region,
        fingerprint,
        data.watermark,
        installation_key,
        chain_head,
    )


NOT_SIGNED = "Hadir, tidak menandatangani"
"""Printed instead of a line to sign on for one present who did not sign (PKPU 18/2024 Pasal
33(3)); the reason recorded at penetapan follows."""


@dataclass(frozen=True)
class Signatory:
    """One signature line; ``refusal`` is the written reason of one who was present but did not
    sign (PKPU 18/2024 Pasal 33(3))."""

    name: str
    role: str
    refusal: str | None = None


BLANK_DAY = "...................."
BLANK_PLACE = "...................."


def day_text(moment: date | None) -> str:
    """The day (and, for a recorded moment, the clock time) a form states, or a dotted line to
    write it on when it is not known yet."""
    return format_moment(moment) if moment else BLANK_DAY


def number_cell(number: int | None) -> str:
    """A choice's NO cell; None (the kolom kosong, which has no ballot number) is "–"."""
    return "–" if number is None else str(number)


@dataclass(frozen=True)
class RenderedForm:
    pdf: bytes
    pages: int


def text(value: str, style_name: str = "cell") -> Paragraph:
    """A paragraph of plain text (escaped: names may hold "&" or "<")."""
    return Paragraph(escape(value).replace("\n", "<br/>"), getattr(styles(), style_name))


def title_block(
    form_name: str, title_lines: Sequence[str], fields: Sequence[tuple[str, str]]
) -> list[Flowable]:
    """Form name, the contest/meeting title and the region fields (label : value)."""
    s = styles()
    parts: list[Flowable] = [Paragraph(escape(form_name), s.title)]
    parts += [Paragraph(escape(line), s.subtitle) for line in title_lines]
    parts.append(Spacer(1, 3 * mm))
    if fields:
        rows = [
            [text(label, "cell_bold"), ":", text(value, "cell_bold")] for label, value in fields
        ]
        table = Table(rows, colWidths=[40 * mm, 4 * mm, 140 * mm], hAlign="LEFT")
        table.setStyle(_plain_style())
        parts += [table, Spacer(1, 2 * mm)]
    return parts


NUMBER_BLANK = "...................................................."


def number_line(number: str | None) -> list[Flowable]:
    """The official Nomor of a berita acara, pengumuman or keputusan as the secretariat typed
    it, or a dotted line to write it on. Not part of the sidik data: it is the register number
    the paper is given, not data of the result (each print records it in the audit log)."""
    shown = escape(number.strip()) if number and number.strip() else NUMBER_BLANK
    return [Paragraph(f"Nomor: {shown}", styles().subtitle), Spacer(1, 2 * mm)]


def _plain_style() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 7),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]
    )


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    header_rows: int = 1,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose first ``header_rows`` repeat on every page it runs onto."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 6.5),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    table.setStyle(TableStyle(commands + list(extra)))
    return table


def signature_block(
    heading: str, signatories: Sequence[Signatory], role_header: str, width: float
) -> list[Flowable]:
    """Numbered signature lines: name, role and a box to sign in, or the written refusal."""
    rows: list[list[Any]] = [["NO", "NAMA", role_header, "TANDA TANGAN"]]
    for i, person in enumerate(signatories, start=1):
        sign: Any = f"{i}. ............................"
        if person.refusal is not None:
            sign = text(f"{NOT_SIGNED}. Alasan: {person.refusal}", "small")
        rows.append([str(i), text(person.name), text(person.role), sign])
    widths = [10 * mm, width * 0.36, width * 0.26, width * 0.38 - 10 * mm]
    roomy = [("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]
    table = grid_table(rows, widths, extra=roomy)
    return [Paragraph(escape(heading), styles().heading), Spacer(1, 1.5 * mm), table]


def made_and_signed(
    place: str | None, made_on: date | None, members: Sequence[Signatory], width: float
) -> list[Flowable]:
    """The close of a list the meeting keeps: where and on what day it was made, then the KPU
    members present signing under it."""
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        text(f"Dibuat di {place or BLANK_PLACE}, pada hari {day_text(made_on)}.", "body"),
        Spacer(1, 3 * mm),
    ]
    if members:
        story.append(
            KeepTogether(signature_block("ANGGOTA KPU YANG HADIR", members, "JABATAN", width))
        )
    return story


def present_block(others: Sequence[Signatory], width: float) -> list[Flowable]:
    """Bawaslu and pemantau recorded present at item 1: listed as present, with no line to
    sign (they neither determine nor stand for a choice); nothing when there are none."""
    if not others:
        return []
    rows: list[list[Any]] = [["NO", "NAMA", "UNSUR / LEMBAGA", "KETERANGAN"]]
    rows += [[str(i), text(p.name), text(p.role), "Hadir"] for i, p in enumerate(others, start=1)]
    widths = [10 * mm, width * 0.36, width * 0.38, width * 0.26 - 10 * mm]
    heading = Paragraph("BAWASLU DAN PEMANTAU YANG HADIR", styles().heading)
    table = grid_table(rows, widths)
    return [Spacer(1, 3 * mm), KeepTogether([heading, Spacer(1, 1.5 * mm), table])]


PARAF_BOX_WIDTH = 34 * mm


def paraf_boxes(labels: Sequence[str], width: float | None = None) -> Table:
    """Empty boxes for initials (paraf), the signer named under each; with ``width`` the boxes
    wrap into as many rows as needed so none runs off the page."""
    per_row = max(1, int(width // PARAF_BOX_WIDTH)) if width else max(1, len(labels))
    per_row = min(per_row, max(1, len(labels)))
    data: list[list[object]] = []
    heights: list[float | None] = []
    boxed: list[tuple[int, int]] = []
    for start in range(0, len(labels), per_row):
        chunk = list(labels[start : start + per_row])
        blanks = per_row - len(chunk)
        boxed += [(column, len(data)) for column in range(len(chunk))]
        boxes: list[object] = ["" for _ in range(per_row)]
        names: list[object] = [text(label, "small") for label in chunk]
        data += [boxes, names + [""] * blanks]
        heights += [11 * mm, None]
    table = Table(data, colWidths=[PARAF_BOX_WIDTH] * per_row, rowHeights=heights, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [("BOX", cell, cell, 0.6, GRID) for cell in boxed]
            + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 1)]
        )
    )
    return table


def render(
    flowables: list[Flowable], meta: PageMeta, paper: Paper, portrait: bool = False
) -> RenderedForm:
    """Lay out ``flowables`` on ``paper`` (landscape, or upright with ``portrait``) with the page
    furniture of ``meta``; PDF bytes out."""
    styles()  # fonts registered before any text is measured
    buffer = io.BytesIO()
    width, height = portrait_size(paper) if portrait else page_size(paper)
    document = SimpleDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{meta.form_name} — {meta.region}",
        author="Rekap Desktop",
        subject=f"Sidik data {meta.fingerprint}",
        creator="Rekap Desktop",
    )
    counter: list[int] = []
    document.build(
        flowables,
        onFirstPage=lambda c, _d: _watermark(c, meta, width, height),
        onLaterPages=lambda c, _d: _watermark(c, meta, width, height),
        canvasmaker=_numbered_canvas(meta, _qr(meta.fingerprint), counter),
    )
    return RenderedForm(buffer.getvalue(), counter[0] if counter else 0)


def _qr(fingerprint: str) -> Drawing:
    widget = QrCodeWidget(f"REKAP-DESKTOP SIDIK DATA {fingerprint}", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def _watermark(canvas: Canvas, meta: PageMeta, width: float, height: float) -> None:
    if not meta.watermark:
        return
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55), alpha=0.16)
    canvas.setFont(FONT_BOLD, 96)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(28)
    canvas.drawCentredString(0, -34, meta.watermark)
    canvas.restoreState()


def _numbered_canvas(meta: PageMeta, qr: Drawing, counter: list[int]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say "Halaman x dari y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            counter.append(total)
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                if number == 1:
                    # drawn once as a form XObject and placed on every page: the QR's thousands
                    # of modules would otherwise be written (and formatted) again per page
                    self.beginForm(QR_FORM, 0, 0, QR_SIZE, QR_SIZE)
                    renderPDF.draw(qr, self, 0, 0)
                    self.endForm()
                _furniture(self, meta, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _furniture(canvas: Canvas, meta: PageMeta, number: int, total: int) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(FONT, 6.5)
    canvas.setFillColor(colors.black)
    canvas.drawString(MARGIN_X, height - 9 * mm, f"{meta.form_name} — {meta.region}")
    if meta.watermark:
        canvas.setFont(FONT_BOLD, 6.5)
        canvas.drawRightString(width - MARGIN_X, height - 9 * mm, meta.watermark)
    base = 9 * mm
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, MARGIN_BOTTOM - 3 * mm, width - MARGIN_X, MARGIN_BOTTOM - 3 * mm)
    canvas.setFont(FONT, 7)
    canvas.drawString(MARGIN_X, base + 4 * mm, meta.form_name)
    canvas.drawString(MARGIN_X, base, meta.region)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawCentredString(width / 2, base + 2 * mm, f"Halaman {number} dari {total}")
    if meta.installation_key:
        canvas.setFont(FONT, 6.5)
        canvas.drawCentredString(
            width / 2, base - 2.5 * mm, f"Kunci instalasi: {meta.installation_key}"
        )
    right = width - MARGIN_X - QR_SIZE - 2 * mm
    canvas.setFont(FONT, 6.5)
    canvas.drawRightString(right, base + 5 * mm, "SIDIK DATA")
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawRightString(right, base + 1 * mm, meta.fingerprint)
    if meta.chain_head:
        canvas.setFont(FONT, 6.5)
        canvas.drawRightString(right, base - 2.5 * mm, f"Rantai audit {meta.chain_head}")
    canvas.translate(width - MARGIN_X - QR_SIZE, 3 * mm)
    canvas.doForm(QR_FORM)
    canvas.restoreState()
