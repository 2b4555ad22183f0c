from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from rekap_desktop.storage.engine import database_url, open_engine


def test_sqlite_file_is_durable_and_migrated(tmp_path: Path) -> None:
    # GIVEN a path to a database that does not exist yet
    path = tmp_path / "sub" / "pleno.sqlite"
    # WHEN it is opened
    engine = open_engine(str(path))
    # THEN it is created with WAL, synchronous=FULL and foreign keys, at the newest schema
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        versions = {
            r[0] for r in connection.execute(text("SELECT version_num FROM alembic_version"))
        }
        assert versions == _heads()
    engine.dispose()
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"meeting", "tally", "tally_value", "audit_entry", "incident", "import_batch"} <= tables


def test_reopening_keeps_the_schema(tmp_path: Path) -> None:
    # GIVEN a migrated database
    path = tmp_path / "pleno.sqlite"
    open_engine(str(path)).dispose()
    # WHEN it is opened again THEN the migration is a no-op and the schema is unchanged
    engine = open_engine(str(path))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == len(
            _heads()
        )


def test_db_argument_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert (
        database_url("postgresql+psycopg://u:p@127.0.0.1/x")
        == "postgresql+psycopg://u:p@127.0.0.1/x"
    )
    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url(None).startswith("sqlite:///")


def _heads() -> set[str]:
    from alembic.script import ScriptDirectory

    from rekap_desktop.storage.migrate import alembic_config

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())
