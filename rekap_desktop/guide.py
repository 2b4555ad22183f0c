"""The user guide: one text, the "Panduan pengguna" section of README.md, read by the program for
its offline help (F1) and shipped beside the resources in the bundle (build_installer.spec)."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.resources import bundled_root

START = "<!-- panduan:mulai"
END = "<!-- panduan:selesai -->"


def guide_file() -> Path:
    """README.md beside resources/ (source tree, installed package, PyInstaller bundle); image
    paths in the guide (``resources/screenshots/…``) are relative to its folder in all three."""
    return bundled_root() / "README.md"


def guide_section(readme: str) -> str:
    """The Markdown between the guide's markers (markers excluded); empty when they are missing."""
    begin = readme.find(START)
    end = readme.find(END)
    if begin < 0 or end < begin:
        return ""
    body = readme[begin:end]
    return body[body.index("\n") + 1 :] if "\n" in body else ""


def guide_markdown() -> str:
    """The Indonesian guide, or an Indonesian explanation of why it cannot be shown."""
    path = guide_file()
    try:
        text = guide_section(path.read_text(encoding="utf-8"))
    except OSError as error:
        return f"## Panduan tidak tersedia\n\nBerkas panduan {path} tidak dapat dibaca ({error})."
    if not text:
        return f"## Panduan tidak tersedia\n\nBagian panduan tidak ditemukan dalam {path}."
    return text
