"""Pengumuman hasil rekapitulasi: the result of each contest, posted at the KPU office and on its
website (Pilkada: seven days, PKPU 18/2024 Pasal 37; Pemilu: PKPU 5/2024)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    dated_content,
    day_text,
    grid_table,
    number_cell,
    number_line,
    page_meta,
    render,
    signatory_content,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number, format_percent

PILKADA_POSTING = (
    "Pengumuman ini ditempelkan di tempat yang mudah diakses masyarakat dan dimuat di laman resmi "
    "selama 7 (tujuh) hari (PKPU 18/2024 Pasal 37)."
)
PEMILU_POSTING = (
    "Pengumuman ini ditempelkan di tempat yang mudah diakses masyarakat dan dimuat di laman resmi "
    "KPU (PKPU 5/2024 tentang Rekapitulasi Hasil Penghitungan Perolehan Suara dan Penetapan Hasil "
    "Pemilihan Umum)."
)


@dataclass(frozen=True)
class AnnouncedChoice:
    number: int | None
    """None: the kolom kosong (no ballot number)."""
    name: str
    votes: int | None


@dataclass(frozen=True)
class AnnouncedContest:
    title: str
    choices: tuple[AnnouncedChoice, ...]
    valid: int | None
    invalid: int | None
    outcome: str
    choice_heading: str = "PILIHAN"


@dataclass(frozen=True)
class AnnouncementSnapshot:
    form_name: str
    region: str
    region_fields: tuple[tuple[str, str], ...]
    election_name: str
    contests: tuple[AnnouncedContest, ...]
    place: str | None
    announced_on: date | None
    signatories: tuple[Signatory, ...]
    watermark: str | None
    posting: str = PILKADA_POSTING
    """Where and how long it is posted, with the rule that orders it (Pilkada or Pemilu)."""
    number: str | None = None
    """The official Nomor typed in the print centre (outside the sidik data: see number_line)."""


def canonical_content(snapshot: AnnouncementSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "nama_pemilihan": snapshot.election_name,
        "pemilihan": [
            [
                c.title,
                [[x.number, x.name, x.votes] for x in c.choices],
                c.valid,
                c.invalid,
                c.outcome,
            ]
            for c in snapshot.contests
        ],
        "dasar": snapshot.posting,
        **dated_content(snapshot.place, snapshot.announced_on),
        "penanda_tangan": signatory_content(snapshot.signatories),
    }


def fingerprint(snapshot: AnnouncementSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_announcement(
    snapshot: AnnouncementSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    s = styles()
    story: list[Flowable] = title_block(
        snapshot.form_name,
        [
            "HASIL REKAPITULASI PENGHITUNGAN PEROLEHAN SUARA",
            snapshot.election_name.upper(),
        ],
        snapshot.region_fields,
    )
    story += number_line(snapshot.number)
    width = frame_width(paper)
    for contest in snapshot.contests:
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(contest.title.upper()), s.heading),
                    Spacer(1, 1 * mm),
                    _table(contest, width),
                    Spacer(1, 1 * mm),
                    text(contest.outcome, "body"),
                    Spacer(1, 4 * mm),
                ]
            )
        )
    place = escape(snapshot.place or "....................")
    when = day_text(snapshot.announced_on)
    story += [
        Paragraph(escape(snapshot.posting), s.body),
        Spacer(1, 2 * mm),
        Paragraph(f"Diumumkan di {place}, pada hari {when}.", s.body),
        Spacer(1, 3 * mm),
    ]
    if snapshot.signatories:
        story.append(
            KeepTogether(signature_block("KETUA KPU", snapshot.signatories, "JABATAN", width))
        )
    return render(story, meta, paper)


def _table(contest: AnnouncedContest, width: float) -> Flowable:
    head = ["NO", contest.choice_heading, "PEROLEHAN SUARA", "PERSENTASE", "TERBILANG"]
    rows: list[list[Any]] = [head]
    valid = contest.valid or 0
    for choice in contest.choices:
        share = format_percent(100 * choice.votes / valid, 2) if choice.votes and valid else "–"
        words = terbilang(choice.votes).upper() if choice.votes is not None else "–"
        rows.append(
            [number_cell(choice.number), text(choice.name), format_number(choice.votes), share]
            + [text(words)]
        )
    for label, value in (("SUARA SAH", contest.valid), ("SUARA TIDAK SAH", contest.invalid)):
        words = terbilang(value).upper() if value is not None else "–"
        rows.append(["", label, format_number(value), "", text(words)])
    widths = [10 * mm, width * 0.36, 30 * mm, 24 * mm]
    widths.append(width - sum(widths))
    extra = [("ALIGN", (2, 1), (3, -1), "RIGHT"), ("FONT", (0, -2), (-1, -1), FONT_BOLD, 7)]
    return grid_table(rows, widths, extra=extra)
