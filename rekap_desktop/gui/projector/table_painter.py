"""A table sized to its area: the font grows until the rows fill the height or a column is full.

The first column is the label column: it takes the width the other columns leave and is elided
when it must be. Every other column is measured so its numbers are never cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from rekap_desktop.gui.projector.canvas import LINE_SPACING, Align, Canvas, text_width

NOTE_SCALE = 0.85
PAD_EM = 0.7
MAX_PX_FRACTION = 0.055
LABEL_SHARE = 0.5
"""When whole labels would need a font below the minimum, the numbers take half the width."""
WHOLE_LABELS = 0.75
"""The font is fitted so that this share of the labels is shown whole (the longest are elided)."""
LABEL_MIN_CHARS = "MMMMMMMMMM"
"""The label column keeps at least this much room when the font is fitted."""
NUMBER_ALIGN = Align.AlignRight | Align.AlignVCenter
LABEL_ALIGN = Align.AlignLeft | Align.AlignVCenter
"""Cell alignments, combined once (a Qt flag union costs a Python call per cell)."""


@dataclass(frozen=True)
class Column:
    title: str
    note: str = ""
    """Printed under the title, wrapped over two lines."""
    numeric: bool = True
    note_sets_width: bool = True
    """False: the note is elided to the column's width instead of widening it."""


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    colours: tuple[QColor | None, ...] = ()
    bold_cells: tuple[bool, ...] = ()
    bold: bool = False
    background: QColor | None = None
    rule_above: bool = False


@dataclass
class TableLayout:
    px: float
    widths: list[float] = field(default_factory=list)


def table_px(canvas: Canvas, area: QRectF, columns: list[Column], rows: list[Row]) -> TableLayout:
    """Font size and column widths for ``rows`` to fill ``area`` (a title and two note lines).

    Whole labels (all but the longest quarter) are preferred while the font stays at or above
    the minimum; below it, the labels give way (elided) and the numbers keep their size.
    """
    label = label_index(columns)
    line_units = 1 + 2 * NOTE_SCALE + len(rows)
    cap = min(area.height() / (line_units * LINE_SPACING), canvas.height * MAX_PX_FRACTION)
    fixed = [_column_width_at(100, c, [r.cells[i] for r in rows]) for i, c in enumerate(columns)]
    numbers = sum(fixed) or 1.0
    labels = sorted(text_width(t, 100, True) for t in [r.cells[label] for r in rows])
    title = text_width(columns[label].title, 100, True)
    typical = labels[int(WHOLE_LABELS * (len(labels) - 1))] if labels else 0.0
    widest_label = max(typical, title) + PAD_EM * 100
    whole = area.width() * 100 / (numbers + widest_label)
    shortened = area.width() * 100 / (numbers + text_width(LABEL_MIN_CHARS, 100))
    half = area.width() * (1 - LABEL_SHARE) * 100 / numbers
    if whole >= canvas.min_px:
        px = min(cap, whole)
    else:
        px = min(cap, shortened, max(canvas.min_px, half))
    widths = [w * px / 100 for w in fixed]
    widths[label] = area.width() - sum(widths)
    return TableLayout(px, widths)


def label_index(columns: list[Column]) -> int:
    """The label column: the first one that is not numeric (it takes the remaining width)."""
    return next((i for i, c in enumerate(columns) if not c.numeric), 0)


def note_lines(note: str) -> tuple[str, str]:
    """A column note split over two lines: at " – " (a pair of names), else at the word break
    that balances the lines best."""
    head, dash, tail = note.partition(" – ")
    if dash:
        return head, tail
    words = note.split()
    if len(words) < 2:
        return note, ""
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))


def _column_width_at(px: float, column: Column, cells: list[str]) -> float:
    if not column.numeric:
        return 0.0
    texts = [text_width(c, px, True) for c in cells] + [text_width(column.title, px, True)]
    if column.note_sets_width:
        texts += [text_width(line, px * NOTE_SCALE) for line in note_lines(column.note)]
    return max(texts) + PAD_EM * px


def paint_table(canvas: Canvas, area: QRectF, columns: list[Column], rows: list[Row]) -> float:
    """Paint the table in ``area``; returns the body font size used."""
    layout = table_px(canvas, area, columns, rows)
    px, widths = layout.px, layout.widths
    row_h = px * LINE_SPACING
    note_h = px * NOTE_SCALE * LINE_SPACING
    palette = canvas.palette
    y = area.top()
    x = area.left()
    aligns = [NUMBER_ALIGN if column.numeric else LABEL_ALIGN for column in columns]
    for column, width, align in zip(columns, widths, aligns, strict=True):
        cell = QRectF(x + px * 0.2, y, width - px * 0.4, row_h)
        canvas.text(cell, column.title, px, palette.foreground, align, True)
        for i, line in enumerate(note_lines(column.note) if column.numeric else (column.note,)):
            note = QRectF(cell.left(), y + row_h + i * note_h, cell.width(), note_h)
            canvas.text(
                note,
                line,
                px * NOTE_SCALE,
                palette.muted,
                align,
                elide=not column.note_sets_width,
            )
        x += width
    y += row_h + 2 * note_h
    canvas.line(area.left(), y, area.right(), y, palette.rule)
    for index, row in enumerate(rows):
        band = QRectF(area.left(), y, area.width(), row_h)
        if row.background is not None:
            canvas.fill(band, row.background)
        elif index % 2 == 1:
            canvas.fill(band, palette.row_alternate)
        if row.rule_above:
            canvas.line(area.left(), y, area.right(), y, palette.rule)
        _paint_row(canvas, row, columns, aligns, widths, band, px)
        y += row_h
    return px


def _paint_row(
    canvas: Canvas,
    row: Row,
    columns: list[Column],
    aligns: list[Align],
    widths: list[float],
    band: QRectF,
    px: float,
) -> None:
    x = band.left()
    for i, (column, width) in enumerate(zip(columns, widths, strict=True)):
        colour = row.colours[i] if i < len(row.colours) else None
        bold = row.bold or (i < len(row.bold_cells) and row.bold_cells[i])
        cell = QRectF(x + px * 0.2, band.top(), width - px * 0.4, band.height())
        canvas.text(
            cell,
            row.cells[i],
            px,
            colour or canvas.palette.foreground,
            aligns[i],
            bold,
            elide=not column.numeric,
        )
        x += width
