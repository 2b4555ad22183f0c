"""One finding chosen from the open ones and the meeting's reason for letting it stand: the shape
shared by the keputusan rapat atas temuan (Ctrl+T) and the override of a plausibility warning
(Ctrl+Shift+T).

Enter submits; the reason is required before anyone is asked for a PIN, and the dialog stays open
with what was typed until the submit callback has recorded it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label

MIN_WIDTH = 640
"""Wide enough for a finding's message on two or three lines."""

T = TypeVar("T")


@dataclass(frozen=True)
class Wording:
    """What the dialog says, in Indonesian."""

    title: str
    note: str
    reason_label: str
    placeholder: str
    none_open: str
    reason_missing: str
    not_recorded: str
    error_name: str


class ReasonedChoiceDialog(QDialog, Generic[T]):
    def __init__(
        self,
        wording: Wording,
        where: str,
        choices: Sequence[T],
        label: Callable[[T], str],
        describe: Callable[[T], str],
        parent: QWidget | None = None,
        *,
        submit: Callable[[T, str], bool] | None = None,
    ) -> None:
        """``label``: a choice in the list; ``describe``: the whole of it, shown below."""
        super().__init__(parent)
        self.wording = wording
        self.setWindowTitle(wording.title)
        self.setMinimumWidth(MIN_WIDTH)
        self.choices = list(choices)
        self.describe = describe
        self.submit = submit
        self.finding = QComboBox()
        # The message can be long: the box shows its start, the label below all of it.
        self.finding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.finding.setMinimumContentsLength(40)
        for choice in self.choices:
            self.finding.addItem(label(choice))
        self.finding.currentIndexChanged.connect(self._show_message)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(wording.placeholder)
        self.error = refusal_label(wording.error_name)
        self.buttons = answer_buttons(
            "Simpan dengan PIN komisioner (Enter)",
            self._accept,
            self.reject,
            "Batal (Esc)",
            default=True,
        )
        form = QFormLayout(self)
        note = QLabel(wording.note)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("Kecamatan × pemilihan", QLabel(where))
        form.addRow("Temuan", self.finding)
        form.addRow("", self.message)
        form.addRow(wording.reason_label, self.reason)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self._show_message()
        self.reason.setFocus()

    def chosen(self) -> T | None:
        index = self.finding.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def _show_message(self) -> None:
        chosen = self.chosen()
        self.message.setText(self.describe(chosen) if chosen is not None else "")

    def _accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.error.setText(self.wording.none_open)
            return
        if not self.reason.text().strip():
            self.error.setText(self.wording.reason_missing)
            self.reason.setFocus()
            return
        self.error.clear()
        if self.submit is not None and not self.submit(chosen, self.reason.text()):
            self.error.setText(self.wording.not_recorded)
            return
        self.accept()
