"""Test-wide set-up.

Qt runs offscreen unless a test asks for a real X window: the suite must pass on a machine with no
display (CI), and no test may open a window on a developer's screen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from tests.databases import database_url  # noqa: E402


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh database for one test: SQLite, and PostgreSQL when a server URL is given."""
    yield from database_url(request.param, tmp_path_factory.mktemp("db"))
