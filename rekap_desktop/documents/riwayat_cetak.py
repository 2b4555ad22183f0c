"""Riwayat Cetak: every version of every form the meeting printed (or saved as PDF), in the order
printed, with its sidik data, paper, pages, who printed it, when, and whether it is the final
version to sign. A saksi holding a paper form finds its version here by the sidik on its footer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    grid_table,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper

HEADERS = (
    "NO",
    "FORMULIR",
    "PEMILIHAN",
    "VERSI",
    "DICETAK",
    "OLEH",
    "KERTAS",
    "HLM",
    "SIDIK DATA",
    "KETERANGAN",
)
SHARES = (0.04, 0.25, 0.13, 0.05, 0.15, 0.12, 0.05, 0.04, 0.09, 0.08)


@dataclass(frozen=True)
class PrintLine:
    number: int
    form: str
    contest: str
    version: int
    printed_at: str
    actor: str
    paper: str
    pages: int
    fingerprint: str
    note: str
    """FINAL (the version to sign), DRAF, SEMENTARA, SIMULASI …"""


@dataclass(frozen=True)
class PrintHistoryData(Headed):
    header: FormHeader
    lines: tuple[PrintLine, ...] = field(metadata=sidik("cetakan"))


def render_print_history(
    data: PrintHistoryData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper)
    story: list[Flowable] = title_block(
        data.form_name,
        ["CETAKAN FORMULIR RAPAT PLENO REKAPITULASI BESERTA SIDIK DATANYA", data.election_name],
        data.region_fields,
    )
    story += _table(data.lines, width)
    story += [
        Spacer(1, 3 * mm),
        Paragraph(
            "Sidik data tercetak di kaki setiap halaman formulir. Cetakan bertanda FINAL adalah "
            "versi terakhir yang dicetak sesudah penetapan: versi yang ditandatangani.",
            styles().small,
        ),
    ]
    return render(story, meta, paper)


def _table(lines: tuple[PrintLine, ...], width: float) -> list[Flowable]:
    if not lines:
        return [Paragraph("Belum ada formulir yang dicetak dalam rapat ini.", styles().body)]
    rows: list[list[Any]] = [[text(h, "cell_center") for h in HEADERS]]
    rows += [
        [
            str(line.number),
            text(line.form),
            text(line.contest),
            str(line.version),
            text(line.printed_at),
            text(line.actor),
            line.paper,
            str(line.pages),
            line.fingerprint,
            text(line.note),
        ]
        for line in lines
    ]
    return [grid_table(rows, [width * share for share in SHARES])]
