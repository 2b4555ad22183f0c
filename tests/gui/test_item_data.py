"""Enum values stored as Qt item data come back as the enum (PySide6 hands a StrEnum back as a
plain str)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import REASON_LABELS, Reason
from rekap_desktop.domain.incidents import IncidentKind
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data, select_enum


def test_an_enum_put_into_a_combo_box_comes_back_as_that_enum(qtbot: QtBot) -> None:
    # GIVEN the correction reasons in a combo box, through the helper
    box = QComboBox()
    qtbot.addWidget(box)
    for reason, label in REASON_LABELS.items():
        add_enum_item(box, label, reason)
    box.addItem("tanpa data", None)
    # WHEN one is chosen THEN the enum itself comes back, with its .value
    select_enum(box, Reason.LAINNYA)
    chosen = enum_data(box, Reason)
    assert chosen is Reason.LAINNYA and chosen.value == "lainnya"
    assert enum_data(box, Reason, 0) is Reason.SESUAI_PPK
    # AND an item without data gives None, and a missing value leaves the choice as it was
    assert enum_data(box, Reason, box.count() - 1) is None
    select_enum(box, IncidentKind.KEJADIAN_KHUSUS)
    assert enum_data(box, Reason) is Reason.LAINNYA
