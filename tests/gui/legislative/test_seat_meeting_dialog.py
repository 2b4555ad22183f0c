"""Rapat penetapan kursi… on the seat view: after penetapan and the tie decided, the seat meeting
is recorded through its dialog — what is missing told in place — then the commissioner's PIN; the
view then names the Keputusan."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.roles import Role
from rekap_desktop.domain.seat_meeting import PartyRepresentative
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.gui.seats.meeting_dialog import SeatMeetingDialog
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.seat_meeting_service import SeatMeetingService
from rekap_desktop.storage.engine import open_engine
from tests.gui.driven import Modals, drives
from tests.gui.legislative.test_seat_view import seat_view
from tests.services.seat_meeting_samples import COURT, DECREE
from tests.services.test_seat_meeting import (  # noqa: F401 (fixture)
    decide_the_tie,
    determined_file,
)


@drives(SeatMeetingDialog, PinDialog)
def test_the_seat_meeting_is_recorded_through_its_dialog(
    qtbot: QtBot,
    determined_file: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    # GIVEN the determined Pemilu demo with its tie decided, in the seat view
    copy = tmp_path / "pemilu.sqlite"
    shutil.copy(determined_file, copy)
    service = PlenoService(open_engine(str(copy)))
    decide_the_tie(service)
    view, _ = seat_view(qtbot, service)
    assert view.meeting_button.isEnabled()
    assert "belum ditetapkan" in view.meeting_status.text()
    said: list[str] = []
    absent = service.pleno().members[4].name

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, SeatMeetingDialog)
        # WHEN OK is pressed with nothing filled THEN it says what is missing and stays open
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        said.append(dialog.problem.text())
        assert dialog.isVisible()
        # WHEN the record is filled in through its fields
        qtbot.keyClicks(dialog.number, DECREE)
        qtbot.keyClicks(dialog.court_notice, COURT)
        qtbot.keyClicks(dialog.bawaslu, "Rahmat Hidayat; Siti Aminah")
        dialog.member_boxes[absent].setFocus()
        qtbot.keyClick(dialog.member_boxes[absent], Qt.Key.Key_Space)
        dialog.parties.setItem(0, 1, QTableWidgetItem("Sutan Mahmud"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def pin(dialog: QWidget) -> None:
        assert isinstance(dialog, PinDialog)
        qtbot.keyClicks(dialog.ui.pinEdit, DEMO_PINS[Role.KETUA])
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)

    modals = Modals()
    modals.expect(SeatMeetingDialog, fill)
    modals.expect(PinDialog, pin)
    qtbot.mouseClick(view.meeting_button, Qt.MouseButton.LeftButton)
    meetings = SeatMeetingService(service)
    qtbot.waitUntil(lambda: meetings.meeting("dprd_kabko") is not None or bool(modals.left_open))
    modals.stop()
    # THEN the gaps were named, and the meeting is recorded as typed, the absent member left out
    assert said and said[0].startswith("Nomor Keputusan KPU wajib diisi;")
    held = meetings.meeting("dprd_kabko")
    assert held is not None
    assert (held.decree_number, held.court_notice) == (DECREE, COURT)
    assert held.bawaslu == ("Rahmat Hidayat", "Siti Aminah")
    assert held.parties == (PartyRepresentative(1, "Sutan Mahmud"),)
    assert absent not in held.members and len(held.members) == 4
    assert f"Ditetapkan dengan Keputusan Nomor {DECREE}" in view.meeting_status.text()
    assert modals.left_open == [] and modals.messages == []
    service.engine.dispose()
