"""Indonesian number entry for reading forms aloud: digits (with "." as thousands separator),
Enter commits the value, "S" (sesuai) says the value read equals the one shown."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from rekap_desktop.gui.keys import NUMBER_FIELD
from rekap_desktop.text.numbers import parse_number

AGREE_KEYS = (Qt.Key.Key_S, Qt.Key.Key_Equal)
"""One key for "sesuai": S, or = on the numeric keypad side."""


STEP_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


class NumberEdit(QLineEdit):
    value_committed = Signal(int)
    """Enter was pressed on a whole number ≥ 0 (the text is cleared)."""
    agreed = Signal()
    """The "sesuai" key was pressed: the value read equals the value shown."""
    refused = Signal(str)
    """Enter was pressed on text that is not a whole number; the Indonesian message says why."""
    stepped = Signal(int)
    """Up (-1) or Down (+1): the row being read moves, the keyboard stays here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("ketik angka, Enter = simpan & turun, S = sesuai")
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,15}"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setProperty(NUMBER_FIELD, True)  # letters are the cockpit's keys here

    def value(self) -> int | None:
        return parse_number(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in AGREE_KEYS and not self.text().strip():
            self.agreed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit()
            return
        step = STEP_KEYS.get(Qt.Key(event.key()))
        if step is not None:
            self.stepped.emit(step)
            return
        super().keyPressEvent(event)

    def _commit(self) -> None:
        text = self.text().strip()
        if not text:
            return
        value = parse_number(text)
        if value is None:
            self.refused.emit(
                f"'{text}' bukan angka yang sah: isi bilangan bulat ≥ 0 "
                "(titik sebagai pemisah ribuan)"
            )
            return
        self.clear()
        self.value_committed.emit(value)
