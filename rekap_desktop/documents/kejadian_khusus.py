"""Model D.Kejadian Khusus dan/atau Keberatan Saksi: the register, one numbered entry after another
with every field, its resolution and the paraf boxes of a resolved objection (procedure 15–16).
Entries are flowing paragraphs, not table rows, so a 10.000-character account runs across pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.parts import (
    RenderedForm,
    Signatory,
    day_text,
    grid_table,
    page_meta,
    paraf_boxes,
    render,
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
class RegisterData(Headed):
    header: FormHeader
    entries: tuple[RegisterEntry, ...] = field(metadata=sidik("entri"))
    place: str | None = stated("tempat", default=None)
    made_on: date | None = stated("tanggal", default=None)
    members: tuple[Signatory, ...] = stated("anggota", default=())
    witnesses: tuple[Signatory, ...] = stated("saksi", default=())
    """The saksi who raised an objection or witnessed its resolution."""


def render_register(
    data: RegisterData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "CATATAN KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI DALAM PELAKSANAAN REKAPITULASI",
            "HASIL PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name.upper(),
        ],
        data.region_fields,
    )
    if not data.entries:
        story.append(
            Paragraph(
                "Tidak ada kejadian khusus dan/atau keberatan saksi yang dicatat.", styles().body
            )
        )
    width = frame_width(paper)
    for entry in data.entries:
        story += _entry(entry, width)
    story += _closing(data, width)
    return render(story, meta, paper)


def _closing(data: RegisterData, width: float) -> list[Flowable]:
    """Place, day and the signatures, as on the other forms of the meeting."""
    place = data.place or "...................."
    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        text(f"Dibuat di {place}, pada hari {day_text(data.made_on)}.", "body"),
        Spacer(1, 3 * mm),
    ]
    if data.members:
        block = signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width)
        story += [KeepTogether(block), Spacer(1, 4 * mm)]
    if data.witnesses:
        heading = "SAKSI YANG MENGAJUKAN KEBERATAN ATAU MENYAKSIKAN PENYELESAIANNYA"
        block = signature_block(heading, data.witnesses, "SAKSI DARI", width)
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
