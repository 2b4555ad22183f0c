"""Model D.Hasil of a legislative contest (DPR, DPRD Provinsi, DPRD Kabupaten/Kota): one sheet per
daerah pemilihan, each starting on a new page, with one column per unit of the dapil plus JUMLAH
(split into column groups like the other D.Hasil), section IV as a block per party (party-only
votes, each candidate of the dapil, the party's total), the totals in words and the signatures
of the KPU members and the saksi of the parties."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from rekap_desktop.documents.d_hasil import (
    LABEL_WIDTH,
    NUMBER_WIDTH,
    ResultRow,
    ResultSection,
    columns_per_page,
    votes_in_words,
)
from rekap_desktop.documents.finding_notes import FindingNote, notes_block
from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.paged_table import PagedTable, TableRow
from rekap_desktop.documents.parts import (
    HEAD_FILL,
    SECTION_FILL,
    RenderedForm,
    Signatory,
    day_text,
    page_meta,
    present_block,
    render,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import (
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    frame_width,
    page_size,
    styles,
)
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

DIFFERS_MARK = "*"
"""Printed after a party total whose written figure differs from party-only + candidates."""
PARTY_ONLY_LABEL = "Suara partai politik"
TOTAL_LABEL = "Jumlah suara sah partai politik dan calon"
SECTION_IV_TITLE = "IV. DATA PEROLEHAN SUARA PARTAI POLITIK DAN SUARA CALON"


@dataclass(frozen=True)
class PartyBlock:
    """Section IV rows of one party in one dapil.

    ``total`` is what the form states as the party's total: per column the written total
    (``jumlah_suara_partai_PP``) where it was recorded (``written`` True), else the computed sum of
    the party-only and candidate rows (``computed``). The JUMLAH cell is the sum of the column
    cells, compared with the sum of ``computed``.
    """

    number: int = field(metadata=sidik("nomor_urut"))
    name: str = field(metadata=sidik("nama"))
    party_only: ResultRow = field(metadata=sidik("baris_partai"))
    candidates: tuple[ResultRow, ...] = field(metadata=sidik("baris"))
    total: ResultRow = field(metadata=sidik("jumlah"))
    computed: tuple[int | None, ...] = field(metadata=sidik("jumlah_dihitung"))
    computed_total: int | None = field(metadata=sidik("jumlah_dihitung_total"))
    written: tuple[bool, ...] = field(metadata=sidik("jumlah_tertulis"))

    def differs(self, column: int) -> bool:
        """Whether the written total of a column differs from the sum of its rows."""
        return self.written[column] and self.total.values[column] != self.computed[column]

    @property
    def total_differs(self) -> bool:
        return self.total.total != self.computed_total


@dataclass(frozen=True)
class DistrictSheet:
    """The D.Hasil of one daerah pemilihan."""

    code: str = field(metadata=sidik("kode"))
    name: str = field(metadata=sidik("nama"))
    seats: int = field(metadata=sidik("kursi"))
    columns: tuple[str, ...] = field(metadata=sidik("kolom"))
    before: tuple[ResultSection, ...] = field(metadata=sidik("bagian"))
    """Sections I–III."""
    parties: tuple[PartyBlock, ...] = field(metadata=sidik("partai"))
    after: tuple[ResultSection, ...] = field(metadata=sidik("bagian_akhir"))
    """Section V."""
    valid: int | None
    invalid: int | None
    total: int | None = None
    """V.C: suara sah and tidak sah together, as recorded."""


@dataclass(frozen=True)
class LegislativeDHasilData(Headed):
    header: FormHeader
    column_label: str
    districts: tuple[DistrictSheet, ...] = field(metadata=sidik("dapil"))
    place: str | None = field(metadata=sidik("tempat"))
    determined_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    witnesses: tuple[Signatory, ...] = field(metadata=sidik("saksi"))
    """One line per party (saksi of a legislative contest stand for a party)."""
    findings: tuple[FindingNote, ...] = stated("temuan", omit_empty=True, default=())
    """Errors of the determined values and the meeting's decision on each (printed once, on the
    last dapil's sheet before the place and date)."""
    others: tuple[Signatory, ...] = stated("hadir_lain", omit_empty=True, default=())
    """Bawaslu and pemantau recorded present (listed, not signing)."""
    follow_up: str = stated("sesi_lanjutan", omit_empty=True, default="")
    """Which follow-up session (sesi lanjutan) the values belong to (empty: the first
    penetapan)."""


