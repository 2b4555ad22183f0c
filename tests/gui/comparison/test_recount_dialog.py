"""From the TPS behind a difference to its recorded pencocokan and the correction it leads to,
by keyboard: Ctrl+Shift+D, Ctrl+U on the TPS, the record typed, Enter (PIN), then the
correction dialog on the same row with the value the check implies, Enter (PIN)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.recounts import BoxState, Outcome
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.comparison.correction_dialog import CorrectionDialog
from rekap_desktop.gui.comparison.drill_down_dialog import DrillDownDialog
from rekap_desktop.gui.comparison.recount_dialog import RecountDialog
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from tests.confirming import ConfirmingApprovals, RefusingApprovals
from tests.fixtures import HEADER, rows_meeting
from tests.gui.driven import drives

# UTARA per TPS; Sirekap read TPS 001 of desa 1002's 350 as 850.
ROWS = "\n".join(
    [
        HEADER,
        "walikota,9901011001001,,ppk,300,40,250,290,10,300",
        "walikota,9901011002001,,ppk,420,60,350,410,10,420",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300",
        "walikota,9901011002001,,sirekap,420,60,850,910,10,920",
        "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
    ]
)
TPS = "9901011002001"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    with rows_meeting(tmp_path, ROWS, with_members=True) as pleno:
        yield ComparisonService(pleno)


def open_places(qtbot: QtBot, widget: ComparisonWidget) -> DrillDownDialog:
    widget.resize(1366, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.select_field("suara_02")
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget.entry, Qt.Key.Key_D, modifiers)
    qtbot.waitUntil(lambda: widget.drill_down_dialog is not None)
    dialog = widget.drill_down_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def open_record(qtbot: QtBot, widget: ComparisonWidget) -> RecountDialog:
    places = open_places(qtbot, widget)
    qtbot.keyClick(places.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: widget.recount_flow.dialog is not None)
    dialog = widget.recount_flow.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_record(qtbot: QtBot, dialog: RecountDialog, found: str) -> None:
    """Proposer; Tab over reason, objection, kind, decision, box (Down: seal broken), note,
    counted by; Space ticks the saksi; Tab, Bawaslu typed; Tab, the value found."""
    focused = dialog.focusWidget()
    qtbot.keyClicks(focused, "Saksi nomor urut 2")
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "segel nomor 0012 terbuka sebagian")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "PPK Utara")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Bawaslu Kota Uji")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), found)


@drives(RecountDialog, CorrectionDialog)
def test_a_tps_checked_in_the_meeting_is_recorded_then_corrected(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN UTARA, where Sirekap's 850 at TPS 001 of desa 1002 differs from the PPK's 350
    approvals = ConfirmingApprovals(service.pleno)
    widget = ComparisonWidget(service, "walikota", "990101", approvals=approvals)
    qtbot.addWidget(widget)
    # WHEN Ctrl+U on that TPS opens the record, and it is typed and saved with Enter
    dialog = open_record(qtbot, widget)
    type_record(qtbot, dialog, "350")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    # THEN it is recorded under Nomor 1 with what was typed, confirmed by PIN
    qtbot.waitUntil(lambda: widget.correction_dialog is not None)
    (record,) = service.recounts.records()
    entry = record.recount.entry
    assert record.recount.number == 1 and record.recount.outcome is Outcome.DIKONFIRMASI
    assert (entry.places, entry.proposed_by, entry.counted_by) == (
        (TPS,),
        "Saksi nomor urut 2",
        "PPK Utara",
    )
    assert entry.box_state is BoxState.SEGEL_RUSAK
    assert entry.witnesses == ("Saksi nomor urut 2: Saksi Uji Dua", "Bawaslu Kota Uji")
    assert entry.found[0].recorded == 350 and entry.found[0].found == 350
    assert approvals.asked == [Action.RECORD_RECOUNT]
    assert "Nomor 1 dicatat" in widget.message.text()
    # AND the correction dialog opens on suara nomor urut 2 with the value the check implies
    correction = widget.correction_dialog
    assert correction is not None
    qtbot.waitUntil(correction.isActiveWindow)
    assert correction.row.field == "suara_02"
    assert correction.value.text() == "600"
    assert correction.basis.text() == record.recount.title
    # WHEN Enter is pressed (the approving commissioner's PIN)
    qtbot.keyClick(correction.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: widget.correction_dialog is None)
    # THEN the correction is made on the strength of the recount
    (record,) = service.recounts.records()
    ((_, made),) = record.corrections
    assert (made.after, made.reason) == (600, Reason.HITUNG_ULANG)


@drives(RecountDialog)
def test_a_record_without_witnesses_is_refused_in_the_dialog(
    qtbot: QtBot, service: ComparisonService
) -> None:
    approvals = RefusingApprovals()
    widget = ComparisonWidget(service, "walikota", "990101", approvals=approvals)
    qtbot.addWidget(widget)
    dialog = open_record(qtbot, widget)
    qtbot.keyClicks(dialog.focusWidget(), "Saksi nomor urut 2")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert "Catat sedikitnya satu saksi" in dialog.error.text()
    assert approvals.asked == []
    # AND once complete, a cancelled PIN keeps the dialog and its entries, nothing written
    dialog.counted_by.setText("PPK Utara")
    dialog.others.setText("Bawaslu Kota Uji")
    dialog.found_edits[0].setText("350")
    qtbot.keyClick(dialog.found_edits[0], Qt.Key.Key_Return)
    assert approvals.asked == [Action.RECORD_RECOUNT]
    assert dialog.isVisible() and "Belum dicatat" in dialog.error.text()
    assert service.recounts.records() == []
    dialog.accept()


@drives(RecountDialog)
def test_several_tps_are_checked_in_one_record(qtbot: QtBot, service: ComparisonService) -> None:
    # GIVEN the rincian of UTARA's suara nomor urut 2, every TPS shown
    approvals = ConfirmingApprovals(service.pleno)
    widget = ComparisonWidget(service, "walikota", "990101", approvals=approvals)
    qtbot.addWidget(widget)
    places = open_places(qtbot, widget)
    # WHEN Shift+Down adds the second TPS to the first and Ctrl+U opens the record
    qtbot.keyClick(places.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(places.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: widget.recount_flow.dialog is not None)
    dialog = widget.recount_flow.dialog
    assert dialog is not None
    # THEN it asks the value found at each of them
    assert [line.code for line in dialog.places] == [TPS, "9901011001001"]
    dialog.counted_by.setText("PPK Utara")
    dialog.others.setText("Bawaslu Kota Uji")
    dialog.proposed_by.setText("Saksi nomor urut 2")
    dialog.found_edits[0].setText("350")
    qtbot.keyClick(dialog.found_edits[0], Qt.Key.Key_Return)
    assert "ditemukan di TPS 001 desa/kelurahan 9901011001" in dialog.error.text()
    assert service.recounts.records() == []
    dialog.found_edits[1].setText("251")
    qtbot.keyClick(dialog.found_edits[1], Qt.Key.Key_Return)
    # AND both are recorded; the correction offered carries both places' values
    qtbot.waitUntil(lambda: widget.correction_dialog is not None)
    (record,) = service.recounts.records()
    assert [(v.place, v.recorded, v.found) for v in record.recount.entry.found] == [
        (TPS, 350, 350),
        ("9901011001001", 250, 251),
    ]
    correction = widget.correction_dialog
    assert correction is not None and correction.value.text() == "601"
    correction.reject()
