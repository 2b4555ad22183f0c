"""What is alive when the cockpit has loaded is kept out of the garbage collector's scans, and
cyclic garbage is collected on the GUI thread, never on a worker's."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

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


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(qapp: object) -> None:
    # GIVEN the GUI thread's collector (the automatic one switched off)
    was_enabled = gc.isenabled()
    owner = QObject()
    threads: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        collector = heap.GuiThreadCollector(owner)
        # WHEN a worker thread makes far more cyclic garbage than a collection's threshold
        worker = threading.Thread(target=_make_cycles, name="pekerja")
        worker.start()
        worker.join()
        # THEN no collection ran there
        assert threads == []
        # AND the GUI thread's look at the counts collects it
        assert collector.collect_due() > 0
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
        owner.deleteLater()
        if was_enabled:
            gc.enable()


def _make_cycles() -> None:
    for _ in range(5 * gc.get_threshold()[0]):
        cycle: list[object] = []
        cycle.append(cycle)
