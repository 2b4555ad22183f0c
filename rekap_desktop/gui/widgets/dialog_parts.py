"""The parts every input dialog of the cockpit has: a red line that says what is refused, and
the save/cancel pair labelled with what pressing it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel

REFUSAL_STYLE = "color: #a00;"


def refusal_label(object_name: str = "") -> QLabel:
    """An empty, word-wrapped red label for the dialog's refusal (filled when input is refused)."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setStyleSheet(REFUSAL_STYLE)
    label.setWordWrap(True)
    return label


def answer_buttons(
    ok_text: str,
    accept: Callable[[], object],
    reject: Callable[[], object],
    cancel_text: str = "Batal",
    *,
    default: bool = False,
) -> QDialogButtonBox:
    """OK and Cancel, named for what they do, wired to ``accept`` and ``reject``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    if default:  # otherwise the button box picks its own default when shown, as Qt does
        ok.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons
