"""Offline by construction: a whole meeting flow runs with every network call refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.app import main
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window


class NetworkUsed(AssertionError):
    pass


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkUsed("program mencoba membuka koneksi jaringan")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, _refuse)


@pytest.mark.usefixtures("no_network")
def test_a_meeting_flow_needs_no_network(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN sockets that refuse every connection
    db = str(tmp_path / "offline.sqlite")
    # WHEN the demo is created, checked, recapitulated, exported, re-imported and shown
    assert main(["demo", "--db", db]) == 0
    assert main(["check", "--db", db, "--json"]) == 0
    assert main(["recap", "--db", db, "--json"]) == 0
    exported = tmp_path / "rekap.xlsx"
    assert main(["export", "--db", db, "--out", str(exported)]) == 0
    other = str(tmp_path / "other.sqlite")
    assert main(["demo", "--db", other]) == 0
    assert main(["import", str(exported), "--db", other]) == 0
    assert main(["audit", "--db", other, "--verify"]) == 0
    service = PlenoService(open_engine(str(tmp_path / "window.sqlite")))
    load_demo(service)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    window.views.setCurrentWidget(window.recap)
    window.recap.tabs.setCurrentWidget(window.pages["walikota"])  # computed once it is shown
    # THEN everything worked and nothing reached for the network
    assert window.pages["walikota"].model.rowCount() == 12
    capsys.readouterr()


@pytest.mark.usefixtures("no_network")
def test_the_guard_really_refuses_connections() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket().connect(("127.0.0.1", 9))
