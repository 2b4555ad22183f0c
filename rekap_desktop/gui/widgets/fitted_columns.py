"""Tables whose text column wraps instead of widening the table: the cockpit has no sideways
scrolling on a 1366×768 laptop."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def wrap_column(table: QTableView, column: int) -> None:
    """Every column as wide as its contents except ``column``, which takes the rest of the
    table's width and wraps its text over several lines (rows grow to fit)."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
