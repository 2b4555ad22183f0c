"""Daftar Penyerahan Salinan: every copy the meeting handed, numbered, with the print version and
its sidik data, the copy number, who received it and as what, the medium, the moment (kecamatan
close, skors, penetapan), the time and the KPU official who handed it — the log that shows who got
which version, and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from rekap_desktop.documents.form_header import FormHeader, sidik
from rekap_desktop.documents.parts import RenderedForm, Signatory, grid_table, text
from rekap_desktop.documents.signed_list import SignedListData, render_signed_list
from rekap_desktop.documents.styles import styles
from rekap_desktop.domain.paper import Paper

TITLE = "SALINAN DOKUMEN YANG DISERAHKAN KEPADA SAKSI, BAWASLU DAN PIHAK LAIN"
HEADERS = (
    "NO",
    "DOKUMEN",
    "VERSI",
    "SIDIK DATA",
    "SALINAN",
    "PENERIMA",
    "SEBAGAI",
    "MEDIA",
    "SAAT",
    "WAKTU",
    "DISERAHKAN OLEH",
    "PENYERAHAN",
)
SHARES = (0.03, 0.16, 0.04, 0.08, 0.06, 0.11, 0.13, 0.08, 0.09, 0.09, 0.07, 0.06)
NONE_HANDED = "Belum ada salinan yang diserahkan dalam rapat ini."


@dataclass(frozen=True)
class CopyLine:
    document: str
    version: int
    fingerprint: str
    copy: str
    receiver: str
    role: str
    medium: str
    moment: str
    handed_at: str
    handed_by: str
    handing: int


@dataclass(frozen=True)
class CopiesListData(SignedListData):
    header: FormHeader
    lines: tuple[CopyLine, ...] = field(metadata=sidik("salinan"))
    place: str | None = field(metadata=sidik("tempat"))
    made_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))


def copies_table(lines: tuple[CopyLine, ...], width: float) -> list[Flowable]:
    """The copies as one ruled table whose header repeats on every page, or a sentence saying
    there were none."""
    if not lines:
        return [Paragraph(NONE_HANDED, styles().body)]
    rows: list[list[Any]] = [[text(h, "cell_center") for h in HEADERS]]
    for number, line in enumerate(lines, start=1):
        rows.append(
            [
                str(number),
                text(line.document),
                str(line.version),
                line.fingerprint,
                text(line.copy),
                text(line.receiver),
                text(line.role),
                text(line.medium),
                text(line.moment),
                text(line.handed_at),
                text(line.handed_by or "–"),
                str(line.handing),
            ]
        )
    return [grid_table(rows, [width * share for share in SHARES])]


def render_copies_list(
    data: CopiesListData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    return render_signed_list(
        data, TITLE, partial(copies_table, data.lines), paper, installation_key, chain_head
    )
