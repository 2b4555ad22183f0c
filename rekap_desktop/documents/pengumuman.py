"""Pengumuman hasil rekapitulasi (PKPU 18/2024 Pasal 37): the result of each contest, posted for
seven days at the KPU office and on its website."""

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
    grid_table,
    page_meta,
    render,
    signatory_content,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, Paper, frame_width, styles
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.text.numbers import format_date, format_number, format_percent


@dataclass(frozen=True)
class AnnouncedChoice:
    number: int
    name: str
    votes: int | None
    seats: int | None = None
    """Kursi of a party, where this meeting allocates them."""


@dataclass(frozen=True)
class AnnouncedContest:
    title: str
    choices: tuple[AnnouncedChoice, ...]
    valid: int | None
    invalid: int | None
    outcome: str
    with_seats: bool = False
    """A legislative contest whose seats this meeting allocates: a KURSI column."""
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


def canonical_content(snapshot: AnnouncementSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "nama_pemilihan": snapshot.election_name,
        "pemilihan": [
            [
                c.title,
                [
                    [x.number, x.name, x.votes] + ([x.seats] if c.with_seats else [])
                    for x in c.choices
                ],
                c.valid,
                c.invalid,
                c.outcome,
            ]
            for c in snapshot.contests
        ],
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
    when = format_date(snapshot.announced_on) if snapshot.announced_on else "...................."
    story += [
        Paragraph(
            "Pengumuman ini ditempelkan di tempat yang mudah diakses masyarakat dan dimuat di "
            "laman resmi selama 7 (tujuh) hari (PKPU 18/2024 Pasal 37).",
            s.body,
        ),
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
    seats = ["KURSI"] if contest.with_seats else []
    head = ["NO", contest.choice_heading, "PEROLEHAN SUARA", "PERSENTASE", *seats, "TERBILANG"]
    rows: list[list[Any]] = [head]
    valid = contest.valid or 0
    for choice in contest.choices:
        share = format_percent(100 * choice.votes / valid, 2) if choice.votes and valid else "–"
        words = terbilang(choice.votes).upper() if choice.votes is not None else "–"
        won = [format_number(choice.seats)] if contest.with_seats else []
        rows.append(
            [str(choice.number), text(choice.name), format_number(choice.votes), share, *won]
            + [text(words)]
        )
    for label, value in (("SUARA SAH", contest.valid), ("SUARA TIDAK SAH", contest.invalid)):
        words = terbilang(value).upper() if value is not None else "–"
        total = [format_number(sum(c.seats or 0 for c in contest.choices))] if seats else []
        if label != "SUARA SAH":
            total = [""] if seats else []
        rows.append(["", label, format_number(value), "", *total, text(words)])
    widths = [10 * mm, width * 0.36, 30 * mm, 24 * mm]
    widths += [16 * mm] * len(seats)
    widths.append(width - sum(widths))
    last = 3 + len(seats)
    extra = [("ALIGN", (2, 1), (last, -1), "RIGHT"), ("FONT", (0, -2), (-1, -1), FONT_BOLD, 7)]
    return grid_table(rows, widths, extra=extra)
