"""Rapat → Jejak audit…: the audit chain as people read it, newest at the bottom, with filters by
kecamatan, pemilihan, person, kind, time and words, and the chain's verification above it.

The entries are read on a worker (a chain of thousands, each payload parsed into a sentence)
and, after each change of the meeting, only the entries after the last one shown are read."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_labels import AUDIT_LABELS
from rekap_desktop.domain.audit_log import AuditFilter
from rekap_desktop.domain.changes import Changes
from rekap_desktop.domain.election import CONTEST_OFFICES
from rekap_desktop.gui.audit_log.model import RINGKASAN, AuditLogModel
from rekap_desktop.gui.background import JobControl, LatestJob
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.operations import Failure
from rekap_desktop.services.audit_log import AuditReading
from rekap_desktop.text.numbers import format_number

TITLE = "Jejak audit"
EVERY = "(semua)"
TIME_FORMAT = "dd-MM-yyyy HH.mm"


class AuditLogWindow(QDialog):
    def __init__(self, meeting: CockpitMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        pleno = meeting.pleno.pleno()
        self.setWindowTitle(f"{TITLE} — {pleno.region.name}")
        self.resize(1200, 700)
        self.model = AuditLogModel(pleno)
        self.chain_label = QLabel("Rantai audit: memeriksa…")
        self.chain_label.setObjectName("auditChainState")
        self.count_label = QLabel()
        self.search = QLineEdit()
        self.search.setPlaceholderText("ketik kata: nama, nomor, isi …")
        self.unit_box = self._combo([(u.name, u.code) for u in pleno.units])
        self.contest_box = self._combo(
            [(CONTEST_OFFICES.get(c.code, c.title), c.code) for c in pleno.contests]
        )
        self.person_box = self._combo([])
        self.kind_box = self._combo(sorted((label, e.value) for e, label in AUDIT_LABELS.items()))
        self.time_check = QCheckBox("&Rentang waktu")
        self.since = QDateTimeEdit()
        self.until = QDateTimeEdit()
        for edit in (self.since, self.until):
            edit.setDisplayFormat(TIME_FORMAT)
            edit.setEnabled(False)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 190, 160, 190, 130, 150)):
            self.table.setColumnWidth(column, width)
        self._layout()
        self._connect()
        self._reads = LatestJob(self)
        self._reads.succeeded.connect(self._read)
        self._reads.failed.connect(self._unread)
        meeting.hub.changed.connect(self._changed)
        self.reload()

    # -- building -----------------------------------------------------------------------------

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.addItem(EVERY, None)
        for text, value in items:
            box.addItem(text, value)
        return box

    def _layout(self) -> None:
        filters = QGridLayout()
        row = [
            ("&Cari:", self.search),
            ("&Kecamatan:", self.unit_box),
            ("Ko&ntestasi:", self.contest_box),
            ("&Siapa:", self.person_box),
            ("&Jenis:", self.kind_box),
        ]
        for column, (text, widget) in enumerate(row):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label, 0, 2 * column)
            filters.addWidget(widget, 0, 2 * column + 1)
        filters.addWidget(self.time_check, 1, 0, 1, 2)
        for column, (text, edit) in enumerate((("&Dari:", self.since), ("S&ampai:", self.until))):
            label = QLabel(text)
            label.setBuddy(edit)
            filters.addWidget(label, 1, 2 + 2 * column)
            filters.addWidget(edit, 1, 3 + 2 * column)
        filters.addWidget(self.count_label, 1, 6, 1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.apply_filter)
        for box in (self.unit_box, self.contest_box, self.person_box, self.kind_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.time_check.toggled.connect(self._time_toggled)
        self.since.dateTimeChanged.connect(self.apply_filter)
        self.until.dateTimeChanged.connect(self.apply_filter)

    # -- filtering ------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        timed = self.time_check.isChecked()
        return AuditFilter(
            unit=self.unit_box.currentData(),
            contest=self.contest_box.currentData(),
            person=self.person_box.currentData(),
            event=self.kind_box.currentData(),
            since=_moment(self.since.dateTime()) if timed else None,
            until=_moment(self.until.dateTime()).replace(second=59) if timed else None,
            text=self.search.text(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._show_count()

    def _time_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        if on and self.model.entries:
            first, last = self.model.entries[0].moment, self.model.entries[-1].moment
            if first and last:
                self.since.setDateTime(_qt_moment(first.replace(second=0)))
                self.until.setDateTime(_qt_moment(last.replace(second=59)))
        self.apply_filter()

    def _show_count(self) -> None:
        shown, total = len(self.model.visible), len(self.model.entries)
        self.count_label.setText(
            f"Ditampilkan {format_number(shown)} dari {format_number(total)} entri"
        )

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the entries after the last one shown, and verify the chain (on a worker)."""
        after = self.model.last_number
        worker = self.meeting.for_worker()

        def job(_control: JobControl) -> AuditReading:
            return worker.audit_log.read(after)

        self._reads.request(job)

    def is_reading(self) -> bool:
        return self._reads.is_running()

    def _changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.reload()

    def _read(self, reading: AuditReading) -> None:
        self.model.add(reading.entries)
        self._add_people(reading)
        chain = reading.chain
        if chain.ok:
            self.chain_label.setText(f"Rantai audit: utuh ({format_number(chain.entries)} entri)")
        else:
            self.chain_label.setText(f"Rantai audit: RUSAK — {chain.reason}")
        self.chain_label.setStyleSheet("" if chain.ok else "color:#a00000; font-weight:bold")
        self._show_count()
        if reading.entries and not self.table.selectionModel().hasSelection():
            self.table.scrollToBottom()

    def _add_people(self, reading: AuditReading) -> None:
        known = {self.person_box.itemData(i) for i in range(self.person_box.count())}
        for entry in reading.entries:
            for person in entry.people:
                if person not in known:
                    known.add(person)
                    self.person_box.addItem(person, person)

    def _unread(self, failure: Failure) -> None:
        self.chain_label.setText(f"Jejak audit tidak dapat dibaca: {failure.text}")

    def summary_of_selected(self) -> str:
        rows = self.table.selectionModel().selectedRows(RINGKASAN)
        return self.model.entry(rows[0].row()).summary if rows else ""

    def done(self, result: int) -> None:
        self._reads.stop()
        super().done(result)


def _moment(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime.fromString(moment.strftime("%Y-%m-%d %H:%M:%S"), "yyyy-MM-dd HH:mm:ss")


def open_audit_log(meeting: CockpitMeeting, parent: QWidget) -> AuditLogWindow:
    window = AuditLogWindow(meeting, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.search.setFocus()
    return window
