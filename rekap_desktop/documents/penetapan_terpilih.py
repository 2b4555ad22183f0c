"""Berita acara penetapan pasangan calon terpilih (PKPU 18/2024, the stage after penetapan hasil):
held only where the meeting's level elects — the KPU Kabupaten/Kota for its Bupati or Wali Kota —
it names the pair elected, its votes and the rule that elects it, and is signed by the KPU members
and the saksi present."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    grid_table,
    page_meta,
    render,
    signatory_content,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper

BLANK = ".............................."


@dataclass(frozen=True)
class ElectedPairSnapshot:
    form_name: str
    region: str
    region_fields: tuple[tuple[str, str], ...]
    title_lines: tuple[str, ...]
    opening: str
    """Where and by whom the meeting was held (its day is written by hand: a later meeting)."""
    grounds: tuple[str, ...]
    """What the penetapan rests on: the decree on the result, the law's winner rule."""
    pair: str
    """ "Nomor urut 2: NAMA – NAMA"."""
    votes: str
    share: str
    votes_in_words: str
    decision: str
    members: tuple[Signatory, ...]
    witnesses: tuple[Signatory, ...]
    watermark: str | None


def canonical_content(snapshot: ElectedPairSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "judul": list(snapshot.title_lines),
        "pembukaan": snapshot.opening,
        "dasar": list(snapshot.grounds),
        "pasangan": [snapshot.pair, snapshot.votes, snapshot.share, snapshot.votes_in_words],
        "keputusan": snapshot.decision,
        "anggota": signatory_content(snapshot.members),
        "saksi": signatory_content(snapshot.witnesses),
    }


def fingerprint(snapshot: ElectedPairSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_elected_pair(
    snapshot: ElectedPairSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    s = styles()
    width = frame_width(paper, portrait=True)
    story: list[Flowable] = title_block(
        snapshot.form_name, snapshot.title_lines, snapshot.region_fields
    )
    story += [Paragraph(escape(snapshot.opening), s.body), Spacer(1, 2 * mm)]
    for i, ground in enumerate(snapshot.grounds, start=1):
        story.append(text(f"{i}. {ground}", "body"))
    rows: list[list[Any]] = [
        ["PASANGAN CALON TERPILIH", "PEROLEHAN SUARA", "PERSENTASE SUARA SAH"],
        [text(snapshot.pair, "cell_bold"), snapshot.votes, snapshot.share],
        [text(f"Terbilang: {snapshot.votes_in_words}", "small"), "", ""],
    ]
    extra = [("SPAN", (0, 2), (-1, 2)), ("ALIGN", (1, 1), (-1, 1), "RIGHT")]
    story += [
        Spacer(1, 3 * mm),
        grid_table(rows, [width * 0.6, width * 0.2, width * 0.2], extra=extra),
        Spacer(1, 3 * mm),
        Paragraph(escape(snapshot.decision), s.body),
        Spacer(1, 2 * mm),
        Paragraph(
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
            "mestinya.",
            s.body,
        ),
        Spacer(1, 4 * mm),
    ]
    if snapshot.members:
        block = signature_block("ANGGOTA KPU YANG HADIR", snapshot.members, "JABATAN", width)
        story += [KeepTogether(block), Spacer(1, 3 * mm)]
    if snapshot.witnesses:
        block = signature_block("SAKSI PASANGAN CALON", snapshot.witnesses, "SAKSI DARI", width)
        story.append(KeepTogether(block))
    return render(story, meta, paper, portrait=True)
