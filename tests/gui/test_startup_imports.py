"""What the cockpit loads before it is first shown: only what the first screen needs (issue
"Ship it": start-up ≤ 6× a bare window). Run as a fresh program, as a user starts it."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

from rekap_desktop.gui.qt_imports import FEATURE_HOOK, skip_feature_import_hook
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.shown_once import run_until_shown

LOADED_LATER = (
    "reportlab",  # the forms: preloaded on a worker once idle, or at the first Ctrl+P
    "pyqtgraph",  # the projector's chart: right after the first frame
    "alembic",  # only for a database behind the newest migration
    # The corrections service is loaded at start now: the stepper's first frame counts only
    # the pairs marked selesai dibaca with nothing open, which it keeps (never "read" by default).
    "rekap_desktop.services.demo",  # only when the database holds no meeting yet
    "rekap_desktop.cli",  # the subcommands' parser: the window reads only its own options
)

PROBE = """
import builtins, json, sys
from rekap_desktop.gui import application

def report_then_leave(app, window):
    loaded = sorted(m for m in {watched!r} if m in sys.modules)
    hook = getattr(builtins.__import__, "__name__", "")
    print("PROBE", json.dumps({{"loaded": loaded, "import": hook}}), flush=True)
    app.quit()

application._leave_when_painted = report_then_leave
from rekap_desktop.app import main
sys.exit(main(["--db", {db!r}]))
"""


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite"
    service = PlenoService(open_engine(str(db)))
    load_demo(service)
    service.engine.dispose()
    return db


def _shown_state(db: Path, home: Path) -> dict[str, object]:
    script = PROBE.format(watched=LOADED_LATER, db=str(db))
    result = run_until_shown(["-c", script], home)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("PROBE "))
    state: dict[str, object] = json.loads(line.removeprefix("PROBE "))
    return state


def test_the_cockpit_is_shown_before_the_forms_and_chart_are_loaded(
    demo_db: Path, tmp_path: Path
) -> None:
    # GIVEN a demo meeting at every migration head
    # WHEN the program starts and the cockpit has painted once
    state = _shown_state(demo_db, tmp_path)

    # THEN nothing the first screen does not need was imported yet
    assert state["loaded"] == []


def test_pyside_feature_hook_is_taken_out_of_every_later_import(
    demo_db: Path, tmp_path: Path
) -> None:
    # GIVEN the program started (PySide6 puts its __feature__ hook in front of import)
    state = _shown_state(demo_db, tmp_path)

    # THEN imports no longer run through the feature hook (PySide6 6.11 leaves its lazy import)
    assert state["import"] != FEATURE_HOOK


def test_widgets_still_work_after_the_hook_is_taken_out() -> None:
    # GIVEN the gui package imported (it takes the hook out)
    assert skip_feature_import_hook() is False  # already out: nothing to do a second time

    # WHEN a Qt class is imported afterwards
    from PySide6.QtWidgets import QLabel

    # THEN it is the real class and the hook stays out
    assert QLabel.__name__ == "QLabel"
    assert builtins.__import__ is not getattr(builtins, FEATURE_HOOK)
