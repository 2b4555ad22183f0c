"""No English in front of users: every message box, input, progress, file and print dialog the
program opens is walked widget by widget, and Qt's English standard texts must not be there;
contests are named by what they elect, not by their internal codes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.election import contest_office
from rekap_desktop.gui.auto_backup import AutoBackup
from rekap_desktop.gui.backup_menu import BackupMenu
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.indonesian import speak_indonesian
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.opening import AttendancePage
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.meetings import cockpit_window

ENGLISH = {
    "cancel",
    "yes",
    "no",
    "yes to all",
    "no to all",
    "save",
    "save all",
    "open",
    "close",
    "discard",
    "apply",
    "reset",
    "help",
    "abort",
    "retry",
    "ignore",
    "restore defaults",
    "enter a value",
    "look in",
    "file name",
    "files of type",
    "directory",
    "back",
    "forward",
    "parent directory",
    "create new folder",
    "new folder",
    "list view",
    "detail view",
    "name",
    "size",
    "type",
    "date modified",
    "computer",
    "print",
    "properties",
    "options >>",
    "location",
    "preview",
    "output file",
    "print range",
    "print all",
    "pages from",
    "copies",
    "collate",
    "reverse",
    "selection",
    "current page",
    "undo",
    "redo",
    "cut",
    "copy",
    "paste",
    "delete",
    "select all",
    "show details...",
}
"""Qt's English standard texts, as ``_plain`` leaves them ("OK" and "Printer" are Indonesian
too)."""


def _plain(text: str) -> str:
    return text.replace("&", "").strip().rstrip(":").strip().lower()


def _texts(root: QWidget) -> list[str]:
    """Every text a user can read on ``root`` and its children."""
    found: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            ]
        found.append(widget.toolTip())
    return [t for t in found if t]


def _english(root: QWidget) -> list[str]:
    return sorted({t for t in _texts(root) if _plain(t) in ENGLISH})


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    """The translator and dialog choice the program installs at start (gui.application)."""
    translator = speak_indonesian(qapp)
    yield
    qapp.removeTranslator(translator)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, indonesian: None) -> Iterator[MainWindow]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _walk_next_modal() -> list[list[str]]:
    """The texts of the next modal dialog (read, then closed with Escape/reject)."""
    seen: list[list[str]] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, look)
            return
        seen.append(_texts(modal))
        seen.append(_english(modal))
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    QTimer.singleShot(0, look)
    return seen


def _modal(open_it: Callable[[], object]) -> list[str]:
    """Open a modal dialog with ``open_it``; the English texts found on it."""
    seen = _walk_next_modal()
    open_it()
    assert seen, "tidak ada dialog yang terbuka"
    texts, english = seen
    assert texts
    return english


def test_message_boxes_say_ya_tidak_batal(window: MainWindow, indonesian: None) -> None:
    # WHEN the program asks a question with Yes/No and Cancel
    buttons = (
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close
    )
    box = QMessageBox(QMessageBox.Icon.Question, "Penetapan", "Tetapkan?", buttons, window)
    box.show()
    # THEN the buttons are Indonesian
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == [
        "Batal",
        "Simpan",
        "Tidak",
        "Tutup",
        "Ya",
    ]
    assert _english(box) == []
    box.close()


def test_the_penetapan_question_is_in_indonesian(window: MainWindow) -> None:
    # WHEN PageDown at the penetapan asks "Tetapkan hasil rekapitulasi?" (or says why not)
    assert _modal(window.determine) == []


def test_input_dialogs_are_in_indonesian(window: MainWindow) -> None:
    assert _modal(lambda: QInputDialog.getText(window, "Buka kembali", "Alasan:")) == []
    assert _modal(lambda: QInputDialog.getInt(window, "Waktu kunci layar", "Menit:", 10)) == []


def test_the_skors_dialog_and_the_closing_wait_are_in_indonesian(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = PauseDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _english(dialog) == []
    wait = QProgressDialog("Menyelesaikan pencetakan…", "Batal", 0, 0, window)
    qtbot.addWidget(wait)
    wait.show()
    assert _english(wait) == []


def test_file_dialogs_are_qts_own_and_in_indonesian(window: MainWindow, tmp_path: Path) -> None:
    # GIVEN the program's choice of dialogs: Qt's own, never the system's
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    # WHEN Impor, Ekspor and the backup folder are chosen THEN nothing English is shown
    assert _modal(window.choose_import) == []
    assert _modal(window.choose_export) == []
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    backups = AutoBackup(window.meeting, settings, window)
    menu = BackupMenu(window, window.file_menu, window.action_print, backups, settings)
    assert _modal(menu.choose_folder) == []
    backups.stop()


def test_printing_asks_for_the_printer_in_indonesian(window: MainWindow) -> None:
    from rekap_desktop.gui.print_centre.printer_dialog import PrinterDialog

    # WHEN printing asks for a printer THEN it is our own Indonesian dialog
    opened = _walk_next_modal()
    PrinterDialog(window).exec()
    assert opened and opened[1] == []
    assert "Jumlah salinan:" in opened[0]


def test_the_print_dialog_is_in_indonesian(window: MainWindow, qtbot: QtBot) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _english(dialog) == []
    dialog.close()


def test_the_edit_menu_of_a_text_field_is_in_indonesian(window: MainWindow) -> None:
    menu = QLineEdit(window).createStandardContextMenu()
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts and [t for t in texts if _plain(t.split("\t")[0]) in ENGLISH] == []


def test_contests_are_named_not_coded(window: MainWindow) -> None:
    # GIVEN saksi in the attendance register WHEN item 1 shows it
    drive.pre_fill_attendance(window)
    page = window.agenda["1"]
    assert isinstance(page, AttendancePage)
    page.refresh()
    items = [page.table.item(r, 2) for r in range(page.table.rowCount())]
    column = [item.text() for item in items if item is not None]
    shown = [text for text in column if text]
    # THEN the contest is said the way people say it
    assert shown and all("gubernur" not in t and "walikota" not in t for t in shown)
    assert any(t.startswith("Gubernur dan Wakil Gubernur nomor urut") for t in shown)
    assert any(t.startswith("Wali Kota dan Wakil Wali Kota nomor urut") for t in shown)
    # AND in the incident dialog's list of saksi
    extras = window
    dialog = extras.new_incident()
    labels = [dialog.saksi_combo.itemText(i) for i in range(dialog.saksi_combo.count())]
    assert labels and not any(t.endswith(("gubernur", "walikota")) for t in labels)
    dialog.close()
    assert contest_office("walikota") == "Wali Kota dan Wakil Wali Kota"


def test_the_print_centre_asks_for_the_printer_in_indonesian(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the print centre (its own dialog, not the system's print dialog, which speaks the
    # language of Windows)
    from rekap_desktop.gui.print_centre import PrintCentreDialog
    from rekap_desktop.services.printing.service import PrintService

    centre = PrintCentreDialog(PrintService(window.service), window)
    qtbot.addWidget(centre)
    centre.show()
    opened: list[str] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, look)
            return
        opened.append(type(modal).__name__)
        opened.extend(_english(modal))
        assert isinstance(modal, QDialog)
        modal.reject()

    QTimer.singleShot(0, look)
    # WHEN "Cetak ke printer" is pressed THEN the printer is asked in Indonesian
    centre.print_button.click()
    assert opened == ["PrinterDialog"]
    centre.stop()


def test_the_printer_dialog_sets_the_printer_and_the_copies(qtbot: QtBot) -> None:
    from rekap_desktop.gui.print_centre.printer_dialog import NO_PRINTER, PrinterDialog

    # GIVEN two printers, the second the system's default
    dialog = PrinterDialog(None, ["HP LaserJet", "Epson L3110"], "Epson L3110")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.printer_box.currentText() == "Epson L3110"
    assert _english(dialog) == []
    # WHEN three copies on the first printer are asked for
    dialog.printer_box.setCurrentIndex(0)
    dialog.copies.setValue(3)
    printer = _NamedPrinter()
    dialog.configure(printer)
    # THEN the printer is set up so
    assert printer.asked == "HP LaserJet"
    assert printer.copyCount() == 3
    # AND with no printer installed it says so and cannot print
    none = PrinterDialog(None, [], "")
    qtbot.addWidget(none)
    assert not none.print_button.isEnabled()
    assert none.problem.text() == NO_PRINTER


class _NamedPrinter(QPrinter):
    """Keeps the name asked for (Qt forgets a printer that is not installed here)."""

    asked = ""

    def setPrinterName(self, name: str) -> None:  # noqa: N802 (Qt name)
        self.asked = name
        super().setPrinterName(name)
