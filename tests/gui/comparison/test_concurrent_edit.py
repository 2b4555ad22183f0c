"""Two stations read the same kecamatan; the second one's edit, based on the older view, is shown
as a normal refusal and the view re-reads what is stored now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.sources import PPK
from rekap_desktop.gui import operations
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import RefusingApprovals

CONTEST, UNIT, FIELD = "gubernur", "647203", "suara_01"


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[tuple[ComparisonService, ComparisonService]]:
    """Station A (a service only) and station B (the widget's), on one demo database."""
    db = str(tmp_path / "demo.sqlite")
    first = PlenoService(open_engine(db), actor="Operator Meja 1")
    load_demo(first)
    second = PlenoService(open_engine(db), actor="Operator Meja 2")
    yield ComparisonService(first), ComparisonService(second)
    first.engine.dispose()
    second.engine.dispose()


def _ppk_value(widget: ComparisonWidget) -> int | None:
    row = widget.selected_row()
    assert row is not None and row.field == FIELD
    return next(c.value for c in row.cells if c.source == PPK)


def test_an_edit_on_an_older_view_is_refused_and_the_view_refreshes(
    qtbot: QtBot,
    stations: tuple[ComparisonService, ComparisonService],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    a, b = stations
    # GIVEN station B shows SAMARINDA ULU's PPK suara_01 (28.999)
    widget = ComparisonWidget(b, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.select_field(FIELD)
    assert _ppk_value(widget) == 28999
    shown: list[tuple[str, str, int | None]] = []

    def warn(_parent: object, title: str, text: str) -> None:
        # The refusal is read over what is stored now: the view refreshed before it is shown.
        shown.append((title, text, _ppk_value(widget)))

    monkeypatch.setattr(operations.QMessageBox, "warning", warn)
    # WHEN station A changes that value, then B (not yet refreshed) enters another one
    seen_a = a.corrections.view(CONTEST, UNIT).versions
    a.entry.enter(CONTEST, UNIT, "ppk", FIELD, "29.000", seen=seen_a)
    widget.entry_source.setCurrentIndex(0)
    widget.enter_value(29001)
    # THEN B sees a normal refusal naming the field, kecamatan and station A, over the new value
    assert len(shown) == 1
    title, text, value_behind = shown[0]
    assert title == "Perbandingan"
    assert text.startswith("Ditolak.\n\n• ")
    assert "(formulir D.Hasil PPK, SAMARINDA ULU (647203), gubernur) sudah diubah oleh " in text
    assert "Operator Meja 1" in text and "menjadi 29.000" in text
    assert value_behind == 29000
    assert widget.message.text() == "Diubah oleh stasiun lain; tampilan diperbarui."
    assert a.pleno.tallies(CONTEST)[(CONTEST, UNIT, "ppk")].value(FIELD) == 29000  # type: ignore[arg-type]
    widget.grab().save(str(tmp_path / "refused.png"))
    # WHEN B enters again on the refreshed view THEN it is accepted
    widget.select_field(FIELD)
    widget.enter_value(29001)
    assert len(shown) == 1
    assert a.pleno.tallies(CONTEST)[(CONTEST, UNIT, "ppk")].value(FIELD) == 29001  # type: ignore[arg-type]


def test_a_value_typed_while_the_view_refreshed_is_refused_not_silently_written(
    qtbot: QtBot,
    stations: tuple[ComparisonService, ComparisonService],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = stations
    shown: list[str] = []
    monkeypatch.setattr(
        operations.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    # GIVEN station B shows SAMARINDA ULU's PPK suara_01 and its operator starts typing
    widget = ComparisonWidget(b, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.show()
    widget.select_field(FIELD)
    widget.entry_source.setCurrentIndex(0)
    qtbot.keyClicks(widget.entry, "29.001")
    # WHEN station A enters 29.000 and B's view refreshes (the station watcher) mid-typing
    a.entry.enter(
        CONTEST, UNIT, "ppk", FIELD, "29.000", seen=a.corrections.view(CONTEST, UNIT).versions
    )
    widget.refresh()
    assert _ppk_value(widget) == 29000
    # AND B's operator presses Enter
    qtbot.keyClick(widget.entry, Qt.Key.Key_Return)
    # THEN B is told who changed it to what, and A's value stays
    assert len(shown) == 1
    assert "sudah diubah oleh Operator Meja 1" in shown[0] and "menjadi 29.000" in shown[0]
    assert a.pleno.tallies(CONTEST)[(CONTEST, UNIT, "ppk")].value(FIELD) == 29000  # type: ignore[arg-type]


def test_a_correction_on_a_view_changed_elsewhere_is_refused_before_the_pin(
    qtbot: QtBot,
    stations: tuple[ComparisonService, ComparisonService],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = stations
    # GIVEN station B's correction dialog open on SAMARINDA ULU's suara_01, approvals recorded
    widget = ComparisonWidget(b, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.show()
    widget.select_field(FIELD)
    approvals = RefusingApprovals()
    asked = approvals.asked
    widget.approvals = approvals
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = widget.open_correction()
    assert dialog is not None
    # WHEN station A changes that value, then B's dialog is filled and Enter pressed
    seen_a = a.corrections.view(CONTEST, UNIT).versions
    a.entry.enter(CONTEST, UNIT, "ppk", FIELD, "29.000", seen=seen_a)
    qtbot.keyClicks(dialog.proposed_by, "Saksi nomor urut 1")
    qtbot.keyClick(dialog.proposed_by, Qt.Key.Key_Return)
    # THEN it is refused naming station A, before any commissioner is asked for a PIN
    assert asked == []
    assert len(shown) == 1 and "Operator Meja 1" in shown[0]
    assert dialog.isVisible() and dialog.proposed_by.text() == "Saksi nomor urut 1"
    assert not b.corrections.corrections(CONTEST, UNIT)
