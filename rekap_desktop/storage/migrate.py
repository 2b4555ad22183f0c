"""Alembic migrations shipped inside the package, applied automatically at start.

Alembic itself is loaded only when there is something to migrate: a database whose recorded
revisions are exactly the newest revision of every branch is opened without it (start-up time).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to every newest revision (no-op when it already is).

    Features add migrations on their own branches from the initial revision; "heads" applies all.
    """
    if is_current(engine):
        return
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def script_heads() -> frozenset[str]:
    """The newest revision of every branch, read from the scripts' ``revision`` and
    ``down_revision`` assignments (the same values Alembic reads, without importing them)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in VERSIONS.glob("*.py"):
        if script.name.startswith(("__init__", ".#")):  # files Alembic itself skips
            continue
        values = _assignments(script)
        revision = values.get("revision")
        if not isinstance(revision, str):
            return frozenset()  # a script this reader does not understand: ask Alembic
        revisions.add(revision)
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(d for d in down if isinstance(d, str))
    return frozenset(revisions - parents)


def is_current(engine: Engine) -> bool:
    """True when the database records exactly the scripts' heads; anything else (no table, an
    older or unknown revision, a script this check cannot read) leaves the decision to Alembic."""
    heads = script_heads()
    if not heads:
        return False
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return frozenset(stamped) == heads


def _assignments(script: Path) -> dict[str, object]:
    values: dict[str, object] = {}
    tree = ast.parse(script.read_text(encoding="utf-8"), str(script))
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            try:
                values[target.id] = ast.literal_eval(value)
            except ValueError:
                values[target.id] = None
    return values
