"""A long ruled table split into pages by us, not by ReportLab: rows measured once, blocks of rows
kept together (a party's heading never ends a page alone), the header repeated on every page.

ReportLab re-measures the whole remaining table at every page break, and its "NOSPLIT" ranges
make each re-measure scan every cell again: a 300-row legislative D.Hasil sheet spent most of its
rendering time there. Here each page's part is built and measured once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from rekap_desktop.documents.parts import grid_table

Command = tuple[Any, ...]


@dataclass(frozen=True)
class TableRow:
    cells: list[Any]
    commands: tuple[Command, ...] = ()
    """Style commands of this row alone, written for row 0: ("SPAN", (0, 0), (-1, 0))."""


def _moved(command: Command, row: int) -> Command:
    name, (x0, _), (x1, _), *rest = command
    return (name, (x0, row), (x1, row), *rest)


class PagedTable(Flowable):  # type: ignore[misc]
    """``header`` on every page, then ``rows``; ``blocks`` are (start, stop) row ranges that
    stay on one page when they fit on one; ``commands`` apply to every page's table."""

    def __init__(
        self,
        header: list[Any],
        rows: Sequence[TableRow],
        widths: Sequence[float],
        commands: Sequence[Command] = (),
        blocks: Sequence[tuple[int, int]] = (),
        page_height: float = 0.0,
        heights: Sequence[float] | None = None,
    ) -> None:
        super().__init__()
        self.page_height = page_height
        """The frame's full height: a block taller than that is split where the page ends."""
        self.header = header
        self.rows = list(rows)
        self.widths = list(widths)
        self.commands = list(commands)
        self.blocks = list(blocks)
        self._heights = list(heights) if heights is not None else None
        self._table: Table | None = None

    def _table_of(self, rows: Sequence[TableRow]) -> Table:
        extra = list(self.commands)
        for index, row in enumerate(rows, start=1):
            extra += [_moved(c, index) for c in row.commands]
        return grid_table([self.header] + [r.cells for r in rows], self.widths, extra=extra)

    def _measure(self, width: float) -> list[float]:
        """Heights of the header (first) and every row, from one table measured once."""
        if self._heights is None:
            table = self._table_of(self.rows)
            table.wrap(width, 10**7)
            self._heights = list(table._rowHeights)
        return self._heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        heights = self._measure(availWidth)
        self.width = sum(self.widths)
        self.height = sum(heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        heights = self._measure(availWidth)
        header, body = heights[0], heights[1:]
        room = availHeight - header
        fits, used = 0, 0.0
        while fits < len(body) and used + body[fits] <= room:
            used += body[fits]
            fits += 1
        if fits == len(body):
            return [self]
        cut = self._break_before(fits)
        if cut == 0:
            block = next((b for a, b in self.blocks if a == 0), fits)
            if fits == 0 or sum(body[:block]) <= self.page_height - header:
                return []  # nothing (or not the whole first block) fits here: next page
            cut = fits
        first = PagedTable(
            self.header,
            self.rows[:cut],
            self.widths,
            self.commands,
            (),
            self.page_height,
            [header, *body[:cut]],
        )
        rest = PagedTable(
            self.header,
            self.rows[cut:],
            self.widths,
            self.commands,
            [(max(a - cut, 0), b - cut) for a, b in self.blocks if b > cut],
            self.page_height,
            [header, *body[cut:]],
        )
        return [first, rest]

    def _break_before(self, fits: int) -> int:
        """The last row index ≤ ``fits`` that does not fall inside a block."""
        cut = fits
        for start, stop in self.blocks:
            if start < cut < stop:
                cut = start
        return cut

    def draw(self) -> None:
        if self._table is None:
            self._table = self._table_of(self.rows)
            self._table.wrap(self.width, 10**7)
        canvas: Canvas = self.canv
        self._table.drawOn(canvas, 0, 0)
