"""A berita acara made once per record the meeting kept (a pencocokan or penghitungan suara
ulang, a sesi lanjutan): each record on pages of its own under the form's title, opening with
when and where and the record's details; one sentence in their place when there is none."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.form_header import Headed
from rekap_desktop.documents.parts import BLANK_PLACE, grid_table, text, title_block
from rekap_desktop.documents.styles import styles

Record = TypeVar("Record")

LABEL_WIDTH = 50 * mm


def sheet_per_record(
    records: Sequence[Record],
    title: Callable[[Record | None], list[Flowable]],
    sheet: Callable[[Record], list[Flowable]],
    none_recorded: str,
) -> list[Flowable]:
    """``title`` heads every record's pages (given None: the pages saying ``none_recorded``)."""
    if not records:
        return [*title(None), Paragraph(none_recorded, styles().body)]
    story: list[Flowable] = []
    for index, record in enumerate(records):
        if index:
            story.append(PageBreak())
        story += title(record)
        story += sheet(record)
    return story


def record_title(data: Headed, heading: str | None) -> list[Flowable]:
    """The form's title block, naming the record above the election when there is one."""
    lines = [data.election_name.upper()]
    if heading is not None:
        lines.insert(0, heading)
    return title_block(data.form_name, lines, data.region_fields)


def sheet_opening(
    at: str,
    place: str | None,
    what_happened: str,
    details: Sequence[tuple[str, str]],
    width: float,
) -> list[Flowable]:
    """A record's sheet opens with a sentence saying when and where, then ``what_happened``
    (markup, its values escaped), and the record's details, one ruled row of label and value
    each."""
    where = escape(place or BLANK_PLACE)
    rows: list[list[Any]] = [[text(label, "cell_bold"), text(value)] for label, value in details]
    return [
        Paragraph(f"Pada {escape(at)}, bertempat di {where}, {what_happened}", styles().body),
        Spacer(1, 2 * mm),
        grid_table(rows, [LABEL_WIDTH, width - LABEL_WIDTH], header_rows=0),
        Spacer(1, 3 * mm),
    ]
