"""Penetapan perolehan kursi dan calon terpilih: per daerah pemilihan every Sainte-Laguë step (each
party's votes : divisor = quotient, who takes the seat and why), the seats per party, the elected
candidates in order with their votes and spread, the ties still waiting for the meeting's
decision, and the decisions recorded — so the room can follow the allocation by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from rekap_desktop.documents.form_header import FormHeader, Headed, form_fingerprint, sidik, stated
from rekap_desktop.documents.parts import (
    GRID,
    HEAD_FILL,
    RenderedForm,
    Signatory,
    day_text,
    grid_table,
    page_meta,
    render,
    signature_block,
    text,
    title_block,
)
from rekap_desktop.documents.styles import FONT_BOLD, frame_width, styles
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number

WINNER_MARK = "✓"
TIE_MARK = "(sama)"
PENDING = "MENUNGGU KEPUTUSAN RAPAT"
WINNER_FILL = colors.Color(0.82, 0.82, 0.82)
SEAT_WIDTH = 12 * mm
WINNER_WIDTH = 46 * mm
REASON_WIDTH = 40 * mm
MIN_PARTY_WIDTH = 21 * mm


@dataclass(frozen=True)
class QuotientCell:
    """Hasil bagi of one party at one step: "30.000 : 1 = 30.000,00"."""

    party: int
    votes: int
    divisor: int
    value: str
    """The quotient with 2 decimals, the Indonesian way."""
    winner: bool
    tied: bool
    """One of equal largest quotients of a step stopped by an open tie."""


@dataclass(frozen=True)
class StepLine:
    seat: int
    cells: tuple[QuotientCell, ...]
    winner: str
    """"3. PARTAI …", or empty while the seat waits for the meeting's decision."""
    decided_by: str


@dataclass(frozen=True)
class PartySeats:
    number: int
    name: str
    votes: int
    seats: int
    taking_part: bool


@dataclass(frozen=True)
class ElectedLine:
    order: int
    number: int
    name: str
    votes: int
    spread: int
    decided_by: str


@dataclass(frozen=True)
class PartyElected:
    """Calon terpilih of one party (or of the DPD when ``number`` is 0)."""

    number: int
    name: str
    seats: int
    elected: tuple[ElectedLine, ...]
    shortfall: int


@dataclass(frozen=True)
class DecisionLine:
    subject: str
    chosen: str
    reason: str
    decided_by: str
    decided_at: str
    applied: bool
    """False when the votes have changed since, so the tie decided no longer arises."""


@dataclass(frozen=True)
class SeatDistrict:
    """One daerah pemilihan (or the DPD of the province, ``code`` "dpd")."""

    code: str = field(metadata=sidik("kode"))
    name: str = field(metadata=sidik("nama"))
    seats: int = field(metadata=sidik("kursi"))
    reason: str = field(metadata=sidik("alasan"))
    """Why the seats are not allocated here; empty when they are."""
    parties: tuple[tuple[int, str], ...] = field(metadata=sidik("peserta"))
    """The parties taking part (the step table's columns), in ballot order."""
    excluded: tuple[str, ...] = field(metadata=sidik("tidak_ikut"))
    steps: tuple[StepLine, ...] = field(metadata=sidik("tahap"))
    summary: tuple[PartySeats, ...] = field(metadata=sidik("perolehan"))
    elected: tuple[PartyElected, ...] = field(metadata=sidik("terpilih"))
    open_ties: tuple[str, ...] = field(metadata=sidik("menunggu_keputusan"))
    decisions: tuple[DecisionLine, ...] = field(metadata=sidik("keputusan"))


@dataclass(frozen=True)
class SeatData(Headed):
    header: FormHeader
    spread_label: str
    """What "persebaran" counts: "kecamatan bersuara" at a kab/kota meeting."""
    districts: tuple[SeatDistrict, ...] = field(metadata=sidik("dapil"))
    place: str | None = field(metadata=sidik("tempat"))
    determined_on: date | None = field(metadata=sidik("tanggal"))
    members: tuple[Signatory, ...] = field(metadata=sidik("anggota"))
    allocation_rule: str = stated("dasar", default="UU 7/2017 Pasal 415")
    """The rule cited for the allocation: ayat (2) for the DPR, ayat (3) for a DPRD."""
    meeting: tuple[str, ...] = stated("rapat", default=())
    """The seat meeting that decided it (when, where, on what notice, by which Keputusan)."""
    witnesses: tuple[Signatory, ...] = stated("hadir", default=())
    """Bawaslu and the parties' representatives who attended the seat meeting."""


