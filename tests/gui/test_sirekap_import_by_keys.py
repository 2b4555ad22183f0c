"""The Sirekap import worked as the operator works it: Pilih folder… (typing the folder into the
file dialog), Impor, then Tutup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.sirekap_import import SirekapImportDialog
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage import meeting_store
from tests.gui.driven import Modals, drives
from tests.gui.test_sirekap_import_dialog import _folder, service  # noqa: F401 (fixture)
from tests.interchange.exchange_fixtures import region_file


@drives(SirekapImportDialog)
def test_a_folder_is_chosen_imported_and_the_dialog_closed(
    qtbot: QtBot,
    service: PlenoService,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    # GIVEN a folder with the paslon master and a region file, and the import dialog
    folder = _folder(tmp_path, region_file())
    dialog = SirekapImportDialog(SirekapImportService(service))
    qtbot.addWidget(dialog)
    dialog.show()

    def choose(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, str(folder))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    modals = Modals()
    modals.expect(QFileDialog, choose)
    # WHEN "Pilih folder…" is clicked and the folder typed into the file dialog
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    modals.stop()
    assert dialog.chosen.text() == "Dipilih: sirekap"
    # AND "Impor" is clicked and, once done, "Tutup"
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    # THEN the import succeeded, is stored as the Sirekap source, and the dialog accepted it
    assert finished.args == [True] and modals.left_open == []
    assert dialog.result() == SirekapImportDialog.DialogCode.Accepted
    from sqlalchemy.orm import Session

    with Session(service.engine) as session:
        stored = meeting_store.current_tallies(session, sources=["sirekap"])
    assert {unit for (_c, unit, _s) in stored} == {"990101", "990102"}
