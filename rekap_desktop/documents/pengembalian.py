"""Rekap Pengembalian C.Pemberitahuan-Kabupaten/Kota-KWK: the undistributed voter notices returned,
per kecamatan, as read in procedure item 5."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    page_meta,
    render,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_date, format_number


@dataclass(frozen=True)
class ReturnLine:
    code: str
    name: str
    polling_stations: int | None
    returned: int | None
    villages: tuple[tuple[str, int], ...] = ()
    """(desa/kelurahan, count) as read out at item 5; ``returned`` is then their sum."""
    note: str = ""
    """Where the count comes from: read out per desa/kelurahan, or the PPK's form."""


@dataclass(frozen=True)
class ReturnsData(Headed):
    header: FormHeader
    column_label: str
    lines: tuple[ReturnLine, ...] = field(metadata=sidik("baris"))
    place: str | None = field(metadata=sidik("tempat"))
    held_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))

    @property
    def total(self) -> int | None:
        known = [line.returned for line in self.lines if line.returned is not None]
        return sum(known) if known else None


def render_returns(
    data: ReturnsData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper)
    headers = (
        "NO",
        "KODE",
        data.column_label,
        "JUMLAH TPS",
        "C.PEMBERITAHUAN TIDAK TERDISTRIBUSI (DIKEMBALIKAN)",
        "KETERANGAN",
    )
    rows: list[list[Any]] = [[text(h, "cell_center") for h in headers]]
    for i, line in enumerate(data.lines, start=1):
        rows.append(
            [
                str(i),
                line.code,
                text(line.name, "cell_bold" if line.villages else "cell"),
                format_number(line.polling_stations),
                format_number(line.returned),
                text(line.note, "small"),
            ]
        )
        rows += [
            ["", "", text(f"– {village}", "small"), "", format_number(count), ""]
            for village, count in line.villages
        ]
    stations = [x.polling_stations for x in data.lines if x.polling_stations is not None]
    rows.append(
        [
            "",
            "",
            "JUMLAH",
            format_number(sum(stations) if stations else None),
            format_number(data.total),
            "",
        ]
    )
    widths = [10 * mm, 24 * mm, width * 0.32, 24 * mm, 50 * mm]
    widths.append(width - sum(widths))
    table = grid_table(
        rows,
        widths,
        extra=[("ALIGN", (3, 1), (4, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD, 7)],
    )
    total = data.total
    words = terbilang(total).upper() if total is not None else "–"
    place = escape(data.place or "....................")
    when = format_date(data.held_on) if data.held_on else "...................."
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "REKAPITULASI PENGEMBALIAN FORMULIR MODEL C.PEMBERITAHUAN YANG TIDAK TERDISTRIBUSI",
            data.election_name.upper(),
        ],
        data.region_fields,
    )
    story += [
        table,
        Spacer(1, 2 * mm),
        Paragraph(
            f"Jumlah C.Pemberitahuan dikembalikan (terbilang): <b>{words}</b>", styles().body
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"Dibuat di {place}, pada hari {when}.", styles().body),
        Spacer(1, 3 * mm),
    ]
    if data.members:
        story.append(
            KeepTogether(signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width))
        )
    return render(story, meta, paper)
