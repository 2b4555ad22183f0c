"""Opening the database: a SQLite file (WAL, synchronous=FULL) or any SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The embedded database's dialect is loaded with this module, not by the first create_engine:
# the program loads storage before PySide6, which makes every import after it slower.
import sqlalchemy.dialects.sqlite  # noqa: F401
from sqlalchemy import Engine, create_engine, event

APP_NAME = "rekap-desktop"


def default_database_path() -> Path:
    """The SQLite file in the user data directory (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True) / "rekap.sqlite"


def database_url(db: str | None) -> str:
    """``--db`` as given: a SQLAlchemy URL, a file path, or None for the default file."""
    if db is None:
        return f"sqlite:///{default_database_path()}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def open_engine(db: str | None) -> Engine:
    """An engine for ``--db``, with the database migrated to the current schema.

    A SQLite file is checked read-only first: a damaged one raises ``DamagedDatabase`` before
    any migration or write touches it."""
    from rekap_desktop.storage.file_check import check_database_file
    from rekap_desktop.storage.migrate import upgrade

    url = database_url(db)
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            check_database_file(Path(path))
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    upgrade(engine)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Durability over speed: a power cut must never lose an acknowledged action.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    # Every commit also copies the log into the file (without waiting for any reader): the file
    # alone, copied to a flashdisk during a skors, then holds the meeting up to that moment.
    cursor.execute("PRAGMA wal_autocheckpoint=1")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Another station or process holding the write lock: wait a little before giving up.
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def close_engine(engine: Engine) -> None:
    """Every pooled connection closed when the program ends; the last connection to a SQLite
    file removes its log, leaving the one file (each commit has already copied the log into
    it). The window keeps what it made for the whole meeting out of the collector's reach:
    without this its connections were never closed."""
    engine.dispose()
