"""Rincian desa/TPS (Ctrl+Shift+D): from a kecamatan's difference to the TPS that carries it, by
keyboard, in the comparison of items 7–10."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.comparison.drill_down_dialog import DrillDownDialog
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from tests.fixtures import HEADER, rows_meeting
from tests.gui.driven import drives

# UTARA per TPS from the PPK and Sirekap; Sirekap read TPS 002 of desa 1002's 350 as 850.
ROWS = "\n".join(
    [
        HEADER,
        "walikota,9901011001001,,ppk,300,40,250,290,10,300",
        "walikota,9901011001002,,ppk,200,20,170,190,10,200",
        "walikota,9901011002001,,ppk,420,60,350,410,10,420",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300",
        "walikota,9901011001002,,sirekap,200,20,170,190,10,200",
        "walikota,9901011002001,,sirekap,420,60,850,910,10,920",
        "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
    ]
)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    with rows_meeting(tmp_path, ROWS) as pleno:
        yield ComparisonService(pleno)


def open_widget(qtbot: QtBot, service: ComparisonService, unit: str) -> ComparisonWidget:
    widget = ComparisonWidget(service, "walikota", unit)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def ctrl_shift(qtbot: QtBot, widget: object, key: Qt.Key) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, modifiers)  # type: ignore[arg-type]


def shown_rows(dialog: DrillDownDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


@drives(DrillDownDialog)
def test_the_tps_behind_a_difference_is_found_by_keyboard(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN UTARA, where Sirekap differs from the PPK on suara nomor urut 2
    widget = open_widget(qtbot, service, "990101")
    widget.select_field("suara_02")
    # WHEN Ctrl+Shift+D is pressed on that row
    ctrl_shift(qtbot, widget.entry, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: widget.drill_down_dialog is not None)
    dialog = widget.drill_down_dialog
    assert isinstance(dialog, DrillDownDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    # THEN the TPS that carries it comes first, with both values, the gap and the misread
    first, *others = shown_rows(dialog)
    assert first == [
        "9901011002",
        "TPS 001",
        "350",
        "850",
        "500",
        "Sirekap: angka 3 terbaca 8 (350 → 850)",
    ]
    assert [row[1] for row in others] == ["TPS 001", "TPS 002"]
    text = dialog.summary.text()
    assert "1 TPS berbeda" in text and "TPS 001 desa/kelurahan 9901011002" in text
    assert "salah baca pada Sirekap: angka 3 terbaca 8" in text
    # AND Ctrl+D shows only the place that differs
    qtbot.keyClick(dialog.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(shown_rows(dialog)) == 1
    # AND F5 sends the places to the projector
    with qtbot.waitSignal(widget.places_shown) as sent:
        qtbot.keyClick(dialog.table, Qt.Key.Key_F5)
    assert sent.args == ["walikota", "990101", "suara_02"]
    assert "Ditayangkan" in dialog.projected.text()
    # AND Esc closes it, back to the comparison
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: widget.drill_down_dialog is None)


def test_a_kecamatan_given_as_one_row_says_there_is_nothing_below_it(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN SELATAN, which the PPK gave as its own row
    widget = open_widget(qtbot, service, "990102")
    widget.select_field("suara_02")
    # WHEN Ctrl+Shift+D is pressed THEN no dialog opens and the operator is told why
    ctrl_shift(qtbot, widget.entry, Qt.Key.Key_D)
    QApplication.processEvents()
    assert widget.drill_down_dialog is None
    assert "tidak ada baris desa/TPS yang diimpor" in widget.message.text()
