"""Penetapan by keyboard: the signers are those recorded present at item 1; Enter on one opens
"hadir tetapi tidak menandatangani", which needs the reason (PKPU 18/2024 Pasal 33(3))."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import DETERMINATION
from rekap_desktop.domain.signature import Signature
from rekap_desktop.gui.dialogs.not_signing_dialog import NEEDS_REASON, NotSigningDialog
from rekap_desktop.gui.pages.closing import DeterminationPage
from rekap_desktop.services.procedure_records import ProcedureRecords
from tests.gui.driven import Modals, drives
from tests.meetings import cockpit_window
from tests.present_meeting import REASON, SAKSI_ROLE, present_meeting


@pytest.fixture
def records(tmp_path: Path) -> ProcedureRecords:
    return present_meeting(tmp_path)


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


@drives(DeterminationPage, NotSigningDialog)
def test_enter_records_one_present_as_not_signing_with_the_reason(
    qtbot: QtBot, records: ProcedureRecords, modals: Modals
) -> None:
    # GIVEN the penetapan page of a meeting whose daftar hadir has the Ketua and one saksi
    # (the setup's other member was not recorded present)
    window = cockpit_window(records.procedure.pleno_service)
    qtbot.addWidget(window)
    window.show()
    page = window.agenda[DETERMINATION]
    assert isinstance(page, DeterminationPage)
    page.show_stop(page.stop)
    window.stack.setCurrentWidget(page)
    # THEN only those present are asked to sign, each ticked "ya"
    assert [(s.name, s.position, s.signed) for s in page.signatures()] == [
        ("Ketua Uji", "Ketua", True),
        ("Saksi Dua", SAKSI_ROLE, True),
    ]
    said: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, NotSigningDialog)
        # WHEN Enter is pressed with no reason THEN it is refused in place
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
        said.append(dialog.problem.text() if dialog.isVisible() else "ditutup")
        # WHEN the reason is typed and Enter pressed
        qtbot.keyClicks(dialog.reason_edit, REASON)
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    modals.expect(NotSigningDialog, answer)
    # WHEN the operator goes down to the saksi's row and presses Enter
    page.table.setFocus()
    page.table.setCurrentCell(0, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.signatures()[1].signed, timeout=5000)
    # THEN the dialog asked for the reason first, and the saksi is recorded as not signing
    assert said == [NEEDS_REASON]
    assert page.signatures() == [
        Signature("Ketua Uji", "Ketua", True),
        Signature("Saksi Dua", SAKSI_ROLE, False, REASON),
    ]
    sign = page.table.item(1, 2)
    assert sign is not None and sign.text() == "tidak menandatangani"
    assert modals.left_open == [] and modals.messages == []
    # WHEN Space ticks the saksi again THEN they sign and the reason is cleared
    page.table.setCurrentCell(1, 2)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.signatures()[1] == Signature("Saksi Dua", SAKSI_ROLE, True, "")
