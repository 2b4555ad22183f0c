"""Perolehan kursi: per dapil the Sainte-Laguë steps (UU 7/2017 Pasal 415), the seats per party,
the calon terpilih in order (Pasal 422) and every tie the law leaves to the meeting, with
"Putuskan…" to record the meeting's choice under a commissioner's PIN, and "Rapat penetapan
kursi…" to record the seat meeting and its Keputusan (a meeting of its own, PKPU 6/2024).

Read-only except for those two, which go through ``SeatService.decide_tie`` and
``SeatMeetingService.record``.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.audit_events import NUMBERS_UNCHANGED
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.election import Candidate, Contest
from rekap_desktop.domain.legislative import DistrictResult, PartyVotes
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.seat_meeting import SeatMeeting
from rekap_desktop.domain.seats import BY_VOTES, OpenTie, format_quotient
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.pages.recap_page import source_label
from rekap_desktop.gui.projector.seat_cues import SeatCue
from rekap_desktop.gui.seats.meeting_dialog import SeatMeetingDialog
from rekap_desktop.gui.seats.tie_dialog import TieDialog
from rekap_desktop.services.events import Change
from rekap_desktop.services.seat_meeting_service import SeatMeetingService
from rekap_desktop.services.seat_service import SeatResults, SeatService, TieDecision
from rekap_desktop.text.numbers import format_number

TITLE = "Perolehan kursi"
Confirm = Callable[[Action], Confirmation | None]
Decision = tuple[tuple[int, ...], str]


class SeatView(QWidget):
    """``confirm`` asks a commissioner's PIN for an action (None: refused or cancelled).

    ``projector_requested(cue)``: the operator asked to preview a dapil's seat result on the
    projector (a :class:`SeatCue`; F5 still sends it live).
    """

    projector_requested = Signal(object)

    def __init__(self, seats: SeatService, confirm: Confirm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seats = seats
        self.confirm = confirm
        self.results: SeatResults | None = None
        self._page: tuple[object, ...] | None = None
        """What the page shows: contest, results and tie decisions (kept when unchanged)."""
        self.tie_buttons: dict[str, QPushButton] = {}
        self.contest_box = QComboBox()
        for contest in seats.legislative_contests():
            self.contest_box.addItem(contest.title, contest.code)
        self.contest_box.currentIndexChanged.connect(self.refresh)
        self.meetings = SeatMeetingService(seats.pleno_service)
        self.meeting_button = QPushButton("Rapat penetapan kursi…")
        self.meeting_button.clicked.connect(self.hold_meeting)
        self.meeting_status = QLabel()
        self.meeting_status.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.page_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        top = QHBoxLayout()
        top.addWidget(QLabel("Pemilihan:"))
        top.addWidget(self.contest_box, 1)
        top.addWidget(self.meeting_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.meeting_status)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._stale = True
        seats.pleno_service.bus.subscribe(self.on_changed)

    def contest_code(self) -> str | None:
        data = self.contest_box.currentData()
        return data if isinstance(data, str) else None

    # -- refreshing --------------------------------------------------------------------------

    def on_changed(self, change: Change) -> None:
        """Recompute now when shown, else when next shown (a recap per change is not free);
        not at all after a change that moves no number (a print, an exported package)."""
        if not shiboken6.isValid(self):  # the bus outlives a deleted view: stop listening
            self.seats.pleno_service.bus.unsubscribe(self.on_changed)
            return
        if change.what in NUMBERS_UNCHANGED:
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Build the page of the chosen contest; a page equal to the one shown (the change did
        not move its seats) is kept as it is: building and laying out its tables again is the
        costly part."""
        self._stale = False
        code = self.contest_code()
        self._show_meeting(code)
        try:
            results = self.seats.results(code) if code is not None else None
        except InputRejected as error:
            self._show_refusal(error)
            return
        records = self.seats.decision_records(code) if code is not None else ()
        page = (code, results, records)
        if page == self._page:
            return
        self._page = page
        self._clear()
        if code is None or results is None:
            self.summary.setText("Pleno ini tidak memiliki pemilihan legislatif.")
            self._install()
            return
        self.results = results
        open_ties = len(results.open_ties)
        self.summary.setText(
            f"Sumber: {source_label(results.source)}. "
            + (
                f"<b>{open_ties} perolehan sama menunggu keputusan rapat.</b>"
                if open_ties
                else "Tidak ada perolehan sama yang menunggu keputusan rapat."
            )
        )
        self._add_decisions(records)
        for district in results.districts:
            self.body_layout.addWidget(self._district_box(results.contest, district))
        if results.dpd is not None:
            self.body_layout.addWidget(self._dpd_box(results))
        self.body_layout.addStretch(1)
        self._install()

    def _show_refusal(self, error: InputRejected) -> None:
        self._page = None
        self._clear()
        self.summary.setText("; ".join(p.message for p in error.problems))
        self._install()

    def _clear(self) -> None:
        """A new, empty page body; ``_install`` puts it in place once filled."""
        self.tie_buttons = {}
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)

    def _install(self) -> None:
        """Show the filled body (the scroll area deletes the old one), at the same place."""
        position = self.page_scroll.verticalScrollBar().value()
        self.page_scroll.setWidget(self.body)
        self.page_scroll.verticalScrollBar().setValue(position)

    # -- parts -------------------------------------------------------------------------------

    def _add_decisions(self, records: tuple[TieDecision, ...]) -> None:
        if not records:
            return
        box = QGroupBox("Keputusan rapat atas perolehan yang sama")
        column = QVBoxLayout(box)
        for record in records:
            chosen = ", ".join(str(n) for n in record.chosen)
            label = QLabel(
                f"{_tie_title(record.key)}: dipilih nomor urut {chosen} — {record.reason} "
                f"(dikonfirmasi {record.decided_by}, {record.decided_at[:16].replace('T', ' ')})"
            )
            label.setWordWrap(True)
            column.addWidget(label)
        self.body_layout.addWidget(box)

    def _district_box(self, contest: Contest, result: DistrictResult) -> QGroupBox:
        district = result.district
        box = QGroupBox(f"Dapil {district.name} — {district.seats} kursi")
        column = QVBoxLayout(box)
        units = ", ".join(u.name for u in result.units)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(f"Kecamatan: {units}"), 1)
        if result.allocation is not None and contest.is_party_list:
            show = QPushButton("Pratinjau di proyektor")
            show.clicked.connect(lambda _checked=False, c=district.code: self.preview_district(c))
            heading.addWidget(show)
        column.addLayout(heading)
        allocation = result.allocation
        if allocation is None:
            column.addWidget(QLabel(result.not_allocated_reason or "Kursi tidak dibagi di sini."))
            return box
        names: dict[int, str] = {
            p.party.number: f"{p.party.number}. {p.party.name}" for p in result.parties
        }
        steps: list[tuple[str, ...]] = [
            (
                str(step.seat),
                names.get(step.winner, "—") if step.winner is not None else "menunggu keputusan",
                next(
                    (format_quotient(q) for q in step.quotients if q.party == step.winner),
                    "",
                ),
                step.decided_by,
            )
            for step in allocation.steps
        ]
        column.addWidget(QLabel("<b>Pembagian kursi (Sainte-Laguë, pembagi 1, 3, 5, 7, …)</b>"))
        steps_table = _table(("Kursi ke-", "Partai", "Hasil bagi", "Dasar"), steps)
        for row, step in enumerate(allocation.steps):
            ranked = sorted(step.quotients, key=lambda q: q.value, reverse=True)[:6]
            tip = "\n".join(
                f"{names.get(q.party, str(q.party))}: {format_quotient(q)}" for q in ranked
            )
            for col in range(4):
                item = steps_table.item(row, col)
                if item is not None:
                    item.setToolTip(f"Hasil bagi terbesar kursi ke-{step.seat}:\n{tip}")
        column.addWidget(steps_table)
        votes: dict[int, PartyVotes] = {p.party.number: p for p in result.parties}
        rows: list[tuple[str, ...]] = []
        for election in result.elections:
            party = votes.get(election.party) if election.party is not None else None
            if party is None:
                continue
            candidate_votes: dict[int, tuple[Candidate, int]] = {
                c.number: (c, v) for c, v in party.candidates
            }
            elected = "; ".join(
                _elected_text(n, candidate_votes, election.decided_by.get(n, ""))
                for n in election.elected
            )
            if election.open_tie is not None:
                elected += " — menunggu keputusan rapat"
            rows.append(
                (
                    names[party.party.number],
                    format_number(party.total),
                    str(election.seats),
                    elected,
                )
            )
        column.addWidget(QLabel("<b>Perolehan kursi dan calon terpilih (urut suara)</b>"))
        column.addWidget(_table(("Partai", "Suara", "Kursi", "Calon terpilih (suara)"), rows))
        for tie in result.open_ties:
            column.addLayout(self._tie_row(tie, _contender_names(result, tie, names)))
        return box

    def _dpd_box(self, results: SeatResults) -> QGroupBox:
        election = results.dpd
        assert election is not None
        box = QGroupBox("DPD — empat calon dengan suara terbanyak")
        column = QVBoxLayout(box)
        names: dict[int, str] = {c.number: f"{c.number}. {c.name}" for c in results.contest.choices}
        elected = "; ".join(names.get(n, str(n)) for n in election.elected)
        column.addWidget(QLabel(f"Terpilih: {elected or '—'}"))
        if election.open_tie is not None:
            column.addLayout(self._tie_row(election.open_tie, names))
        return box

    def _tie_row(self, tie: OpenTie, names: dict[int, str]) -> QHBoxLayout:
        row = QHBoxLayout()
        text = QLabel(f"⚠ {tie.message}")
        text.setWordWrap(True)
        button = QPushButton("Putuskan…")
        button.clicked.connect(lambda _checked=False, t=tie, n=names: self.decide(t, n))
        self.tie_buttons[tie.key] = button
        row.addWidget(text, 1)
        row.addWidget(button)
        return row

    def preview_district(self, code: str) -> SeatCue | None:
        contest = self.contest_code()
        if contest is None:
            return None
        cue = SeatCue(contest).for_district(self.seats.pleno_service, code)
        self.projector_requested.emit(cue)
        self.message.setText(
            f"Perolehan kursi dapil {code} di pratinjau proyektor (F5: tayangkan)."
        )
        return cue

    # -- the seat meeting ---------------------------------------------------------------------

    def _show_meeting(self, code: str | None) -> None:
        """Whether this contest's seats are decided here, and by which Keputusan once they are."""
        decided_here = any(c.code == code for c in self.meetings.contests())
        self.meeting_button.setEnabled(decided_here)
        held = self.meetings.meeting(code) if code and decided_here else None
        if not decided_here:
            text = "Perolehan kursi pemilihan ini tidak ditetapkan oleh KPU pada tingkat ini."
        elif held is None:
            text = (
                "Perolehan kursi dan calon terpilih belum ditetapkan: rapat pleno penetapan "
                "perolehan kursi diadakan setelah penetapan hasil rekapitulasi dan pemberitahuan "
                "Mahkamah Konstitusi (PKPU 6/2024)."
            )
        else:
            text = (
                f"<b>Ditetapkan dengan Keputusan Nomor {held.decree_number}</b> dalam rapat "
                f"{held.held_at:%d-%m-%Y %H.%M} di {held.place}."
            )
        self.meeting_status.setText(text)

    def ask_meeting(self, contest: Contest) -> SeatMeeting | None:
        """The seat meeting's record from the dialog; None when cancelled."""
        pleno = self.seats.pleno_service.pleno()
        dialog = SeatMeetingDialog(contest, pleno.members, pleno.place or "", self)
        return dialog.meeting() if dialog.exec() else None

    def hold_meeting(self) -> SeatMeeting | None:
        """Record the seat meeting and its Keputusan, confirmed with a commissioner's PIN."""
        code = self.contest_code()
        contest = next((c for c in self.meetings.contests() if c.code == code), None)
        meeting = self.ask_meeting(contest) if contest is not None else None
        if meeting is None:
            return None
        confirmation = self.confirm(Action.DETERMINE_SEATS)
        if confirmation is None:
            self.message.setText("Rapat tidak dicatat: belum dikonfirmasi dengan PIN komisioner.")
            return None
        recorded = run_operation(self, TITLE, lambda: self.meetings.record(meeting, confirmation))
        if recorded is not None:
            self.message.setText(
                f"Rapat penetapan perolehan kursi tercatat: Keputusan Nomor "
                f"{recorded.decree_number} (dikonfirmasi {confirmation.user.name})."
            )
            self._page = None
            self.refresh()
        return recorded

    # -- deciding ----------------------------------------------------------------------------

    def ask_decision(self, tie: OpenTie, names: dict[int, str]) -> Decision | None:
        """The meeting's choice and reason from the dialog; None when cancelled."""
        dialog = TieDialog(tie, names, self)
        if not dialog.exec():
            return None
        return dialog.chosen(), dialog.reason_text()

    def decide(self, tie: OpenTie, names: dict[int, str]) -> SeatResults | None:
        code = self.contest_code()
        decision = self.ask_decision(tie, names)
        if code is None or decision is None:
            return None
        chosen, reason = decision
        confirmation = self.confirm(Action.DECIDE_TIE)
        if confirmation is None:
            self.message.setText(
                "Keputusan tidak dicatat: belum dikonfirmasi dengan PIN komisioner."
            )
            return None
        result = run_operation(
            self,
            TITLE,
            lambda: self.seats.decide_tie(code, tie.key, chosen, reason, confirmation),
        )
        if result is not None:
            picked = ", ".join(names.get(n, str(n)) for n in chosen)
            self.message.setText(
                f"Keputusan dicatat: {picked} (dikonfirmasi {confirmation.user.name})."
            )
            self.refresh()
        return result


