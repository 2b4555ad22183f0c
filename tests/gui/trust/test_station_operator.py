"""Who is at each station: the operator's name given at start (or chosen in the menu) is the
actor of every change made there, shown in the status bar and remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.cli import parse_args
from rekap_desktop.gui import station_operator
from rekap_desktop.gui.station_operator import StationOperator, operator_at_start
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from rekap_desktop.storage.orm_procedure import ProcedureMoveRow
from tests.fixtures import write_setup
from tests.meetings import cockpit_window


def _last_actors(service: PlenoService) -> tuple[str, str]:
    with Session(service.engine) as session:
        move = session.scalars(select(ProcedureMoveRow).order_by(ProcedureMoveRow.id.desc()))
        entry = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id.desc()))
        return move.first().actor, entry.first().actor  # type: ignore[union-attr]


def test_the_operator_named_at_start_is_recorded_shown_and_remembered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a station started with --operator "Rina (Meja 2)"
    args = parse_args(["--db", str(tmp_path / "p.sqlite"), "--operator", "  Rina  (Meja 2) "])
    service = PlenoService(open_engine(args.db))
    service.create_from_setup_file(write_setup(tmp_path))
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    station = StationOperator(window, service, settings, args.operator)
    # THEN the status bar says who is at this station (for this run: the shortcut gives it)
    assert station.label.text() == "Operator: Rina (Meja 2)"
    assert operator_at_start(settings, None) == "operator"
    # WHEN a step is made there THEN the move and its audit entry name that operator
    window.go_next()
    assert _last_actors(service) == ("Rina (Meja 2)", "Rina (Meja 2)")
    # WHEN an empty name is chosen in the menu THEN it is refused and nothing changes
    warned: list[str] = []
    monkeypatch.setattr(
        station_operator.QMessageBox, "warning", lambda _p, _t, text: warned.append(text)
    )
    assert station.change("   ") is False
    assert warned == ["Ditolak; tidak ada yang diubah.\n\n• nama operator wajib diisi"]
    assert service.actor == "Rina (Meja 2)"
    # WHEN the next operator takes over the station THEN the next change names them
    assert station.change("Budi") is True
    window.go_next()
    assert _last_actors(service) == ("Budi", "Budi")
    # AND the next start of this station, without --operator, remembers who was chosen
    assert operator_at_start(settings, None) == "Budi"


def test_a_station_nobody_named_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a station started without a name and none remembered
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    station = StationOperator(window, service, settings, None)
    # THEN the status bar asks for it and the menu offers it
    assert station.label.text() == "Operator: belum diisi (Rapat ▸ Operator stasiun ini…)"
    assert station.action in window.meeting_menu.actions()
    assert operator_at_start(settings, None) == "operator"


def test_the_menu_asks_for_the_name_in_indonesian(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a station nobody named
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    station = StationOperator(window, service, settings, None)
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append((dialog.okButtonText(), dialog.cancelButtonText()))
        dialog.setTextValue("Sari Dewi")
        dialog.accept()

    # WHEN Rapat → Operator stasiun ini… is chosen and a name typed
    QTimer.singleShot(0, answer)
    station.action.trigger()
    # THEN the dialog spoke Indonesian and the station now names Sari Dewi
    assert seen == [("Simpan", "Batal")]
    assert (service.actor, station.label.text()) == ("Sari Dewi", "Operator: Sari Dewi")
