"""Generated Designer forms are up to date with their ui/*.ui sources."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))


def test_every_ui_file_has_a_generated_form() -> None:
    # THEN each ui/X.ui has rekap_desktop/gui/forms/ui_X.py
    assert UI_FILES
    for ui in UI_FILES:
        assert (ROOT / "rekap_desktop/gui/forms" / f"ui_{ui.stem}.py").exists(), ui.name


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_not_stale(ui: Path) -> None:
    # GIVEN the committed generated module
    uic = shutil.which("pyside6-uic")
    assert uic is not None, "pyside6-uic tidak ditemukan"
    committed = (ROOT / "rekap_desktop/gui/forms" / f"ui_{ui.stem}.py").read_text("utf-8")
    # WHEN the form is regenerated in memory from its .ui file
    fresh = subprocess.run([uic, str(ui)], capture_output=True, text=True, check=True).stdout
    # THEN both are the same apart from the compiler's version line (regenerate with the
    # command in ui/README.md otherwise)
    assert _content(fresh) == _content(committed)


def _content(generated: str) -> list[str]:
    return [
        line for line in generated.splitlines() if "User Interface Compiler version" not in line
    ]
