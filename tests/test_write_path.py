"""One write path: everything the program writes goes through ``storage.unit_of_work.write``.

Read from the source (quick, no database): outside the unit of work nothing appends to the audit
chain (``audit.append``); outside ``storage/`` nothing opens a session (``Session(...)``), begins
or commits a transaction; no service imports SQLAlchemy (its SQL lives in ``storage/``) or
announces a change itself (changes are published by the unit of work after its commit).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import rekap_desktop

PACKAGE_DIR = Path(rekap_desktop.__file__).parent
ROOT = PACKAGE_DIR.parent

AUDIT_APPEND = "audit.append outside the unit of work"
TRANSACTION = "session, begin or commit outside storage/"
SQLALCHEMY = "a service imports SQLAlchemy"
ANNOUNCE = "a service announces a change itself"

APPEND_ALLOWED = frozenset(
    {
        "rekap_desktop/storage/audit.py",  # where the append is defined
        "rekap_desktop/storage/unit_of_work.py",  # Write.audit, the only caller
    }
)
MIGRATIONS = "rekap_desktop/storage/migrations/"
"""A migration appends inside the upgrade's own transaction, before any station writes."""
ANNOUNCE_ALLOWED = frozenset({"rekap_desktop/services/events.py"})  # the bus itself

NOT_YET_CONVERTED = frozenset({})


@dataclass(frozen=True)
class Violation:
    where: str
    line: int
    rule: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.rule}"


class _Finder(ast.NodeVisitor):
    def __init__(self, where: str) -> None:
        self.where = where
        self.found: list[Violation] = []
        self.in_storage = where.startswith("rekap_desktop/storage/")
        self.in_services = where.startswith("rekap_desktop/services/")
        self.append_names: set[str] = set()
        """Local names bound to storage.audit's append (``from … import append as add``)."""

    def _may_append(self) -> bool:
        return self.where in APPEND_ALLOWED or self.where.startswith(MIGRATIONS)

    def _note(self, node: ast.AST, rule: str) -> None:
        self.found.append(Violation(self.where, getattr(node, "lineno", 0), rule))

    def visit_Import(self, node: ast.Import) -> None:
        if self.in_services and any(_is_sqlalchemy(a.name) for a in node.names):
            self._note(node, SQLALCHEMY)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if self.in_services and _is_sqlalchemy(module):
            self._note(node, SQLALCHEMY)
        if module == "rekap_desktop.storage.audit":
            self.append_names |= {a.asname or a.name for a in node.names if a.name == "append"}

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        if isinstance(function, ast.Attribute):
            self._attribute_call(node, function)
        elif isinstance(function, ast.Name):
            if function.id in self.append_names and not self._may_append():
                self._note(node, AUDIT_APPEND)
            if function.id == "Session" and not self.in_storage:
                self._note(node, TRANSACTION)
        self.generic_visit(node)

    def _attribute_call(self, node: ast.Call, function: ast.Attribute) -> None:
        owner = function.value
        owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if function.attr == "append" and owner_name == "audit":
            if not self._may_append():
                self._note(node, AUDIT_APPEND)
        elif function.attr in ("commit", "begin") and not node.args and not self.in_storage:
            # Without arguments: QPainter.begin(printer) is not a transaction.
            self._note(node, TRANSACTION)
        elif function.attr == "Session" and not self.in_storage:
            self._note(node, TRANSACTION)  # orm.Session(engine)
        elif (
            function.attr == "announce" and self.in_services and self.where not in ANNOUNCE_ALLOWED
        ):
            self._note(node, ANNOUNCE)


def _is_sqlalchemy(module: str) -> bool:
    return module == "sqlalchemy" or module.startswith("sqlalchemy.")


def violations(source: str, where: str) -> list[Violation]:
    """What ``source`` (the module at ``where``, relative to the repository) breaks."""
    finder = _Finder(where)
    finder.visit(ast.parse(source))
    return finder.found


