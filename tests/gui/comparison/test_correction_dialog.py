"""The correction dialog (Ctrl+K) worked as the operator works it: keys into the comparison,
typing into the dialog's fields, Enter to save. The saksi dispute of the demo (gubernur 647203
SAMARINDA ULU, suara_01: PPK 28.999, the saksi of nomor urut 1 29.009) is settled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.gui.comparison.correction_dialog import CorrectionDialog
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import ConfirmingApprovals, RefusingApprovals
from tests.gui.driven import Modals, drives

CONTEST, UNIT = "gubernur", "647203"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    yield ComparisonService(pleno)
    pleno.engine.dispose()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


def open_widget(qtbot: QtBot, service: ComparisonService) -> ComparisonWidget:
    widget = ComparisonWidget(service, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    # As the cockpit does: the approving commissioner confirms with their PIN.
    widget.approvals = ConfirmingApprovals(service.pleno)
    return widget


def ctrl(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_a_saksi_dispute_is_settled_through_the_dialog_and_every_source_is_kept(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN the dispute on suara_01, shown with "Hanya selisih" (Ctrl+D)
    widget = open_widget(qtbot, service)
    ctrl(qtbot, widget.table, Qt.Key.Key_D)
    assert [r.field for r in widget.model.rows] == ["suara_01"]
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectionDialog)
        # The value field has focus with the PPK's value; the recorded values say who said what
        seen["focus"] = type(dialog.focusWidget()).__name__
        seen["values"] = dialog.recorded.text()
        qtbot.keyClicks(dialog.proposed_by, "Saksi nomor urut 1")
        qtbot.keyClick(dialog.incident, Qt.Key.Key_Down)  # the register's entry No. 3
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)  # Enter = simpan

    modals.expect(CorrectionDialog, fill)
    # WHEN Ctrl+K is pressed and the dialog filled in and saved with Enter
    ctrl(qtbot, widget.table, Qt.Key.Key_K)
    qtbot.waitUntil(
        lambda: bool(service.corrections.corrections(CONTEST, UNIT)) or bool(modals.left_open)
    )
    # THEN the correction is recorded with the reason chosen, linked to No. 3
    assert modals.messages == [] and modals.left_open == []
    [correction] = service.corrections.corrections(CONTEST, UNIT)
    assert (correction.before, correction.after) == (28999, 28999)
    assert correction.reason is Reason.SESUAI_PPK
    assert correction.incident_number == 3
    # AND the ledger keeps what each source said, the rejected saksi copy included
    assert dict(correction.sources) == {"ppk": 28999, "sirekap": 28999, "saksi_01": 29009}
    line = widget.corrections.item(0).text()
    assert "Saksi Paslon 01 29.009" in line and "D.Hasil PPK 28.999" in line
    assert line.startswith("IV Suara sah pilihan nomor urut 1")
    # AND users read the KPU's names, never the internal codes
    assert seen["focus"] == "QLineEdit"
    assert seen["values"] == "D.Hasil PPK: 28.999; Sirekap: 28.999; Saksi Paslon 01: 29.009"
    shown = [line, widget.message.text(), seen["values"]]
    assert not any(code in text for text in shown for code in ("saksi_01", "suara_01", "ppk:"))
    assert widget.message.text().startswith("Pembetulan IV Suara sah pilihan nomor urut 1 (")
    assert widget.message.text().endswith(") dicatat: 28.999.")
    assert "≠ 0 rincian berselisih" in widget.summary.text()
    assert "★ 1 ditetapkan" in widget.summary.text()


@drives(CorrectionDialog)
def test_enter_saves_and_a_missing_proposer_is_refused_before_anything_is_lost(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN the dispute selected, and an approval that records who was asked
    widget = open_widget(qtbot, service)
    widget.select_field("suara_01")
    approvals = ConfirmingApprovals(service.pleno)
    asked = approvals.only
    widget.approvals = approvals
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectionDialog)
        # WHEN a value is typed and Enter pressed with no "Diusulkan oleh"
        dialog.value.selectAll()
        qtbot.keyClicks(dialog.value, "29.009")
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
        # THEN the dialog stays with the value, says what is missing, and asks nobody
        state["after_enter"] = (dialog.isVisible(), dialog.value.text(), dialog.error.text())
        state["asked"] = list(asked)
        state["focus"] = dialog.focusWidget() is dialog.proposed_by
        # WHEN the proposer is typed and Enter pressed again
        qtbot.keyClicks(dialog.proposed_by, "Saksi nomor urut 1")
        qtbot.keyClick(dialog.proposed_by, Qt.Key.Key_Return)

    modals.expect(CorrectionDialog, fill)
    ctrl(qtbot, widget.table, Qt.Key.Key_K)
    qtbot.waitUntil(
        lambda: bool(service.corrections.corrections(CONTEST, UNIT)) or bool(modals.left_open)
    )
    visible, value, error = state["after_enter"]  # type: ignore[misc]
    assert visible and value == "29.009"
    assert "pengusul pembetulan wajib diisi" in error.lower()
    assert state["asked"] == [] and state["focus"] is True
    # THEN it is recorded with the value typed, approved as chosen, and the dialog closed
    assert modals.left_open == [] and modals.messages == []
    [correction] = service.corrections.corrections(CONTEST, UNIT)
    assert correction.after == 29009 and correction.proposed_by == "Saksi nomor urut 1"
    assert asked == [service.corrections.commissioners()[0]]
    assert widget.correction_dialog is None  # closed (and deleted)


def test_a_refused_approval_keeps_the_dialog_and_what_was_typed(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN an approval that is refused (the PIN dialog cancelled)
    widget = open_widget(qtbot, service)
    widget.select_field("suara_01")
    widget.approvals = RefusingApprovals()
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectionDialog)
        qtbot.keyClicks(dialog.proposed_by, "PPK")
        qtbot.keyClick(dialog.proposed_by, Qt.Key.Key_Return)
        state["kept"] = (dialog.isVisible(), dialog.proposed_by.text(), dialog.error.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    modals.expect(CorrectionDialog, fill)
    ctrl(qtbot, widget.table, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: "kept" in state)
    # THEN nothing is written and the dialog kept the entry until Esc
    visible, proposer, error = state["kept"]  # type: ignore[misc]
    assert visible and proposer == "PPK" and "belum dicatat" in error
    assert service.corrections.corrections(CONTEST, UNIT) == []


def test_only_differences_belongs_to_its_pair_and_keys_without_a_row_say_why(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN walikota 647204 (a Sirekap misread) with "Hanya selisih" on, read as "sesuai" (S)
    widget = ComparisonWidget(service, "walikota", "647204")
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    ctrl(qtbot, widget.table, Qt.Key.Key_D)
    assert [r.field for r in widget.model.rows] == ["suara_01"]
    qtbot.keyClick(widget.entry, Qt.Key.Key_S)
    assert widget.message.text().endswith("sesuai (3.260)")
    # WHEN the reading moves on to the next pair (gubernur 647201, no difference at all)
    widget.set_pair("gubernur", "647201")
    # THEN every row is shown from the first, and nothing said about 647204 is left
    assert not widget.only_differences.isChecked()
    assert widget.model.rowCount() == 28 and widget.selected_row() is not None
    assert widget.selected_row().field == widget.model.rows[0].field  # type: ignore[union-attr]
    assert widget.message.text() == ""
    # WHEN "Hanya selisih" leaves no row, Ctrl+K, S and Enter each say why nothing happens
    ctrl(qtbot, widget.table, Qt.Key.Key_D)
    assert widget.model.rowCount() == 0
    said = []
    ctrl(qtbot, widget.table, Qt.Key.Key_K)
    said.append(widget.message.text())
    widget.message.clear()
    qtbot.keyClick(widget.entry, Qt.Key.Key_S)
    said.append(widget.message.text())
    widget.message.clear()
    qtbot.keyClicks(widget.entry, "5")
    qtbot.keyClick(widget.entry, Qt.Key.Key_Return)
    said.append(widget.message.text())
    assert [s.split(":")[0] for s in said] == [
        "Tidak ada rincian yang ditampilkan untuk pembetulan",
        "Tidak ada rincian yang ditampilkan untuk menyatakan sesuai",
        "Tidak ada rincian yang ditampilkan untuk mengisi angka",
    ]
    assert all("Hanya selisih" in s for s in said)
    assert widget.correction_dialog is None and modals.left_open == []
    assert service.corrections.confirmations("gubernur", "647201") == {}
