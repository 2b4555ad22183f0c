"""Catat kejadian khusus / keberatan: the dialog behind the K key, built for a tense moment.

Kind and who come first (one click each), then free text; everything else is optional. The entry
is stored the moment "Simpan" is pressed and the dialog stays open, so the rest can be completed
at once or later by reopening the entry. Refusals (rule 17 included) are shown inside the dialog,
nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.election import contest_office
from rekap_desktop.domain.incidents import (
    KIND_LABELS,
    ROLE_LABELS,
    Incident,
    IncidentKind,
    IncidentStatus,
    RaiserRole,
)
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.incidents.entry_detail import entry_html
from rekap_desktop.gui.incidents.entry_fields import EntryFields
from rekap_desktop.gui.operations import refusal_text
from rekap_desktop.services.incident_service import IncidentService, RepeatRefused

PROBLEM_STYLE = "color: #9b1c1c; background: #fdecec; padding: 6px; border-radius: 4px;"
SAVED_STYLE = "color: #14532d; background: #e7f6ec; padding: 6px; border-radius: 4px;"


@dataclass(frozen=True)
class IncidentContext:
    """Where the meeting is when K is pressed: the entry is pre-filled with it."""

    procedure_item: int | str | None = None
    """Butir 1–17 (the cockpit's stop code "6" is accepted; "penetapan" has no butir)."""
    unit: str | None = None
    contest: str | None = None

    def item_number(self) -> int | None:
        text = str(self.procedure_item or "")
        return int(text) if text.isdigit() else None


class IncidentDialog(QDialog):
    def __init__(
        self,
        service: IncidentService,
        parent: QWidget | None = None,
        context: IncidentContext | None = None,
        number: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.number = number
        self.setWindowTitle("Kejadian khusus / keberatan")
        self.resize(760, 640)
        self.kind_group = self._choice_row(
            [(k.value, KIND_LABELS[k]) for k in IncidentKind], "kind"
        )
        self.role_group = self._choice_row([(r.value, ROLE_LABELS[r]) for r in RaiserRole], "role")
        self.saksi_combo = QComboBox()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Nama (boleh dikosongkan untuk Bawaslu, PPK, KPU)")
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("Uraian singkat: apa yang terjadi atau dikeberatkan")
        self.fields = EntryFields(service.pleno())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message_area = QScrollArea()
        self.message_area.setWidget(self.message)
        self.message_area.setWidgetResizable(True)
        self.message_area.setMaximumHeight(240)
        self.message_area.setVisible(False)
        self.save_button = QPushButton("Simpan (Ctrl+Enter)")
        self.evidence_button = QPushButton("Lampirkan bukti…")
        self._build_layout()
        self._fill_saksi()
        self.role_group.idToggled.connect(self._role_changed)
        self.save_button.clicked.connect(self.save)
        self.evidence_button.clicked.connect(self._choose_evidence)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self._start(context or IncidentContext())
        self._kept = self._typed()

    # -- building ----------------------------------------------------------------------------

    def _choice_row(self, choices: list[tuple[str, str]], name: str) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for index, (value, label) in enumerate(choices):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setObjectName(f"{name}_{value}")
            button.setProperty("value", value)
            group.addButton(button, index)
        return group

    def _build_layout(self) -> None:
        who = QHBoxLayout()
        who.addWidget(self.saksi_combo, 2)
        who.addWidget(self.name_edit, 2)
        form = QFormLayout()
        form.addRow("Jenis", _row(self.kind_group))
        form.addRow("Diajukan oleh", _row(self.role_group))
        form.addRow("", _wrap(who))
        form.addRow("Uraian", self.description)
        buttons = QHBoxLayout()
        buttons.addWidget(self.evidence_button)
        buttons.addStretch(1)
        close = QPushButton("Tutup")
        close.clicked.connect(self.accept)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 3)
        layout.addWidget(self.fields, 2)
        layout.addWidget(self.message_area)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)

    def _fill_saksi(self) -> None:
        for witness in self.service.registered_saksi():
            label = (
                f"{witness.name} — saksi nomor urut {witness.choice}, "
                f"{contest_office(witness.contest)}"
            )
            self.saksi_combo.addItem(label, witness)

    def _start(self, context: IncidentContext) -> None:
        if self.number is None:
            self.kind_group.button(1).setChecked(True)  # keberatan saksi: the most frequent
            self.role_group.button(0).setChecked(True)
            self._prefer_saksi_of(context.contest)
            self.fields.set_place(context.item_number(), context.unit, context.contest)
            self.evidence_button.setEnabled(False)
        else:
            self._show_entry(self.service.entry(self.number))
        self._role_changed()
        self.description.setFocus()

    def _prefer_saksi_of(self, contest: str | None) -> None:
        for index in range(self.saksi_combo.count()):
            if self.saksi_combo.itemData(index).contest == contest:
                self.saksi_combo.setCurrentIndex(index)
                return

    def _show_entry(self, entry: Incident) -> None:
        self.kind_group.button(list(IncidentKind).index(entry.kind)).setChecked(True)
        raiser = entry.raiser
        role = raiser.role if raiser else RaiserRole.LAIN
        self.role_group.button(list(RaiserRole).index(role)).setChecked(True)
        if raiser is not None and role is RaiserRole.SAKSI:
            for index in range(self.saksi_combo.count()):
                witness = self.saksi_combo.itemData(index)
                if (witness.name, witness.contest, witness.choice) == (
                    raiser.name,
                    raiser.contest,
                    raiser.choice,
                ):
                    self.saksi_combo.setCurrentIndex(index)
        self.name_edit.setText(raiser.name if raiser else entry.raised_by)
        self.description.setPlainText(entry.description)
        self.fields.show_entry(entry)
        editable = entry.status is IncidentStatus.TERBUKA
        self.save_button.setEnabled(editable)
        self.evidence_button.setEnabled(True)
        self.setWindowTitle(f"Kejadian khusus / keberatan — Entri No. {entry.number}")

    def _role_changed(self, *_args: object) -> None:
        is_saksi = self.role() is RaiserRole.SAKSI
        self.saksi_combo.setVisible(is_saksi)
        self.name_edit.setVisible(not is_saksi)

    # -- reading the form --------------------------------------------------------------------

    def kind(self) -> IncidentKind:
        return list(IncidentKind)[self.kind_group.checkedId()]

    def role(self) -> RaiserRole:
        return list(RaiserRole)[self.role_group.checkedId()]

    def draft(self) -> Incident:
        witness = self.saksi_combo.currentData() if self.role() is RaiserRole.SAKSI else None
        return self.fields.draft(
            kind=self.kind(),
            role=self.role(),
            name=witness.name if witness else self.name_edit.text().strip(),
            saksi=(witness.contest, witness.choice) if witness else None,
            description=self.description.toPlainText().strip(),
        )

    # -- closing -----------------------------------------------------------------------------

    def _typed(self) -> tuple[str, str]:
        return self.description.toPlainText().strip(), self.name_edit.text().strip()

    def done(self, result: int) -> None:
        """Escape, Tutup or the window's close: text typed and not yet saved is not thrown
        away without asking (an Escape pressed in a hurry lost the whole description)."""
        if self._typed() != self._kept and any(self._typed()) and not self._discard_confirmed():
            return
        super().done(result)

    def _discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Kejadian khusus / keberatan",
            "Uraian yang diketik belum disimpan. Tutup tanpa menyimpan?\n"
            "Pilih Tidak, lalu Simpan (Ctrl+Enter), untuk menyimpannya.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- acting ------------------------------------------------------------------------------

    def save(self) -> None:
        """Create the entry (first press) or store the completed version (later presses)."""
        try:
            draft = self.draft()
            if self.number is None:
                stored = self.service.create(draft)
                self.number = stored.number
            else:
                stored = self.service.edit(self.number, draft)
        except RepeatRefused as refusal:
            pleno = self.service.pleno()
            self._say(
                f"<b>{refusal.problems[0].message}</b><hr>{entry_html(pleno, refusal.earlier)}",
                PROBLEM_STYLE,
            )
            return
        except InputRejected as error:
            self._say(refusal_text(error).replace("\n", "<br>"), PROBLEM_STYLE)
            return
        self.evidence_button.setEnabled(True)
        self._kept = self._typed()
        self.setWindowTitle(f"Kejadian khusus / keberatan — Entri No. {stored.number}")
        self._say(
            f"Tersimpan sebagai entri No. {stored.number} (versi {stored.version}). "
            "Dapat dilengkapi sekarang atau nanti dari register.",
            SAVED_STYLE,
        )

    def attach(self, path: Path) -> None:
        if self.number is None:
            return
        try:
            evidence = self.service.attach_evidence(self.number, path)
        except InputRejected as error:
            self._say(refusal_text(error).replace("\n", "<br>"), PROBLEM_STYLE)
            return
        self._say(
            f"Bukti '{evidence.file_name}' dilampirkan pada entri No. {self.number}.", SAVED_STYLE
        )

    def _choose_evidence(self) -> None:
        name = file_dialogs.open_file(
            self, "Lampirkan bukti", "Foto atau dokumen (*.jpg *.jpeg *.png *.pdf)"
        )
        if name:
            self.attach(Path(name))

    def _say(self, html: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(html)
        self.message_area.setVisible(True)


def _row(group: QButtonGroup) -> QWidget:
    box = QHBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    for button in group.buttons():
        box.addWidget(button)
    box.addStretch(1)
    return _wrap(box)


def _wrap(layout: QHBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
