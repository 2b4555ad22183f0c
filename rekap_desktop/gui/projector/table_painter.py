"""A table sized to its area: the largest font at which every text is shown whole.

The first non-numeric column is the label column: it takes the width the other columns leave.
Every other column is measured so its numbers are never cut. From the largest size down to the
legible minimum, the first size at which the whole table fits wins; at each size a label may wrap
onto a second line and a column's note (a pair of names under "No. 1") onto as many lines as the
height allows, the notes getting the width the labels do not need. Only when nothing fits at the
minimum are the labels and notes cut with "…" (a full page of fifteen rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from rekap_desktop.gui.projector.canvas import LINE_SPACING, Align, Canvas, text_width

NOTE_SCALE = 0.85
PAD_EM = 0.7
MAX_PX_FRACTION = 0.055
SHRINK_STEP = 0.96
"""Each try is this much smaller than the one before, down to the minimum."""
MAX_LABEL_LINES = 3
WRAP_GAIN = 1.25
MODERATE = 0.75
"""Labels stay on one line while the font need shrink no further than this share."""
LABEL_SHARE = 0.5
"""When whole labels would need a font below the minimum, the numbers take half the width."""
WHOLE_LABELS = 0.75
"""Below the minimum, the font is fitted so that this share of the labels is shown whole."""
LABEL_MIN_CHARS = "MMMMMMMMMM"
"""The label column keeps at least this much room when the font is fitted."""
NUMBER_ALIGN = Align.AlignRight | Align.AlignVCenter
LABEL_ALIGN = Align.AlignLeft | Align.AlignVCenter
"""Cell alignments, combined once (a Qt flag union costs a Python call per cell)."""


@dataclass(frozen=True)
class Column:
    title: str
    note: str = ""
    """Printed under the title: two lines that set the width, or (``note_sets_width`` False)
    wrapped to the width the column gets."""
    numeric: bool = True
    note_sets_width: bool = True
    """False: the note is wrapped (or, at the minimum size, cut) to the column's width instead
    of widening it."""


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    colours: tuple[QColor | None, ...] = ()
    bold_cells: tuple[bool, ...] = ()
    bold: bool = False
    background: QColor | None = None
    rule_above: bool = False

    def is_bold(self, index: int) -> bool:
        return self.bold or (index < len(self.bold_cells) and self.bold_cells[index])


@dataclass
class TableLayout:
    px: float
    widths: list[float] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    """Per column: the note's lines as painted."""
    labels: list[list[str]] = field(default_factory=list)
    """Per row: the label's lines as painted (one, or two when wrapped)."""
    elide: bool = False
    """Nothing fitted whole: labels and notes are cut to their width."""

    @property
    def note_rows(self) -> int:
        return max((len(lines) for lines in self.notes), default=0)


def table_px(canvas: Canvas, area: QRectF, columns: list[Column], rows: list[Row]) -> TableLayout:
    """Font size, column widths and the lines of labels and notes for ``rows`` to fill ``area``."""
    cap = min(canvas.height * MAX_PX_FRACTION, area.height() / (2 * LINE_SPACING))
    # A moderately smaller font with every label on one line first, then labels wrapped onto
    # as few lines as will do.
    one_line = _largest(cap, cap * MODERATE, area, columns, rows, 1)
    if one_line is not None:
        return one_line
    best: TableLayout | None = None
    for label_lines in range(2, MAX_LABEL_LINES + 1):
        layout = _largest(cap, canvas.min_px, area, columns, rows, label_lines)
        # One more line a label only for a clearly larger font.
        if layout is not None and (best is None or layout.px > best.px * WRAP_GAIN):
            best = layout
    if best is not None:
        return best
    # At the minimum: a note's word too long for its column is cut, the rest stays whole.
    layout = _whole_at(canvas.min_px, area, columns, rows, MAX_LABEL_LINES, cut_words=True)
    return layout if layout is not None else _cut(canvas, area, columns, rows)


def _largest(
    cap: float, floor: float, area: QRectF, columns: list[Column], rows: list[Row], lines: int
) -> TableLayout | None:
    """The layout at the largest size from ``cap`` down to ``floor`` where everything is whole
    with labels of at most ``lines`` lines."""
    px = cap
    while px >= floor:
        layout = _whole_at(px, area, columns, rows, lines)
        if layout is not None:
            return layout
        px *= SHRINK_STEP
    return None


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


def wrap(
    text: str,
    width: float,
    px: float,
    bold: bool = False,
    cut: bool = False,
    pairs: bool = True,
) -> list[str] | None:
    """``text`` in lines of at most ``width`` at ``px``, broken between words (and, with
    ``pairs``, always after " – ", which joins a pair of names); None when a single word is wider
    than ``width``, unless ``cut``: then that word takes a line of its own (cut with "…")."""
    lines: list[str] = []
    for part in text.split(" – ") if pairs else [text]:
        line = ""
        for word in part.split(" "):
            if not word:
                continue
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, px, bold) <= width:
                line = candidate
            elif text_width(word, px, bold) > width:
                if not cut:
                    return None
                lines += [line, word] if line else [word]
                line = ""
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
    return lines


