"""The program's file dialogs list a folder without reading its files. Qt's own icons opened
``pleno.sqlite-shm`` to guess its type; closing it released SQLite's POSIX locks on the meeting's
database, and the next process opening the meeting rebuilt the shared memory this program still
mapped (a journey died with SIGBUS in a commit)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileSystemModel
from pytestqt.qtbot import QtBot

from rekap_desktop.gui import file_dialogs
from rekap_desktop.storage.engine import open_engine

LOCK_PROBE = """
import fcntl, os, struct, sys

def held(path, start, length):
    descriptor = os.open(path, os.O_RDWR)
    try:
        asked = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
        answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, asked)
    finally:
        os.close(descriptor)
    return struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK

db = sys.argv[1]
print(held(db + "-shm", 128, 1), held(db, 0x40000002, 510))
"""
"""Run in another process (F_GETLK does not report the asking process's own locks): whether
anyone holds SQLite's lock on the shared memory's DMS byte, and a SHARED lock on the database."""


def _locks_held_by_others(db: Path) -> str:
    return subprocess.run(
        [sys.executable, "-c", LOCK_PROBE, str(db)], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows locks belong to one handle")
def test_listing_the_meetings_folder_keeps_the_programs_database_locks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the meeting's database open in this program (WAL: its -wal and -shm beside it)
    db = tmp_path / "pleno.sqlite"
    engine = open_engine(str(db))
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar()
        assert _locks_held_by_others(db) == "True True"
        # WHEN a save dialog lists that folder, each file's icon and type resolved
        dialog = file_dialogs.file_dialog(None, "Simpan PDF", str(tmp_path), "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.show()
        model = dialog.findChild(QFileSystemModel)
        names = ("pleno.sqlite", "pleno.sqlite-shm", "pleno.sqlite-wal")
        qtbot.waitUntil(
            lambda: all(model.index(str(tmp_path / n), 2).data() for n in names), timeout=10_000
        )
        # THEN this program still holds its locks: the types came from the names alone
        assert _locks_held_by_others(db) == "True True"
        assert model.index(str(tmp_path / "pleno.sqlite-shm"), 2).data() == "Berkas SQLITE-SHM"
        dialog.close()
    engine.dispose()


def test_every_file_dialog_of_the_program_is_one_that_lists_without_reading() -> None:
    gui = Path(file_dialogs.__file__).parent
    static = re.compile(r"QFileDialog\.get\w+\(")
    users = [
        str(path.relative_to(gui))
        for path in gui.rglob("*.py")
        if path.name != "file_dialogs.py" and static.search(path.read_text(encoding="utf-8"))
    ]
    assert users == []
