"""Agenda items 7–10 of one kecamatan × pemilihan: every field of the form, one column per source.

A plain table of the recorded sources; the comparison view (another module) replaces it when built.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from rekap_desktop.domain.sources import Source
from rekap_desktop.domain.tally import form_keys
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number

INTROS = {
    "7": "Tayangkan data elektronik (Sirekap: alat bantu, bukan hasil resmi).",
    "8": "PPK membacakan D.Hasil Kecamatan; cocokkan setiap baris dengan data elektronik.",
    "9": "Saksi dan Bawaslu mencocokkan dengan salinan mereka.",
    "10": "Selesaikan setiap selisih; D.Hasil dari PPK adalah acuan.",
}
DIFFERENT = QBrush(QColor("#ffd8a8"))


class SourcesPage(AgendaPage):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, "")
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.body.addWidget(self.table)

    def refresh(self) -> None:
        self.hint.setText(INTROS.get(self.stop.item, ""))
        pleno = self.ctx.pleno.pleno()
        contest = pleno.contest(self.stop.contest or "")
        if contest is None or self.stop.unit is None:
            self.table.setRowCount(0)
            return
        forms = {
            key[2]: tally
            for key, tally in self.ctx.pleno.tallies(contest.code).items()
            if key[1] == self.stop.unit
        }
        codes = sorted(forms, key=_source_order)
        keys = form_keys(contest)
        self.table.setColumnCount(1 + len(codes))
        self.table.setHorizontalHeaderLabels(["Rincian", *codes])
        self.table.setRowCount(len(keys))
        for r, key in enumerate(keys):
            self.table.setItem(r, 0, QTableWidgetItem(field_label(key, pleno.kind.value)))
            values = [forms[c].value(key) for c in codes]
            recorded = {v for v in values if v is not None}
            for c, value in enumerate(values, start=1):
                item = QTableWidgetItem(format_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if len(recorded) > 1:
                    item.setBackground(DIFFERENT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()


def _source_order(code: str) -> tuple[int, int]:
    source = Source.parse(code)
    return source.sort_key if source else (99, 0)
