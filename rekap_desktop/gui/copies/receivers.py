"""The receivers of a handing as a list ticked with Space: the suggested ones (each saksi present
of the contest, Bawaslu) and those typed in by the operator (a saksi lain, a pemantau …)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from rekap_desktop.domain.copies import Receiver

RECEIVER_ROLE = Qt.ItemDataRole.UserRole + 1


class ReceiverList(QListWidget):
    """Each line a receiver with its check box; ``chosen`` are the ticked ones, in list order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.entries: list[Receiver] = []

    def show_receivers(self, suggested: list[tuple[Receiver, str]], ticked: bool = True) -> None:
        """Replace the list with ``suggested`` (receiver, as what), ticked or not."""
        self.clear()
        self.entries = []
        for receiver, role in suggested:
            self.add(receiver, role, ticked)

    def add(self, receiver: Receiver, role: str, ticked: bool = True) -> None:
        """Add one receiver (a typed one comes ticked and current)."""
        item = QListWidgetItem(f"{receiver.name} — {role}" if role else receiver.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        item.setData(RECEIVER_ROLE, len(self.entries))
        self.entries.append(receiver)
        self.addItem(item)
        self.setCurrentItem(item)

    def chosen(self) -> tuple[Receiver, ...]:
        return tuple(
            self.entries[int(self.item(row).data(RECEIVER_ROLE))]
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )
