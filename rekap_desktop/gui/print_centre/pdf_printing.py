"""Putting our own PDF on a QPrinter: each page rendered by QtPdf and painted at the printer's
resolution (capped, so a 1200 dpi printer does not get a gigabyte of pixels).

Printing runs on a worker thread (see print_centre.dialog), but each QtPdf render and each QPainter
call holds Python's GIL while it runs: a whole F4 page as one image took the printer ~0.2-0.3 s
to take in (it compresses it, with an alpha mask), rendering it ~0.1 s, laying it on white
~0.05 s, and the GUI thread waited that long. So each page is rendered, laid on white (paper is
white: the same print, no alpha mask) and drawn band by band, a few rows at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 200
BAND_ROWS = 128
"""Image rows painted at once: well under 0.1 s of the printer's work each."""
F4_SIZE = QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4")


def load_pdf(document: QPdfDocument, pdf: bytes) -> QBuffer:
    """Load ``pdf`` into ``document``; keep the returned buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def page_size(paper: str) -> QPageSize:
    return F4_SIZE if paper == "F4" else QPageSize(QPageSize.PageSizeId.A4)


Progress = Callable[[int, int], None]
"""Told (pages done, pages in all) after each page."""


def _no_progress(_done: int, _total: int) -> None:
    pass


def print_pdf(pdf: bytes, printer: QPrinter, paper: str, progress: Progress = _no_progress) -> int:
    """Paint every page of ``pdf`` on ``printer``, landscape and edge to edge; returns the pages."""
    layout = QPageLayout(page_size(paper), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    document = QPdfDocument()
    buffer = load_pdf(document, pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            for rows, place in bands(size, QRect(0, 0, target.width(), target.height())):
                painter.drawImage(place, render_band(document, index, size, rows))
            progress(index + 1, document.pageCount())
    finally:
        painter.end()
        buffer.close()
    return document.pageCount()


def on_white(image: QImage) -> QImage:
    """``image`` (QtPdf renders a transparent background) laid on white, without alpha."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def render_band(document: QPdfDocument, index: int, page: QSize, rows: QRect) -> QImage:
    """The ``rows`` of page ``index`` rendered at ``page`` size, laid on white."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(page)
    options.setScaledClipRect(rows)
    return on_white(document.render(index, rows.size(), options))


def bands(page: QSize, target: QRect) -> list[tuple[QRect, QRect]]:
    """The page rendered at ``page`` size, cut into bands of rows: each band's rows and where it
    goes on ``target``; the bands meet on whole device pixels (no gap, no overlap)."""
    rows = page.height()
    cut = []
    for top in range(0, rows, BAND_ROWS):
        bottom = min(top + BAND_ROWS, rows)
        y0 = target.top() + round(top * target.height() / rows)
        y1 = target.top() + round(bottom * target.height() / rows)
        place = QRect(target.left(), y0, target.width(), y1 - y0)
        cut.append((QRect(0, top, page.width(), bottom - top), place))
    return cut
