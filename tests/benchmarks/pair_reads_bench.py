"""Reads of one pair per correction, the cockpit's comparison and the live projector following it:
shared read model against every screen reading for itself, in the same run (the scenario is the
test's: tests/gui/comparison/pair_reads.py). Used by ``run.py`` (``bench_pair_reads``)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.comparison.pair_reads import CorrectionRun, correction_reads  # noqa: E402

UNITS = 20


def measure_pair_reads(units: int = UNITS) -> tuple[CorrectionRun, CorrectionRun]:
    """(shared, each screen reading for itself): one correction in each of ``units`` kecamatan."""
    with tempfile.TemporaryDirectory(prefix="bench-baca-pasangan-") as folder:
        shared = correction_reads(Path(folder) / "bersama", units, shared=True)
        each = correction_reads(Path(folder) / "sendiri", units, shared=False)
    return shared, each