def render_legislative_d_hasil(
    data: LegislativeDHasilData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    story: list[Flowable] = []
    for index, sheet in enumerate(data.districts):
        if index:
            story.append(PageBreak())
        story += _sheet(data, sheet, paper)
    if not data.districts:
        story += _title(data, None)
        story.append(text("Tidak ada daerah pemilihan dalam rapat ini.", "body"))
    return render(story, meta, paper)


def _title(data: LegislativeDHasilData, sheet: DistrictSheet | None) -> list[Flowable]:
    lines = [
        "BERITA ACARA DAN SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA",
        data.election_name.upper(),
        *([data.follow_up] if data.follow_up else []),
    ]
    fields = data.region_fields
    if sheet is not None:
        lines.insert(0, f"DAERAH PEMILIHAN {sheet.name.upper()}")
        fields += (("DAERAH PEMILIHAN", f"{sheet.name} ({sheet.seats} kursi)"),)
    return title_block(f"{data.form_name} — {data.contest_title.upper()}", lines, fields)


def _sheet(data: LegislativeDHasilData, sheet: DistrictSheet, paper: Paper) -> list[Flowable]:
    story = _title(data, sheet)
    count = len(sheet.columns)
    groups = -(-count // columns_per_page(paper)) or 1
    step = -(-count // groups) or 1  # balanced groups, as on the other D.Hasil
    starts = list(range(0, count, step)) or [0]
    for index, start in enumerate(starts):
        stop = min(start + step, count)
        if index:
            story.append(PageBreak())
        if len(starts) > 1:
            note = f"{data.column_label} {start + 1}–{stop} dari {count}"
            if stop == count:
                note += " dan JUMLAH"
            story += [Paragraph(escape(note), styles().heading), Spacer(1, 1.5 * mm)]
        story.append(_group_table(data, sheet, paper, start, stop, last=stop == count))
    if any(p.differs(i) for p in sheet.parties for i in range(count)):
        story += [
            Spacer(1, 1.5 * mm),
            text(
                f"{DIFFERS_MARK} Jumlah yang tertulis pada formulir berbeda dengan jumlah suara "
                "partai politik dan suara calon; rinciannya di bawah.",
                "small",
            ),
        ]
    story += _closing(data, sheet, paper)
    return story


def _group_table(
    data: LegislativeDHasilData,
    sheet: DistrictSheet,
    paper: Paper,
    start: int,
    stop: int,
    last: bool,
) -> Flowable:
    shown = stop - start + (1 if last else 0)
    room = frame_width(paper) - NUMBER_WIDTH - LABEL_WIDTH
    value_width = min(room / max(shown, 1), 30 * mm)
    header: list[Any] = [
        "NO",
        text(f"DAPIL {sheet.name.upper()} — URAIAN \\ {data.column_label}", "cell_center"),
    ]
    header += [text(f"{i + 1}. {sheet.columns[i]}", "cell_center") for i in range(start, stop)]
    if last:
        header.append("JUMLAH")
    rows: list[TableRow] = []
    blocks: list[tuple[int, int]] = []
    span = ("SPAN", (0, 0), (-1, 0))

    def banner(title: str, fill: Any) -> None:
        cells = [text(title, "cell_bold")] + [""] * (shown + 1)
        rows.append(TableRow(cells, (span, ("BACKGROUND", (0, 0), (-1, 0), fill))))

    def values(row: ResultRow, marks: list[bool] | None = None) -> list[Any]:
        cells = [format_number(v) for v in row.values[start:stop]]
        if last:
            cells.append(format_number(row.total))
        if marks:
            cells = [c + DIFFERS_MARK if m else c for c, m in zip(cells, marks, strict=True)]
        return cells

    def section(item: ResultSection) -> None:
        first = len(rows)
        banner(item.title, SECTION_FILL)
        rows.extend(TableRow([r.number, _label(r.label)] + values(r)) for r in item.rows)
        blocks.append((first, min(first + 2, len(rows))))  # a title never ends a page alone

    for item in sheet.before:
        section(item)
    banner(SECTION_IV_TITLE, SECTION_FILL)
    for party in sheet.parties:
        first = len(rows)
        banner(f"{party.number}. {party.name}", HEAD_FILL)
        rows.append(TableRow(["", PARTY_ONLY_LABEL] + values(party.party_only)))
        rows.extend(TableRow(["", _label(c.label)] + values(c)) for c in party.candidates)
        marks = [party.differs(i) for i in range(start, stop)]
        if last:
            marks.append(party.total_differs)
        bold = ("FONT", (1, 0), (-1, 0), FONT_BOLD, 7)
        rows.append(TableRow(["", TOTAL_LABEL] + values(party.total, marks), (bold,)))
        # a party's block stays on one page: its heading never ends a page alone
        blocks.append((first - 1 if first and party is sheet.parties[0] else first, len(rows)))
    for item in sheet.after:
        section(item)
    commands: list[tuple[Any, ...]] = [("ALIGN", (2, 1), (-1, -1), "RIGHT")]
    if last:
        commands.append(("FONT", (-1, 1), (-1, -1), FONT_BOLD, 7))
    widths = [NUMBER_WIDTH, LABEL_WIDTH] + [value_width] * shown
    height = page_size(paper)[1] - MARGIN_TOP - MARGIN_BOTTOM - 12
    return PagedTable(header, rows, widths, commands, blocks, height)


def _label(value: str) -> Any:
    """A row label as a plain string when it fits on one line (thousands of rows: a paragraph
    per row would cost most of the rendering time), else a wrapping paragraph."""
    if stringWidth(value, FONT, 7) <= LABEL_WIDTH - 4:
        return value
    return text(value)


def _closing(data: LegislativeDHasilData, sheet: DistrictSheet, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    lines = [
        (str(p.number), p.name, p.total.total, DIFFERS_MARK if p.total_differs else "")
        for p in sheet.parties
    ]
    totals = (sheet.valid, sheet.invalid, sheet.total)
    words = votes_in_words("PARTAI POLITIK", lines, totals, width)
    place = data.place or "...................."
    when = day_text(data.determined_on)
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        Spacer(1, 4 * mm),
        Paragraph(
            escape(f"PEROLEHAN SUARA DALAM ANGKA DAN HURUF — DAPIL {sheet.name.upper()}"),
            styles().heading,
        ),
        Spacer(1, 1.5 * mm),
        words,
    ]
    story += _differences(sheet)
    if sheet is data.districts[-1]:
        story += notes_block(data.findings, width)
    story += [
        Spacer(1, 4 * mm),
        Paragraph(f"Ditetapkan di {escape(place)}, pada hari {when}.", styles().body),
        Spacer(1, 3 * mm),
    ]
    if data.members:
        story += [
            KeepTogether(signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width)),
            Spacer(1, 4 * mm),
        ]
    if data.witnesses:
        story += signature_block(
            "SAKSI PARTAI POLITIK YANG HADIR", data.witnesses, "SAKSI DARI", width
        )
    return story + present_block(data.others, width)


def _differences(sheet: DistrictSheet) -> list[Flowable]:
    """Each written party total that differs from the sum of its rows, named by unit and party."""
    lines = []
    for party in sheet.parties:
        for i, column in enumerate(sheet.columns):
            if party.differs(i):
                lines.append(
                    f"{DIFFERS_MARK} {column}, {party.number}. {party.name}: tertulis "
                    f"{format_number(party.total.values[i])}, jumlah suara partai dan calon "
                    f"{format_number(party.computed[i])}."
                )
    if not lines:
        return []
    return [Spacer(1, 2 * mm)] + [text(line, "small") for line in lines]
