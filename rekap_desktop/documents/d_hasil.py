"""Model D.Hasil Kabupaten/Kota (and Kecamatan): sections I–V with one column per unit plus
JUMLAH, split into column groups over as many pages as the units need, then the votes in words,
the place and date of determination and the signatures of the KPU members and the saksi."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.finding_notes import FindingNote, notes_block, notes_content
from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.parts import (
    SECTION_FILL,
    RenderedForm,
    Signatory,
    dated_content,
    day_text,
    grid_table,
    number_cell,
    page_meta,
    present_block,
    render,
    signatory_content,
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
    title: str
    rows: tuple[ResultRow, ...]


@dataclass(frozen=True)
class ChoiceTotal:
    number: int | None
    """None: the kolom kosong (no ballot number)."""
    name: str
    votes: int | None


@dataclass(frozen=True)
class DHasilSnapshot:
    form_name: str
    """E.g. "MODEL D.HASIL KABUPATEN/KOTA-KWK"."""
    contest_title: str
    election_name: str
    region: str
    region_fields: tuple[tuple[str, str], ...]
    column_label: str
    """What the columns are: KECAMATAN (kab/kota meeting) or DESA/KELURAHAN (kecamatan meeting)."""
    columns: tuple[str, ...]
    sections: tuple[ResultSection, ...]
    choices: tuple[ChoiceTotal, ...]
    valid: int | None
    invalid: int | None
    place: str | None
    determined_on: date | None
    members: tuple[Signatory, ...]
    witnesses: tuple[Signatory, ...]
    watermark: str | None
    witness_heading: str = "SAKSI PASANGAN CALON YANG HADIR"
    """Whom the saksi stand for: pasangan calon, or the DPD's individual candidates."""
    findings: tuple[FindingNote, ...] = ()
    """Errors of the determined values and the meeting's decision on each."""
    total: int | None = None
    """V.C: suara sah and tidak sah together, as recorded."""
    others: tuple[Signatory, ...] = ()
    """Bawaslu and pemantau recorded present (listed, not signing)."""


def canonical_content(snapshot: DHasilSnapshot) -> dict[str, Any]:
    """Everything the form states (not how it is printed): what the sidik data covers."""
    return {
        "formulir": snapshot.form_name,
        "pemilihan": snapshot.contest_title,
        "nama_pemilihan": snapshot.election_name,
        "wilayah": snapshot.region,
        "kolom": list(snapshot.columns),
        "bagian": [
            {
                "judul": s.title,
                "baris": [[r.number, r.label, list(r.values), r.total] for r in s.rows],
            }
            for s in snapshot.sections
        ],
        **dated_content(snapshot.place, snapshot.determined_on),
        "anggota": signatory_content(snapshot.members),
        "saksi": signatory_content(snapshot.witnesses),
        **notes_content(snapshot.findings),
        # only when recorded: a form without them keeps the sidik data it always had
        **({"hadir_lain": signatory_content(snapshot.others)} if snapshot.others else {}),
    }


def fingerprint(snapshot: DHasilSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def columns_per_page(paper: Paper) -> int:
    """How many unit columns fit beside the labels, keeping one column free for JUMLAH."""
    room = frame_width(paper) - NUMBER_WIDTH - LABEL_WIDTH
    return max(1, int(room // MIN_VALUE_WIDTH) - 1)


def render_d_hasil(
    snapshot: DHasilSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    return render(_story(snapshot, paper), meta, paper)


def _story(snapshot: DHasilSnapshot, paper: Paper) -> list[Flowable]:
    story: list[Flowable] = title_block(
        f"{snapshot.form_name} — {snapshot.contest_title.upper()}",
        [
            "BERITA ACARA DAN SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            snapshot.election_name.upper(),
        ],
        snapshot.region_fields,
    )
    count = len(snapshot.columns)
    groups = -(-count // columns_per_page(paper)) or 1
    step = -(-count // groups) or 1  # balanced groups: 10 on A4 is 5 + 5, not 9 + 1
    starts = list(range(0, count, step)) or [0]
    for index, start in enumerate(starts):
        stop = min(start + step, count)
        if index:
            story.append(PageBreak())
        if len(starts) > 1:
            note = f"{snapshot.column_label} {start + 1}–{stop} dari {count}"
            if stop == count:
                note += " dan JUMLAH"
            story += [Paragraph(note, styles().heading), Spacer(1, 1.5 * mm)]
        story.append(_group_table(snapshot, paper, start, stop, last=stop == count))
    story += _closing(snapshot, paper)
    return story


def _group_table(
    snapshot: DHasilSnapshot, paper: Paper, start: int, stop: int, last: bool
) -> Flowable:
    shown = stop - start + (1 if last else 0)
    room = frame_width(paper) - NUMBER_WIDTH - LABEL_WIDTH
    value_width = min(room / max(shown, 1), 30 * mm)
    header: list[Any] = ["NO", f"URAIAN \\ {snapshot.column_label}"]
    header += [text(f"{i + 1}. {snapshot.columns[i]}", "cell_center") for i in range(start, stop)]
    if last:
        header.append("JUMLAH")
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = [("ALIGN", (2, 1), (-1, -1), "RIGHT")]
    for section in snapshot.sections:
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


def _closing(snapshot: DHasilSnapshot, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    rows: list[list[Any]] = [["NO", "PILIHAN", "PEROLEHAN SUARA", "TERBILANG"]]
    for choice in snapshot.choices:
        rows.append(_words_row(number_cell(choice.number), choice.name, choice.votes))
    rows.append(_words_row("A", "JUMLAH SELURUH SUARA SAH", snapshot.valid))
    rows.append(_words_row("B", "JUMLAH SUARA TIDAK SAH", snapshot.invalid))
    rows.append(_words_row("C", "JUMLAH SUARA SAH DAN SUARA TIDAK SAH", snapshot.total))
    widths = [NUMBER_WIDTH, width * 0.38, 30 * mm, width * 0.62 - NUMBER_WIDTH - 30 * mm]
    words = grid_table(rows, widths, extra=[("ALIGN", (2, 1), (2, -1), "RIGHT")])
    place = snapshot.place or "...................."
    when = day_text(snapshot.determined_on)
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
        *notes_block(snapshot.findings, width),
        Spacer(1, 2.5 * mm),
        Paragraph(f"Ditetapkan di {escape(place)}, pada hari {when}.", styles().body),
        Spacer(1, 3 * mm),
    ]
    if snapshot.members:
        story.append(
            KeepTogether(
                signature_block("ANGGOTA KPU YANG HADIR", snapshot.members, "JABATAN", width)
            )
        )
        story.append(Spacer(1, 2.5 * mm))
    if snapshot.witnesses:
        story.append(
            KeepTogether(
                signature_block(snapshot.witness_heading, snapshot.witnesses, "SAKSI DARI", width)
            )
        )
    return story + present_block(snapshot.others, width)


def _words_row(number: str, name: str, votes: int | None) -> list[Any]:
    words = terbilang(votes).upper() if votes is not None else "–"
    return [number, text(name), format_number(votes), text(words)]
