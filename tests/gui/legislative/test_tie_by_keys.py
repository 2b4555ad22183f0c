"""The tie decision worked by keys: Putuskan…, tick one contender with Space, type the reason,
Enter, then the commissioner's PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.gui.seats.tie_dialog import TieDialog
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.seat_service import SeatService
from tests.gui.driven import Modals, drives
from tests.gui.legislative.test_seat_view import TIE, seat_view


@drives(TieDialog, PinDialog)
def test_a_tie_is_decided_by_keys_with_the_ketuas_pin(qtbot: QtBot, pemilu: PlenoService) -> None:
    # GIVEN the seat view with the open tie of dapil 5, party 2 (candidates 1 and 4)
    view, _ = seat_view(qtbot, pemilu)
    said: list[str] = []

    def decide(dialog: QWidget) -> None:
        assert isinstance(dialog, TieDialog)
        # WHEN Enter is pressed with nothing chosen THEN it says what is missing
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        said.append(dialog.problem.text())
        # WHEN candidate 4 is ticked with Space, the reason typed and Enter pressed
        dialog.boxes[4].setFocus()
        qtbot.keyClick(dialog.boxes[4], Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.reason, "musyawarah rapat pleno")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    def pin(dialog: QWidget) -> None:
        assert isinstance(dialog, PinDialog)
        qtbot.keyClicks(dialog.ui.pinEdit, "111111")
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)

    modals = Modals()
    modals.expect(TieDialog, decide)
    modals.expect(PinDialog, pin)
    qtbot.mouseClick(view.tie_buttons[TIE], Qt.MouseButton.LeftButton)
    service = SeatService(pemilu)
    qtbot.waitUntil(lambda: bool(service.decision_records("dprd_kabko")) or bool(modals.left_open))
    modals.stop()
    # THEN candidate 4 is chosen for the reason typed, confirmed by the ketua
    assert said and "Pilih tepat 1 dari 2 (terpilih sekarang 0)." in said[0]
    [record] = service.decision_records("dprd_kabko")
    assert (record.key, record.chosen, record.reason) == (TIE, (4,), "musyawarah rapat pleno")
    assert record.decided_by == pemilu.pleno().members[0].name
    assert modals.left_open == [] and modals.messages == []
