"""Berita acara of the rapat pleno: when and where it was held, who led it, how it went (opening,
skors, items, objections), the result of each contest and its determination, and the signatures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.daftar_pembetulan import (
    CorrectionLine,
    corrections_table,
    line_content,
)
from rekap_desktop.documents.finding_notes import FindingNote, notes_block, notes_content
from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    dated_content,
    grid_table,
    number_line,
    page_meta,
    present_block,
    render,
    signatory_content,
    signature_block,
    text,
    title_block,
)
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
class MinutesSnapshot:
    form_name: str
    region: str
    region_fields: tuple[tuple[str, str], ...]
    election_name: str
    place: str | None
    held_on: date | None
    units: tuple[str, ...]
    proceedings: tuple[tuple[str, str], ...]
    """(time, what happened): opening, skors and resumption, items read, determination."""
    incidents: tuple[str, ...]
    """One line per kejadian khusus / keberatan with its status."""
    results: tuple[ContestResult, ...]
    members: tuple[Signatory, ...]
    witnesses: tuple[Signatory, ...]
    watermark: str | None
    findings: tuple[FindingNote, ...] = ()
    """Errors of the determined values of every contest and the meeting's decision on each."""
    number: str | None = None
    """The official Nomor typed in the print centre (outside the sidik data: see number_line)."""
    corrections: tuple[CorrectionLine, ...] = ()
    """The Daftar Pembetulan, printed as the lampiran."""
    others: tuple[Signatory, ...] = ()
    """Bawaslu and pemantau recorded present (listed, not signing)."""


def canonical_content(snapshot: MinutesSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "nama_pemilihan": snapshot.election_name,
        **dated_content(snapshot.place, snapshot.held_on),
        "unit": list(snapshot.units),
        "jalannya_rapat": [list(p) for p in snapshot.proceedings],
        "kejadian": list(snapshot.incidents),
        "hasil": [
            [r.title, [list(v) for v in r.votes], r.valid, r.invalid, r.outcome]
            for r in snapshot.results
        ],
        "anggota": signatory_content(snapshot.members),
        "saksi": signatory_content(snapshot.witnesses),
        **notes_content(snapshot.findings),
        "lampiran_pembetulan": [line_content(line) for line in snapshot.corrections],
        # only when recorded: a form without them keeps the sidik data it always had
        **({"hadir_lain": signatory_content(snapshot.others)} if snapshot.others else {}),
    }


def fingerprint(snapshot: MinutesSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_minutes(
    snapshot: MinutesSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    s = styles()
    width = frame_width(paper)
    when = format_date(snapshot.held_on) if snapshot.held_on else "...................."
    place = escape(snapshot.place or "....................")
    story: list[Flowable] = title_block(
        snapshot.form_name,
        [
            "REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            snapshot.election_name.upper(),
        ],
        snapshot.region_fields,
    )
    story += number_line(snapshot.number)
    story += [
        Paragraph(
            f"Pada hari {when}, bertempat di {place}, KPU {escape(snapshot.region)} melaksanakan "
            f"rapat pleno terbuka rekapitulasi hasil penghitungan perolehan suara dari "
            f"{len(snapshot.units)} wilayah: {escape(', '.join(snapshot.units))}.",
            s.body,
        ),
        Spacer(1, 3 * mm),
    ]
    if snapshot.proceedings:
        rows: list[list[Any]] = [["WAKTU", "JALANNYA RAPAT"]]
        rows += [[t, text(what)] for t, what in snapshot.proceedings]
        story += [Paragraph("JALANNYA RAPAT", s.heading), Spacer(1, 1 * mm)]
        story += [grid_table(rows, [30 * mm, width - 30 * mm]), Spacer(1, 3 * mm)]
    story.append(Paragraph("KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI", s.heading))
    for line in snapshot.incidents or ("Tidak ada.",):
        story.append(text(f"• {line}", "body"))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("HASIL REKAPITULASI", s.heading))
    for result in snapshot.results:
        story.append(KeepTogether(_result(result, width)))
    story += notes_block(snapshot.findings, width, with_contest=True)
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
            "mestinya.",
            s.body,
        )
    )
    story.append(Spacer(1, 3 * mm))
    if snapshot.members:
        story.append(
            KeepTogether(signature_block("ANGGOTA KPU", snapshot.members, "JABATAN", width))
        )
        story.append(Spacer(1, 3 * mm))
    if snapshot.witnesses:
        story.append(
            KeepTogether(signature_block("SAKSI", snapshot.witnesses, "SAKSI DARI", width))
        )
    story += present_block(snapshot.others, width)
    story += _lampiran(snapshot, width)
    return render(story, meta, paper)


def _lampiran(snapshot: MinutesSnapshot, width: float) -> list[Flowable]:
    """Lampiran: the Daftar Pembetulan, on a page of its own."""
    s = styles()
    return [
        PageBreak(),
        Paragraph("LAMPIRAN BERITA ACARA RAPAT PLENO TERBUKA", s.title),
        Paragraph("DAFTAR PEMBETULAN DATA", s.subtitle),
        Spacer(1, 3 * mm),
        *corrections_table(snapshot.corrections, width),
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
