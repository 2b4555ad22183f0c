"""Daftar hadir dialog (procedure item 1): one person, a saksi with contest, choice and mandate."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from rekap_desktop.domain.election import BLANK_COLUMN_SAKSI, Contest, Pleno
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.procedure_records import ROLES

Save = Callable[[str, str, str | None, int | None, bool | None, str], None]


class AttendanceDialog(QDialog):
    """Saves through ``save``; a refusal is shown in the dialog and the entry kept for fixing."""

    def __init__(self, pleno: Pleno, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The generated form is loaded when the dialog first opens: its imports of many Qt
        # classes cost the start-up a few hundredths of a second otherwise.
        from rekap_desktop.gui.forms.ui_attendance_dialog import Ui_AttendanceDialog

        self.ui = Ui_AttendanceDialog()
        self.ui.setupUi(self)
        self._save = save
        for code, label in ROLES.items():
            self.ui.roleBox.addItem(label, code)
        self.ui.choiceBox.addItem("—", None)
        for contest in pleno.contests:
            for number, name in saksi_options(contest):
                label = f"{contest.title} — {name}"
                self.ui.choiceBox.addItem(label, f"{contest.code}:{number}")
        for label, value in (
            ("—", None),
            ("Diperiksa: sah", True),
            ("Diperiksa: tidak sah", False),
        ):
            self.ui.mandateBox.addItem(label, value)
        self._blank_columns = {
            f"{c.code}:{choice.number}"
            for c in pleno.contests
            for choice in c.choices
            if choice.blank_column
        }
        self.ui.roleBox.currentIndexChanged.connect(self._role_changed)
        self.ui.choiceBox.currentIndexChanged.connect(self._choice_changed)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._role_changed()
        self.ui.roleBox.setFocus()

    def _role_changed(self) -> None:
        role = self.ui.roleBox.currentData()
        is_saksi = role == "saksi"
        for widget in (self.ui.choiceBox, self.ui.mandateBox):
            widget.setEnabled(is_saksi)
        # A pemantau's institution (lembaga) is written where the others' note goes.
        self.ui.noteLabel.setText("&Lembaga/catatan:" if role == "pemantau" else "&Catatan:")
        self._choice_changed()

    def _choice_changed(self) -> None:
        """Said as soon as the kolom kosong is picked, before OK: it has no saksi."""
        blank = (
            self.ui.roleBox.currentData() == "saksi"
            and self.ui.choiceBox.currentData() in self._blank_columns
        )
        self.ui.problemLabel.setText(BLANK_COLUMN_SAKSI.capitalize() + "." if blank else "")

    def accept(self) -> None:
        role = str(self.ui.roleBox.currentData())
        choice = self.ui.choiceBox.currentData() if role == "saksi" else None
        contest, number = _split_choice(choice)
        mandate = self.ui.mandateBox.currentData() if role == "saksi" else None
        try:
            self._save(
                role, self.ui.nameEdit.text(), contest, number, mandate, self.ui.noteEdit.text()
            )
        except InputRejected as error:
            self.ui.problemLabel.setText("\n".join(str(p) for p in error.problems))
            return
        super().accept()


def _split_choice(data: object) -> tuple[str | None, int | None]:
    """Choice-box data "contest:number" → (contest, number)."""
    if not isinstance(data, str):
        return None, None
    contest, _, number = data.partition(":")
    return contest, int(number)


def saksi_options(contest: Contest) -> list[tuple[int, str]]:
    """Whom a saksi may stand for: each party of a legislative contest (a party mandates its
    saksi), else each pasangan calon or DPD candidate. The kolom kosong stays in the list, so
    the operator who looks for it is told why it has no saksi instead of finding nothing."""
    if contest.is_party_list:
        return [(p.number, f"partai nomor urut {p.number} {p.name}") for p in contest.parties]
    return [
        (
            c.number,
            f"{c.label('nomor urut ', ' ')} (tanpa saksi)"
            if c.blank_column
            else c.label("nomor urut ", " "),
        )
        for c in contest.choices
    ]
