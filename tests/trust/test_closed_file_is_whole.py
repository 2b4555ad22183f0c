"""Once the program has ended, the meeting's database file holds the whole meeting by itself.

SQLite first writes to a log beside the file (``-wal``) and copies it into the file later. A
secretariat that closes the program and copies ``pleno.sqlite`` to a flash disk, or hands it to
another station, must carry every recorded action, not a file whose log stayed behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path


def _audit_entries(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0])
    finally:
        connection.close()


def test_after_the_program_ends_the_file_alone_holds_the_meeting(tmp_path: Path) -> None:
    # GIVEN a first start on an empty file: the program writes the demo meeting itself
    db = tmp_path / "rapat" / "pleno.sqlite"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REKAP_EXIT_WHEN_SHOWN="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    # WHEN the cockpit has been shown and the program has ended
    ended = subprocess.run(
        [sys.executable, "-m", "rekap_desktop", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ended.returncode == 0, ended.stderr
    # THEN the file copied alone (no -wal, no -shm beside it) holds every audit entry
    alone = tmp_path / "salinan" / "pleno.sqlite"
    alone.parent.mkdir()
    shutil.copyfile(db, alone)
    recorded = _audit_entries(db)
    assert recorded > 0
    assert _audit_entries(alone) == recorded