def _numeric_width(px: float, column: Column, cells: list[str]) -> float:
    if not column.numeric:
        return 0.0
    texts = [text_width(c, px, True) for c in cells] + [text_width(column.title, px, True)]
    if column.note_sets_width:
        texts += [text_width(line, px * NOTE_SCALE) for line in note_lines(column.note)]
    return max(texts) + PAD_EM * px


def _fixed_notes(column: Column) -> list[str]:
    if not column.note:
        return []
    if not column.numeric:
        return [column.note]
    return [line for line in note_lines(column.note) if line]


def _whole_at(
    px: float,
    area: QRectF,
    columns: list[Column],
    rows: list[Row],
    label_lines: int,
    cut_words: bool = False,
) -> TableLayout | None:
    """The layout at ``px`` with every label, number and note whole, or None when it does not
    fit the area."""
    label = label_index(columns)
    pad = PAD_EM * px
    widths = [_numeric_width(px, c, [r.cells[i] for r in rows]) for i, c in enumerate(columns)]
    free = area.width() - sum(widths)
    label_texts = [(r.cells[label], r.is_bold(label)) for r in rows]
    needed = max(
        [text_width(t, px, b) for t, b in label_texts]
        + [text_width(columns[label].title, px, True)]
    )
    needed += pad
    labels: list[list[str]] = []
    if needed <= free:
        labels = [[t] for t, _ in label_texts]
        slack = free - needed
    else:
        for text, bold in label_texts:
            lines = wrap(text, free - pad, px, bold, pairs=False)
            if lines is None or len(lines) > label_lines:
                return None
            labels.append(lines or [""])
        if text_width(columns[label].title, px, True) + pad > free:
            return None
        slack = 0.0
    wrapped = [i for i, c in enumerate(columns) if c.numeric and not c.note_sets_width and c.note]
    for i in wrapped:
        widths[i] += slack / len(wrapped)
    widths[label] = area.width() - sum(w for i, w in enumerate(widths) if i != label)
    notes: list[list[str]] = []
    for i, column in enumerate(columns):
        if i in wrapped:
            lines = wrap(column.note, widths[i] - pad, px * NOTE_SCALE, cut=cut_words)
            if lines is None:
                return None
            notes.append(lines)
        else:
            notes.append(_fixed_notes(column))
    layout = TableLayout(px, widths, notes, labels)
    body_lines = sum(len(lines) for lines in labels)
    height = (1 + layout.note_rows * NOTE_SCALE + body_lines) * LINE_SPACING * px
    return layout if height <= area.height() else None


def _cut(canvas: Canvas, area: QRectF, columns: list[Column], rows: list[Row]) -> TableLayout:
    """Nothing fits whole at the minimum size: whole labels (all but the longest quarter) are
    preferred while the font stays at or above the minimum; below it, the labels give way
    (elided) and the numbers keep their size."""
    label = label_index(columns)
    line_units = 1 + 2 * NOTE_SCALE + len(rows)
    cap = min(area.height() / (line_units * LINE_SPACING), canvas.height * MAX_PX_FRACTION)
    fixed = [_numeric_width(100, c, [r.cells[i] for r in rows]) for i, c in enumerate(columns)]
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
    notes = [
        list(note_lines(c.note)) if c.numeric else ([c.note] if c.note else []) for c in columns
    ]
    return TableLayout(px, widths, notes, [[r.cells[label]] for r in rows], elide=True)


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
    for column, width, align, notes in zip(columns, widths, aligns, layout.notes, strict=True):
        cell = QRectF(x + px * 0.2, y, width - px * 0.4, row_h)
        canvas.text(cell, column.title, px, palette.foreground, align, True)
        cut = not column.note_sets_width or not column.numeric
        for i, line in enumerate(notes):
            note = QRectF(cell.left(), y + row_h + i * note_h, cell.width(), note_h)
            canvas.text(note, line, px * NOTE_SCALE, palette.muted, align, elide=cut)
        x += width
    y += row_h + layout.note_rows * note_h
    canvas.line(area.left(), y, area.right(), y, palette.rule)
    label = label_index(columns)
    for index, (row, lines) in enumerate(zip(rows, layout.labels, strict=True)):
        band = QRectF(area.left(), y, area.width(), row_h * len(lines))
        if row.background is not None:
            canvas.fill(band, row.background)
        elif index % 2 == 1:
            canvas.fill(band, palette.row_alternate)
        if row.rule_above:
            canvas.line(area.left(), y, area.right(), y, palette.rule)
        _paint_row(canvas, row, aligns, widths, band, px, label, lines, layout.elide)
        y += band.height()
    return px


def _paint_row(
    canvas: Canvas,
    row: Row,
    aligns: list[Align],
    widths: list[float],
    band: QRectF,
    px: float,
    label: int,
    lines: list[str],
    elide: bool,
) -> None:
    x = band.left()
    row_h = px * LINE_SPACING
    for i, width in enumerate(widths):
        colour = (row.colours[i] if i < len(row.colours) else None) or canvas.palette.foreground
        bold = row.is_bold(i)
        cell = QRectF(x + px * 0.2, band.top(), width - px * 0.4, band.height())
        if i == label:
            for n, line in enumerate(lines):
                part = QRectF(cell.left(), band.top() + n * row_h, cell.width(), row_h)
                canvas.text(part, line, px, colour, aligns[i], bold, elide=elide)
        else:
            canvas.text(cell, row.cells[i], px, colour, aligns[i], bold)
        x += width
