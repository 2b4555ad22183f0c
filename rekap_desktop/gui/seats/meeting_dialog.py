"""Rapat penetapan perolehan kursi: the seat meeting's record — when and where it was held, the
Keputusan number, the Constitutional Court's notice it follows, the KPU members present, Bawaslu
and each party's representative; what is missing is told in place, and the commissioner's PIN is
asked afterwards by the seat view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain import clock
from rekap_desktop.domain.election import Contest, Member
from rekap_desktop.domain.seat_meeting import PartyRepresentative, SeatMeeting, meeting_problems
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons


class SeatMeetingDialog(QDialog):
    def __init__(
        self,
        contest: Contest,
        members: tuple[Member, ...],
        place: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contest = contest
        self.setWindowTitle(f"Rapat penetapan perolehan kursi — {contest.title}")
        note = QLabel(
            "Perolehan kursi dan calon terpilih ditetapkan dalam rapat pleno terbuka tersendiri, "
            "setelah penetapan hasil rekapitulasi dan pemberitahuan Mahkamah Konstitusi "
            "(PKPU 6/2024), dengan Keputusan KPU bernomor."
        )
        note.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText("mis. 12/PL.01.9-Kpt/1771/2024")
        self.held_at = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(clock.now().timestamp())))
        self.held_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.held_at.setCalendarPopup(True)
        self.place = QLineEdit(place)
        self.court_notice = QLineEdit()
        self.court_notice.setPlaceholderText("nomor dan tanggal surat pemberitahuan MK")
        self.bawaslu = QLineEdit()
        self.bawaslu.setPlaceholderText("nama; pisahkan dengan titik koma bila lebih dari satu")
        form = QFormLayout()
        form.addRow("Nomor Keputusan KPU", self.number)
        form.addRow("Waktu rapat", self.held_at)
        form.addRow("Tempat", self.place)
        form.addRow("Pemberitahuan MK", self.court_notice)
        form.addRow("Bawaslu yang hadir", self.bawaslu)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self._members_group(members))
        layout.addWidget(self._parties_group(contest))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#a00000")
        layout.addWidget(self.problem)
        buttons = answer_buttons("Tetapkan (perlu PIN)", self.try_accept, self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.resize(760, 720)

    def _members_group(self, members: tuple[Member, ...]) -> QGroupBox:
        group = QGroupBox("Anggota KPU yang hadir")
        column = QVBoxLayout(group)
        self.member_boxes: dict[str, QCheckBox] = {}
        for member in members:
            box = QCheckBox(f"{member.name} ({member.position})")
            box.setChecked(True)
            self.member_boxes[member.name] = box
            column.addWidget(box)
        return group

    def _parties_group(self, contest: Contest) -> QGroupBox:
        group = QGroupBox("Wakil partai politik yang hadir (kosongkan bila tidak hadir)")
        self.parties = QTableWidget(len(contest.parties), 2)
        self.parties.setHorizontalHeaderLabels(["Partai politik", "Nama wakil"])
        self.parties.verticalHeader().setVisible(False)
        for row, party in enumerate(contest.parties):
            item = QTableWidgetItem(f"{party.number}. {party.name}")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.parties.setItem(row, 0, item)
            self.parties.setItem(row, 1, QTableWidgetItem(""))
        header = self.parties.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        column = QVBoxLayout(group)
        column.addWidget(self.parties)
        return group

    def set_representative(self, party: int, name: str) -> None:
        row = next(i for i, p in enumerate(self.contest.parties) if p.number == party)
        self.parties.setItem(row, 1, QTableWidgetItem(name))

    def meeting(self) -> SeatMeeting:
        moment = self.held_at.dateTime().toPython()
        assert isinstance(moment, datetime)
        representatives = []
        for row, party in enumerate(self.contest.parties):
            item = self.parties.item(row, 1)
            name = item.text().strip() if item is not None else ""
            if name:
                representatives.append(PartyRepresentative(party.number, name))
        return SeatMeeting(
            contest=self.contest.code,
            held_at=clock.aware(moment),
            place=self.place.text().strip(),
            decree_number=self.number.text().strip(),
            court_notice=self.court_notice.text().strip(),
            members=tuple(name for name, box in self.member_boxes.items() if box.isChecked()),
            bawaslu=tuple(n.strip() for n in self.bawaslu.text().split(";") if n.strip()),
            parties=tuple(representatives),
        )

    def problems(self) -> list[str]:
        return meeting_problems(
            self.meeting(),
            tuple(self.member_boxes),
            tuple(p.number for p in self.contest.parties),
        )

    def try_accept(self) -> None:
        """What is missing is told in place, and nothing is recorded."""
        problems = self.problems()
        if problems:
            text = "; ".join(problems) + "."
            self.problem.setText(text[:1].upper() + text[1:])
            return
        self.accept()
