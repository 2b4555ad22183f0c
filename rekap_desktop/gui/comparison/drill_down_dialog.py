"""Rincian desa/TPS (Ctrl+Shift+D at items 7–10): the places behind one field of a kecamatan.

Each source's value per desa or TPS, the places that differ first (largest gap first) with a
likely misread in words, so the room knows which C.Hasil to take out of the box. Read-only: the
value is settled in the comparison (Ctrl+K) once the paper has been checked.

Where a source came from Sirekap TPS files, a column *Tanda Sirekap* gives Sirekap's own flags of
each TPS (status suara/adm belum, PSU, hanya foto); a TPS whose file held photos but no numbers
reads "hanya foto" instead of an empty value.

Keys: Up/Down move through the places, Ctrl+D shows only the places that differ, F5 shows them
on the projector, Ctrl+U records a pencocokan / penghitungan suara ulang of the place selected,
Ctrl+F shows (or hides) the C.Hasil photo of the selected place beside the table from the
operator's own folder of photos (tps_photo_panel.py; chosen once, or again with Ctrl+Shift+F),
following the selection; Ctrl+PgDown/Ctrl+PgUp turn to its other photos (pages), +/−/0 zoom when
the photo has the focus. Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.drill_down import DrillDown, PlaceLine
from rekap_desktop.domain.sirekap_marks import marks_words
from rekap_desktop.domain.sources import Source, source_title
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.comparison.tps_photo_panel import FOLDER_KEY, TpsPhotoPanel
from rekap_desktop.text.numbers import format_number

DIFFERS = QColor("#fde2e1")
MIN_SIZE = (760, 460)
PHOTO_SIZE = (1200, 620)
"""The dialog grows to at least this when the photo is shown beside the table."""
PHOTO_ONLY = "hanya foto"
MARKS_COLUMN = "Tanda Sirekap"


class DrillDownDialog(QDialog):
    projection_asked = Signal()
    """F5 or the button: the places to the projector (a signal, not a callback: a closure over
    the comparison would keep it alive from inside this dialog's destruction)."""
    recount_asked = Signal(list)
    """Ctrl+U or the button: record a check of the selected places (their codes; Shift+↑/↓
    selects several)."""

    def __init__(
        self,
        where: str,
        field_label: str,
        found: DrillDown,
        parent: QWidget | None = None,
        *,
        party_list: bool = False,
        projectable: bool = False,
        recordable: bool = False,
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
        self.marked = bool(found.marks)
        """A source came from Sirekap TPS files: the column of Sirekap's own flags is shown."""
        headers = ["Desa/kelurahan", "TPS", *titles, "Selisih"]
        headers += [MARKS_COLUMN] if self.marked else []
        self.table = QTableWidget(0, len(headers) + 1)
        self.table.setHorizontalHeaderLabels([*headers, "Kemungkinan salah baca"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several places may be checked together (Shift+↑/↓): a forum often agrees on a few TPS.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Tutup (Esc)")
        close.rejected.connect(self.reject)
        self.settings: QSettings | None = None
        """Where the photo folder is remembered (None: this installation's QSettings)."""
        self.choose_folder: Callable[[str], str] | None = None
        """Asks the operator for the folder of C.Hasil photos ("": cancelled); None: a folder
        dialog (tests put an answer here; no bound method, which would keep this dialog alive)."""
        self.photos = TpsPhotoPanel()
        self.photos.hide()
        photo = close.addButton("Foto C.Hasil… (Ctrl+F)", QDialogButtonBox.ButtonRole.ActionRole)
        photo.clicked.connect(self.toggle_photo)
        QShortcut(QKeySequence("Ctrl+F"), self, self.toggle_photo)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.change_photo_folder)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self._next_photo)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self._previous_photo)
        self.projected = QLabel()
        if projectable:
            project = close.addButton(
                "Tayangkan di proyektor (F5)", QDialogButtonBox.ButtonRole.ActionRole
            )
            project.clicked.connect(self._project)
            QShortcut(QKeySequence("F5"), self, self._project)
        if recordable:
            recount = close.addButton(
                "Catat pencocokan/hitung ulang… (Ctrl+U)", QDialogButtonBox.ButtonRole.ActionRole
            )
            recount.clicked.connect(self._ask_recount)
            QShortcut(QKeySequence("Ctrl+U"), self, self._ask_recount)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_differing)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        self.split.addWidget(self.photos)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.projected)
        layout.addWidget(close)
        QShortcut(QKeySequence("Ctrl+D"), self, self.only_differing.toggle)
        self.table.currentCellChanged.connect(self._follow)
        self._fill()
        self.table.setFocus()

    def _project(self) -> None:
        self.projection_asked.emit()
        self.projected.setText("<i>Ditayangkan di proyektor (langsung).</i>")

    def selected_lines(self) -> tuple[PlaceLine, ...]:
        """The places selected, in the order shown (the current one when none is)."""
        lines = self.shown_lines()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and 0 <= self.table.currentRow() < len(lines):
            rows = [self.table.currentRow()]
        return tuple(lines[row] for row in rows if row < len(lines))

    def _ask_recount(self) -> None:
        chosen = self.selected_lines()
        if chosen:
            self.recount_asked.emit([line.code for line in chosen])

    def toggle_photo(self) -> None:
        """Ctrl+F: the photo of the selected place beside the table, or hidden again; the folder
        is asked for the first time on this installation."""
        if self.photos.isVisible():
            self.photos.hide()
            self.table.setFocus()
            return
        if self.photos.folder is None:
            remembered = self._remembered_folder()
            if not remembered or not Path(remembered).is_dir():
                remembered = self._choose_folder(remembered)
                if not remembered:
                    return
                self._settings().setValue(FOLDER_KEY, remembered)
            self.photos.set_folder(Path(remembered))
        self._show_photos()

    def _show_photos(self) -> None:
        self.photos.show()
        self.resize(max(self.width(), PHOTO_SIZE[0]), max(self.height(), PHOTO_SIZE[1]))
        width = self.split.width()
        self.split.setSizes([width * 3 // 5, width - width * 3 // 5])
        self._follow()
        self.table.setFocus()

    def change_photo_folder(self) -> None:
        """Ctrl+Shift+F: another folder of photos (remembered for this installation)."""
        current = self.photos.folder or self._remembered_folder()
        chosen = self._choose_folder(str(current))
        if not chosen:
            return
        self._settings().setValue(FOLDER_KEY, chosen)
        self.photos.set_folder(Path(chosen))
        self._show_photos()

    def _settings(self) -> QSettings:
        if self.settings is None:
            self.settings = QSettings()
        return self.settings

    def _remembered_folder(self) -> str:
        value = self._settings().value(FOLDER_KEY, "")
        return value if isinstance(value, str) else ""

    def _choose_folder(self, start: str) -> str:
        if self.choose_folder is not None:
            return self.choose_folder(start)
        return file_dialogs.folder(self, "Folder foto C.Hasil", start)

    def _follow(self, *_cells: int) -> None:
        """The photo follows the current place (the cursor's row) while it is shown."""
        line = self.current_line()
        if line is not None and self.photos.isVisible():
            self.photos.show_place(line.code, self.found.line_marks(line))

    def current_line(self) -> PlaceLine | None:
        lines = self.shown_lines()
        row = self.table.currentRow()
        return lines[row] if 0 <= row < len(lines) else None

    def _next_photo(self) -> None:
        self._turn(1)

    def _previous_photo(self) -> None:
        self._turn(-1)

    def _turn(self, step: int) -> None:
        line = self.current_line()
        if line is not None and self.photos.isVisible():
            self.photos.turn(step, line.code)

    def shown_lines(self) -> tuple[PlaceLine, ...]:
        return self.found.differing if self.only_differing.isChecked() else self.found.lines

    def _fill(self) -> None:
        lines = self.shown_lines()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = [line.desa_code, line.tps_number]
            cells += [self._value(line, i) for i in range(len(line.values))]
            misreads = "; ".join(f"{self.titles[s]}: {words}" for s, words in line.misreads)
            cells += [format_number(line.gap) if line.gap else ""]
            marks = self.found.line_marks(line)
            cells += [marks_words(marks, named=not line.tps_number)] if self.marked else []
            cells += [misreads]
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

    def _value(self, line: PlaceLine, position: int) -> str:
        value = line.values[position]
        if value is not None:
            return format_number(value)
        return PHOTO_ONLY if self.found.photo_only(line, position) else "—"


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
    photo_only = sorted(
        {mark.code for marks in found.marks.values() for mark in marks.values() if mark.photo_only}
    )
    if photo_only:
        head += (
            f"<br>{len(photo_only)} TPS hanya berisi foto di Sirekap, tanpa angka: buka fotonya "
            "dengan Ctrl+F."
        )
    if not differing:
        return f"{head}<br>Semua {level} sama di setiap sumber."
    first = differing[0]
    place = first.name
    misread = ""
    if first.misreads:
        source, words = first.misreads[0]
        misread = f" Kemungkinan salah baca pada {titles[source]}: {words}."
    return (
        f"{head}<br><b>{len(differing)} {level} berbeda</b>; selisih terbesar di {place} "
        f"({format_number(first.gap)}).{misread} Cocokkan dengan formulir C.Hasil-nya."
    )
