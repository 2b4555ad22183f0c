"""Daftar Bukti: the index of an evidence pack for Bawaslu and the Court. A title page (the
meeting, when the pack was made, the fingerprint of the key that signed it, the audit chain's
head and state), then every exhibit numbered (B-1 …) with its title, its file in the pack, its
pages and the start of its SHA-256, so a legal team can cite "Bukti B-7" and anyone can check
that the file they hold is that exhibit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik
from rekap_desktop.documents.parts import (
    SECTION_FILL,
    RenderedForm,
    grid_table,
    page_meta,
    render,
    text,
    title_block,
)
from rekap_desktop.documents.styles import frame_width, styles
from rekap_desktop.domain.paper import Paper

HEADERS = ("NOMOR", "JUDUL BUKTI", "BERKAS DALAM PAKET", "HLM", "SHA-256 (AWAL)")
SHARES = (0.07, 0.43, 0.32, 0.05, 0.13)
SHA_SHOWN = 16
"""Hex digits of each file's SHA-256 printed: enough to tell files apart on paper; the full
value is in manifest.json and SHA256SUMS.txt."""


@dataclass(frozen=True)
class IndexLine:
    number: str
    title: str
    file: str
    pages: int | None
    sha256: str
    group: str
    """The heading the exhibit is listed under (formulir, daftar, cetakan, audit …)."""


@dataclass(frozen=True)
class EvidenceIndexData(Headed):
    header: FormHeader
    facts: tuple[tuple[str, str], ...] = field(metadata=sidik("keterangan"))
    """(label, value) lines of the title page: wilayah, dibuat, sidik kunci, rantai audit …"""
    lines: tuple[IndexLine, ...] = field(metadata=sidik("bukti"))


def render_evidence_index(
    data: EvidenceIndexData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    width = frame_width(paper)
    story: list[Flowable] = title_block(
        data.form_name,
        [
            "PAKET BUKTI RAPAT PLENO REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
            data.election_name,
        ],
        data.region_fields,
    )
    story += _facts(data.facts, width)
    story += [PageBreak(), Paragraph("DAFTAR BUKTI", styles().subtitle), Spacer(1, 3 * mm)]
    story += _exhibits(data.lines, width)
    return render(story, meta, paper)


def _facts(facts: tuple[tuple[str, str], ...], width: float) -> list[Flowable]:
    rows = [[text(label, "cell_bold"), text(value)] for label, value in facts]
    table = Table(rows, colWidths=[width * 0.28, width * 0.72], hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    note = Paragraph(
        "Paket ini ditandatangani secara elektronik (Ed25519) oleh instalasi Rekap Desktop yang "
        "sidik kuncinya tercantum di atas; sidik yang sama tercetak di kaki setiap formulir "
        "instalasi itu. Cara memeriksa keutuhan paket: lihat PETUNJUK-VERIFIKASI.txt di dalam "
        "paket.",
        styles().body,
    )
    return [Spacer(1, 4 * mm), table, Spacer(1, 6 * mm), note]


def _exhibits(lines: tuple[IndexLine, ...], width: float) -> list[Flowable]:
    rows: list[list[Any]] = [[text(h, "cell_center") for h in HEADERS]]
    commands: list[tuple[Any, ...]] = [("ALIGN", (3, 1), (3, -1), "RIGHT")]
    group = None
    for line in lines:
        if line.group != group:
            group = line.group
            commands += [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SECTION_FILL),
            ]
            rows.append([text(group, "cell_bold"), "", "", "", ""])
        rows.append(
            [
                text(line.number, "cell_bold"),
                text(line.title),
                text(line.file, "small"),
                "–" if line.pages is None else str(line.pages),
                _sha(line.sha256),
            ]
        )
    return [grid_table(rows, [width * share for share in SHARES], extra=commands)]


def _sha(digest: str) -> str:
    head = digest[:SHA_SHOWN]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))
