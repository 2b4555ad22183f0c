"""Dialogs of the cockpit worked as the operator works them: the key that opens them, typing into
their fields, Enter to accept; a refusal is told in place and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import Stop
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.gui.dialogs.attendance_dialog import AttendanceDialog
from rekap_desktop.gui.dialogs.first_ketua import FirstKetuaDialog
from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog
from rekap_desktop.gui.dialogs.pause_dialog import PauseDialog
from rekap_desktop.gui.help_window import HelpWindow
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.closing import ResolutionPage
from rekap_desktop.gui.pages.kecamatan import NoticesPage, UnitIncidentsPage
from rekap_desktop.gui.pages.opening import AttendancePage, TextPage
from rekap_desktop.gui.pages.recap_page import ContestPage, RecapView
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.gui import cockpit_driver as drive
from tests.gui.driven import Modals, drives
from tests.meetings import cockpit_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = cockpit_window(service, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


@drives(AttendancePage, AttendanceDialog)
def test_insert_on_the_attendance_page_adds_a_person(
    window: MainWindow, qtbot: QtBot, modals: Modals
) -> None:
    # GIVEN item 1, the attendance page
    page = window.current_page()
    assert isinstance(page, AttendancePage)
    said: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AttendanceDialog)
        # WHEN Enter is pressed with no name THEN it is refused in place
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
        said.append(dialog.ui.problemLabel.text() if dialog.isVisible() else "ditutup")
        # WHEN a Bawaslu member's name is typed and Enter pressed
        qtbot.keyClick(dialog.ui.roleBox, Qt.Key.Key_Down)  # Anggota KPU → Bawaslu
        qtbot.keyClicks(dialog.ui.nameEdit, "Rina Marlina")
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)

    modals.expect(AttendanceDialog, fill)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: bool(window.records.attendance()) or bool(modals.left_open))
    # THEN the person is recorded with the role chosen and shown on the page
    assert said and said[0] not in ("", "ditutup")
    assert [(p.role, p.name) for p in window.records.attendance()] == [("bawaslu", "Rina Marlina")]
    page.refresh()
    assert page.table.item(0, 1).text() == "Rina Marlina"
    assert modals.left_open == [] and modals.messages == []


@drives(PauseDialog)
def test_p_opens_the_skors_dialog_which_needs_a_reason(
    window: MainWindow, qtbot: QtBot, modals: Modals
) -> None:
    said: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PauseDialog)
        # WHEN Enter is pressed with no reason THEN it stays open and says why
        qtbot.keyClick(dialog.ui.reasonEdit, Qt.Key.Key_Return)
        said.append(dialog.ui.problemLabel.text() if dialog.isVisible() else "ditutup")
        # WHEN the reason is typed and Enter pressed
        qtbot.keyClicks(dialog.ui.reasonEdit, "Istirahat, salat dan makan")
        qtbot.keyClick(dialog.ui.reasonEdit, Qt.Key.Key_Return)

    modals.expect(PauseDialog, fill)
    window.panel.steps.setFocus()
    drive.press(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.procedure.state().paused or bool(modals.left_open))
    # THEN the meeting is paused for that reason
    assert said == ["Alasan skors wajib diisi."]
    assert window.procedure.state().paused
    assert modals.left_open == [] and modals.messages == []


@drives(FirstKetuaDialog)
def test_a_new_meeting_gets_its_ketua_pin_typed_twice(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a new database without users and the dialog with the ketua's name offered
    users = UsersService(open_engine(str(tmp_path / "baru.sqlite")))
    dialog = FirstKetuaDialog(users, ["Ketua Baru", "Anggota Baru"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # WHEN two different PINs are typed and Enter pressed
    qtbot.keyClicks(dialog.pin, "654321")
    qtbot.keyClicks(dialog.repeat, "654322")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    # THEN nothing is created and it says why
    assert dialog.problem.text() == "Kedua PIN tidak sama." and not users.has_users()
    # WHEN the repeat is typed again and Enter pressed
    dialog.repeat.selectAll()
    qtbot.keyClicks(dialog.repeat, "654321")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    # THEN the ketua exists and can confirm with that PIN
    assert not dialog.isVisible()
    assert [(u.name, u.role) for u in users.users()] == [("Ketua Baru", Role.KETUA)]
    assert users.confirm("Ketua Baru", "654321", Action.DETERMINE).user.name == "Ketua Baru"


@drives(IncidentDialog)
def test_k_records_an_objection_at_the_meetings_place_and_tutup_closes(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the assembled cockpit at kecamatan 647201's box (item 4)
    extras = window
    drive.pre_fill_attendance(window)
    drive.run_until(window, Stop("4", "647201"))
    # WHEN K is pressed, the account typed and saved with Ctrl+Enter, then Tutup pressed
    drive.press(window, Qt.Key.Key_K)
    [dialog] = window.findChildren(IncidentDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.description, "Segel kotak suara PPK Palaran tidak utuh.")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Tutup")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    # THEN entry No. 4 is stored at item 4 in 647201 and the dialog is closed
    entry = extras.meeting.incidents.entry(4)
    assert (entry.procedure_item, entry.unit) == (4, "647201")
    assert entry.description == "Segel kotak suara PPK Palaran tidak utuh."
    assert not dialog.isVisible()


@drives(HelpWindow)
def test_f1_opens_the_guide_and_esc_closes_it(window: MainWindow, qtbot: QtBot) -> None:
    # WHEN F1 is pressed THEN the guide is shown beside the cockpit
    drive.press(window, Qt.Key.Key_F1)
    help_window = window.help
    assert help_window is not None
    qtbot.waitUntil(help_window.isVisible)
    assert help_window.browser.toPlainText().startswith("Panduan pengguna")
    # WHEN Esc is pressed in it THEN it closes and the cockpit is left as it was
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Escape)
    assert not help_window.isVisible()
    assert window.isVisible()


@drives(TextPage, UnitIncidentsPage, ResolutionPage)
def test_the_rules_text_is_saved_and_items_6_and_13_list_the_entries_still_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN item 3 (tata tertib)
    drive.pre_fill_attendance(window)
    drive.run_until(window, Stop("3"))
    page = window.current_page()
    assert isinstance(page, TextPage)
    # THEN it starts from the default tata tertib, not an empty box
    default = page.editor.toPlainText()
    assert default.startswith("TATA TERTIB RAPAT PLENO TERBUKA REKAPITULASI KPU KOTA SAMARINDA")
    # WHEN a sentence is typed at its end and Ctrl+S pressed
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor, " Peserta menjaga ketertiban.")
    drive.press(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # THEN the text is stored with it
    assert window.records.text(page.key) == default + " Peserta menjaga ketertiban."
    # WHEN the meeting reaches item 6 of SAMARINDA ULU
    drive.run_until(window, Stop("6", "647203"))
    incidents = window.current_page()
    assert isinstance(incidents, UnitIncidentsPage)
    # THEN its carried objection is read out with its status
    rows = [
        [incidents.table.item(r, c).text() for c in range(5)]
        for r in range(incidents.table.rowCount())
    ]
    assert [(r[1], r[4]) for r in rows] == [("Keberatan saksi", "Terbuka")]
    # WHEN the meeting reaches item 13 THEN the objection still open is listed there
    drive.run_until(window, Stop("13"))
    remaining = window.current_page()
    assert isinstance(remaining, ResolutionPage)
    assert remaining.open_items.text().startswith("Masih terbuka:\nNomor 3 (647203): ")


@drives(RecapView, ContestPage)
def test_ctrl_r_shows_the_recapitulation_and_the_source_is_chosen_by_keys(
    window: MainWindow, qtbot: QtBot
) -> None:
    # WHEN Ctrl+R is pressed
    drive.press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is window.recap
    page = window.recap.pages["walikota"]
    window.recap.tabs.setCurrentWidget(page)  # a contest's page is computed once it is shown
    pleno = page.outcome.text()
    # AND the source is moved down to Sirekap with the keyboard
    window.recap.source_box.setFocus()
    qtbot.keyClick(window.recap.source_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.recap.source_box, Qt.Key.Key_Down)
    # THEN the contest pages say they now show Sirekap
    assert pleno.startswith("Sumber: formulir D.Hasil PPK")
    assert page.outcome.text().startswith("Sumber: Sirekap (alat bantu, bukan hasil resmi)")


@drives(NoticesPage)
def test_returned_notices_are_typed_into_the_table_and_saved_with_ctrl_s(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN item 5 of PALARAN
    drive.pre_fill_attendance(window)
    drive.run_until(window, Stop("5", "647201"))
    page = window.current_page()
    assert isinstance(page, NoticesPage)
    # WHEN a village and its count are typed into the first row and Ctrl+S pressed
    page.table.setFocus()
    page.table.setCurrentCell(0, 0)
    for text in ("Simpang Pasir", "12"):
        qtbot.keyClick(page.table, Qt.Key.Key_F2)  # edit the cell (letters are cockpit keys)
        editor = QApplication.focusWidget()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    drive.press(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # THEN the count is stored for PALARAN and the total shown
    assert window.records.returned_notices("647201") == {"Simpang Pasir": 12}
    assert page.total.text() == "Jumlah: 12"
