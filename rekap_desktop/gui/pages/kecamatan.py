"""Agenda items 4–6 of one kecamatan: the sealed box, returned C.Pemberitahuan, its incidents."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from rekap_desktop.domain.incidents import KIND_LABELS, STATUS_LABELS, IncidentKind, IncidentStatus
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.gui.widgets.fitted_columns import wrap_column
from rekap_desktop.services.procedure_records import expected_forms
from rekap_desktop.text.numbers import format_number


class BoxPage(AgendaPage):
    """Item 4: seal intact? which forms were inside? Faults are offered as kejadian khusus."""

    incident_suggested = Signal(str)
    """A broken seal or a missing form: the text of the kejadian khusus to open (K)."""

    editable = True

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Buka kotak tersegel bersama PPK. Centang yang ditemukan, lalu simpan dengan Ctrl+S.",
        )
        self.seal = QCheckBox("Segel kotak utuh")
        self.body.addWidget(self.seal)
        self.forms = [QCheckBox(name) for name in expected_forms(ctx.pleno.pleno())]
        for box in self.forms:
            self.body.addWidget(box)
        self.note = QLineEdit()
        self.note.setPlaceholderText("catatan (mis. nomor segel)")
        self.body.addWidget(self.note)
        save = QPushButton("Simpan (Ctrl+S)")
        save.clicked.connect(self.save)
        self.body.addWidget(save)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.body.addWidget(self.result)
        self.body.addStretch(1)
        self.dirty = False
        for box in [self.seal, *self.forms]:
            box.toggled.connect(self._touched)
        self.note.textEdited.connect(self._touched)

    def _touched(self) -> None:
        self.dirty = True

    def save_pending(self) -> bool:
        return self.save() if self.dirty else True

    def refresh(self) -> None:
        check = self.ctx.records.box_check(self.stop.unit or "")
        self.seal.setChecked(bool(check and check.seal_intact))
        for box in self.forms:
            box.setChecked(bool(check and box.text() in check.forms_found))
        self.note.setText(check.note if check else "")
        self.result.setText(saved_text(check.checked_at) if check else "Belum dicatat.")
        self.dirty = False

    def save(self) -> bool:
        unit = self.stop.unit or ""
        found = tuple(b.text() for b in self.forms if b.isChecked())
        faults = self.run(
            "Pembukaan kotak",
            lambda: self.ctx.records.record_box(
                unit, self.seal.isChecked(), found, self.note.text()
            ),
        )
        if faults is None:
            return False
        # The page is not re-read while the meeting stays here (no typing is lost), so the
        # stored record is read back now: the label must never say "Belum dicatat." after saving.
        self.refresh()
        if faults:
            text = f"Kecamatan {self.ctx.unit_name(unit)}: " + "; ".join(faults)
            self.result.setText(
                f"{self.result.text()} {text} — catat sebagai kejadian khusus (tombol K)."
            )
            self.incident_suggested.emit(text)
        return True


def saved_text(at: str) -> str:
    """ "Tersimpan pukul 10.42." for a stored ISO time (the ISO text itself when unreadable)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return f"Tersimpan {at}."
    return f"Tersimpan pukul {moment.astimezone():%H.%M}."


class NoticesPage(AgendaPage):
    """Item 5: returned, undistributed C.Pemberitahuan per desa/kelurahan."""

    editable = True

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Isi jumlah C.Pemberitahuan yang dikembalikan per desa/kelurahan (bilangan bulat ≥ 0), "
            "simpan dengan Ctrl+S.",
        )
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(("Desa/kelurahan", "Jumlah dikembalikan"))
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton("Tambah baris")
        add.clicked.connect(self.add_row)
        self.total = QLabel()
        self.body.addWidget(self.table)
        self.body.addWidget(add)
        self.body.addWidget(self.total)
        self.dirty = False
        """The operator typed in the table since it was last read (PageDown saves only then)."""
        self.table.itemChanged.connect(self._touched)

    def _touched(self) -> None:
        self.dirty = True

    def add_row(self) -> None:
        self.table.insertRow(self.table.rowCount())

    def save_pending(self) -> bool:
        return self.save() if self.dirty else True

    def refresh(self) -> None:
        counts = self.ctx.records.returned_notices(self.stop.unit or "")
        # Every cell is emptied first: rows typed for the previous kecamatan must never be shown
        # (and saved) under this one.
        blocked = self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(counts) + 1)
        for r, (village, count) in enumerate(counts.items()):
            self.table.setItem(r, 0, QTableWidgetItem(village))
            self.table.setItem(r, 1, QTableWidgetItem(format_number(count)))
        self.table.blockSignals(blocked)
        self.dirty = False
        self.total.setText(f"Jumlah: {format_number(sum(counts.values()))}")

    def entered(self) -> tuple[dict[str, int], list[str]]:
        counts: dict[str, int] = {}
        problems: list[str] = []
        for r in range(self.table.rowCount()):
            village = (self.table.item(r, 0) or QTableWidgetItem()).text().strip()
            text = (self.table.item(r, 1) or QTableWidgetItem()).text().strip()
            if not village and not text:
                continue
            digits = text.replace(".", "")
            if not digits.isascii() or not digits.isdigit():
                problems.append(f"baris {r + 1} ({village or 'tanpa nama'}): '{text}' bukan angka")
                continue
            counts[village] = int(digits)
        return counts, problems

    def save(self) -> bool:
        counts, problems = self.entered()
        if problems:
            self.total.setText("Ditolak, tidak ada yang disimpan: " + "; ".join(problems))
            return False
        if not counts:
            self.dirty = False
            return True
        unit = self.stop.unit or ""
        if counts == self.ctx.records.returned_notices(unit):
            self.dirty = False
            return True
        saved = self.attempt(
            "Pengembalian C.Pemberitahuan",
            lambda: self.ctx.records.save_returned_notices(unit, counts),
        )
        if saved:
            self.refresh()
        return saved


class UnitIncidentsPage(AgendaPage):
    """Item 6: the kecamatan's kejadian khusus / keberatan and their status."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Bacakan kejadian khusus dan keberatan kecamatan beserta statusnya; yang belum selesai "
            "diselesaikan di sini dan dicatat dalam register kabupaten/kota (tombol K).",
        )
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(("Nomor", "Jenis", "Pengaju", "Uraian", "Status"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        wrap_column(self.table, 3)  # the description wraps: no sideways scrolling
        self.body.addWidget(self.table)

    def refresh(self) -> None:
        entries = [i for i in self.ctx.pleno.incidents() if i.unit == self.stop.unit]
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            cells = (
                str(entry.number),
                KIND_LABELS.get(IncidentKind(entry.kind), entry.kind),
                entry.raised_by,
                entry.description,
                STATUS_LABELS.get(IncidentStatus(entry.status), entry.status),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
