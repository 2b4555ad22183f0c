"""The pure core stays pure: ``domain`` and ``text`` never pull in Qt, SQLAlchemy, ReportLab …

The GUI, storage and documents depend on the core, never the other way round, so that the rules and
the recapitulation can be tested and reused without a display or a database.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import rekap_desktop

PACKAGE_DIR = Path(rekap_desktop.__file__).parent
PURE_PACKAGES = ("domain", "text")
HEAVY_LIBRARIES = ("PySide6", "sqlalchemy", "reportlab", "pyqtgraph", "alembic", "openpyxl")
ALLOWED_OWN_PREFIXES = ("rekap_desktop.domain", "rekap_desktop.text")


def pure_files() -> list[Path]:
    return sorted(f for pkg in PURE_PACKAGES for f in (PACKAGE_DIR / pkg).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imported_modules(source: str, package: str) -> list[str]:
    """Absolute names of the modules ``source`` imports; relative ones resolved in ``package``."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                names.append(".".join([*base, node.module] if node.module else base))
            else:
                names.append(node.module or "")
    return names


def is_allowed(name: str) -> bool:
    top = name.split(".")[0]
    if top in sys.stdlib_module_names or top == "__future__":
        return True
    return any(name == p or name.startswith(p + ".") for p in ALLOWED_OWN_PREFIXES)


def test_pure_packages_have_modules() -> None:
    # GIVEN the package directories of the pure core
    # WHEN they are listed
    names = {module_name(f) for f in pure_files()}

    # THEN the modules this test guards are really there (the test cannot pass vacuously)
    assert {
        "rekap_desktop.domain",
        "rekap_desktop.domain.election",
        "rekap_desktop.domain.tally",
        "rekap_desktop.domain.sources",
        "rekap_desktop.domain.rules",
        "rekap_desktop.domain.comparison",
        "rekap_desktop.domain.recap",
        "rekap_desktop.text",
        "rekap_desktop.text.numbers",
        "rekap_desktop.text.fields",
    } <= names


def test_importing_the_pure_core_loads_no_heavy_library() -> None:
    # GIVEN a fresh interpreter, so nothing the test runner loaded can hide a dependency
    modules = sorted(module_name(f) for f in pure_files())
    script = (
        "import importlib, json, sys\n"
        "import rekap_desktop.domain\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in {list(HEAVY_LIBRARIES)!r} if m in sys.modules)))\n"
    )

    # WHEN it imports rekap_desktop.domain and every module under domain/ and text/
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE_DIR.parent,
        timeout=120,
    )

    # THEN the imports succeed and none of the heavy libraries was loaded
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_pure_core_imports_only_stdlib_and_itself() -> None:
    # GIVEN every source file of domain/ and text/
    # WHEN their import statements are read (statically, with ast)
    offending = {
        f"{module_name(f)} imports {name}"
        for f in pure_files()
        for name in imported_modules(f.read_text(encoding="utf-8"), package_of(f))
        if not is_allowed(name)
    }

    # THEN each one names only the standard library, rekap_desktop.domain or rekap_desktop.text
    assert offending == set()


def test_the_static_check_notices_a_forbidden_import() -> None:
    # GIVEN a module in rekap_desktop.domain importing json, Qt, storage (relative) and a sibling
    source = "\n".join(
        ["import json", "from PySide6 import QtCore", "from ..storage import db", "from . import x"]
    )

    # WHEN its imports are classified
    verdicts = [(n, is_allowed(n)) for n in imported_modules(source, "rekap_desktop.domain")]

    # THEN json and the sibling module are allowed, Qt and storage are refused
    assert verdicts == [
        ("json", True),
        ("PySide6", False),
        ("rekap_desktop.storage", False),
        ("rekap_desktop.domain", True),
    ]
