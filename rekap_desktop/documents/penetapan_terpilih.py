"""Berita acara penetapan pasangan calon terpilih (PKPU 18/2024, the stage after penetapan hasil):
held only where the meeting's level elects — the KPU Kabupaten/Kota for its Bupati or Wali Kota —
it names the pair elected, its votes and the rule that elects it, and is signed by the KPU members
and the saksi present."""

from __future__ import annotations

from dataclasses import dataclass, field
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
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper

BLANK = ".............................."


@dataclass(frozen=True)
class ElectedPairData(Headed):
    header: FormHeader
    title_lines: tuple[str, ...] = field(metadata=sidik("judul"))
    opening: str = field(metadata=sidik("pembukaan"))
    """Where and by whom the meeting was held (its day is written by hand: a later meeting)."""
    grounds: tuple[str, ...] = field(metadata=sidik("dasar"))
    """What the penetapan rests on: the decree on the result, the law's winner rule."""
    pair: str = field(metadata=sidik("pasangan"))
    """ "Nomor urut 2: NAMA – NAMA"."""
    votes: str = field(metadata=sidik("suara"))
    share: str = field(metadata=sidik("persentase"))
    votes_in_words: str = field(metadata=sidik("terbilang"))
    decision: str = field(metadata=sidik("keputusan"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    witnesses: tuple[Signatory, ...] = field(metadata=sidik("saksi"))


def render_elected_pair(
    data: ElectedPairData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    s = styles()
    width = frame_width(paper, portrait=True)
    story: list[Flowable] = title_block(data.form_name, data.title_lines, data.region_fields)
    story += [Paragraph(escape(data.opening), s.body), Spacer(1, 2 * mm)]
    for i, ground in enumerate(data.grounds, start=1):
        story.append(text(f"{i}. {ground}", "body"))
    rows: list[list[Any]] = [
        ["PASANGAN CALON TERPILIH", "PEROLEHAN SUARA", "PERSENTASE SUARA SAH"],
        [text(data.pair, "cell_bold"), data.votes, data.share],
        [text(f"Terbilang: {data.votes_in_words}", "small"), "", ""],
    ]
    extra = [("SPAN", (0, 2), (-1, 2)), ("ALIGN", (1, 1), (-1, 1), "RIGHT")]
    story += [
        Spacer(1, 3 * mm),
        grid_table(rows, [width * 0.6, width * 0.2, width * 0.2], extra=extra),
        Spacer(1, 3 * mm),
        Paragraph(escape(data.decision), s.body),
        Spacer(1, 2 * mm),
        Paragraph(
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
            "mestinya.",
            s.body,
        ),
        Spacer(1, 4 * mm),
    ]
    if data.members:
        block = signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width)
        story += [KeepTogether(block), Spacer(1, 3 * mm)]
    if data.witnesses:
        block = signature_block("SAKSI PASANGAN CALON", data.witnesses, "SAKSI DARI", width)
        story.append(KeepTogether(block))
    return render(story, meta, paper, portrait=True)
