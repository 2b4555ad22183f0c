"""The daftar hadir dialog: the kolom kosong is offered (so the operator finds it) but has no
saksi; a pemantau is recorded as a pemantau."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.attendance_dialog import AttendanceDialog
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup

WHY = (
    "kolom kosong tidak mempunyai saksi (tidak ada tim kampanye yang memberi surat mandat); "
    "pemantau terakreditasi dicatat sebagai pemantau"
)


@pytest.fixture
def records(tmp_path: Path) -> ProcedureRecords:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    return ProcedureRecords(ProcedureService(service))


def _dialog(qtbot: QtBot, records: ProcedureRecords) -> AttendanceDialog:
    dialog = AttendanceDialog(records.pleno, records.add_attendee)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _pick(qtbot: QtBot, box: object, text: str) -> None:
    """Down arrow on a combo box until its text starts with ``text`` (as a person would)."""
    for _ in range(10):
        if box.currentText().startswith(text):  # type: ignore[attr-defined]
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)  # type: ignore[arg-type]
    raise AssertionError(f"'{text}' tidak ada di pilihan")


def test_a_saksi_for_the_kolom_kosong_is_refused_in_the_dialog(
    qtbot: QtBot, records: ProcedureRecords
) -> None:
    # GIVEN the daftar hadir dialog, role Saksi, a name typed
    dialog = _dialog(qtbot, records)
    _pick(qtbot, dialog.ui.roleBox, "Saksi")
    qtbot.keyClicks(dialog.ui.nameEdit, "Citra")
    # WHEN the kolom kosong is chosen with the keyboard
    _pick(qtbot, dialog.ui.choiceBox, "Pemilihan Wali Kota Uji — Kolom Kosong")
    # THEN it is named without a ballot number, and the dialog says at once why it has no saksi
    shown = dialog.ui.choiceBox.currentText()
    assert shown == "Pemilihan Wali Kota Uji — Kolom Kosong (tanpa saksi)"
    assert dialog.ui.problemLabel.text() == WHY.capitalize() + "."
    # WHEN Enter is pressed THEN the service refuses it, the dialog stays open, nothing recorded
    _pick(qtbot, dialog.ui.mandateBox, "Diperiksa: sah")
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.problemLabel.text() == f"saksi Citra (Pemilihan Wali Kota Uji): {WHY}"
    assert records.attendance() == []


def test_a_pemantau_is_recorded_with_the_lembaga_in_the_note(
    qtbot: QtBot, records: ProcedureRecords
) -> None:
    # GIVEN the dialog
    dialog = _dialog(qtbot, records)
    # WHEN role Pemantau is chosen
    _pick(qtbot, dialog.ui.roleBox, "Pemantau")
    # THEN there is no saksi choice to make and the note asks for the lembaga
    assert not dialog.ui.choiceBox.isEnabled()
    assert dialog.ui.noteLabel.text() == "&Lembaga/catatan:"
    # WHEN a name and a lembaga are typed and Enter pressed
    qtbot.keyClicks(dialog.ui.nameEdit, "Citra")
    qtbot.keyClicks(dialog.ui.noteEdit, "JPPR")
    qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)
    # THEN the pemantau is recorded as a pemantau, not as a saksi
    assert [(a.role, a.name, a.contest, a.note) for a in records.attendance()] == [
        ("pemantau", "Citra", None, "JPPR")
    ]
