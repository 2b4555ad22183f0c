"""One read of a pair per correction, shared by the cockpit's comparison and the projector."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.comparison.pair_reads import correction_reads


def test_a_correction_is_read_once_for_the_cockpit_and_the_projector(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the comparison and the live projector on the same kecamatan × contest, following
    # every published change as the cockpit wires them
    # WHEN a correction is committed in each of three kecamatan
    shared = correction_reads(tmp_path / "bersama", 3, shared=True)
    # THEN each correction read its pair once for both screens (and both showed it: the run
    # waits until the live projector shows the settled row)
    assert shared.reads == [1, 1, 1]


def test_every_screen_reading_for_itself_reads_the_pair_several_times(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the same screens, each reading the pair for itself (the benchmark's baseline)
    # WHEN a correction is committed
    each = correction_reads(tmp_path / "sendiri", 1, shared=False)
    # THEN the pair is read once per rebuild: what the shared read model saves
    assert each.reads[0] >= 3
