"""Fonts, paper sizes and paragraph styles shared by every form."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rekap_desktop.domain.paper import Paper
from rekap_desktop.resources import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

F4 = (215 * mm, 330 * mm)
"""Kertas F4 (folio) as the KPU offices use it: 215 × 330 mm."""

MARGIN_X = 12 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 24 * mm


def page_size(paper: Paper) -> tuple[float, float]:
    """Landscape page size of the paper: result forms are wide."""
    size: tuple[float, float] = landscape(F4 if paper is Paper.F4 else A4)
    return size


def frame_width(paper: Paper, portrait: bool = False) -> float:
    width: float = (portrait_size(paper) if portrait else page_size(paper))[0] - 2 * MARGIN_X
    return width


def portrait_size(paper: Paper) -> tuple[float, float]:
    """Upright page size: letters and decrees (keputusan) are read, not tabulated."""
    width, height = page_size(paper)
    return height, width


@cache
def register_fonts() -> None:
    """Register the bundled DejaVu fonts once; every style below uses them (never Helvetica,
    which cannot be embedded and lacks glyphs such as "–")."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()

    def style(name: str, size: float, bold: bool = False, align: int = TA_LEFT) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=FONT_BOLD if bold else FONT,
            fontSize=size,
            leading=size * 1.22,
            alignment=align,
        )

    return Styles(
        title=style("title", 12, True, TA_CENTER),
        subtitle=style("subtitle", 9.5, True, TA_CENTER),
        heading=style("heading", 9, True),
        body=style("body", 8.5),
        small=style("small", 7),
        cell=style("cell", 7),
        cell_bold=style("cell_bold", 7, True),
        cell_center=style("cell_center", 6.5, True, TA_CENTER),
        cell_right=style("cell_right", 7, False, TA_RIGHT),
    )
