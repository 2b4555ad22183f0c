"""Model D.Hasil Kabupaten/Kota (and Kecamatan): sections I–V with one column per unit plus
JUMLAH, split into column groups over as many pages as the units need, then the votes in words,
the place and date of determination and the signatures of the KPU members and the saksi."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.finding_notes import FindingNote, notes_block
from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.parts import (
    SECTION_FILL,
    RenderedForm,
    Signatory,
    day_text,
    grid_table,
    number_cell,
    page_meta,
    present_block,
    render,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

NUMBER_WIDTH = 11 * mm
LABEL_WIDTH = 78 * mm
MIN_VALUE_WIDTH = 17 * mm


@dataclass(frozen=True)
class ResultRow:
    number: str
    label: str
    values: tuple[int | None, ...]
    """One value per column (unit); None = not recorded."""
    total: int | None


@dataclass(frozen=True)
class ResultSection:
    title: str = field(metadata=sidik("judul"))
    rows: tuple[ResultRow, ...] = field(metadata=sidik("baris"))


@dataclass(frozen=True)
class ChoiceTotal:
    number: int | None
    """None: the kolom kosong (no ballot number)."""
    name: str
    votes: int | None


@dataclass(frozen=True)
class DHasilData(Headed):
    header: FormHeader
    column_label: str
    """What the columns are: KECAMATAN (kab/kota meeting) or DESA/KELURAHAN (kecamatan meeting)."""
    columns: tuple[str, ...] = field(metadata=sidik("kolom"))
    sections: tuple[ResultSection, ...] = field(metadata=sidik("bagian"))
    choices: tuple[ChoiceTotal, ...]
    valid: int | None
    invalid: int | None
    place: str | None = field(metadata=sidik("tempat"))
    determined_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    witnesses: tuple[Signatory, ...] = field(metadata=sidik("saksi"))
    witness_heading: str = "SAKSI PASANGAN CALON YANG HADIR"
    """Whom the saksi stand for: pasangan calon, or the DPD's individual candidates."""
    findings: tuple[FindingNote, ...] = stated("temuan", omit_empty=True, default=())
    """Errors of the determined values and the meeting's decision on each."""
    total: int | None = None
    """V.C: suara sah and tidak sah together, as recorded."""
    others: tuple[Signatory, ...] = stated("hadir_lain", omit_empty=True, default=())
    """Bawaslu and pemantau recorded present (listed, not signing)."""
    follow_up: str = stated("sesi_lanjutan", omit_empty=True, default="")
    """Which follow-up session (sesi lanjutan) the values belong to (empty: the first
    penetapan)."""


