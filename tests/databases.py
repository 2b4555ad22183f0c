"""The databases the storage and service suites run against: SQLite always, PostgreSQL when CI (or
a developer) gives a server URL in REKAP_TEST_POSTGRES_URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_ENV = "REKAP_TEST_POSTGRES_URL"


def postgres_schema_url() -> Iterator[str]:
    """A fresh, empty schema on the PostgreSQL server, dropped afterwards."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"tidak ada server PostgreSQL: setel {POSTGRES_ENV} (CI menyetelnya)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def database_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "pleno.sqlite")
    else:
        yield from postgres_schema_url()
