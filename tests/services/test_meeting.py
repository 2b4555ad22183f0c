"""The one meeting the program builds: its services share one database and one change hub, and a
worker gets services of its own publishing to that same hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Change
from rekap_desktop.services.events import ChangeBus
from rekap_desktop.services.meeting import Meeting
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


def test_every_service_of_the_meeting_publishes_to_its_one_hub(tmp_path: Path) -> None:
    # GIVEN a meeting opened on a database with its hub
    hub = ChangeBus()
    heard: list[Change] = []
    hub.subscribe(heard.append)
    meeting = Meeting.open(open_engine(str(tmp_path / "rapat.sqlite")), hub, actor="Operator 1")
    meeting.pleno.create_from_setup_file(write_setup(tmp_path))
    # THEN its services are built once and share the hub
    assert meeting.procedure is meeting.procedure and meeting.procedure.bus is hub
    assert meeting.users.bus is hub and meeting.screen_lock.bus is hub
    # WHEN a worker imports forms with the meeting's services for a worker
    worker = meeting.for_worker()
    worker.pleno.import_tally_file(write_tallies(tmp_path))
    # THEN they are services of its own, on the same database, publishing to the same hub
    assert worker.pleno is not meeting.pleno and worker.pleno.actor == "Operator 1"
    assert AuditEvent.TALLIES_IMPORTED in [change.what for change in heard]
    assert meeting.pleno.tallies()


def test_a_service_publishing_elsewhere_is_refused(tmp_path: Path) -> None:
    pleno = PlenoService(open_engine(str(tmp_path / "rapat.sqlite")))
    with pytest.raises(ValueError, match="one hub"):
        Meeting(pleno, ChangeBus())
