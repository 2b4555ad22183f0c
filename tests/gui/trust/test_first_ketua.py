from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.gui.dialogs.first_ketua import FirstKetuaDialog
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine


def test_a_new_meeting_gets_its_ketua_pin_first(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN a new database without users
    users = UsersService(open_engine(str(tmp_path / "baru.sqlite")))
    dialog = FirstKetuaDialog(users, ["Ketua Baru", "Anggota Baru"])
    qtbot.addWidget(dialog)
    # WHEN the PIN has four digits THEN nothing is created and it says a ketua's needs six
    dialog.pin.setText("4321")
    dialog.repeat.setText("4321")
    dialog.try_accept()
    assert dialog.problem.text() == "PIN Ketua KPU paling sedikit 6 angka; yang dimasukkan hanya 4."
    assert not users.has_users()
    # WHEN the two PINs differ THEN nothing is created and it says why
    dialog.pin.setText("654321")
    dialog.repeat.setText("654322")
    dialog.try_accept()
    assert dialog.problem.text() == "Kedua PIN tidak sama." and not users.has_users()
    # WHEN they match THEN the ketua exists and can confirm with that PIN
    dialog.repeat.setText("654321")
    dialog.try_accept()
    assert [(u.name, u.role) for u in users.users()] == [("Ketua Baru", Role.KETUA)]
    assert users.confirm("Ketua Baru", "654321", Action.DETERMINE).user.name == "Ketua Baru"
