"""One guide: README's "Panduan pengguna" section is what F1 shows, and the bundle ships it."""

from __future__ import annotations

import re
from pathlib import Path

from rekap_desktop.guide import END, START, guide_file, guide_markdown, guide_section

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def test_the_program_reads_the_guide_of_this_readme() -> None:
    # GIVEN the source tree THEN the program's guide is README's section, word for word
    assert guide_file().resolve() == README
    text = README.read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1
    assert guide_markdown() == guide_section(text)
    assert guide_markdown().startswith("## Panduan pengguna\n")


def test_readme_still_starts_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[:8] == [
        "# Rekap Desktop",
        "",
        "```",
        "pip install -e . && rekap-desktop",
        "```",
        "```",
        'pip install -e ".[test]" && python -m pytest',
        "```",
    ]


def test_every_screenshot_of_the_guide_is_shipped_and_small() -> None:
    # GIVEN the images the guide shows THEN each is a file under resources/ below 300 KB
    images = IMAGE.findall(guide_markdown())
    assert len(images) >= 8
    for image in images:
        assert image.startswith("resources/screenshots/"), image
        path = ROOT / image
        assert path.is_file(), image
        assert path.stat().st_size < 300_000, image


def test_the_bundle_ships_readme_beside_its_resources() -> None:
    # GIVEN the installer spec THEN README.md goes to the top of the bundle, next to resources/
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "README.md"), "."),' in spec
    assert '(str(ROOT / "resources"), "resources"),' in spec


def test_a_readme_without_markers_has_no_guide() -> None:
    assert guide_section("# Judul\n\ntanpa panduan\n") == ""
    assert guide_section(f"awal\n{START} x -->\n## A\nteks\n{END}\nakhir") == "## A\nteks\n"
