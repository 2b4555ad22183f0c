"""Python's cyclic garbage collector in a Qt program.

- Kept from pausing the window: a full collection scans every object alive and holds the
  interpreter meanwhile, which the GUI thread felt as stalls of a tenth of a second once the
  cockpit and the forms were loaded (:func:`settle`).
- Run on the GUI thread only: a collection runs on whichever thread happens to allocate when
  the counts pass their thresholds — the worker that verifies the audit chain, an import, a
  print. A window closed while still in a reference cycle (a widget and a helper holding each
  other) was then deleted there, from the wrong thread, and the program crashed (seen as a
  segmentation fault "Garbage-collecting" in ``audit_status._verify``). So the automatic
  collector is switched off and the GUI thread collects on a timer, by the same thresholds
  (:func:`collect_on_gui_thread`; the pattern of pyqtgraph's and OpenCue's GarbageCollector).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
"""How often the GUI thread looks at the collector's counts: often enough that cyclic garbage
never piles up, rarely enough to cost nothing (a look is three integer comparisons)."""
_INSTALLED = "rekapGuiThreadCollector"


def settle() -> None:
    """Move what is alive now (modules, classes, the cockpit's widgets, loaded forms: kept all
    meeting long) out of the collector's sight, so later collections scan only what the meeting
    makes afterwards."""
    gc.freeze()


class GuiThreadCollector(QObject):
    """Collects, on the thread it lives on, each generation whose count passed its threshold."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(INTERVAL_MS)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (with the younger
        ones), as the automatic collector would; the number of unreachable objects found."""
        counts = gc.get_count()
        due = [g for g in range(3) if counts[g] > self.thresholds[g]]
        return gc.collect(max(due)) if due else 0


def collect_on_gui_thread() -> None:
    """From now on, cyclic garbage is collected by the application's (GUI) thread only, between
    events; once per application. The program asks once its cockpit is shown (gui.application);
    the test harness instead collects between tests (tests/conftest.py)."""
    app = QCoreApplication.instance()
    if app is None or app.property(_INSTALLED):
        return
    app.setProperty(_INSTALLED, True)
    GuiThreadCollector(app)
