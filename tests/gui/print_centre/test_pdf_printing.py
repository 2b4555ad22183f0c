"""Painting our PDF on a printer in bands of rows, on white: the same print, shorter GIL holds."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from rekap_desktop.gui.print_centre.pdf_printing import BAND_ROWS, draw_in_bands, on_white


class _Painter:
    """Records what draw_in_bands asks a QPainter to draw."""

    def __init__(self) -> None:
        self.calls: list[tuple[QRect, QRect]] = []

    def drawImage(self, target: QRect, _image: QImage, source: QRect) -> None:  # noqa: N802
        self.calls.append((target, source))


def test_the_bands_cover_the_page_exactly_without_gap_or_overlap() -> None:
    # GIVEN a rendered F4 page at 200 dpi and the full page of a 1200 dpi printer
    image = QImage(2598, 1693, QImage.Format.Format_RGB32)
    target = QRect(0, 0, 15591, 10157)
    painter = _Painter()
    # WHEN it is drawn in bands
    draw_in_bands(painter, target, image)  # type: ignore[arg-type]
    # THEN every row of the image is drawn once, in bands of at most BAND_ROWS rows
    sources = [s for _t, s in painter.calls]
    assert sources[0].top() == 0 and sources[-1].bottom() == image.height() - 1
    assert all(b.top() == a.bottom() + 1 for a, b in zip(sources, sources[1:], strict=False))
    assert max(s.height() for s in sources) == BAND_ROWS
    # AND the bands meet on whole device pixels from the top of the page to its bottom
    targets = [t for t, _s in painter.calls]
    assert targets[0].top() == 0 and targets[-1].bottom() == target.bottom()
    assert all(b.top() == a.bottom() + 1 for a, b in zip(targets, targets[1:], strict=False))
    assert all(t.width() == target.width() for t in targets)


def test_a_transparent_page_is_laid_on_white() -> None:
    # GIVEN a page QtPdf rendered with a transparent background and one black pixel
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    image.setPixelColor(1, 1, QColor("black"))
    # WHEN it is laid on white THEN the background is white paper, the ink stays, no alpha
    flat = on_white(image)
    assert not flat.hasAlphaChannel()
    assert flat.pixelColor(0, 0) == QColor("white") and flat.pixelColor(1, 1) == QColor("black")
