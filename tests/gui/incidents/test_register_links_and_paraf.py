"""The register as the operator uses it: a correction made for an objection is shown on that
entry, and "Selesaikan dengan paraf" refuses an entry nobody initialled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Paraf,
    ParafRole,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.incidents.register_view import RegisterView
from rekap_desktop.gui.incidents.settle_dialog import SettleDialog
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import ConfirmingApprovals, confirmed
from tests.gui.driven import Modals, drives
from tests.meetings import cockpit_meeting


@pytest.fixture
def service(tmp_path: Path) -> Iterator[IncidentService]:
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    yield IncidentService(pleno)
    pleno.engine.dispose()


def open_register(qtbot: QtBot, service: IncidentService) -> RegisterView:
    # As the cockpit does: closing an entry is confirmed with a commissioner's PIN.
    approvals = ConfirmingApprovals(service.pleno_service)
    view = RegisterView(service, cockpit_meeting(service.pleno_service).hub, approvals)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_a_correction_made_for_an_objection_is_shown_on_its_entry(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the saksi dispute settled by a correction linked to keberatan No. 3
    corrections = CorrectionsService(service.pleno_service)
    request = SettleRequest(
        "suara_01",
        28999,
        Reason.SESUAI_PPK,
        "D.Hasil Kecamatan PPK",
        "Saksi nomor urut 1",
        corrections.commissioners()[0],
        incident_number=3,
        confirmation=confirmed(
            service.pleno_service, Action.APPROVE_CORRECTION, corrections.commissioners()[0]
        ),
    )
    corrections.settle("gubernur", "647203", request)
    # WHEN the register is opened and its last entry (No. 3) chosen with Ctrl+End
    view = open_register(qtbot, service)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    # THEN the entry names the correction: which row, where, and the values
    assert view.selected_number() == 3
    detail = " ".join(view.detail.toPlainText().split())
    assert "Pembetulan terkait #1 IV Suara sah pilihan nomor urut 1, 647203 SAMARINDA ULU," in (
        detail
    )
    assert (
        detail.split("Pembetulan terkait")[1].split("Bukti")[0].strip().endswith("28.999 → 28.999")
    )


@drives(SettleDialog)
def test_settling_with_paraf_refuses_an_entry_nobody_initialled(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN an open kejadian khusus raised by a PPK chair, the last entry of the register
    service.create(
        Incident(
            kind=IncidentKind.KEJADIAN_KHUSUS,
            raised_by="",
            description="Segel kotak suara PPK Samarinda Ulu robek.",
            status=IncidentStatus.TERBUKA,
            unit="647203",
            raiser=Raiser(RaiserRole.PPK, "Ketua PPK Samarinda Ulu"),
            procedure_item=4,
        )
    )
    view = open_register(qtbot, service)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_number() == 4
    said: list[str] = []

    def settle(dialog: QWidget) -> None:
        assert isinstance(dialog, SettleDialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        # WHEN the resolution is typed, the offered name removed, and the button pressed
        qtbot.keyClicks(dialog.text_edit, "Kotak diganti; isi dicocokkan, sama.")
        dialog.objector_edit.selectAll()
        qtbot.keyClick(dialog.objector_edit, Qt.Key.Key_Backspace)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        # THEN it is refused in place, saying a paraf is needed
        said.append(dialog.message.text() if dialog.isVisible() else "ditutup tanpa paraf")
        # WHEN the PPK chair's paraf is written and the button pressed again
        qtbot.keyClicks(dialog.objector_edit, "Ketua PPK Samarinda Ulu")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    modals = Modals()
    modals.expect(SettleDialog, settle)
    qtbot.mouseClick(view.buttons["resolve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not service.entry(4).is_open or bool(modals.left_open))
    modals.stop()
    assert said and "perlu sedikitnya satu paraf" in said[0]
    # THEN it is settled with that paraf only
    entry = service.entry(4)
    assert entry.status is IncidentStatus.DISELESAIKAN
    assert entry.paraf == (Paraf("Ketua PPK Samarinda Ulu", ParafRole.PENGAJU),)
    assert modals.left_open == []
