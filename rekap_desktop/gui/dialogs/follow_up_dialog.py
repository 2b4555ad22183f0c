"""Buka sesi lanjutan… (Rapat menu, Ctrl+Shift+L): a determined result re-opened on a legal
basis for the kecamatan (and pemilihan) it names. The basis, the document's number and date, a
short account and the scope are typed and ticked by keyboard (Tab between fields, Space ticks a
kecamatan); Enter checks everything before the ketua is asked for the PIN, then opens the session.
A refusal is said in the dialog, which keeps what was typed; Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.follow_up import BASIS_LABELS, Basis, FollowUpRequest
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.approvals import Approvals
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label
from rekap_desktop.services.follow_up_service import TITLE, FollowUpService

Submit = Callable[[FollowUpRequest], str | None]
"""Checks the request, asks the ketua's PIN and opens the session: None when opened, else why
not (said in the dialog)."""

DATE_HINT = "TTTT-BB-HH, mis. 2025-02-24"
NOT_OPENED = "Sesi lanjutan belum dibuka."


class FollowUpDialog(QDialog):
    def __init__(self, pleno: Pleno, parent: QWidget | None = None, *, submit: Submit) -> None:
        super().__init__(parent)
        self.setWindowTitle("Buka sesi lanjutan")
        self.submit = submit
        form = QFormLayout(self)
        note = QLabel(
            "Hasil yang sudah ditetapkan dibuka kembali hanya untuk kecamatan (dan pemilihan) "
            "yang dicentang, berdasarkan dokumen di bawah; penetapan berikutnya menutup sesi ini. "
            "Penetapan sebelumnya beserta formulirnya tetap tersimpan."
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.basis = QComboBox()
        for basis in Basis:
            self.basis.addItem(BASIS_LABELS[basis], basis.value)
        form.addRow("&Dasar", self.basis)
        self.number = QLineEdit()
        self.number.setPlaceholderText("mis. 12/PHPU.WAKO-XXIII/2025")
        form.addRow("&Nomor dokumen", self.number)
        self.date = QLineEdit()
        self.date.setPlaceholderText(DATE_HINT)
        form.addRow("&Tanggal dokumen", self.date)
        self.description = QLineEdit()
        form.addRow("&Uraian", self.description)
        self.units = _checklist([(u.code, f"{u.name} ({u.code})") for u in pleno.units])
        form.addRow("&Kecamatan (Spasi: centang)", self.units)
        self.contests = _checklist([(c.code, c.title) for c in pleno.contests])
        form.addRow("&Pemilihan (kosong: semua)", self.contests)
        self.error = refusal_label("followUpError")
        form.addRow(self.error)
        self.buttons = answer_buttons(
            "Buka dengan PIN Ketua (Enter)", self._accept, self.reject, "Batal (Esc)", default=True
        )
        form.addRow(self.buttons)
        self.basis.setFocus()

    def request(self) -> FollowUpRequest | str:
        """The request as typed, or why the date cannot be read."""
        text = self.date.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            return f"Tanggal dokumen '{text}' tidak sah; tulis {DATE_HINT}."
        return FollowUpRequest(
            Basis(self.basis.currentData()),
            self.number.text(),
            day,
            _checked(self.units),
            _checked(self.contests),
            self.description.text(),
        )

    def _accept(self) -> None:
        request = self.request()
        refusal = request if isinstance(request, str) else self.submit(request)
        if refusal is not None:
            self.error.setText(refusal)
            return
        self.error.clear()
        self.accept()


def _checklist(entries: list[tuple[str, str]]) -> QListWidget:
    view = QListWidget()
    for code, label in entries:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        view.addItem(item)
    view.setCurrentRow(0)
    view.setMaximumHeight(max(60, min(200, 22 * len(entries) + 8)))
    return view


def _checked(view: QListWidget) -> tuple[str, ...]:
    items = (view.item(row) for row in range(view.count()))
    return tuple(
        str(item.data(Qt.ItemDataRole.UserRole))
        for item in items
        if item.checkState() == Qt.CheckState.Checked
    )


def open_follow_up_dialog(
    parent: QWidget, service: FollowUpService, approvals: Approvals
) -> FollowUpDialog:
    """The dialog (window-modal); Enter checks the request, asks the ketua's PIN and opens the
    session through ``service``."""

    def attempt(action: Callable[[], object]) -> str | None:
        """None when ``action`` succeeded, else the refusal to show in the dialog (a bug is
        reported in a message, as everywhere in the cockpit)."""
        said = run_operation(parent, TITLE, lambda: _refusal_of(action))
        if said is None:
            return NOT_OPENED
        return said or None

    def submit(request: FollowUpRequest) -> str | None:
        refused = attempt(lambda: service.check_open(request))
        if refused is not None:
            return refused
        confirmation = approvals.confirm(Action.OPEN_FOLLOW_UP)
        if confirmation is None:
            return f"{NOT_OPENED} PIN Ketua KPU tidak diberikan."
        return attempt(lambda: service.open(request, confirmation))

    dialog = FollowUpDialog(service.pleno_service.pleno(), parent, submit=submit)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _refusal_of(action: Callable[[], object]) -> str:
    """Empty when ``action`` ran, else its refusal in words."""
    try:
        action()
    except InputRejected as error:
        return "\n".join(str(problem) for problem in error.problems)
    return ""
