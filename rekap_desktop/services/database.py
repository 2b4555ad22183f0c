"""The meeting's database as the faces open it: the window, the command line and the composition
root name a file or a URL (``--db``) and get an engine to hand to the services; they never import
storage or SQLAlchemy themselves."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.storage.engine import close_engine, default_database_path, open_engine
from rekap_desktop.storage.unit_of_work import Engine

__all__ = ["Engine", "close_database", "default_backup_folder", "open_database"]


def open_database(db: str | None) -> Engine:
    """An engine for ``--db`` (a URL, a file path, or None for the default file), the schema
    brought up to date; a damaged SQLite file raises ``DamagedDatabase`` before anything opens
    it for writing."""
    return open_engine(db)


def close_database(engine: Engine) -> None:
    """When the program ends: the file holds the whole meeting by itself, every connection is
    closed."""
    close_engine(engine)


def default_backup_folder() -> Path:
    """Where automatic backups go until the user chooses a folder: beside the default file."""
    return default_database_path().parent / "cadangan"
