"""Pencocokan / penghitungan suara ulang (Ctrl+U in the rincian desa/TPS): the record of the
TPS or desa checked in the meeting — who proposed it and why (the objection it answers), the
meeting's decision, the box and its seal, who counted, the saksi and Bawaslu who witnessed, and
the value found for the field at each place.

Enter anywhere records it (Space ticks a witness); what is missing is said here before the
commissioner is asked for their PIN, and the dialog keeps what was typed until it is recorded."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
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

from rekap_desktop.domain.drill_down import PlaceLine
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recounts import (
    BOX_LABELS,
    DECISION_LABELS,
    KIND_LABELS,
    BoxState,
    FoundValue,
    RecountDecision,
    RecountEntry,
    RecountKind,
    entry_problems,
)
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data
from rekap_desktop.text.numbers import format_number, parse_number

NO_INCIDENT = "— tidak terkait keberatan —"
OTHERS_HINT = "nama lain yang menyaksikan, dipisah titik koma"

Submit = Callable[[RecountEntry], bool]
"""Asks for the commissioner's PIN and records the entry; True when it was recorded."""
E = TypeVar("E", bound=Enum)


def enum_combo(labels: Mapping[E, str]) -> QComboBox:
    box = QComboBox()
    for value, label in labels.items():
        add_enum_item(box, label, value)
    return box


class RecountDialog(QDialog):
    def __init__(
        self,
        where: tuple[str, str],
        field: tuple[FieldKey, str],
        places: Sequence[PlaceLine],
        sources: Sequence[str],
        witnesses: Sequence[str],
        incidents: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
    ) -> None:
        """``where``: (contest code, unit code); ``field``: (key, row label); ``sources``: the
        titles of the place's values in order; ``witnesses``: the saksi and Pengawas of the
        meeting who may be ticked as present."""
        super().__init__(parent)
        self.setWindowTitle("Pencocokan / penghitungan suara ulang")
        self.where, (self.field, self.field_label) = where, field
        self.places = tuple(places)
        self.submit = submit
        self.incidents = {number for number, _ in incidents}
        said = {line.code: _values(sources, line) for line in self.places}
        self.kind = enum_combo(KIND_LABELS)
        self.proposed_by = QLineEdit()
        self.proposed_by.setPlaceholderText("wajib: siapa yang mengusulkan")
        self.reason = QLineEdit(
            f"Selisih {self.field_label} di "
            + "; ".join(f"{line.name} ({said[line.code]})" for line in self.places)
        )
        self.incident = QComboBox()
        self.incident.addItem(NO_INCIDENT, None)
        for number, text in incidents:
            self.incident.addItem(f"No. {number}: {text[:70]}", number)
        self.decision = enum_combo(DECISION_LABELS)
        self.box = enum_combo(BOX_LABELS)
        self.box_note = QLineEdit()
        self.box_note.setPlaceholderText("nomor segel, keadaan kotak (boleh kosong)")
        self.counted_by = QLineEdit()
        self.counted_by.setPlaceholderText("wajib: PPK/KPU yang mencocokkan atau menghitung")
        self.present = QListWidget()
        for name in witnesses:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.present.addItem(item)
        if witnesses:
            self.present.setCurrentRow(0)
        self.present.setMaximumHeight(110)
        self.others = QLineEdit()
        self.others.setPlaceholderText(OTHERS_HINT)
        self.found_edits = [_number_edit() for _ in self.places]
        self.error = refusal_label("recountError")
        self.buttons = answer_buttons(
            "Simpan (Enter)", self._accept, self.reject, "Batal (Esc)", default=True
        )
        form = QFormLayout(self)
        where_label = QLabel(
            "<br>".join(f"<b>{ln.name}</b> — {said[ln.code]}" for ln in self.places)
        )
        form.addRow(f"Tempat ({self.field_label})", where_label)
        for label, widget in (
            ("Diusulkan oleh", self.proposed_by),
            ("Alasan usulan", self.reason),
            ("Terkait keberatan", self.incident),
            ("Jenis", self.kind),
            ("Keputusan rapat", self.decision),
            ("Kotak suara", self.box),
            ("Catatan kotak/segel", self.box_note),
            ("Dicocokkan/dihitung oleh", self.counted_by),
            ("Disaksikan (Spasi = hadir)", self.present),
            ("Saksi/pengawas lain", self.others),
        ):
            form.addRow(label, widget)
        for line, edit in zip(self.places, self.found_edits, strict=True):
            form.addRow(f"Ditemukan di {line.name}", edit)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.proposed_by.setFocus()

    def witnesses(self) -> tuple[str, ...]:
        ticked = [
            item.text()
            for row in range(self.present.count())
            if (item := self.present.item(row)).checkState() == Qt.CheckState.Checked
        ]
        ticked += [name.strip() for name in self.others.text().split(";") if name.strip()]
        return tuple(ticked)

    def entry(self) -> RecountEntry:
        """The record as entered (a value found that is not a whole number is left out and
        said by :meth:`problems`)."""
        decision = enum_data(self.decision, RecountDecision) or RecountDecision.DISETUJUI
        found: tuple[FoundValue, ...] = ()
        if decision is RecountDecision.DISETUJUI:
            found = tuple(
                FoundValue(line.code, self.field, None, value)
                for line, edit in zip(self.places, self.found_edits, strict=True)
                if (value := parse_number(edit.text())) is not None
            )
        contest, unit = self.where
        return RecountEntry(
            contest=contest,
            unit=unit,
            kind=enum_data(self.kind, RecountKind) or RecountKind.PENCOCOKAN,
            places=tuple(line.code for line in self.places),
            proposed_by=self.proposed_by.text().strip(),
            reason=self.reason.text().strip(),
            decision=decision,
            box_state=enum_data(self.box, BoxState) or BoxState.SEGEL_UTUH,
            counted_by=self.counted_by.text().strip(),
            witnesses=self.witnesses(),
            found=found,
            incident_number=self.incident.currentData(),
            box_note=self.box_note.text().strip(),
        )

    def problems(self) -> list[str]:
        entry = self.entry()
        problems = entry_problems(entry, entry.places, self.incidents)
        if entry.decision is RecountDecision.DISETUJUI:
            found = {value.place for value in entry.found}
            problems += [
                f"{self.field_label} ditemukan di {line.name}: isi bilangan bulat ≥ 0"
                for line in self.places
                if line.code not in found and entry.found
            ]
        return [f"{p[0].upper()}{p[1:]}." for p in problems]

    def _accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("\n".join(problems))
            return
        self.error.clear()
        if self.submit is not None and not self.submit(self.entry()):
            self.error.setText("Belum dicatat; isian tetap di sini.")
            return
        self.accept()


def _values(sources: Sequence[str], line: PlaceLine) -> str:
    return "; ".join(
        f"{title}: {'—' if value is None else format_number(value)}"
        for title, value in zip(sources, line.values, strict=True)
    )


def _number_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,15}"), edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText("angka menurut C.Hasil / hasil hitung ulang")
    return edit
