"""Berita acara of the rapat pleno: when and where it was held, who led it, how it went (opening,
skors, items, objections), the result of each contest and its determination, and the signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.daftar_pembetulan import (
    CorrectionLine,
    corrections_table,
)
from rekap_desktop.documents.finding_notes import FindingNote, notes_block
from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    number_line,
    page_meta,
    present_block,
    render,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.plausibility_notes import OverrideNote, overrides_block
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_date, format_number


@dataclass(frozen=True)
class ContestResult:
    title: str
    votes: tuple[tuple[str, int | None], ...]
    """(choice, votes) in ballot order."""
    valid: int | None
    invalid: int | None
    outcome: str


@dataclass(frozen=True)
class MinutesData(Headed):
    header: FormHeader
    place: str | None = field(metadata=sidik("tempat"))
    held_on: date | None = field(metadata=sidik("tanggal"))
    units: tuple[str, ...] = field(metadata=sidik("unit"))
    proceedings: tuple[tuple[str, str], ...] = field(metadata=sidik("jalannya_rapat"))
    """(time, what happened): opening, skors and resumption, items read, determination."""
    incidents: tuple[str, ...] = field(metadata=sidik("kejadian"))
    """One line per kejadian khusus / keberatan with its status."""
    results: tuple[ContestResult, ...] = field(metadata=sidik("hasil"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    witnesses: tuple[Signatory, ...] = field(metadata=sidik("saksi"))
    findings: tuple[FindingNote, ...] = stated("temuan", omit_empty=True, default=())
    """Errors of the determined values of every contest and the meeting's decision on each."""
    number: str | None = None
    """The official Nomor typed in the print centre (outside the sidik data: see number_line)."""
    corrections: tuple[CorrectionLine, ...] = stated("lampiran_pembetulan", default=())
    """The Daftar Pembetulan, printed as the lampiran."""
    others: tuple[Signatory, ...] = stated("hadir_lain", omit_empty=True, default=())
    """Bawaslu and pemantau recorded present (listed, not signing)."""
    recounts: tuple[str, ...] = stated("hitung_ulang", omit_empty=True, default=())
    """One line per pencocokan / penghitungan suara ulang recorded, with its outcome (each has
    its own berita acara)."""
    overrides: tuple[OverrideNote, ...] = stated("kewajaran_diabaikan", omit_empty=True, default=())
    """The plausibility warnings the meeting overrode, with its reason and who confirmed."""


def render_minutes(
    data: MinutesData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    s = styles()
    width = frame_width(paper)
    when = format_date(data.held_on) if data.held_on else "...................."
    place = escape(data.place or "....................")
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name.upper(),
        ],
        data.region_fields,
    )
    story += number_line(data.number)
    story += [
        Paragraph(
            f"Pada hari {when}, bertempat di {place}, KPU {escape(data.region)} melaksanakan "
            f"rapat pleno terbuka rekapitulasi hasil penghitungan perolehan suara dari "
            f"{len(data.units)} wilayah: {escape(', '.join(data.units))}.",
            s.body,
        ),
        Spacer(1, 3 * mm),
    ]
    if data.proceedings:
        rows: list[list[Any]] = [["WAKTU", "JALANNYA RAPAT"]]
        rows += [[t, text(what)] for t, what in data.proceedings]
        story += [Paragraph("JALANNYA RAPAT", s.heading), Spacer(1, 1 * mm)]
        story += [grid_table(rows, [30 * mm, width - 30 * mm]), Spacer(1, 3 * mm)]
    story.append(Paragraph("KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI", s.heading))
    for line in data.incidents or ("Tidak ada.",):
        story.append(text(f"• {line}", "body"))
    if data.recounts:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph("PENCOCOKAN DAN PENGHITUNGAN SUARA ULANG", s.heading))
        story += [text(f"• {line}", "body") for line in data.recounts]
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("HASIL REKAPITULASI", s.heading))
    for result in data.results:
        story.append(KeepTogether(_result(result, width)))
    story += notes_block(data.findings, width, with_contest=True)
    story += overrides_block(data.overrides, width)
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
            "mestinya.",
            s.body,
        )
    )
    story.append(Spacer(1, 3 * mm))
    if data.members:
        story.append(KeepTogether(signature_block("ANGGOTA KPU", data.members, "JABATAN", width)))
        story.append(Spacer(1, 3 * mm))
    if data.witnesses:
        story.append(KeepTogether(signature_block("SAKSI", data.witnesses, "SAKSI DARI", width)))
    story += present_block(data.others, width)
    story += _lampiran(data, width)
    return render(story, meta, paper)


def _lampiran(data: MinutesData, width: float) -> list[Flowable]:
    """Lampiran: the Daftar Pembetulan, on a page of its own."""
    s = styles()
    return [
        PageBreak(),
        Paragraph("LAMPIRAN BERITA ACARA RAPAT PLENO TERBUKA", s.title),
        Paragraph("DAFTAR PEMBETULAN DATA", s.subtitle),
        Spacer(1, 3 * mm),
        *corrections_table(data.corrections, width),
    ]


def _result(result: ContestResult, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [["PILIHAN", "PEROLEHAN SUARA"]]
    rows += [[text(name), format_number(votes)] for name, votes in result.votes]
    rows.append(["Jumlah suara sah", format_number(result.valid)])
    rows.append(["Jumlah suara tidak sah", format_number(result.invalid)])
    table = grid_table(
        rows, [width - 40 * mm, 40 * mm], extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]
    )
    return [
        Spacer(1, 1.5 * mm),
        text(result.title.upper(), "cell_bold"),
        Spacer(1, 1 * mm),
        table,
        text(result.outcome, "body"),
        Spacer(1, 2 * mm),
    ]
