"""Model D.Kejadian Khusus dan/atau Keberatan Saksi: the register, one numbered entry after another
with every field, its resolution and the paraf boxes of a resolved objection (procedure 15–16).
Entries are flowing paragraphs, not table rows, so a 10.000-character account runs across pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.fingerprint import content_hash, short_code
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    dated_content,
    day_text,
    grid_table,
    page_meta,
    paraf_boxes,
    render,
    signatory_content,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper


@dataclass(frozen=True)
class RegisterEntry:
    number: int
    kind: str
    """Label: Kejadian khusus, Keberatan saksi …"""
    origin: str
    """"Baru" or where it was carried from (e.g. "Kecamatan PALARAN No. 3")."""
    unit: str
    contest: str
    raised_by: str
    description: str
    status: str
    resolution: str
    paraf: tuple[str, ...] = ()
    """Who initials the entry on paper (objector and witnessing saksi); empty when none."""


@dataclass(frozen=True)
class RegisterSnapshot:
    form_name: str
    region: str
    region_fields: tuple[tuple[str, str], ...]
    election_name: str
    entries: tuple[RegisterEntry, ...]
    watermark: str | None
    place: str | None = None
    made_on: date | None = None
    members: tuple[Signatory, ...] = ()
    witnesses: tuple[Signatory, ...] = ()
    """The saksi who raised an objection or witnessed its resolution."""


def canonical_content(snapshot: RegisterSnapshot) -> dict[str, Any]:
    return {
        "formulir": snapshot.form_name,
        "wilayah": snapshot.region,
        "nama_pemilihan": snapshot.election_name,
        "entri": [
            [
                e.number,
                e.kind,
                e.origin,
                e.unit,
                e.contest,
                e.raised_by,
                e.description,
                e.status,
                e.resolution,
                list(e.paraf),
            ]
            for e in snapshot.entries
        ],
        **dated_content(snapshot.place, snapshot.made_on),
        "anggota": signatory_content(snapshot.members),
        "saksi": signatory_content(snapshot.witnesses),
    }


def fingerprint(snapshot: RegisterSnapshot) -> str:
    return short_code(content_hash(canonical_content(snapshot)))


def render_register(
    snapshot: RegisterSnapshot,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(snapshot, fingerprint(snapshot), installation_key, chain_head)
    story: list[Flowable] = title_block(
        snapshot.form_name,
        [
            "CATATAN KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI DALAM PELAKSANAAN REKAPITULASI",
            "HASIL PENGHITUNGAN PEROLEHAN SUARA",
            snapshot.election_name.upper(),
        ],
        snapshot.region_fields,
    )
    if not snapshot.entries:
        story.append(
            Paragraph(
                "Tidak ada kejadian khusus dan/atau keberatan saksi yang dicatat.", styles().body
            )
        )
    width = frame_width(paper)
    for entry in snapshot.entries:
        story += _entry(entry, width)
    story += _closing(snapshot, width)
    return render(story, meta, paper)


def _closing(snapshot: RegisterSnapshot, width: float) -> list[Flowable]:
    """Place, day and the signatures, as on the other forms of the meeting."""
    place = snapshot.place or "...................."
    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        text(f"Dibuat di {place}, pada hari {day_text(snapshot.made_on)}.", "body"),
        Spacer(1, 3 * mm),
    ]
    if snapshot.members:
        block = signature_block("ANGGOTA KPU YANG HADIR", snapshot.members, "JABATAN", width)
        story += [KeepTogether(block), Spacer(1, 4 * mm)]
    if snapshot.witnesses:
        heading = "SAKSI YANG MENGAJUKAN KEBERATAN ATAU MENYAKSIKAN PENYELESAIANNYA"
        block = signature_block(heading, snapshot.witnesses, "SAKSI DARI", width)
        story.append(KeepTogether(block))
    return story


def _entry(entry: RegisterEntry, width: float) -> list[Flowable]:
    s = styles()
    head = [
        ["NO", "JENIS", "ASAL", "WILAYAH", "PEMILIHAN", "DIAJUKAN OLEH", "STATUS"],
        [
            str(entry.number),
            text(entry.kind),
            text(entry.origin),
            text(entry.unit),
            text(entry.contest),
            text(entry.raised_by),
            text(entry.status, "cell_bold"),
        ],
    ]
    widths = [10 * mm] + [
        (width - 10 * mm) * share for share in (0.13, 0.15, 0.15, 0.2, 0.22, 0.15)
    ]
    parts: list[Flowable] = [
        KeepTogether([grid_table(head, widths), Spacer(1, 1.5 * mm)]),
        Paragraph("<b>Uraian:</b>", s.body),
        text(entry.description or "–", "body"),
        Spacer(1, 1.5 * mm),
        Paragraph("<b>Penyelesaian / tindak lanjut:</b>", s.body),
        text(entry.resolution or "Belum diselesaikan.", "body"),
    ]
    if entry.paraf:
        # One block that never splits: its heading names the entry, so a block that starts a
        # new page still says whose paraf these are; the boxes wrap to the page width.
        parts += [
            Spacer(1, 1.5 * mm),
            KeepTogether(
                [
                    Paragraph(f"<b>Paraf entri No. {entry.number}:</b>", s.body),
                    paraf_boxes(entry.paraf, width),
                ]
            ),
        ]
    parts.append(Spacer(1, 5 * mm))
    return parts
