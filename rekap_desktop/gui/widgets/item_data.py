"""Enum values as Qt item data. PySide6 turns a ``StrEnum`` stored as item data into a plain
``str`` (``currentData()`` does not give the enum back), so every enum crosses into a combo box
through :func:`add_enum_item` and comes back through :func:`enum_data`."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=Enum)


def add_enum_item(box: QComboBox, label: str, value: Enum) -> None:
    """Add ``label`` to ``box`` carrying ``value`` (stored as its plain value)."""
    box.addItem(label, value.value)


def enum_data(box: QComboBox, enum_type: type[E], index: int | None = None) -> E | None:
    """The enum of the current item (or of ``index``), or None when the item carries none."""
    data = box.currentData() if index is None else box.itemData(index)
    if data is None:
        return None
    return enum_type(data.value if isinstance(data, Enum) else data)


def select_enum(box: QComboBox, value: Enum) -> None:
    """Make the item carrying ``value`` current (nothing changes when no item carries it)."""
    index = box.findData(value.value)
    if index >= 0:
        box.setCurrentIndex(index)
