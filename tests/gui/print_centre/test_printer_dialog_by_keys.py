"""The printer dialog worked by keys: the printer chosen with the keyboard, the copies typed,
"Cetak" pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.print_centre.printer_dialog import PrinterDialog
from tests.gui.driven import drives


@drives(PrinterDialog)
def test_the_printer_and_copies_are_chosen_by_keys(qtbot: QtBot) -> None:
    # GIVEN two printers, the second the system's default
    dialog = PrinterDialog(None, ["HP LaserJet", "Epson L3110"], "Epson L3110")
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the first is chosen with Up, three copies typed, and "Cetak" clicked
    dialog.printer_box.setFocus()
    qtbot.keyClick(dialog.printer_box, Qt.Key.Key_Up)
    dialog.copies.setFocus()
    dialog.copies.selectAll()
    qtbot.keyClicks(dialog.copies, "3")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    # THEN the dialog is accepted with that printer and three copies
    assert dialog.result() == PrinterDialog.DialogCode.Accepted
    printer = QPrinter()
    dialog.configure(printer)
    assert dialog.printer_box.currentText() == "HP LaserJet"
    assert printer.copyCount() == 3
