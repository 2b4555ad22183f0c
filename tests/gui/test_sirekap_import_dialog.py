"""The Sirekap import dialog: runs off the GUI thread, shows progress, can be cancelled."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.sirekap_import import SirekapImportDialog
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage.engine import open_engine
from tests.interchange.exchange_fixtures import KABKO, PASLON, region_file, write_json


@pytest.fixture
def service(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "kota.sqlite")), actor="uji")
    service.create_from_setup_file(write_json(tmp_path, "pleno.json", KABKO))
    yield service
    service.engine.dispose()


def _folder(tmp_path: Path, document: dict[str, object]) -> Path:
    folder = tmp_path / "sirekap"
    folder.mkdir()
    write_json(folder, "pkwkk.json", PASLON)
    write_json(folder, "pkwkk_9901.json", document)
    return folder


def test_import_runs_and_reports_progress_per_unit(
    qtbot: QtBot, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the dialog with a folder holding the paslon master and a region file
    dialog = SirekapImportDialog(SirekapImportService(service))
    qtbot.addWidget(dialog)
    changes: list[Change] = []
    service.bus.subscribe(changes.append)
    dialog.set_paths([_folder(tmp_path, region_file())])
    dialog.show()
    # WHEN the import runs to the end
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.start()
    # THEN it succeeded, shows the snapshot and each unit's TPS progress, and announced the change
    assert finished.args == [True]
    assert dialog.report.toPlainText().splitlines()[2:] == [
        "walikota: data Sirekap 2024-11-28 00:45:00 (SEBAGIAN)",
        "  990101: 75,0 % TPS — belum lengkap",
        "  990102: 100,0 % TPS",
    ]
    assert dialog.progress.value() == 2
    assert [c.what for c in changes] == ["sirekap_imported"]
    shots = os.environ.get("REKAP_SHOTS")
    if shots:
        dialog.grab().save(str(Path(shots) / "sirekap_import.png"))


def test_blanked_file_is_refused_in_the_dialog(
    qtbot: QtBot, service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a blanked snapshot
    blank = region_file()
    for row in blank["tungsura"]["table"].values():
        row["7000001"] = row["7000002"] = 0
    dialog = SirekapImportDialog(SirekapImportService(service))
    qtbot.addWidget(dialog)
    dialog.set_paths([_folder(tmp_path, blank)])
    # WHEN imported THEN the refusal is shown and nothing was imported
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.start()
    assert finished.args == [False]
    assert "Sirekap mengosongkan angkanya" in dialog.report.toPlainText()
    assert service.tallies() == {}


def test_cancel_stops_the_import_and_changes_nothing(
    qtbot: QtBot, service: PlenoService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN an import cancelled before the worker reads its first file (the flag kept raised)
    dialog = SirekapImportDialog(SirekapImportService(service))
    qtbot.addWidget(dialog)
    dialog.set_paths([_folder(tmp_path, region_file())])
    monkeypatch.setattr(dialog._stop, "clear", lambda: None)
    dialog.cancel()
    dialog.start()
    # WHEN the run ends THEN it reports the cancel, and nothing was imported
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert dialog.report.toPlainText() == "Impor dibatalkan; tidak ada yang diubah."
    assert service.tallies() == {}
