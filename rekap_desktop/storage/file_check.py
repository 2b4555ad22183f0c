"""A SQLite file is checked, read-only, before anything opens it for writing: a damaged,
truncated or emptied file is refused by name instead of being migrated, opened half-way or
silently turned into a new meeting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from rekap_desktop.domain.problems import DamagedDatabase

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""
PAGE_HEADER = 100


def check_database_file(path: Path) -> None:
    """Raise DamagedDatabase unless ``path`` is absent (a new meeting) or a sound SQLite file."""
    if not path.exists():
        return
    if not path.is_file():
        raise DamagedDatabase(path, "bukan berkas biasa")
    size = path.stat().st_size
    if size == 0:
        raise DamagedDatabase(path, "berkas kosong (0 bita); rapat tidak dibuat ulang di atasnya")
    with path.open("rb") as stream:
        head = stream.read(PAGE_HEADER)
    if len(head) < PAGE_HEADER or not head.startswith(SQLITE_HEADER):
        raise DamagedDatabase(path, "kepala berkas bukan kepala basis data SQLite")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabase(path, f"tidak terbaca ({error})") from error
    if found != ["ok"]:
        raise DamagedDatabase(path, "pemeriksaan SQLite menemukan kerusakan: " + "; ".join(found))


def integrity_problem(engine: Engine) -> str | None:
    """SQLite's own check of an open database (None when sound, or not SQLite)."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        result = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    return None if result == "ok" else str(result)
