"""Two laptops on one meeting: two real program processes on one database file. What one station
does to the procedure (a step, a skors and its end) the other one's cockpit shows, as its log
states what it shows; nothing is read from inside either program."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.journey.desktop import Program, XDisplay, poll
from tests.journey.meeting import PAUSE_DIALOG

pytestmark = pytest.mark.xvfb


def shown_places(program: Program) -> list[str]:
    """Every place the station's cockpit said it shows, from its log file, oldest first."""
    log = program.folder / "data" / "rekap-desktop" / "log" / "rekap-desktop.log"
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.split("Kokpit: ", 1)[1] for line in lines if "Kokpit: " in line]


def now_shows(program: Program, what: str) -> bool:
    places = shown_places(program)
    return bool(places) and what in places[-1]


def test_two_stations_follow_each_others_step_and_skors(
    one_screen: XDisplay, tmp_path: Path, db_url: str
) -> None:
    # GIVEN station 1 opened on a new meeting (the demo), then station 2 on the same database
    # (one SQLite file, or one PostgreSQL database on the LAN's server)
    on_server = db_url.startswith("postgresql")
    url, file = (db_url, None) if on_server else (None, Path(db_url))
    first = Program(one_screen, tmp_path / "meja-1", db=file, url=url)
    second = Program(one_screen, tmp_path / "meja-2", db=first.db, url=url)
    try:
        first.start()
        first.focus_cockpit()
        second.start()
        second.cockpit()
        poll("stasiun 2 di butir 1", lambda: now_shows(second, "Langkah 1 "))
        # WHEN station 1 goes on to item 2 (PgDn)
        first.focus_cockpit()
        first.key("Next")
        poll("stasiun 1 di butir 2", lambda: now_shows(first, "Langkah 2 "))
        # THEN station 2's cockpit shows item 2 too, without a key pressed there
        poll("stasiun 2 mengikuti ke butir 2", lambda: now_shows(second, "Langkah 2 "))
        # WHEN station 2 suspends the meeting: item 2's text box has the keyboard, so the key
        # that works while typing (Ctrl+Shift+P), a reason, Enter
        second.focus_cockpit()
        second.key("ctrl+shift+p")
        second.dialog(PAUSE_DIALOG)
        second.type("Istirahat makan siang")
        second.key("Return")
        # THEN station 1 shows the skors; and when station 2 lifts it, station 1 follows
        poll("stasiun 1 menampilkan skors", lambda: now_shows(first, "DISKORS"))
        poll("stasiun 2 menampilkan skors", lambda: now_shows(second, "DISKORS"))
        second.focus_cockpit()
        second.key("ctrl+shift+p")
        poll("stasiun 1 skors dicabut", lambda: not now_shows(first, "DISKORS"))
        assert now_shows(first, "Langkah 2 ")
        # AND neither station wrote an error
        for station in (first, second):
            assert "Traceback" not in station.stderr(), station.stderr()
        assert "utuh" in first.cli("audit", "--verify").stdout
    finally:
        for station in (second, first):
            station.kill()
