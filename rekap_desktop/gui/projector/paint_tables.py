"""Painting the number scenes: the kecamatan tally and the running recapitulation."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from rekap_desktop.gui.projector.canvas import CHART_FRACTION, FOOTER_FRACTION, Canvas
from rekap_desktop.gui.projector.scenes import (
    DIFFERS_MARK,
    DIFFERS_STATUS,
    READ_MARK,
    SETTLED_MARK,
    SIREKAP_NOTE,
    RecapLine,
    RecapScene,
    SeatScene,
    TallyScene,
)
from rekap_desktop.gui.projector.table_painter import Column, Row, paint_table

MAX_HINTED_PAGES = 6
CHART_BESIDE_MAX_CHOICES = 3
"""Up to this many choices the bar chart stands beside the table, else below it."""


def page_text(page: int, pages: int) -> str:
    return f"hal. {page}/{pages}" if pages > 1 else ""


def difference_hint(page: int, pages: tuple[int, ...]) -> str:
    """Which other pages hold a difference not yet settled ("selisih di hal. 2, 3")."""
    others = [str(p) for p in pages if p != page]
    if not others:
        return ""
    shown = ", ".join(others[:MAX_HINTED_PAGES]) + (", …" if len(others) > MAX_HINTED_PAGES else "")
    return f"{DIFFERS_MARK} selisih di hal. {shown}"


def paint_tally(canvas: Canvas, scene: TallyScene) -> float:
    """Returns the body font size used."""
    area = canvas.banner(scene.banner)
    area = canvas.heading(
        area,
        scene.contest_title,
        f"{scene.unit} · {scene.section}",
        page_text(scene.page, scene.pages),
        difference_hint(scene.page, scene.difference_pages),
    )
    differs, settled = scene.difference_count, scene.settled_count
    legend = f"{DIFFERS_MARK} = berbeda dari D.Hasil PPK (rujukan)"
    if any(c.code == "pleno" for c in scene.columns):
        legend += " · Pleno: ditetapkan rapat"
    if any(c.code == "sirekap" for c in scene.columns):
        legend += f" · Sirekap: {SIREKAP_NOTE}"
    area = canvas.footer(area, legend + scene.legend)
    palette = canvas.palette
    summary = [f"{differs} baris berbeda"] if differs else []
    summary += [f"{SETTLED_MARK} {settled} diselesaikan"] if settled else []
    columns = [Column("Uraian", " · ".join(summary), numeric=False)]
    columns += [Column(c.title, c.note) for c in scene.columns]
    columns.append(Column("Status"))
    pleno = [c.code == "pleno" for c in scene.columns]
    rows = [
        Row(
            (line.label, *line.cells, line.status),
            (
                None,
                *(palette.differs if d else None for d in line.differs),
                _status_colour(canvas, line.status),
            ),
            (False, *(d or p for d, p in zip(line.differs, pleno, strict=True)), True),
            bold=line.label.startswith(("V.", "JUMLAH")),
        )
        for line in scene.lines
    ]
    return paint_table(canvas, _inset(canvas, area), columns, rows)


def _status_colour(canvas: Canvas, status: str) -> QColor:
    if status == DIFFERS_STATUS:
        return canvas.palette.differs
    if status.startswith(SETTLED_MARK):
        return canvas.palette.accent
    return canvas.palette.muted


def recap_chart_rect(canvas_rect: QRectF, scene: RecapScene) -> QRectF:
    """Where the bar chart goes: beside the table for few choices, else in a band below it."""
    height, width = canvas_rect.height(), canvas_rect.width()
    margin = height * 0.025
    top = canvas_rect.top() + height * 0.175
    bottom = canvas_rect.bottom() - height * FOOTER_FRACTION * (1 + len(scene.spread_lines))
    if len(scene.choice_headers) <= CHART_BESIDE_MAX_CHOICES:
        left = canvas_rect.left() + width * (1 - CHART_FRACTION)
        return QRectF(left, top, canvas_rect.right() - left - margin, bottom - top)
    band = height * 0.24
    return QRectF(canvas_rect.left() + margin, bottom - band, width - 2 * margin, band)


def paint_recap(canvas: Canvas, scene: RecapScene) -> float:
    """Table of kecamatan × choices; the view places the chart widget over recap_chart_rect."""
    area = canvas.banner(scene.banner)
    subtitle = (
        f"{READ_MARK} = sudah dibacakan ({scene.read_count} dari {scene.unit_count} kecamatan)"
    )
    if 0 < scene.read_count < scene.unit_count:
        subtitle += f"; JUMLAH hanya yang {READ_MARK}"
    area = canvas.heading(area, scene.contest_title, subtitle, page_text(scene.page, scene.pages))
    area = canvas.footer(area, scene.source_note)
    for line in reversed(scene.spread_lines):  # footers stack upwards: the verdict lowest
        area = canvas.footer(area, line)
    chart = recap_chart_rect(canvas.rect, scene)
    if len(scene.choice_headers) <= CHART_BESIDE_MAX_CHOICES:
        area.setRight(chart.left() - canvas.margin)
    else:
        area.setBottom(chart.top() - canvas.margin)
    columns = [Column(""), Column(scene.row_heading, numeric=False)]
    columns += [_choice_column(h) for h in scene.choice_headers]
    columns.append(Column("Suara sah"))
    rows = [_recap_row(canvas, line) for line in scene.lines]
    total = _recap_row(canvas, scene.total)
    rows.append(Row(total.cells, bold=True, rule_above=True, background=canvas.palette.background))
    return paint_table(canvas, _inset(canvas, area), columns, rows)


def paint_seats(canvas: Canvas, scene: SeatScene) -> float:
    """A dapil's seat steps or elected candidates, one row each (at most 12 seats a dapil)."""
    area = canvas.banner(scene.banner)
    area = canvas.heading(
        area, scene.contest_title, scene.subtitle, page_text(scene.page, scene.pages)
    )
    area = canvas.footer(area, scene.note)
    if scene.provisional:
        area = canvas.notice(area, scene.provisional)
    first, label, number, basis = scene.headers
    columns = [Column(first), Column(label, numeric=False), Column(number), Column(basis)]
    rows = [
        Row(
            (line.first, line.label, line.number, line.basis),
            (None, None, None, canvas.palette.differs if line.basis.startswith("⚠") else None),
            (True, False, False, False),
        )
        for line in scene.lines
    ]
    return paint_table(canvas, _inset(canvas, area), columns, rows)


def _choice_column(header: str) -> Column:
    number, dot, name = header.partition(". ")
    if not dot or not number.isdigit():
        return Column(header)  # the kolom kosong has no ballot number
    return Column(f"No. {number}", name, note_sets_width=False)


def _recap_row(canvas: Canvas, line: RecapLine) -> Row:
    return Row(
        (READ_MARK if line.read else "", line.name, *line.cells, line.total),
        bold_cells=(line.read, line.read),
        background=canvas.palette.row_read if line.read else None,
    )


def _inset(canvas: Canvas, area: QRectF) -> QRectF:
    return area.adjusted(canvas.margin, canvas.margin * 0.3, -canvas.margin, 0)
