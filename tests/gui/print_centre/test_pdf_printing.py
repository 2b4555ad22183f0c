"""Painting our PDF on a printer band by band, on white: the same print, shorter GIL holds."""

from __future__ import annotations

import io

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from reportlab.pdfgen import canvas

from rekap_desktop.gui.print_centre.pdf_printing import (
    BAND_ROWS,
    bands,
    load_pdf,
    on_white,
    render_band,
)


def test_the_bands_cover_the_page_exactly_without_gap_or_overlap() -> None:
    # GIVEN an F4 page rendered at 200 dpi and the full page of a 1200 dpi printer
    page = QSize(2598, 1693)
    target = QRect(0, 0, 15591, 10157)
    # WHEN it is cut into bands
    cut = bands(page, target)
    # THEN every row of the page is rendered once, in bands of at most BAND_ROWS rows
    sources = [s for s, _t in cut]
    assert sources[0].top() == 0 and sources[-1].bottom() == page.height() - 1
    assert all(b.top() == a.bottom() + 1 for a, b in zip(sources, sources[1:], strict=False))
    assert max(s.height() for s in sources) == BAND_ROWS
    assert all(s.width() == page.width() for s in sources)
    # AND the bands meet on whole device pixels from the top of the page to its bottom
    targets = [t for _s, t in cut]
    assert targets[0].top() == 0 and targets[-1].bottom() == target.bottom()
    assert all(b.top() == a.bottom() + 1 for a, b in zip(targets, targets[1:], strict=False))
    assert all(t.width() == target.width() for t in targets)


def test_a_band_is_the_rows_of_the_page_it_names_on_white() -> None:
    # GIVEN a page whose lower half is black ink (PDF points count from the bottom)
    stream = io.BytesIO()
    pdf = canvas.Canvas(stream, pagesize=(400, 400))
    pdf.rect(0, 0, 400, 200, stroke=0, fill=1)
    pdf.save()
    document = QPdfDocument()
    buffer = load_pdf(document, stream.getvalue())
    page = QSize(400, 400)
    # WHEN the bands of rows 100-199 and 200-299 are rendered
    above, below = (render_band(document, 0, page, QRect(0, top, 400, 100)) for top in (100, 200))
    buffer.close()
    # THEN each is its own rows: white paper just above the middle, ink just below it, no alpha
    assert above.size() == QSize(400, 100) and not above.hasAlphaChannel()
    assert above.pixelColor(200, 5) == above.pixelColor(200, 95) == QColor("white")
    assert below.pixelColor(200, 5) == below.pixelColor(200, 95) == QColor("black")


def test_a_transparent_page_is_laid_on_white() -> None:
    # GIVEN a page QtPdf rendered with a transparent background and one black pixel
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    image.setPixelColor(1, 1, QColor("black"))
    # WHEN it is laid on white THEN the background is white paper, the ink stays, no alpha
    flat = on_white(image)
    assert not flat.hasAlphaChannel()
    assert flat.pixelColor(0, 0) == QColor("white") and flat.pixelColor(1, 1) == QColor("black")