def _contender_names(
    result: DistrictResult, tie: OpenTie, parties: dict[int, str]
) -> dict[int, str]:
    """Names of a tie's contenders: parties for a seat, the party's candidates for a place."""
    if result.allocation is not None and tie is result.allocation.open_tie:
        return parties
    election = next((e for e in result.elections if e.open_tie is tie), None)
    party = next((p for p in result.parties if election and p.party.number == election.party), None)
    if party is None:
        return {}
    return {
        c.number: f"{c.number}. {c.name} ({c.sex}) — {format_number(v)} suara"
        for c, v in party.candidates
    }


def _elected_text(number: int, candidates: dict[int, tuple[Candidate, int]], basis: str) -> str:
    """ "3. NAMA (1.465)", with the basis when it was not simply the most votes."""
    if number not in candidates:
        return str(number)
    candidate, votes = candidates[number]
    text = f"{number}. {candidate.name} ({format_number(votes)})"
    return text if basis in ("", BY_VOTES) else f"{text} — {basis}"


def _tie_title(key: str) -> str:
    """A readable name of a tie key: "kursi:3:5:01,04" → "Dapil 3, kursi ke-5"."""
    parts = key.split(":")
    if parts[0] == "kursi" and len(parts) >= 3:
        return f"Dapil {parts[1]}, kursi ke-{parts[2]}"
    if parts[0] == "calon" and len(parts) >= 4:
        return f"Dapil {parts[1]}, partai nomor urut {int(parts[2])}, calon terpilih ke-{parts[3]}"
    if parts[0] == "dpd" and len(parts) >= 2:
        return f"DPD, calon terpilih ke-{parts[1]}"
    return key


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> QTableWidget:
    """A read-only table as tall as its rows (the page scrolls, not each table)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # Tab goes on to the next control (the arrows move in the table): with Qt's default Tab
    # went round the cells for ever, and the buttons below could not be reached by keyboard.
    table.setTabKeyNavigation(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.resizeRowsToContents()
    height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows)))
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)
    return table
