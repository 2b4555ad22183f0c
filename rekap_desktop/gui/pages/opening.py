"""Agenda items 1–3: attendance with the surat mandat check, peraturan teknis, tata tertib."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from rekap_desktop.domain.election import contest_office
from rekap_desktop.gui.dialogs.attendance_dialog import AttendanceDialog
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.gui.widgets.fitted_columns import wrap_column
from rekap_desktop.services.procedure_records import ROLES, TEXTS

ATTENDANCE_COLUMNS = ("Peran", "Nama", "Saksi untuk", "Surat mandat", "Catatan", "Kehadiran")


class AttendancePage(AgendaPage):
    """Item 1: daftar hadir; at most one saksi per choice in the room (checked by the service)."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(
            ctx,
            "Catat kehadiran anggota KPU, Bawaslu, PPK, saksi dan pemantau; periksa surat mandat "
            "setiap saksi. Insert: tambah peserta · Delete: tandai keluar.",
        )
        self.table = QTableWidget(0, len(ATTENDANCE_COLUMNS))
        self.table.setHorizontalHeaderLabels(ATTENDANCE_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        wrap_column(self.table, 1)  # names wrap: no sideways scrolling on a laptop
        add = QPushButton("Tambah peserta… (Insert)")
        add.clicked.connect(self.add_attendee)
        leave = QPushButton("Tandai keluar (Delete)")
        leave.clicked.connect(self.mark_left)
        QShortcut(QKeySequence("Insert"), self, self.add_attendee)
        QShortcut(QKeySequence("Delete"), self.table, self.mark_left)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(leave)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.table)
        self._ids: list[int] = []

    def refresh(self) -> None:
        people = self.ctx.records.attendance()
        self._ids = [p.id for p in people]
        self.table.setRowCount(len(people))
        for r, p in enumerate(people):
            mandate = {None: "", True: "diperiksa: sah", False: "diperiksa: tidak sah"}
            choice = f"{contest_office(p.contest)} nomor urut {p.choice}" if p.contest else ""
            cells = (
                ROLES.get(p.role, p.role),
                p.name,
                choice,
                mandate[p.mandate_checked],
                p.note,
                "hadir" if p.present else "keluar",
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def add_attendee(self) -> None:
        dialog = AttendanceDialog(self.ctx.pleno.pleno(), self.ctx.records.add_attendee, self)
        dialog.exec()

    def mark_left(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            self.run("Daftar hadir", lambda: self.ctx.records.mark_left(self._ids[row]))


class TextPage(AgendaPage):
    """Items 2 and 3: the text is edited here, stored on Ctrl+S and read out to the room."""

    editable = True

    def __init__(self, ctx: PageContext, key: str) -> None:
        super().__init__(
            ctx, f"{TEXTS[key]}: sunting bila perlu, simpan dengan Ctrl+S, lalu bacakan."
        )
        self.key = key
        self.editor = QPlainTextEdit()
        self.body.addWidget(self.editor)

    def focus_target(self) -> QWidget | None:
        # Typing here from the first key: a word typed into nothing fired the cockpit's keys
        # ("peraturan" opened the skors dialog).
        return self.editor

    def refresh(self) -> None:
        if not self.editor.document().isModified():
            self.editor.setPlainText(self.ctx.records.text(self.key))

    def save(self) -> bool:
        body = self.editor.toPlainText()
        if body == self.ctx.records.text(self.key):
            return True
        saved = self.attempt(TEXTS[self.key], lambda: self.ctx.records.save_text(self.key, body))
        self.editor.document().setModified(not saved)
        return saved