def parties_per_table(paper: Paper) -> int:
    room = frame_width(paper) - SEAT_WIDTH - WINNER_WIDTH - REASON_WIDTH
    return max(1, int(room // MIN_PARTY_WIDTH))


def render_seats(
    data: SeatData,
    paper: Paper = Paper.F4,
    *,
    installation_key: str | None = None,
    chain_head: str | None = None,
) -> RenderedForm:
    meta = page_meta(data, form_fingerprint(data), installation_key, chain_head)
    story: list[Flowable] = title_block(
        f"{data.form_name} — {data.contest_title.upper()}",
        [data.election_name.upper()],
        data.region_fields,
    )
    story += [text(line, "body") for line in data.meeting]
    if data.meeting:
        story.append(Spacer(1, 2 * mm))
    for index, district in enumerate(data.districts):
        if index:
            story.append(PageBreak())
        story += _district(data, district, paper)
    if not data.districts:
        story.append(text("Tidak ada daerah pemilihan dalam rapat ini.", "body"))
    story += _closing(data, paper)
    return render(story, meta, paper)


def _district(data: SeatData, district: SeatDistrict, paper: Paper) -> list[Flowable]:
    s = styles()
    title = district.name.upper()
    if district.code != "dpd":
        title = f"DAERAH PEMILIHAN {title} — {district.seats} KURSI"
    story: list[Flowable] = [Paragraph(escape(title), s.subtitle), Spacer(1, 2 * mm)]
    if district.reason:
        story.append(text(district.reason, "body"))
    if district.open_ties:
        story += _pending(district.open_ties, paper)
    if district.steps:
        story += _steps(district, paper, data.allocation_rule)
    if district.summary:
        story += _summary(district, paper)
    if district.elected:
        story += _elected(data, district, paper)
    if district.decisions:
        story += _decisions(district, paper)
    return story


def _pending(ties: tuple[str, ...], paper: Paper) -> list[Flowable]:
    """Open ties, printed so nobody can miss that the result is not complete yet."""
    rows: list[list[Any]] = [[text(f"{PENDING}: PEROLEHAN SAMA YANG BELUM DIPUTUSKAN", "heading")]]
    rows += [[text(f"{i}. {message}", "body")] for i, message in enumerate(ties, start=1)]
    table = Table(rows, colWidths=[frame_width(paper)], hAlign="LEFT")
    table.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 2, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return [table, Spacer(1, 3 * mm)]


def _steps(district: SeatDistrict, paper: Paper, rule: str) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph("A. HASIL BAGI SETIAP TAHAP", s.heading),
        text(
            "Suara sah setiap partai politik dibagi 1, 3, 5, 7, dan seterusnya; setiap kursi "
            f"diberikan kepada hasil bagi terbesar pada tahapnya ({rule}). "
            "Setelah memperoleh kursi, pembagi partai itu naik ke bilangan ganjil berikutnya. "
            f"Tanda {WINNER_MARK} dan huruf tebal: partai yang memperoleh kursi pada tahap itu; "
            f"{TIE_MARK}: hasil bagi terbesar yang sama, menunggu keputusan rapat.",
            "small",
        ),
        Spacer(1, 1.5 * mm),
    ]
    if district.excluded:
        story += [
            text("Tidak ikut pembagian kursi: " + "; ".join(district.excluded) + ".", "small"),
            Spacer(1, 1.5 * mm),
        ]
    count = len(district.parties)
    groups = -(-count // parties_per_table(paper)) or 1
    step = -(-count // groups) or 1
    for start in range(0, count, step):
        if count > step:
            story += [
                text(
                    f"Partai politik {start + 1}–{min(start + step, count)} dari {count}", "small"
                ),
                Spacer(1, 1 * mm),
            ]
        story += [_step_table(district, paper, start, min(start + step, count)), Spacer(1, 3 * mm)]
    return story


def _step_table(district: SeatDistrict, paper: Paper, start: int, stop: int) -> Flowable:
    shown = stop - start
    room = frame_width(paper) - SEAT_WIDTH - WINNER_WIDTH - REASON_WIDTH
    width = room / max(shown, 1)
    header: list[Any] = [text("KURSI KE-", "cell_center")]
    header += [text(f"{n}. {name}", "cell_center") for n, name in district.parties[start:stop]]
    header += [text("KURSI UNTUK", "cell_center"), text("DASAR", "cell_center")]
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    for line in district.steps:
        cells: list[Any] = [str(line.seat)]
        for column, cell in enumerate(line.cells[start:stop], start=1):
            mark = f"{WINNER_MARK} " if cell.winner else ""
            tied = f" {TIE_MARK}" if cell.tied else ""
            style = "cell_bold" if cell.winner or cell.tied else "cell"
            quotient = f"{format_number(cell.votes)} : {cell.divisor}\n{mark}= {cell.value}{tied}"
            cells.append(text(quotient, style))
            if cell.winner or cell.tied:
                row = len(rows)
                extra.append(("BACKGROUND", (column, row), (column, row), WINNER_FILL))
        winner = text(line.winner, "cell_bold") if line.winner else text(PENDING, "cell_bold")
        cells += [winner, text(line.decided_by, "small")]
        rows.append(cells)
    widths = [SEAT_WIDTH] + [width] * shown + [WINNER_WIDTH, REASON_WIDTH]
    return grid_table(rows, widths, extra=extra)


def _summary(district: SeatDistrict, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    rows: list[list[Any]] = [["NO", "PARTAI POLITIK", "SUARA SAH", "KURSI"]]
    for party in district.summary:
        note = "" if party.taking_part else " (tidak ikut pembagian kursi)"
        rows.append(
            [
                str(party.number),
                text(party.name + note),
                format_number(party.votes),
                format_number(party.seats),
            ]
        )
    rows.append(
        [
            "",
            "JUMLAH",
            format_number(sum(p.votes for p in district.summary)),
            format_number(sum(p.seats for p in district.summary)),
        ]
    )
    extra = [("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD, 7)]
    table = grid_table(rows, [10 * mm, width * 0.45, 32 * mm, 20 * mm], extra=extra)
    heading = Paragraph("B. PEROLEHAN KURSI PARTAI POLITIK", styles().heading)
    return [KeepTogether([heading, Spacer(1, 1.5 * mm), table]), Spacer(1, 3 * mm)]


def _elected(data: SeatData, district: SeatDistrict, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    rows: list[list[Any]] = [
        [
            text(label, "cell_center")
            for label in (
                "PARTAI POLITIK",
                "URUTAN",
                "NOMOR URUT CALON",
                "NAMA CALON TERPILIH",
                "SUARA",
                f"PERSEBARAN ({data.spread_label})",
                "DASAR PENETAPAN",
            )
        ]
    ]
    extra: list[tuple[Any, ...]] = [("ALIGN", (1, 1), (2, -1), "CENTER")]
    extra.append(("ALIGN", (4, 1), (5, -1), "RIGHT"))
    for party in district.elected:
        first = len(rows)
        label = f"{party.number}. {party.name}" if party.number else party.name
        label += f" — {party.seats} kursi" if party.number else ""
        if party.shortfall:
            label += f" (kekurangan {party.shortfall} calon)"
        for line in party.elected:
            rows.append(
                [
                    "",
                    str(line.order),
                    str(line.number),
                    text(line.name),
                    format_number(line.votes),
                    format_number(line.spread),
                    text(line.decided_by, "small"),
                ]
            )
        for order in range(len(party.elected) + 1, party.seats - party.shortfall + 1):
            rows.append(["", str(order), "–", text(PENDING, "cell_bold"), "", "", ""])
        rows[first][0] = text(label, "cell_bold")
        if len(rows) > first + 1:
            extra.append(("SPAN", (0, first), (0, len(rows) - 1)))
            extra.append(("VALIGN", (0, first), (0, len(rows) - 1), "TOP"))
    widths = [width * 0.24, 14 * mm, 18 * mm, width * 0.26, 20 * mm, 26 * mm]
    widths.append(width - sum(widths))
    heading = Paragraph("C. CALON TERPILIH (URUT SUARA TERBANYAK)", styles().heading)
    return [heading, Spacer(1, 1.5 * mm), grid_table(rows, widths, extra=extra), Spacer(1, 3 * mm)]


def _decisions(district: SeatDistrict, paper: Paper) -> list[Flowable]:
    width = frame_width(paper)
    rows: list[list[Any]] = [
        ["NO", "PERIHAL", "DIPUTUSKAN", "ALASAN/DASAR", "OLEH", "WAKTU", "DITERAPKAN"]
    ]
    for i, d in enumerate(district.decisions, start=1):
        rows.append(
            [
                str(i),
                text(d.subject),
                text(d.chosen),
                text(d.reason),
                text(d.decided_by),
                text(d.decided_at, "small"),
                text("ya" if d.applied else "tidak (data berubah sejak diputuskan)", "small"),
            ]
        )
    widths = [8 * mm, width * 0.22, width * 0.2, width * 0.24, width * 0.12, 28 * mm]
    widths.append(width - sum(widths))
    heading = Paragraph("D. KEPUTUSAN RAPAT ATAS PEROLEHAN YANG SAMA", styles().heading)
    return [KeepTogether([heading, Spacer(1, 1.5 * mm), grid_table(rows, widths)])]


def _closing(data: SeatData, paper: Paper) -> list[Flowable]:
    place = escape(data.place or "....................")
    when = day_text(data.determined_on)
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        Paragraph(f"Ditetapkan di {place}, pada hari {when}.", styles().body),
        Spacer(1, 3 * mm),
    ]
    width = frame_width(paper)
    if data.members:
        block = signature_block("ANGGOTA KPU YANG HADIR", data.members, "JABATAN", width)
        story += [KeepTogether(block), Spacer(1, 3 * mm)]
    if data.witnesses:
        heading = "BAWASLU DAN WAKIL PARTAI POLITIK YANG HADIR"
        story.append(KeepTogether(signature_block(heading, data.witnesses, "DARI", width)))
    return story
