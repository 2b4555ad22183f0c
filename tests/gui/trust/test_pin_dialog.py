from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.services.demo import DEMO_OPERATOR, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.gui.driven import drives


def _users(tmp_path: Path) -> UsersService:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    return UsersService(service.engine)


@drives(PinDialog)
def test_only_commissioners_are_offered_and_a_wrong_pin_is_told_in_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the dialog for approving a correction
    dialog = PinDialog(_users(tmp_path), Action.APPROVE_CORRECTION)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.ui.userBox.itemData(i) for i in range(dialog.ui.userBox.count())]
    # THEN the operator is not offered, the five KPU members are
    assert DEMO_OPERATOR not in names and len(names) == 5
    # WHEN a wrong PIN is typed
    qtbot.keyClicks(dialog.ui.pinEdit, "0000")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    # THEN the dialog stays, says so, and nothing is confirmed
    assert dialog.confirmation is None
    assert "PIN salah untuk menyetujui pembetulan; sisa 4" in dialog.ui.problemLabel.text()
    # WHEN the ketua's PIN is typed THEN the confirmation names the ketua
    qtbot.keyClicks(dialog.ui.pinEdit, "111111")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.confirmation is not None
    assert dialog.confirmation.user.name == names[0]
    dialog.grab().save(str(tmp_path / "pin.png"))
