"""Python's cyclic garbage collector, kept from pausing the window: a full collection scans every
object alive and holds the interpreter meanwhile, which the GUI thread felt as stalls of a tenth
of a second once the cockpit and the forms were loaded."""

from __future__ import annotations

import gc


def settle() -> None:
    """Move what is alive now (modules, classes, the cockpit's widgets, loaded forms: kept all
    meeting long) out of the collector's sight, so later collections scan only what the meeting
    makes afterwards."""
    gc.freeze()
