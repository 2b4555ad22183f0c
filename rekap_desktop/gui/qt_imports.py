"""Imports after PySide6 at the speed of imports before it.

Loading PySide6 puts its ``__feature__`` hook in front of Python's import: from then on every
import statement asks it whether ``from __feature__ import snake_case`` was meant, and every
newly imported module has its source file read and searched for "PySide6". That made each
module imported after PySide6 about 0.8 ms slower: 80 ms for SQLAlchemy, and as much again for
the cockpit's own modules, ReportLab and pyqtgraph when they load. The program never selects a
PySide feature (snake_case, true_property), so the hook is taken out again; PySide6's own lazy
import, which it wraps, stays in place.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401 (installs the hook this module takes out)

FEATURE_HOOK = "__feature_import__"
WRAPPED_IMPORT = "__orig_import__"


def skip_feature_import_hook() -> bool:
    """Put back the import that PySide6's feature hook wraps; True when the hook was there."""
    hook = getattr(builtins, FEATURE_HOOK, None)
    wrapped = getattr(builtins, WRAPPED_IMPORT, None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True