def _modules() -> dict[str, Path]:
    return {path.relative_to(ROOT).as_posix(): path for path in PACKAGE_DIR.rglob("*.py")}


def _violations_of(where: str, path: Path) -> list[Violation]:
    return violations(path.read_text(encoding="utf-8"), where)


def test_everything_writes_through_the_unit_of_work() -> None:
    found = [
        v
        for where, path in sorted(_modules().items())
        if where not in NOT_YET_CONVERTED
        for v in _violations_of(where, path)
    ]
    assert not found, "\n".join(map(str, found))


def test_the_exemptions_are_still_needed() -> None:
    modules = _modules()
    stale = [w for w in sorted(NOT_YET_CONVERTED) if w not in modules]
    stale += [
        w for w in sorted(NOT_YET_CONVERTED) if w in modules and not _violations_of(w, modules[w])
    ]
    assert not stale, f"remove from NOT_YET_CONVERTED (moved or converted): {stale}"


PLANTED = [
    (
        "rekap_desktop/services/any.py",
        "from rekap_desktop.storage import audit\n"
        "def f(session):\n    audit.append(session, 'x', 'e', {})\n",
        AUDIT_APPEND,
    ),
    (
        "rekap_desktop/gui/any.py",
        "from rekap_desktop.storage.audit import append as add\n"
        "def f(session):\n    add(session, 'x', 'e', {})\n",
        AUDIT_APPEND,
    ),
    (
        "rekap_desktop/storage/meeting_store.py",  # storage too: only the unit appends
        "from rekap_desktop.storage import audit\n"
        "def f(session):\n    audit.append(session, 'x', 'e', {})\n",
        AUDIT_APPEND,
    ),
    (
        "rekap_desktop/services/any.py",
        "from rekap_desktop.storage.unit_of_work import Session\n"
        "def f(engine):\n    with Session(engine) as s:\n        pass\n",
        TRANSACTION,
    ),
    (
        "rekap_desktop/cli_any.py",
        "def f(session):\n    with session.begin():\n        pass\n",
        TRANSACTION,
    ),
    ("rekap_desktop/gui/any.py", "def f(session):\n    session.commit()\n", TRANSACTION),
    ("rekap_desktop/app.py", "def f(engine):\n    engine.begin()\n", TRANSACTION),
    ("rekap_desktop/services/any.py", "from sqlalchemy import select\n", SQLALCHEMY),
    ("rekap_desktop/services/any.py", "import sqlalchemy.orm\n", SQLALCHEMY),
    ("rekap_desktop/services/any.py", "def f(self, c):\n    self.bus.announce(c)\n", ANNOUNCE),
]


@pytest.mark.parametrize(("where", "source", "rule"), PLANTED)
def test_a_planted_violation_is_caught(where: str, source: str, rule: str) -> None:
    assert [v.rule for v in violations(source, where)] == [rule]


def test_the_unit_of_work_and_storage_may_do_what_they_are_for() -> None:
    unit = "rekap_desktop/storage/unit_of_work.py"
    assert not violations("def f(w, s):\n    audit.append(s, 'x', 'e', {})\n", unit)
    assert not violations(
        "from sqlalchemy.orm import Session\ndef f(e):\n    with Session(e) as s, s.begin():\n"
        "        s.commit()\n",
        "rekap_desktop/storage/any_store.py",
    )
    writing = (
        "from rekap_desktop.storage.unit_of_work import write\n"
        "def f(engine, bus):\n    with write(engine, 'x', bus) as w:\n"
        "        w.audit('e', {})\n"
    )
    assert not violations(writing, "rekap_desktop/services/any.py")
    painting = "def f(painter, printer):\n    painter.begin(printer)\n"
    assert not violations(painting, "rekap_desktop/gui/any.py")
    migration = "from rekap_desktop.storage import audit\ndef upgrade(s):\n    audit.append(s)\n"
    assert not violations(migration, MIGRATIONS + "versions/0099_any.py")
