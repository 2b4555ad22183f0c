"""Before any window, a damaged database is named and the latest good backup offered; the
operator restores it with a commissioner's PIN, typed into the PIN dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from rekap_desktop.app import main, restore_with_pin
from rekap_desktop.domain.problems import DamagedDatabase
from rekap_desktop.domain.roles import Role
from rekap_desktop.gui.approvals import PinApprovals
from rekap_desktop.gui.damaged_database import offer_backup
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.gui.startup_check import confirm_opening
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.file_check import check_database_file
from tests.meetings import cockpit_meeting


def _answer(qtbot: QtBot, seen: list[str], pin: str) -> None:
    """Answer the modal windows as a person does: press "Pulihkan…", then type the PIN."""

    def step() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            seen.append(modal.text())
            (button,) = [b for b in modal.findChildren(QPushButton) if "Pulihkan" in b.text()]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        elif isinstance(modal, PinDialog):
            qtbot.keyClicks(modal.ui.pinEdit, pin)
            qtbot.keyClick(modal.ui.pinEdit, Qt.Key.Key_Return)
            return
        QTimer.singleShot(50, step)

    QTimer.singleShot(50, step)


def test_the_operator_restores_the_latest_good_backup(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a meeting with a verified backup, whose file is then emptied
    live = tmp_path / "rapat.sqlite"
    assert main(["demo", "--db", str(live)]) == 0
    assert main(["backup", "--db", str(live), "--out", str(tmp_path / "usb")]) == 0
    live.write_bytes(b"")
    try:
        check_database_file(live)
    except DamagedDatabase as error:
        damage = error
    # WHEN the start offers the backup and the ketua's PIN is typed
    seen: list[str] = []
    _answer(qtbot, seen, "111111")
    restored = offer_backup(damage, tmp_path / "usb", restore_with_pin(damage))
    # THEN the box named the damage and the backup, and the meeting is back
    assert restored
    assert "berkas kosong (0 bita)" in seen[0] and "rekap-cadangan-" in seen[0]
    check_database_file(live)
    assert main(["audit", "--db", str(live), "--verify"]) == 0
    assert [p.stat().st_size for p in tmp_path.glob("rapat-rusak-*.sqlite")] == [0]


def test_a_row_edited_behind_the_programs_back_offers_the_latest_good_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a meeting with a verified backup, then the operator made ketua with sqlite3
    live = tmp_path / "rapat.sqlite"
    assert main(["demo", "--db", str(live)]) == 0
    assert main(["backup", "--db", str(live), "--out", str(tmp_path / "usb")]) == 0
    connection = sqlite3.connect(live)
    with connection:
        connection.execute("UPDATE app_user SET role = 'ketua' WHERE role = 'operator'")
    connection.close()
    service = PlenoService(open_engine(str(live)))
    meeting = cockpit_meeting(service)
    # WHEN the window starts, offers the backup and the ketua's PIN is typed (the ketua's own
    # row is as recorded)
    seen: list[str] = []
    _answer(qtbot, seen, DEMO_PINS[Role.KETUA])
    opened = confirm_opening(meeting, PinApprovals(meeting.users), tmp_path / "usb")
    # THEN the box named table, row and column and the backup; the meeting is sound again
    assert opened
    assert "tabel app_user baris 6 kolom role: basis data 'ketua'" in seen[0]
    assert "rekap-cadangan-" in seen[0]
    service.engine.dispose()
    assert main(["audit", "--db", str(live), "--verify"]) == 0
