"""The 17-item stepper, driven by domain.procedure: status per item, where the meeting is,
progress and time (commissioner only — never projected)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.procedure import (
    DETERMINATION,
    ITEMS,
    ItemStatus,
    Pairs,
    Plan,
    ProcedureState,
    Stop,
    item_progress,
    item_status,
    unread_pairs,
)
from rekap_desktop.domain.procedure_timing import Forecast

STATUS_LOOK = {
    ItemStatus.BELUM: ("belum", "#555555", None),
    ItemStatus.BERJALAN: ("berjalan", "#ffffff", "#1f5fa8"),
    ItemStatus.SELESAI: ("selesai", "#1d6b2a", None),
    ItemStatus.NA: ("n.a.", "#888888", None),
}


MAX_UNREAD = 3
"""Unread pairs named under the stepper; the rest are counted."""


def format_duration(value: timedelta) -> str:
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60} j {minutes % 60:02d} m"


class ProcedurePanel(QWidget):
    next_requested = Signal()
    back_requested = Signal()
    pause_requested = Signal()
    stop_requested = Signal(object)
    """The operator chose a place with the mouse (a ``Stop``)."""

    def __init__(self, pleno: Pleno) -> None:
        super().__init__()
        self.pleno = pleno
        self.steps = QListWidget()
        self.steps.setObjectName("procedureSteps")
        self.steps.itemActivated.connect(self._item_activated)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.position = QLabel()
        self.position.setWordWrap(True)
        self.position.setStyleSheet("font-weight:bold")
        self.unread = QLabel()
        self.unread.setObjectName("unreadPairs")
        self.unread.setWordWrap(True)
        self.unread.setStyleSheet("color:#a01010")
        self.unread.hide()
        self.progress = QLabel()
        self.elapsed = QLabel()
        self.forecast_label = QLabel()
        self.forecast_label.setWordWrap(True)
        self.target = QTimeEdit(QTime(17, 0))
        self.target.setDisplayFormat("HH:mm")
        self.units = QComboBox()
        self.units.addItem("Pindah ke kecamatan…", None)
        for unit in pleno.units:
            self.units.addItem(f"{unit.code} {unit.name}", unit.code)
        self.units.activated.connect(self._unit_chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Tata cara rapat (17 butir)</b>"))
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.position)
        layout.addWidget(self.unread)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Kemajuan:", self.progress)
        form.addRow("Waktu kecamatan ini:", self.elapsed)
        form.addRow("Target selesai:", self.target)
        layout.addLayout(form)
        layout.addWidget(self.forecast_label)
        layout.addWidget(self.units)
        layout.addLayout(self._buttons())
        self._stop = Stop("1")

    def _buttons(self) -> QGridLayout:
        """Back and next side by side, skors under them: the stepper stays narrow."""
        grid = QGridLayout()
        for place, (text, signal) in enumerate(
            (
                ("◀ Kembali (PgUp)", self.back_requested),
                ("Lanjut ▶ (PgDn)", self.next_requested),
                ("Skors (P)", self.pause_requested),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(signal.emit)
            grid.addWidget(button, place // 2, place % 2)
        return grid

    def target_end(self, today: datetime) -> datetime:
        time = self.target.time()
        return today.replace(hour=time.hour(), minute=time.minute(), second=0, microsecond=0)

    def show_state(self, plan: Plan, state: ProcedureState, read: Pairs | None = None) -> None:
        """``read``: the pairs marked selesai dibaca (None: not known, item 10 counts as left)."""
        self._stop = state.current
        self.steps.clear()
        for item in ITEMS:
            status = item_status(plan, state, item, read)
            text, colour, background = STATUS_LOOK[status]
            number = "P" if item.code == DETERMINATION else item.code
            row = QListWidgetItem(f"{number:>2}. [{text}] {item.title}")
            progress = item_progress(plan, state, item, read)
            if progress:
                # In the tooltip: a count on every looping row would make the list scroll.
                row.setToolTip(f"Selesai di {progress[0]} dari {progress[1]} kecamatan")
            row.setData(256, item.code)
            row.setForeground(QBrush(QColor(colour)))
            if background:
                row.setBackground(QBrush(QColor(background)))
            self.steps.addItem(row)
        unit = self.pleno.unit(state.current.unit or "")
        contest = self.pleno.contest(state.current.contest or "")
        parts = [unit and f"Kecamatan {unit.code} {unit.name}", contest and contest.title]
        place = " · ".join(p for p in parts if p) or "Acara pembukaan/penutupan"
        marks = [m for m, on in (("DISKORS", state.paused), ("DITETAPKAN", state.determined)) if on]
        self.position.setText(place + "".join(f" — {m}" for m in marks))
        self._show_unread(unread_pairs(state, read) if read is not None else ())

    def _show_unread(self, stops: tuple[Stop, ...]) -> None:
        """The pairs the meeting left at item 10 without "selesai dibaca": they stay unfinished
        in plain sight until they are read (and the result cannot be determined before)."""
        names = []
        for stop in stops:
            unit = self.pleno.unit(stop.unit or "")
            contest = self.pleno.contest(stop.contest or "")
            names.append(f"{unit.name if unit else stop.unit} — {contest.title if contest else ''}")
        shown = "; ".join(names[:MAX_UNREAD])
        if len(names) > MAX_UNREAD:
            shown += f" dan {len(names) - MAX_UNREAD} lainnya"
        self.unread.setText(f"Belum selesai dibaca: {shown}" if names else "")
        self.unread.setVisible(bool(names))

    def show_time(self, elapsed: dict[str, timedelta], forecast: Forecast) -> None:
        self.progress.setText(
            f"{forecast.units_done} dari {forecast.units_total} kecamatan selesai"
        )
        current = elapsed.get(self._stop.unit or "")
        self.elapsed.setText(format_duration(current) if current is not None else "–")
        if forecast.remaining is None or forecast.expected_end is None:
            self.forecast_label.setText("Perkiraan sisa waktu: setelah kecamatan pertama selesai")
            return
        verdict = (
            f"terlambat {format_duration(forecast.late_by)}" if forecast.late_by else "tepat waktu"
        )
        self.forecast_label.setText(
            f"Perkiraan sisa: {format_duration(forecast.remaining)}, selesai pukul "
            f"{forecast.expected_end:%H:%M} ({verdict})"
        )

    def _item_activated(self, row: QListWidgetItem) -> None:
        code = str(row.data(256))
        unit = self._stop.unit or (self.pleno.units[0].code if self.pleno.units else None)
        contest = self._stop.contest or (
            self.pleno.contests[0].code if self.pleno.contests else None
        )
        if code in ("4", "5", "6"):
            self.stop_requested.emit(Stop(code, unit))
        elif code in ("7", "8", "9", "10"):
            self.stop_requested.emit(Stop(code, unit, contest))
        elif code in ("1", "2", "3", "12", "13", DETERMINATION):
            self.stop_requested.emit(Stop(code))

    def choose_unit(self) -> None:
        """Ctrl+G: the list of kecamatan opens; ↑/↓ and Enter open one from item 4 (the meeting
        takes them as their PPK is ready), Esc leaves it."""
        self.units.setFocus()
        self.units.showPopup()

    def _unit_chosen(self, index: int) -> None:
        code = self.units.itemData(index)
        self.units.setCurrentIndex(0)
        if code:
            self.stop_requested.emit(Stop("4", str(code)))
