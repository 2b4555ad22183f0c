"""The optional part of an entry: where and what about, Bawaslu's opinion, links to corrections."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import (
    PROCEDURE_ITEMS,
    SUBJECT_LABELS,
    Incident,
    IncidentKind,
    IncidentStatus,
    Raiser,
    RaiserRole,
    Subject,
)
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.procedure import ITEM_BY_CODE
from rekap_desktop.domain.tally import form_keys
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data, select_enum
from rekap_desktop.text.fields import field_label


class EntryFields(QWidget):
    def __init__(self, pleno: Pleno) -> None:
        super().__init__()
        self.pleno = pleno
        self.item_combo = QComboBox()
        self.item_combo.addItem("–", None)
        for number in PROCEDURE_ITEMS:
            item = ITEM_BY_CODE.get(str(number))
            self.item_combo.addItem(f"{number}. {item.title if item else ''}", number)
        self.subject_combo = QComboBox()
        for subject in (Subject.HASIL, Subject.PROSEDUR):
            add_enum_item(self.subject_combo, SUBJECT_LABELS[subject], subject)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem("–", None)
        for unit in pleno.units:
            self.unit_combo.addItem(f"{unit.code} {unit.name}", unit.code)
        self.contest_combo = QComboBox()
        self.contest_combo.addItem("–", None)
        for contest in pleno.contests:
            self.contest_combo.addItem(contest.title, contest.code)
        self.field_combo = QComboBox()
        self.bawaslu_edit = QPlainTextEdit()
        self.bawaslu_edit.setPlaceholderText("Pendapat Bawaslu, bila diminta")
        self.bawaslu_edit.setMaximumHeight(70)
        self.corrections_edit = QLineEdit()
        self.corrections_edit.setPlaceholderText(
            "Nomor pembetulan terkait, dipisah koma (mis. 3, 7)"
        )
        self.contest_combo.currentIndexChanged.connect(self._fill_fields)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Butir tata cara", self.item_combo)
        form.addRow("Tentang", self.subject_combo)
        form.addRow("Kecamatan", self.unit_combo)
        form.addRow("Pemilihan", self.contest_combo)
        form.addRow("Rincian", self.field_combo)
        form.addRow("Pendapat Bawaslu", self.bawaslu_edit)
        form.addRow("Tautan pembetulan", self.corrections_edit)
        self._fill_fields()

    def _fill_fields(self) -> None:
        self.field_combo.clear()
        self.field_combo.addItem("– (seluruh pemilihan)", None)
        contest = self.pleno.contest(self.contest_combo.currentData() or "")
        if contest is None:
            return
        for key in form_keys(contest):
            self.field_combo.addItem(field_label(key, self.pleno.kind.value), key)

    def set_place(self, item: int | None, unit: str | None, contest: str | None) -> None:
        _select(self.item_combo, item)
        _select(self.unit_combo, unit)
        _select(self.contest_combo, contest)

    def show_entry(self, entry: Incident) -> None:
        self.set_place(entry.procedure_item, entry.unit, entry.contest)
        select_enum(self.subject_combo, entry.subject)
        _select(self.field_combo, entry.field)
        self.bawaslu_edit.setPlainText(entry.bawaslu_opinion)
        self.corrections_edit.setText(", ".join(str(c) for c in entry.corrections))

    def draft(
        self,
        kind: IncidentKind,
        role: RaiserRole,
        name: str,
        saksi: tuple[str, int] | None,
        description: str,
    ) -> Incident:
        raiser = Raiser(role, name, *(saksi or (None, None)))
        return Incident(
            kind=kind,
            raised_by=raiser.label(),
            description=description,
            status=IncidentStatus.TERBUKA,
            unit=self.unit_combo.currentData(),
            contest=self.contest_combo.currentData(),
            raiser=raiser,
            subject=enum_data(self.subject_combo, Subject) or Subject.HASIL,
            field=self.field_combo.currentData(),
            procedure_item=self.item_combo.currentData(),
            bawaslu_opinion=self.bawaslu_edit.toPlainText().strip(),
            corrections=self.corrections(),
        )

    def corrections(self) -> tuple[int, ...]:
        parts = [p.strip() for p in self.corrections_edit.text().replace(";", ",").split(",")]
        bad = [p for p in parts if p and not p.isdigit()]
        if bad:
            raise InputRejected(
                [Problem(f"tautan pembetulan '{p}' bukan nomor pembetulan") for p in bad]
            )
        return tuple(int(p) for p in parts if p)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
