"""What is alive when the cockpit has loaded is kept out of the garbage collector's scans."""

from __future__ import annotations

import gc

from rekap_desktop.gui import heap


def test_settling_moves_what_is_alive_out_of_the_collectors_sight() -> None:
    kept = [object() for _ in range(1000)]
    try:
        heap.settle()
        assert gc.get_freeze_count() >= len(kept)
        tracked = {id(o) for o in gc.get_objects()}
        assert id(kept) not in tracked  # a frozen list is no longer scanned by collections
    finally:
        gc.unfreeze()
