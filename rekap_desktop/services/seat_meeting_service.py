"""The seat meeting (rapat pleno terbuka penetapan perolehan kursi dan calon terpilih): held after
the recapitulation is determined and the Constitutional Court's notice (PKPU 6/2024 Pasal 17, 22),
it decides by a numbered Keputusan KPU. Recorded once every tie is decided, with who attended;
after it the tie decisions of that contest are closed."""

from __future__ import annotations

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.deciding_level import decides_here
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.seat_meeting import SeatMeeting, meeting_problems
from rekap_desktop.services.procedure_state import stored_state
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.service_base import ServiceBase
from rekap_desktop.storage import audit, seats_store
from rekap_desktop.storage.unit_of_work import read

TITLE = "Rapat penetapan perolehan kursi"
NOT_YET = (
    "rapat penetapan perolehan kursi dan calon terpilih diadakan setelah hasil rekapitulasi "
    "ditetapkan (penetapan)"
)


class SeatMeetingService(ServiceBase):
    def contests(self) -> tuple[Contest, ...]:
        """The legislative contests whose seats this meeting's KPU determines (DPRD Kab/Kota at a
        kab/kota meeting)."""
        pleno = self.pleno_service.pleno()
        return tuple(
            c for c in pleno.contests if c.is_party_list and decides_here(c.code, pleno.level)
        )

    def meeting(self, contest: str) -> SeatMeeting | None:
        with read(self.pleno_service.engine) as session:
            return seats_store.meeting(session, contest)

    def record(self, meeting: SeatMeeting, confirmation: Confirmation) -> SeatMeeting:
        """Record the seat meeting and its Keputusan, confirmed with a commissioner's PIN; refused
        (nothing recorded) before penetapan, with a tie still open, or with the record missing
        something."""
        if confirmation.action is not Action.DETERMINE_SEATS:
            raise InputRejected([Problem("konfirmasi PIN bukan untuk menetapkan perolehan kursi")])
        contest = self._contest(meeting.contest)
        pleno = self.pleno_service.pleno()
        with self.pleno_service.write() as w:
            if not stored_state(w.session, pleno).determined:
                raise InputRejected([Problem(NOT_YET)], TITLE)
            problems = meeting_problems(
                meeting,
                tuple(m.name for m in pleno.members),
                tuple(p.number for p in contest.parties),
            )
            problems += [
                f"perolehan sama masih menunggu keputusan rapat [{tie.key}]: {tie.message}"
                for tie in SeatService(self.pleno_service).results(contest.code).open_ties
            ]
            if problems:
                raise InputRejected([Problem(p) for p in problems], TITLE)
            seats_store.add_meeting(w.session, meeting, confirmation.user.name, audit.now_iso())
            w.audit(
                AuditEvent.SEAT_MEETING_RECORDED,
                {
                    "pemilihan": contest.code,
                    "waktu_rapat": meeting.held_at.isoformat(),
                    "tempat": meeting.place,
                    "nomor_keputusan": meeting.decree_number,
                    "pemberitahuan_mk": meeting.court_notice,
                    "anggota_hadir": list(meeting.members),
                    "bawaslu": list(meeting.bawaslu),
                    "wakil_partai": [[p.party, p.name] for p in meeting.parties],
                    **confirmation.audit_fields(),
                },
                {contest.code},
            )
        return meeting

    def _contest(self, code: str) -> Contest:
        contest = next((c for c in self.contests() if c.code == code), None)
        if contest is None:
            region = self.pleno_service.pleno().region.name
            raise InputRejected(
                [Problem(f"perolehan kursi pemilihan '{code}' tidak ditetapkan oleh KPU {region}")]
            )
        return contest
