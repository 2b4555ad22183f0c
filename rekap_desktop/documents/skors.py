"""Catatan sementara at a skors (procedure item 11): everything recorded so far, per contest and
unit, and the register's open items, marked SEMENTARA so saksi and Bawaslu can document it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    RenderedForm,
    grid_table,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

WATERMARK = "SEMENTARA"
NO_PAUSE = "tidak ada skors yang tercatat"
FIXED_WIDTH = 10 * mm + 50 * mm + 3 * 24 * mm
MIN_CHOICE_WIDTH = 17 * mm


@dataclass(frozen=True)
class InterimLine:
    unit: str
    votes: tuple[int | None, ...]
    valid: int | None
    invalid: int | None
    source: str
    """Where the line's numbers come from: "ditetapkan pleno", "D.Hasil PPK" or "belum ada"."""


@dataclass(frozen=True)
class InterimContest:
    title: str
    choices: tuple[str, ...]
    lines: tuple[InterimLine, ...]
    votes: tuple[int | None, ...]
    valid: int | None
    invalid: int | None


@dataclass(frozen=True)
class InterimData(Headed):
    header: FormHeader
    pause: str = field(metadata=sidik("skors"))
    """When and why the meeting was suspended, as stated on the form (empty when not known)."""
    contests: tuple[InterimContest, ...] = field(metadata=sidik("pemilihan"))
    open_items: tuple[str, ...] = field(metadata=sidik("belum_selesai"))

    @property
    def watermark(self) -> str:
        """A suspended meeting's record is never a determined result."""
        return WATERMARK


def render_interim(
    data: InterimData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "DATA YANG TERCATAT SAMPAI SAAT SKORS — BUKAN HASIL YANG DITETAPKAN",
            data.election_name.upper(),
        ],
        data.region_fields + (("SKORS", data.pause or NO_PAUSE),),
    )
    width = frame_width(paper)
    for contest in data.contests:
        heading = Paragraph(escape(contest.title.upper()), styles().heading)
        story.append(KeepTogether([heading, Spacer(1, 1 * mm)]))
        for start, stop in _choice_groups(len(contest.choices), width):
            story += [_table(contest, width, start, stop), Spacer(1, 4 * mm)]
    story.append(Paragraph("KEJADIAN KHUSUS / KEBERATAN YANG BELUM DISELESAIKAN", styles().heading))
    for item in data.open_items or ("Tidak ada.",):
        story.append(text(f"• {item}", "body"))
    return render(story, meta, paper)


def _choice_groups(count: int, width: float) -> list[tuple[int, int]]:
    """Balanced groups of choice columns that fit the page (the 18 parties of a legislative
    contest take two tables; a Pilkada's few choices one)."""
    fits = max(1, int((width - FIXED_WIDTH) // MIN_CHOICE_WIDTH))
    groups = -(-count // fits) or 1
    step = -(-count // groups) or 1
    return [(start, min(start + step, count)) for start in range(0, count, step)] or [(0, 0)]


def _table(contest: InterimContest, width: float, start: int, stop: int) -> Flowable:
    shown = contest.choices[start:stop]
    header: list[Any] = ["NO", "WILAYAH"]
    header += [text(c, "cell_center") for c in shown]
    header += ["SUARA SAH", "TIDAK SAH", "SUMBER"]
    rows: list[list[Any]] = [header]
    for i, line in enumerate(contest.lines, start=1):
        rows.append(
            [str(i), text(line.unit)]
            + [format_number(v) for v in line.votes[start:stop]]
            + [format_number(line.valid), format_number(line.invalid), text(line.source)]
        )
    rows.append(
        ["", "JUMLAH SEMENTARA"]
        + [format_number(v) for v in contest.votes[start:stop]]
        + [format_number(contest.valid), format_number(contest.invalid), ""]
    )
    share = (width - FIXED_WIDTH) / max(len(shown), 1)
    widths = [10 * mm, 50 * mm] + [share] * len(shown) + [24 * mm] * 3
    extra = [("ALIGN", (2, 1), (-2, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD, 7)]
    return grid_table(rows, widths, extra=extra)
