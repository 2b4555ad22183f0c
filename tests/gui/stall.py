"""How long the GUI thread stops answering while an action runs.

A QTimer on the GUI thread ticks every few milliseconds; the longest gap between two ticks (and
from the last tick to the end of the measurement) is the longest stall of the event loop. A
synchronous action inside the ``with`` block counts whole, since no tick can fire during it; an
action that runs off the GUI thread is waited for inside the block (``qtbot.waitUntil``), and
only the GUI thread's share shows.

Timings on a shared CI machine are noisy: tests use this with the heavy work made artificially
slow (monkeypatched) and a generous bound, never as an absolute figure on real work.
"""

from __future__ import annotations

import time
from types import TracebackType

from PySide6.QtCore import QTimer

TICK_MS = 5


class StallMeter:
    """``with StallMeter() as meter: …``; then ``meter.longest_ms``."""

    def __init__(self, tick_ms: int = TICK_MS) -> None:
        self._timer = QTimer()
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.ticks = 0

    def __enter__(self) -> StallMeter:
        self.longest_ms, self.ticks = 0.0, 0
        self._last = time.perf_counter()
        self._timer.start()
        return self

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
