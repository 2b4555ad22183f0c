"""The cockpit's key map: the one place that says which key does what, and when it acts.

A commissioner in a noisy hall needs the emergency keys always within reach, and typed letters
must never fire an action. So:

- A single letter (B layar hitam, K kejadian khusus / keberatan, P skors) acts when the focus is
  NOT in a text field. A number field takes only digits, so there the letters act too (and so do
  the other single keys of the cockpit such as [ and ]); in a text field they are typed.
- Every one of these actions also has an "always" key with Ctrl, which works from anywhere:
  while typing in a text field, inside any dialog, whatever window has the focus. Only the
  blackout works while the screen is locked (the other two write to the meeting's record).

``KeyRouter`` is the application-wide filter that applies these rules; the actions keep their
letters as ordinary shortcuts of the cockpit window. The key table of the guide and of F1 is
built from ``KEY_MAP``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QIntValidator, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget


@dataclass(frozen=True)
class KeyBinding:
    name: str
    letter: str
    """Acts when the focus is not in a text field."""
    always: str
    """Acts from anywhere, a text field and every dialog included."""
    what: str
    """What it does, for the key table (Indonesian)."""
    while_locked: bool = False
    """Also while the screen is locked (only what changes no record)."""


BLANK = KeyBinding("blank", "B", "Ctrl+B", "layar proyektor hitam / tampil kembali", True)
PAUSE = KeyBinding("pause", "P", "Ctrl+Shift+P", "skors / cabut skors")
INCIDENT = KeyBinding("incident", "K", "Ctrl+Shift+J", "catat kejadian khusus / keberatan")
KEY_MAP: tuple[KeyBinding, ...] = (BLANK, PAUSE, INCIDENT)

NOT_WHILE_TYPING = "kecuali saat kursor di kotak teks (di kotak angka tetap berlaku)"
"""When the single letters act, as the key table says it."""
NUMBER_FIELD = "hanyaAngka"
"""Dynamic property: set it to True on an input that takes digits only (letters act there)."""
NUMBER_TEXT = frozenset("0123456789. ")
"""What a number field types itself (thousands separators and spaces included)."""


def bind(action: QAction, binding: KeyBinding) -> QAction:
    """Give ``action`` the letter of ``binding`` (the always-key is the router's)."""
    action.setShortcut(QKeySequence(binding.letter))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setAutoRepeat(False)  # a key held down must not blank and unblank the room
    return action


def is_number_field(widget: QWidget | None) -> bool:
    """An input that takes digits only: the reading entry, spin and time boxes, a line edit
    with an integer validator, or any input marked with ``NUMBER_FIELD``."""
    while widget is not None:
        if widget.property(NUMBER_FIELD) is True or isinstance(widget, QAbstractSpinBox):
            return True
        if isinstance(widget, QLineEdit):
            return isinstance(widget.validator(), QIntValidator)
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


def _sequence(event: QKeyEvent) -> QKeySequence:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(QKeyCombination(modifiers, event.keyCombination().key()))


class KeyRouter(QObject):
    """Installed on the application: runs the always-keys from anywhere, and lets the single
    keys of the cockpit act while a number field has the focus."""

    def __init__(self, actions: dict[str, QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        """The action of each binding's ``name`` (bindings without an action are skipped)."""
        self.locked: Callable[[], bool] = lambda: False
        """Whether the screen is locked (the idle lock sets it)."""
        self._always = {QKeySequence(b.always).toString(): b for b in KEY_MAP if b.name in actions}
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        binding = self._always.get(_sequence(event).toString())
        if binding is not None:
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the key press comes to us, not to a shortcut of any window
            elif not event.isAutoRepeat():
                self._run(binding)
            return True
        if kind == QEvent.Type.ShortcutOverride and self._letter_in_number_field(event):
            event.ignore()  # not the field's: the cockpit's shortcut of that key may act
            return True
        return False

    def _run(self, binding: KeyBinding) -> None:
        action = self.actions[binding.name]
        if action.isEnabled() and (binding.while_locked or not self.locked()):
            action.trigger()

    @staticmethod
    def _letter_in_number_field(event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        text = event.text()
        if modifiers != Qt.KeyboardModifier.NoModifier or len(text) != 1 or not text.isprintable():
            return False
        return text not in NUMBER_TEXT and is_number_field(QApplication.focusWidget())
