"""Pengumuman hasil rekapitulasi: the result of each contest, posted at the KPU office and on its
website (Pilkada: seven days, PKPU 18/2024 Pasal 37; Pemilu: PKPU 5/2024)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    day_text,
    grid_table,
    number_cell,
    number_line,
    page_meta,
    render,
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
class AnnouncementData(Headed):
    header: FormHeader
    contests: tuple[AnnouncedContest, ...] = field(metadata=sidik("pemilihan"))
    place: str | None = field(metadata=sidik("tempat"))
    announced_on: date | None = field(metadata=sidik("tanggal"))
    signatories: tuple[Signatory, ...] = field(metadata=sidik("penanda_tangan"))
    posting: str = stated("dasar", default=PILKADA_POSTING)
    """Where and how long it is posted, with the rule that orders it (Pilkada or Pemilu)."""
    number: str | None = None
    """The official Nomor typed in the print centre (outside the sidik data: see number_line)."""


def render_announcement(
    data: AnnouncementData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    s = styles()
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "HASIL REKAPITULASI PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name.upper(),
        ],
        data.region_fields,
    )
    story += number_line(data.number)
    width = frame_width(paper)
    for contest in data.contests:
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
    place = escape(data.place or "....................")
    when = day_text(data.announced_on)
    story += [
        Paragraph(escape(data.posting), s.body),
        Spacer(1, 2 * mm),
        Paragraph(f"Diumumkan di {place}, pada hari {when}.", s.body),
        Spacer(1, 3 * mm),
    ]
    if data.signatories:
        story.append(KeepTogether(signature_block("KETUA KPU", data.signatories, "JABATAN", width)))
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
