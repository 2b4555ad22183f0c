"""Rincian desa/TPS (Ctrl+Shift+D at items 7–10): the places behind one field of a kecamatan.

Each source's value per desa or TPS, the places that differ first (largest gap first) with a
likely misread in words, so the room knows which C.Hasil to take out of the box. Read-only: the
value is settled in the comparison (Ctrl+K) once the paper has been checked.

Keys: Up/Down move through the places, Ctrl+D shows only the places that differ, F5 shows them
on the projector, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.drill_down import DrillDown, PlaceLine
from rekap_desktop.domain.sources import Source, source_title
from rekap_desktop.text.numbers import format_number

DIFFERS = QColor("#fde2e1")
MIN_SIZE = (760, 460)


class DrillDownDialog(QDialog):
    projection_asked = Signal()
    """F5 or the button: the places to the projector (a signal, not a callback: a closure over
    the comparison would keep it alive from inside this dialog's destruction)."""

    def __init__(
        self,
        where: str,
        field_label: str,
        found: DrillDown,
        parent: QWidget | None = None,
        *,
        party_list: bool = False,
        projectable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Rincian {found.level.value} — {field_label}")
        self.setMinimumSize(*MIN_SIZE)
        self.found = found
        titles = [source_title(Source.stored(code), party_list) for code in found.sources]
        self.titles = dict(zip(found.sources, titles, strict=True))
        self.summary = QLabel(summary_text(where, field_label, found, self.titles))
        self.summary.setWordWrap(True)
        self.only_differing = QCheckBox("Hanya yang berbeda (Ctrl+D)")
        self.only_differing.toggled.connect(self._fill)
        self.table = QTableWidget(0, len(titles) + 4)
        self.table.setHorizontalHeaderLabels(
            ["Desa/kelurahan", "TPS", *titles, "Selisih", "Kemungkinan salah baca"]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup (Esc)")
        close.rejected.connect(self.reject)
        self.projected = QLabel()
        if projectable:
            project = close.addButton(
                "Tayangkan di proyektor (F5)", QDialogButtonBox.ButtonRole.ActionRole
            )
            project.clicked.connect(self._project)
            QShortcut(QKeySequence("F5"), self, self._project)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_differing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.projected)
        layout.addWidget(close)
        QShortcut(QKeySequence("Ctrl+D"), self, self.only_differing.toggle)
        self._fill()
        self.table.setFocus()

    def _project(self) -> None:
        self.projection_asked.emit()
        self.projected.setText("<i>Ditayangkan di proyektor (langsung).</i>")

    def shown_lines(self) -> tuple[PlaceLine, ...]:
        return self.found.differing if self.only_differing.isChecked() else self.found.lines

    def _fill(self) -> None:
        lines = self.shown_lines()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = [line.desa_code, line.tps_number]
            cells += ["—" if v is None else format_number(v) for v in line.values]
            misreads = "; ".join(f"{self.titles[s]}: {words}" for s, words in line.misreads)
            cells += [format_number(line.gap) if line.gap else "", misreads]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 2 <= column < 2 + len(line.values) + 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if line.differs:
                    item.setBackground(QBrush(DIFFERS))
                self.table.setItem(row, column, item)
        if lines:
            self.table.selectRow(0)


def summary_text(where: str, field_label: str, found: DrillDown, titles: dict[str, str]) -> str:
    """What the room needs first: how many places differ, and where the largest gap is."""
    level = found.level.value
    count = len(found.lines)
    differing = found.differing
    totals = ", ".join(
        f"{title} {'—' if total is None else format_number(total)}"
        for title, total in zip(titles.values(), found.totals(), strict=True)
    )
    head = f"<b>{where}</b> — {field_label}: {count} {level} dari baris yang diimpor ({totals})."
    if not differing:
        return f"{head}<br>Semua {level} sama di setiap sumber."
    first = differing[0]
    place = (
        f"{first.tps_number} desa/kelurahan {first.desa_code}"
        if first.tps_number
        else (f"desa/kelurahan {first.desa_code}")
    )
    misread = ""
    if first.misreads:
        source, words = first.misreads[0]
        misread = f" Kemungkinan salah baca pada {titles[source]}: {words}."
    return (
        f"{head}<br><b>{len(differing)} {level} berbeda</b>; selisih terbesar di {place} "
        f"({format_number(first.gap)}).{misread} Cocokkan dengan formulir C.Hasil-nya."
    )
