"""Ambang kewajaran… (Rapat menu): the thresholds of the plausibility warnings P01–P06 for this
meeting, typed over the values in force, checked before anyone is asked for a PIN, then saved
with a commissioner's PIN (audited). A refusal names the field; nothing changes until saved.

Enter saves, Esc cancels; the dialog stays open with what was typed until the thresholds are
stored."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from rekap_desktop.domain.plausibility import Limits
from rekap_desktop.domain.plausibility_limits import LIMIT_FIELDS, limit_texts, parse_limits
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.approvals import Approvals
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label
from rekap_desktop.services.plausibility_service import LIMITS_TITLE, PlausibilityService

Submit = Callable[[Mapping[str, str]], bool]
"""Asks for the commissioner's PIN and stores the thresholds; True when they were stored."""


class PlausibilityLimitsDialog(QDialog):
    def __init__(
        self, limits: Limits, parent: QWidget | None = None, *, submit: Submit | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ambang kewajaran")
        self.submit = submit
        shown = limit_texts(limits)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        note = QLabel(
            "Batas peringatan kewajaran P01–P06 untuk rapat ini. Peringatan tidak pernah "
            "menghalangi rapat; bawaan program dan sumbernya ada di panduan (README)."
        )
        note.setWordWrap(True)
        form.addRow(note)
        for spec in LIMIT_FIELDS:
            edit = QLineEdit(shown[spec.name])
            edit.setObjectName(spec.name)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edits[spec.name] = edit
            form.addRow(spec.label, edit)
        self.error = refusal_label("limitsError")
        self.buttons = answer_buttons(
            "Simpan dengan PIN komisioner (Enter)",
            self._accept,
            self.reject,
            "Batal (Esc)",
            default=True,
        )
        form.addRow(self.error)
        form.addRow(self.buttons)
        first = self.edits[LIMIT_FIELDS[0].name]
        first.setFocus()
        first.selectAll()

    def texts(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def _accept(self) -> None:
        parsed = parse_limits(self.texts())
        if isinstance(parsed, list):  # said here, before anyone types a PIN
            self.error.setText("\n".join(parsed))
            return
        self.error.clear()
        if self.submit is not None and not self.submit(self.texts()):
            self.error.setText("Ambang belum disimpan; isian tetap di sini.")
            return
        self.accept()


def open_limits_dialog(
    parent: QWidget, service: PlausibilityService, approvals: Approvals
) -> PlausibilityLimitsDialog | None:
    """The dialog over the thresholds in force (window-modal); saving asks a commissioner's
    PIN and stores them through ``service``."""
    limits = run_operation(parent, LIMITS_TITLE, service.limits)
    if limits is None:
        return None

    def submit(texts: Mapping[str, str]) -> bool:
        confirmation = approvals.confirm(Action.SET_PLAUSIBILITY_LIMITS)
        if confirmation is None:
            return False
        stored = run_operation(
            parent, LIMITS_TITLE, lambda: service.set_limits(texts, confirmation)
        )
        return stored is not None

    dialog = PlausibilityLimitsDialog(limits, parent, submit=submit)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
