"""Reading our PDFs back: text per page (pypdf) and pages rendered to PNG (pdftoppm)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with every run of white space (line breaks of wrapped cells) as one space."""
    return " ".join(text.split())


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]


def render_pngs(pdf: bytes, folder: Path, name: str) -> list[Path]:
    """Every page as a PNG at 60 dpi (pdftoppm, as a person would look at them)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm tidak terpasang (poppler-utils)")
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(source), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def ink_share(png: Path) -> float:
    """Share of pixels that are not near-white: 0 for a blank page."""
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:200])
    return dark / (image.width * image.height)
