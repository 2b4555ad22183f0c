"""How long the GUI thread stops answering while an action runs.

A QTimer on the GUI thread ticks every few milliseconds; the longest gap between two ticks (and
from the last tick to the end of the measurement) is the longest stall of the event loop. A
synchronous action inside the ``with`` block counts whole, since no tick can fire during it; an
action that runs off the GUI thread is waited for inside the block (``qtbot.waitUntil``), and
only the GUI thread's share shows.

Timings on a shared CI machine are noisy, so tests never bound ``longest_ms``: the benchmark
(tests/benchmarks/gui_stalls.py) measures it. A test asks instead whether the loop turned at all
while a slow call ran (``turned_during``): it cannot while that call holds the GUI thread, and
does, however loaded the machine, while the call runs on a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QTimer

TICK_MS = 5
T = TypeVar("T")


class StallMeter:
    """``with StallMeter() as meter: …``; then ``meter.longest_ms``."""

    def __init__(self, tick_ms: int = TICK_MS) -> None:
        self._timer = QTimer()
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.ticks = 0
        self.turns_during: list[int] = []

    def __enter__(self) -> StallMeter:
        self.longest_ms, self.ticks = 0.0, 0
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def turned_during(self, call: Callable[[], T]) -> T:
        """Run ``call`` (from any thread) and note whether the event loop turned meanwhile."""
        before = self.ticks
        try:
            return call()
        finally:
            self.turns_during.append(self.ticks - before)

    def answered_throughout(self) -> bool:
        """Every slow call so far ran while the event loop kept turning."""
        return bool(self.turns_during) and min(self.turns_during) > 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self._tick()
        self._timer.stop()