def columns_per_page(paper: Paper) -> int:
    """How many unit columns fit beside the labels, keeping one column free for JUMLAH."""
    room = frame_width(paper) - NUMBER_WIDTH - LABEL_WIDTH
    return max(1, int(room // MIN_VALUE_WIDTH) - 1)


def render_d_hasil(
    data: DHasilData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    return render(_story(data, paper), meta, paper)


def _story(data: DHasilData, paper: Paper) -> list[Flowable]:
    story: list[Flowable] = title_block(
        f"{data.form_name} — {data.contest_title.upper()}",
        [
            "BERITA ACARA DAN SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name.upper(),
            *([data.follow_up] if data.follow_up else []),
        ],
        data.region_fields,
    )
    count = len(data.columns)
    groups = -(-count // columns_per_page(paper)) or 1
    step = -(-count // groups) or 1  # balanced groups: 10 on A4 is 5 + 5, not 9 + 1
    starts = list(range(0, count, step)) or [0]
    for index, start in enumerate(starts):
        stop = min(start + step, count)
        if index:
            story.append(PageBreak())
        if len(starts) > 1:
            note = f"{data.column_label} {start + 1}–{stop} dari {count}"
            if stop == count:
                note += " dan JUMLAH"
            story += [Paragraph(note, styles().heading), Spacer(1, 1.5 * mm)]
        story.append(_group_table(data, paper, start, stop, last=stop == count))
    story += _closing(data, paper)
    return story


def _group_table(data: DHasilData, paper: Paper, start: int, stop: int, last: bool) -> Flowable:
    shown = stop - start + (1 if last else 0)
    room = frame_width(paper) - NUMBER_WIDTH - LABEL_WIDTH
    value_width = min(room / max(shown, 1), 30 * mm)
    header: list[Any] = ["NO", f"URAIAN \\ {data.column_label}"]
    header += [text(f"{i + 1}. {data.columns[i]}", "cell_center") for i in range(start, stop)]
    if last:
        header.append("JUMLAH")
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = [("ALIGN", (2, 1), (-1, -1), "RIGHT")]
    for section in data.sections:
        rows.append([text(section.title, "cell_bold")] + [""] * (shown + 1))
        line = len(rows) - 1
        extra += [
            ("SPAN", (0, line), (-1, line)),
            ("BACKGROUND", (0, line), (-1, line), SECTION_FILL),
        ]
        for row in section.rows:
            cells: list[Any] = [row.number, text(row.label)]
            cells += [format_number(v) for v in row.values[start:stop]]
            if last:
                cells.append(format_number(row.total))
            rows.append(cells)
    if last:
        extra.append(("FONT", (-1, 1), (-1, -1), FONT_BOLD, 7))
    widths = [NUMBER_WIDTH, LABEL_WIDTH] + [value_width] * shown
    return grid_table(rows, widths, extra=extra)


def _closing(data: DHasilData, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    lines = [(number_cell(c.number), c.name, c.votes, "") for c in data.choices]
    words = votes_in_words("PILIHAN", lines, (data.valid, data.invalid, data.total), width)
    place = data.place or "...................."
    when = day_text(data.determined_on)
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                Paragraph("PEROLEHAN SUARA DALAM ANGKA DAN HURUF", styles().heading),
                Spacer(1, 1.5 * mm),
                words,
            ]
        ),
        *notes_block(data.findings, width),
        Spacer(1, 2.5 * mm),
        Paragraph(f"Ditetapkan di {escape(place)}, pada hari {when}.", styles().body),
        Spacer(1, 3 * mm),
    ]
    if data.members:
        story.append(
            KeepTogether(signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width))
        )
        story.append(Spacer(1, 2.5 * mm))
    if data.witnesses:
        story.append(
            KeepTogether(signature_block(data.witness_heading, data.witnesses, "SAKSI DARI", width))
        )
    return story + present_block(data.others, width)


WordsLine = tuple[str, str, int | None, str]
"""One line of the table in figures and words: number, name, votes, a mark after the figure."""


def votes_in_words(
    name_heading: str,
    lines: Sequence[WordsLine],
    totals: tuple[int | None, int | None, int | None],
    width: float,
) -> Flowable:
    """The table of PEROLEHAN SUARA DALAM ANGKA DAN HURUF: each choice's (or party's) votes,
    then the valid (A), the invalid (B) and all votes (C), in figures and in words."""
    valid, invalid, total = totals
    rows: list[list[Any]] = [["NO", name_heading, "PEROLEHAN SUARA", "TERBILANG"]]
    rows += [_words_row(*line) for line in lines]
    rows.append(_words_row("A", "JUMLAH SELURUH SUARA SAH", valid))
    rows.append(_words_row("B", "JUMLAH SUARA TIDAK SAH", invalid))
    rows.append(_words_row("C", "JUMLAH SUARA SAH DAN SUARA TIDAK SAH", total))
    widths = [NUMBER_WIDTH, width * 0.38, 30 * mm, width * 0.62 - NUMBER_WIDTH - 30 * mm]
    return grid_table(rows, widths, extra=[("ALIGN", (2, 1), (2, -1), "RIGHT")])


def _words_row(number: str, name: str, votes: int | None, mark: str = "") -> list[Any]:
    words = terbilang(votes).upper() if votes is not None else "–"
    return [number, text(name), format_number(votes) + mark, text(words)]
