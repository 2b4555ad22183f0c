"""The program started as a user starts it, in a process of its own, that ends once its cockpit
has painted (``REKAP_EXIT_WHEN_SHOWN``, as the start-up benchmark uses it): offscreen, with the
settings and data folders of a throw-away user under ``home``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def run_until_shown(args: Sequence[str], home: Path) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` (``-m rekap_desktop …`` or ``-c SCRIPT``) run to its end."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REKAP_EXIT_WHEN_SHOWN="1",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120
    )
