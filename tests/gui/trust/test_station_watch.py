"""A second station sees a change committed by the first within a second: values, and the
procedure's step, skors and penetapan."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.station_watch import OTHER_STATION, StationWatcher
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import SETUP, write_setup, write_tallies
from tests.meetings import cockpit_meeting, cockpit_window
from tests.penetapan import determine_meeting


def test_the_other_station_sees_a_committed_change_within_a_second(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN two stations on one database, the second watching
    db = str(tmp_path / "shared.sqlite")
    first = PlenoService(open_engine(db))
    first.create_from_setup_file(write_setup(tmp_path))
    second = PlenoService(open_engine(db))
    seen: list[Change] = []
    meeting = cockpit_meeting(second)
    meeting.hub.changed.connect(seen.extend)
    watcher = StationWatcher(meeting)
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


def _cockpit(db: str, actor: str) -> tuple[MainWindow, StationWatcher]:
    service = PlenoService(open_engine(db), actor=actor)
    window = cockpit_window(service)
    return window, StationWatcher(window.meeting, window)


def _shown(window: MainWindow) -> tuple[Stop, bool, bool, QWidget | None]:
    state = window.procedure.state()
    return state.current, state.paused, state.determined, window.stack.currentWidget()


def _determined(window: MainWindow) -> bool:
    return _shown(window)[:3] == (Stop(DETERMINATION), False, True)


def test_two_cockpits_show_the_same_step_skors_and_penetapan_within_a_second(
    qtbot: QtBot, tmp_path: Path, db_url: str
) -> None:
    # GIVEN two cockpits on one database (SQLite, and PostgreSQL when a server is given)
    db = db_url
    setup = PlenoService(open_engine(db))
    setup_file = tmp_path / "pleno-anggota.json"
    setup_file.write_text(
        json.dumps({**SETUP, "anggota": [{"nama": "Ketua Uji", "jabatan": "Ketua"}]}),
        encoding="utf-8",
    )
    setup.create_from_setup_file(setup_file)
    setup.import_tally_file(write_tallies(tmp_path))
    a, watch_a = _cockpit(db, "Operator A")
    b, watch_b = _cockpit(db, "Operator B")
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    # WHEN B goes to the next item THEN A shows item 2 within a second
    b.go_next()
    qtbot.waitUntil(lambda: _shown(a) == (Stop("2"), False, False, a.agenda["2"]), timeout=1000)
    # WHEN A declares a skors THEN B shows it within a second, and B's P lifts it
    a.procedure.pause("istirahat")
    qtbot.waitUntil(lambda: _shown(b)[1] is True, timeout=1000)
    assert b.panel.position.text().endswith(" — DISKORS")
    b.toggle_pause()
    qtbot.waitUntil(lambda: _shown(a)[1] is False, timeout=1000)
    # WHEN a third service stack takes the meeting to penetapan THEN both show it determined
    determine_meeting(PlenoService(open_engine(db), actor="Operator C"))
    for window in (a, b):
        qtbot.waitUntil(partial(_determined, window), timeout=1000)
        assert window.stack.currentWidget() is window.agenda[DETERMINATION]
        assert window.panel.position.text().endswith(" — DITETAPKAN")
    watch_a.stop()
    watch_b.stop()
    for window in (a, b):
        window.close()
        window.service.engine.dispose()


def test_a_move_of_the_other_station_is_not_hidden_by_an_own_change_made_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN two cockpits on one database; B watches, but has not looked yet
    db = str(tmp_path / "shared.sqlite")
    PlenoService(open_engine(db)).create_from_setup_file(write_setup(tmp_path))
    a, watch_a = _cockpit(db, "Operator A")
    b, watch_b = _cockpit(db, "Operator B")
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    watch_a.stop()
    # WHEN A moves to item 2 and, before B's next look, B saves a change of its own
    a.go_next()
    b.service.import_tally_file(write_tallies(tmp_path))
    # THEN B still follows A's move within a second
    qtbot.waitUntil(lambda: _shown(b)[0] == Stop("2"), timeout=1000)
    assert b.stack.currentWidget() is b.agenda["2"]
    watch_b.stop()


def test_a_step_taken_elsewhere_while_the_cockpit_opens_is_not_lost(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN station 2 whose cockpit read the procedure at item 1, the chain's head noted before
    db = str(tmp_path / "shared.sqlite")
    first = PlenoService(open_engine(db), actor="Meja 1")
    first.create_from_setup_file(write_setup(tmp_path))
    second = PlenoService(open_engine(db), actor="Meja 2")
    head_before_reading = second.audit_head()
    window = cockpit_window(second)
    qtbot.addWidget(window)
    assert window.procedure.state().current.item == "1"
    # WHEN station 1 takes a step before station 2's watcher starts
    ProcedureService(first).next()
    watcher = StationWatcher(window.meeting, window, since=head_before_reading)
    # THEN station 2 follows at its first look
    qtbot.waitUntil(lambda: window.procedure.state().current.item == "2", timeout=2000)
    watcher.stop()
