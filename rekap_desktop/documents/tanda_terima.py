"""Tanda Terima Salinan: one page per receiver of a handing — the documents received, each with
its copy number, print version and sidik data, the medium, the moment and the time — with a line
for the receiver's paraf/tanda tangan and one for the KPU official who handed them. Without any
copy handed yet it prints one blank receipt to fill in by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    BLANK_DAY,
    RenderedForm,
    grid_table,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper

LINE_HEADERS = ("NO", "DOKUMEN", "VERSI CETAK", "SIDIK DATA", "SALINAN", "SAAT PENYERAHAN")
SHARES = (0.06, 0.38, 0.1, 0.16, 0.12, 0.18)
BLANK = "...................................."
BLANK_LINES = 3
SIGNED_PDF_NOTE = (
    "Salinan PDF ditandatangani secara elektronik dengan kunci instalasi Rekap Desktop "
    "(Ed25519). Berkas .sig di samping PDF memuat tanda tangannya; berkas .txt menjelaskan cara "
    "memeriksanya. Sidik kunci sama dengan 'Kunci instalasi' di kaki setiap halaman formulir."
)


@dataclass(frozen=True)
class ReceiptLine:
    document: str
    version: int
    fingerprint: str
    copy: str
    """ "Salinan ke-3"."""
    moment: str
    """ "Penutupan kecamatan PALARAN", "Skors", "Penetapan"."""


@dataclass(frozen=True)
class Receipt:
    """The tanda terima of one receiver in one handing."""

    handing: int
    receiver: str
    role: str
    medium: str
    handed_at: str
    handed_by: str
    """The KPU official who handed the copies ("" leaves a line to write the name on)."""
    lines: tuple[ReceiptLine, ...]
    signed_pdf: bool


@dataclass(frozen=True)
class ReceiptsData(Headed):
    header: FormHeader
    receipts: tuple[Receipt, ...] = field(metadata=sidik("tanda_terima"))
    place: str | None = field(metadata=sidik("tempat"))
    issuer: str = field(metadata=sidik("penyerah"))
    """The body handing the copies: "KPU KOTA SAMARINDA"."""


def render_receipts(
    data: ReceiptsData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper, portrait=True)
    story: list[Flowable] = []
    for index, receipt in enumerate(data.receipts or (None,)):
        if index:
            story.append(PageBreak())
        story += title_block(data.form_name, _title_lines(data, receipt), data.region_fields)
        story += _receipt(data, receipt, width)
    return render(story, meta, paper, portrait=True)


def _title_lines(data: ReceiptsData, receipt: Receipt | None) -> list[str]:
    lines = [data.election_name.upper()]
    if receipt is not None:
        lines.append(f"PENYERAHAN NOMOR {receipt.handing}")
    return lines


def _receipt(data: ReceiptsData, receipt: Receipt | None, width: float) -> list[Flowable]:
    s = styles()
    at = escape(receipt.handed_at) if receipt else BLANK_DAY
    place = escape(data.place or "....................")
    story: list[Flowable] = [
        Paragraph(
            f"Pada {at}, bertempat di {place}, {escape(data.issuer)} menyerahkan salinan dokumen "
            "rapat pleno terbuka rekapitulasi berikut, dan yang bertanda tangan di bawah ini "
            "menyatakan telah menerimanya.",
            s.body,
        ),
        Spacer(1, 2 * mm),
    ]
    details = [
        ("Nama penerima", receipt.receiver if receipt else BLANK),
        ("Sebagai", receipt.role if receipt else BLANK),
        ("Media", receipt.medium if receipt else "Kertas / PDF bertanda tangan (USB) *)"),
    ]
    rows: list[list[Any]] = [[text(label, "cell_bold"), text(value)] for label, value in details]
    story += [grid_table(rows, [40 * mm, width - 40 * mm], header_rows=0), Spacer(1, 3 * mm)]
    story += [Paragraph("DOKUMEN YANG DITERIMA", s.heading), Spacer(1, 1 * mm)]
    story += [_lines_table(receipt, width), Spacer(1, 3 * mm)]
    if receipt is not None and receipt.signed_pdf:
        story += [text(SIGNED_PDF_NOTE, "small"), Spacer(1, 3 * mm)]
    story.append(KeepTogether(_signatures(data, receipt, width)))
    return story


def _lines_table(receipt: Receipt | None, width: float) -> Table:
    rows: list[list[Any]] = [[text(h, "cell_center") for h in LINE_HEADERS]]
    for i, line in enumerate(receipt.lines if receipt else (), start=1):
        rows.append(
            [
                str(i),
                text(line.document),
                str(line.version),
                line.fingerprint,
                text(line.copy),
                text(line.moment),
            ]
        )
    if receipt is None:
        rows += [[str(i), "", "", "", "", ""] for i in range(1, BLANK_LINES + 1)]
    roomy = [("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3)]
    return grid_table(rows, [width * share for share in SHARES], extra=roomy)


def _signatures(data: ReceiptsData, receipt: Receipt | None, width: float) -> list[Flowable]:
    handed_by = receipt.handed_by if receipt and receipt.handed_by else BLANK
    receiver = receipt.receiver if receipt else BLANK
    heads = [f"Yang menyerahkan,\n{data.issuer}", "Yang menerima,\n(paraf / tanda tangan)"]
    names = [f"( {handed_by} )", f"( {receiver} )"]
    rows: list[list[Any]] = [
        [text(h, "cell_center") for h in heads],
        ["", ""],
        [text(n, "cell_center") for n in names],
    ]
    table = Table(rows, colWidths=[width / 2] * 2, rowHeights=[None, 22 * mm, None])
    return [Spacer(1, 2 * mm), table]
