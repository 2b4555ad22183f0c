"""A second station sees a change committed by the first within a second."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from rekap_desktop.gui.station_watch import OTHER_STATION, StationWatcher
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


def test_the_other_station_sees_a_committed_change_within_a_second(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN two stations on one database, the second watching
    db = str(tmp_path / "shared.sqlite")
    first = PlenoService(open_engine(db))
    first.create_from_setup_file(write_setup(tmp_path))
    second = PlenoService(open_engine(db))
    seen: list[Change] = []
    second.bus.subscribe(seen.append)
    watcher = StationWatcher(second)
    # WHEN the first station imports forms
    first.import_tally_file(write_tallies(tmp_path))
    # THEN the second announces it within one second and shows the committed values
    qtbot.waitUntil(lambda: [c.what for c in seen] == [OTHER_STATION], timeout=1000)
    assert second.tallies()[("walikota", "990102", "ppk")].value("suara_02") == 690
    # AND its own changes are not announced twice
    second.import_tally_file(write_tallies(tmp_path, name="again.csv"))
    qtbot.wait(900)
    assert [c.what for c in seen] == [OTHER_STATION, "tallies_imported"]
    watcher.stop()
