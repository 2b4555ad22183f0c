"""documents/ is pure: data in, PDF out. It never reaches the database, Qt or the services (the
ground floor, domain/, it may use: the paper sizes are named there)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import rekap_desktop

DOCUMENTS = Path(rekap_desktop.__file__).parent / "documents"
ALLOWED_OWN = (
    "rekap_desktop.documents",
    "rekap_desktop.domain",
    "rekap_desktop.text",
    "rekap_desktop.resources",
)


def imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def test_documents_import_only_reportlab_text_and_the_standard_library() -> None:
    # GIVEN every module of documents/
    files = sorted(DOCUMENTS.glob("*.py"))
    assert len(files) >= 8
    # WHEN their imports are read THEN none reaches storage, services, gui or another library
    wrong = [
        f"{path.name}: {name}"
        for path in files
        for name in imports(path)
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] not in ("__future__", "reportlab")
        and not name.startswith(ALLOWED_OWN)
    ]
    assert wrong == []
