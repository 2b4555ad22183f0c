"""Test-wide set-up.

Qt runs offscreen unless a test asks for a real X window: the suite must pass on a machine with no
display (CI), and no test may open a window on a developer's screen.
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from tests.databases import database_url  # noqa: E402

# No automatic cyclic garbage collection in the test process: it runs on whichever thread
# allocates, a worker verifying the audit chain included, and a cycle holding a closed window
# was freed there, from the wrong thread (a segmentation fault "Garbage-collecting"). The
# program collects on its GUI thread (gui/heap.py); tests collect between tests, below.
gc.disable()

# No wall-clock deadline on generated examples: on a loaded 2-core machine a slow example is
# not a failure (the benchmarks measure speed). A test's own @settings still sets its count.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(autouse=True, scope="session")
def installation_key_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The installation key is created on first use: tests keep it in a folder of their own,
    never in the user data folder of whoever runs them (a test may still set its own)."""
    folder = str(tmp_path_factory.mktemp("kunci-instalasi"))
    before = os.environ.get("REKAP_KEY_DIR")
    os.environ["REKAP_KEY_DIR"] = folder
    yield folder
    if before is None:
        os.environ.pop("REKAP_KEY_DIR", None)
    else:
        os.environ["REKAP_KEY_DIR"] = before


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh database for one test: SQLite, and PostgreSQL when a server URL is given."""
    yield from database_url(request.param, tmp_path_factory.mktemp("db"))


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    """Windows, dialogs and hubs a test left behind are destroyed between tests, when no event
    is being handled: left to Python's collector, a cycle holding a Qt object could be freed in
    the middle of a later test's key press, while Qt still points at it."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    if not _SCREENS:
        _SCREENS.extend(app.screens())
    app.processEvents()
    gc.collect()
    app.processEvents()
    # What survived is left out of later collections: each then looks only at what one test
    # made (a full collection over the whole run's heap cost ~0.1 s a test, 3–4 minutes a run).
    gc.freeze()


_SCREENS: list[object] = []
"""The application's screens, held for the whole run. In a full run a screen's Python wrapper
was found owned by Python and collected in a cycle, which deleted the screen Qt still lists
(a later window then crashed in QScreen::virtualSiblings): screens belong to Qt, never to a
test's garbage. How the wrapper came to own its screen is not known yet."""
