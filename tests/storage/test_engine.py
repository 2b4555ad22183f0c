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


def test_the_quick_check_reads_the_same_heads_as_alembic() -> None:
    from rekap_desktop.storage.migrate import script_heads

    assert script_heads() == _heads()


def test_only_a_database_at_every_head_skips_alembic(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from rekap_desktop.storage.migrate import is_current

    # GIVEN an empty database THEN it is not current (Alembic creates the schema)
    empty = create_engine(f"sqlite:///{tmp_path / 'leeg.sqlite'}")
    assert not is_current(empty)
    # GIVEN a migrated database THEN it is current
    engine = open_engine(str(tmp_path / "pleno.sqlite"))
    assert is_current(engine)
    # WHEN one branch is recorded at an older revision THEN it is not current any more
    newest = sorted(_heads())[-1]
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE alembic_version SET version_num = '0001' WHERE version_num = :v"),
            {"v": newest},
        )
    assert not is_current(engine)
    engine.dispose()
