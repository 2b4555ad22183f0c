"""What the backups need from a meeting's SQLite file: a consistent copy made while others write,
a backup's contents read without changing it, and the live meeting's identity."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from rekap_desktop.storage.orm import AuditEntryRow, MeetingRow

StoredEntry = tuple[int, str, str, str, str, str, str]
"""(id, at, actor, event, payload, prev_hash, hash) of one audit entry, as stored."""


class BackupUnreadable(Exception):
    """The file is not a SQLite database the program can read (the reason, from SQLite)."""


@dataclass(frozen=True)
class BackupContents:
    intact: bool
    """SQLite's integrity check passed (nothing else is read from a file that fails it)."""
    setup: tuple[str, str] | None = None
    """(setup JSON, created at) of its meeting; None when it holds none."""
    entries: tuple[StoredEntry, ...] = ()
    forms: int = 0
    """Current forms (tallies) it holds."""


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while another connection writes."""
    origin, destination = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(destination)
    finally:
        destination.close()
        origin.close()


def read_backup(path: Path) -> BackupContents:
    """A backup's meeting, audit chain and form count, opened read-only."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return _contents(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupUnreadable(str(error)) from None


def _contents(connection: sqlite3.Connection) -> BackupContents:
    if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
        return BackupContents(intact=False)
    setup = connection.execute("SELECT setup_json, created_at FROM meeting").fetchone()
    if setup is None:
        return BackupContents(intact=True)
    entries = connection.execute(
        "SELECT id, at, actor, event, payload, prev_hash, hash FROM audit_entry ORDER BY id"
    ).fetchall()
    forms = connection.execute("SELECT count(*) FROM tally WHERE is_current").fetchone()[0]
    return BackupContents(True, (setup[0], setup[1]), tuple(entries), int(forms))


def meeting_identity(engine: Engine) -> tuple[str, str] | None:
    """(setup JSON, created at) of the live meeting; None when it holds none or cannot be read
    (damaged)."""
    try:
        with Session(engine) as session:
            row = session.execute(select(MeetingRow.setup_json, MeetingRow.created_at)).first()
    except SQLAlchemyError:
        return None
    return (row[0], row[1]) if row is not None else None


def first_entry_hash(engine: Engine) -> str:
    """The hash of the live chain's first entry ("" when it has none or cannot be read)."""
    try:
        with Session(engine) as session:
            first = session.get(AuditEntryRow, 1)
    except SQLAlchemyError:
        return ""
    return first.hash if first is not None else ""
