"""Putting our own PDF on a QPrinter: each page rendered by QtPdf and painted at the printer's
resolution (capped, so a 1200 dpi printer does not get a gigabyte of pixels)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 200
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


def print_pdf(pdf: bytes, printer: QPrinter, paper: str) -> int:
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
            image = document.render(index, size)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
        buffer.close()
    return document.pageCount()
