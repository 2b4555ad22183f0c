"""At start, a chain cut short behind the program's back is found by the head file beside the
database and named; the latest good backup is offered (the window is not opened silently)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rekap_desktop.gui import startup_check
from rekap_desktop.services import backup_service
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_meeting


def test_a_chain_cut_short_is_named_at_start_and_a_backup_offered(tmp_path: Path) -> None:
    # GIVEN the demo meeting and a good backup of it
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    good = backup_service.make_backup(service.engine, tmp_path / "usb").path
    assert startup_check.damage_report(cockpit_meeting(service)) == []
    # WHEN the newest audit entries are deleted in the file (the chain still verifies alone)
    with sqlite3.connect(tmp_path / "demo.sqlite") as connection:
        newest = connection.execute("SELECT max(id) FROM audit_entry").fetchone()[0]
        connection.execute("DELETE FROM audit_entry WHERE id > ?", (newest - 2,))
    # THEN the start-up check names the head file that disagrees (beside the rows those entries
    # had recorded, now unrecorded), and offers the backup
    assert (
        "Rantai audit tidak sesuai jangkarnya: berkas kepala rantai demo.sqlite.kepala mencatat "
        f"entri audit #{newest}, tetapi rantai di basis data hanya sampai entri #{newest - 2}: "
        "entri terbaru telah dihapus."
    ) in startup_check.damage_report(cockpit_meeting(service))
    tag = backup_service.meeting_tag(service.engine)
    assert backup_service.latest_good_backup(tmp_path / "usb", tag) == good
    service.engine.dispose()
