"""Two stations (two service stacks, each with its own engine) on one database follow each other's
procedure: the step, the skors and the penetapan lock; a move made at a station that has not yet
seen the other's move is refused with where the meeting now is, never applied twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.procedure import Stop
from rekap_desktop.services.events import OTHER_STATION, Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


@pytest.fixture
def stations(tmp_path: Path, db_url: str) -> Iterator[tuple[ProcedureService, ProcedureService]]:
    """Station A (Operator A) and station B (Operator B) on one meeting, both at item 1."""
    first = PlenoService(open_engine(db_url), actor="Operator A")
    first.create_from_setup_file(write_setup(tmp_path))
    second = PlenoService(open_engine(db_url), actor="Operator B")
    yield ProcedureService(first), ProcedureService(second)
    first.engine.dispose()
    second.engine.dispose()


def _problems(error: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_a_station_reloading_shows_the_other_stations_step_skors_and_lock(
    stations: tuple[ProcedureService, ProcedureService], tmp_path: Path
) -> None:
    a, b = stations
    # GIVEN both stations at item 1
    assert a.state().current == b.state().current == Stop("1")
    # WHEN B moves to item 2 and A reads the stored procedure again
    b.next()
    assert a.reload() is True
    # THEN A is at item 2 as well
    assert a.state().current == Stop("2")
    # WHEN B declares a skors THEN A, after reloading, shows it (and P there would lift it)
    b.pause("istirahat")
    a.reload()
    assert a.state().paused is True
    a.resume()
    b.reload()
    assert (b.state().current, b.state().paused) == (Stop("2"), False)
    # AND reloading without a change says so, also after values were imported elsewhere
    assert a.reload() is False
    b.pleno_service.import_tally_file(write_tallies(tmp_path))
    assert a.reload() is False


def test_a_step_from_a_station_that_did_not_see_the_other_move_is_refused_not_doubled(
    stations: tuple[ProcedureService, ProcedureService],
) -> None:
    a, b = stations
    seen: list[Change] = []
    a.bus.subscribe(seen.append)
    # GIVEN B moved the meeting to item 2 while A still shows item 1
    b.next()
    # WHEN A presses PgDn before it read the stored procedure
    with pytest.raises(InputRejected) as refused:
        a.next()
    # THEN the step is refused naming where the meeting is and who moved it; nothing was stored
    (message,) = _problems(refused)
    assert message.startswith(
        "Langkah rapat sudah diubah di stasiun lain oleh Operator B pukul "
    ), message
    assert message.endswith(
        ": sekarang butir 2 (Peraturan teknis). Langkah Anda tidak dijalankan; tampilan sudah "
        "diperbarui. Periksa langkah sekarang, lalu ulangi bila masih perlu."
    ), message
    b.reload()
    assert b.state().current == Stop("2")
    # AND A now follows the stored procedure and told its views to refresh
    assert a.state().current == Stop("2")
    assert [c.what for c in seen] == [OTHER_STATION]
    # WHEN A presses PgDn again THEN it goes one item on, to 3
    a.next()
    b.reload()
    assert a.state().current == b.state().current == Stop("3")


def test_a_skors_from_the_other_station_is_not_declared_twice(
    stations: tuple[ProcedureService, ProcedureService],
) -> None:
    a, b = stations
    # GIVEN B declared a skors that A has not read yet
    b.pause("istirahat siang")
    # WHEN A presses P to declare one too
    with pytest.raises(InputRejected) as refused:
        a.pause("makan")
    # THEN A is told the meeting is already in skors and now shows it, ready to lift it
    (message,) = _problems(refused)
    assert (
        ": sekarang butir 1 (Pembukaan, daftar hadir dan surat mandat saksi), rapat sedang "
        "diskors." in message
    )
    assert a.state().paused is True
    a.resume()
    b.reload()
    assert b.state().paused is False


def test_a_record_saved_at_a_station_behind_is_kept_and_the_station_follows(
    stations: tuple[ProcedureService, ProcedureService],
) -> None:
    a, b = stations
    # GIVEN B moved on to item 2; A, still on item 1, saves item 3's text (a record, not a step)
    b.next()
    b.next()
    a.record(Stop("3"), lambda _s, _id: None, {"naskah": "tata_tertib"})
    # THEN the record is kept and A follows the stored step
    assert a.state().current == Stop("3")
    assert Stop("3") in a.state().recorded


def test_the_views_hear_of_a_move_once_the_station_shows_it(
    stations: tuple[ProcedureService, ProcedureService],
) -> None:
    a, b = stations
    heard: list[tuple[str, Stop]] = []
    a.bus.subscribe(lambda change: heard.append((change.what, a.state().current)))
    # WHEN A moves to item 2 THEN its views, told after the commit, read item 2
    a.next()
    assert heard == [("procedure_moved", Stop("2"))]
    # WHEN B moves on and A's step, made on the older view, is refused THEN A's views are told
    # to re-read and A already shows where B took the meeting
    b.reload()
    b.next()
    with pytest.raises(InputRejected):
        a.next()
    assert heard[1:] == [(OTHER_STATION, Stop("3"))]
