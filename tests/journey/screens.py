"""What a screenshot shows, measured coarsely: how much of it is (near) black."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage


def dark_share(png: Path) -> float:
    """Share of sampled pixels that are near black (a blanked projector is ~1.0)."""
    image = QImage(str(png))
    assert not image.isNull(), png
    dark = total = 0
    for x in range(0, image.width(), 16):
        for y in range(0, image.height(), 16):
            colour = image.pixelColor(x, y)
            total += 1
            dark += colour.red() < 24 and colour.green() < 24 and colour.blue() < 24
    return dark / total


def colours(png: Path) -> int:
    """How many different colours a coarse sample of the picture holds (blank ≈ 1)."""
    image = QImage(str(png))
    assert not image.isNull(), png
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), 23)
            for y in range(0, image.height(), 17)
        }
    )


def differing_share(first: Path, second: Path) -> float:
    """Share of sampled pixels that differ between two pictures of the same size."""
    a, b = QImage(str(first)), QImage(str(second))
    assert a.size() == b.size(), (first, second)
    differ = total = 0
    for x in range(0, a.width(), 8):
        for y in range(0, a.height(), 8):
            total += 1
            differ += a.pixel(x, y) != b.pixel(x, y)
    return differ / total
