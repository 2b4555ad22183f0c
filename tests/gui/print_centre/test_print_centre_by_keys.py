"""The print centre worked by keys and buttons: the form chosen with the keyboard, "Simpan PDF…"
with the file name typed into the file dialog, Esc to close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog
from tests.gui.driven import Modals, drives
from tests.gui.print_centre.test_print_centre import WAIT_MS, dialog, wait_for_preview  # noqa: F401


@drives(PrintCentreDialog)
def test_a_form_is_chosen_by_keys_saved_as_pdf_and_the_centre_closed(
    dialog: PrintCentreDialog,  # noqa: F811 (the fixture imported above)
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    # GIVEN the print centre on its first form WHEN the next form is chosen with Down
    first = dialog.kind()
    dialog.form_box.setFocus()
    qtbot.keyClick(dialog.form_box, Qt.Key.Key_Down)
    wait_for_preview(qtbot, dialog)
    chosen = dialog.kind()
    assert chosen != first
    target = tmp_path / "cetak.pdf"

    def save_as(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    modals = Modals()
    modals.expect(QFileDialog, save_as)
    # AND "Simpan PDF…" is clicked and the file name typed
    with qtbot.waitSignal(dialog.print_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    modals.stop()
    # THEN that form is written as a PDF and its version is in the log
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.log_table.rowCount() == 1
    # WHEN Esc is pressed THEN the print centre closes
    qtbot.keyClick(dialog.form_box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert modals.left_open == [] and modals.messages == []
