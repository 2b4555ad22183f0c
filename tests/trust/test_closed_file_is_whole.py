"""The meeting's database file holds the meeting by itself: after every committed action while
the program runs, and once the program has ended.

SQLite first writes to a log beside the file (``-wal``) and copies it into the file later. A
secretariat that copies ``pleno.sqlite`` to a flash disk during a skors or after closing the
program, or hands it to another station, must carry every recorded action, not a file whose log
stayed behind."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.shown_once import run_until_shown


def _audit_entries(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0])
    finally:
        connection.close()


def test_after_the_program_ends_the_file_alone_holds_the_meeting(tmp_path: Path) -> None:
    # GIVEN a first start on an empty file: the program writes the demo meeting itself
    db = tmp_path / "rapat" / "pleno.sqlite"
    # WHEN the cockpit has been shown and the program has ended
    ended = run_until_shown(["-m", "rekap_desktop", "--db", str(db)], tmp_path)
    assert ended.returncode == 0, ended.stderr
    # THEN the file copied alone (no -wal, no -shm beside it) holds every audit entry
    alone = tmp_path / "salinan" / "pleno.sqlite"
    alone.parent.mkdir()
    shutil.copyfile(db, alone)
    recorded = _audit_entries(db)
    assert recorded > 0
    assert _audit_entries(alone) == recorded


def test_while_the_program_runs_the_file_alone_holds_every_committed_action(
    tmp_path: Path,
) -> None:
    # GIVEN a meeting written on an empty file, its connections still open (the program runs)
    db = tmp_path / "pleno.sqlite"
    service = PlenoService(open_engine(str(db)), actor="operator")
    try:
        load_demo(service)
        # WHEN the file alone is copied, as during a skors
        alone = tmp_path / "salinan" / "pleno.sqlite"
        alone.parent.mkdir()
        shutil.copyfile(db, alone)
        # THEN it holds every audit entry committed so far
        assert _audit_entries(alone) == _audit_entries(db) > 0
    finally:
        service.engine.dispose()
