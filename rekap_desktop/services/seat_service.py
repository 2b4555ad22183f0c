"""Perolehan kursi and calon terpilih of the legislative contests, from the recapitulation, and
the meeting's recorded decisions on the ties the law leaves open."""

from __future__ import annotations

from dataclasses import dataclass

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.deciding_level import seats_decided_here
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.legislative import DistrictResult, district_results, dpd_result
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.seats import CandidateElection, OpenTie
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import ContestRecap, recap_contests
from rekap_desktop.services.service_base import ServiceBase
from rekap_desktop.storage import audit, seats_store
from rekap_desktop.storage.unit_of_work import Session, read


@dataclass(frozen=True)
class SeatResults:
    """What the meeting determines for one legislative contest (or the DPD)."""

    contest: Contest
    source: str
    districts: tuple[DistrictResult, ...]
    dpd: CandidateElection | None

    @property
    def open_ties(self) -> tuple[OpenTie, ...]:
        ties = [t for d in self.districts for t in d.open_ties]
        if self.dpd is not None and self.dpd.open_tie is not None:
            ties.append(self.dpd.open_tie)
        return tuple(ties)

    @property
    def open_ties_by_district(self) -> tuple[tuple[str, OpenTie], ...]:
        """Each open tie with the code of its dapil ("" for the DPD)."""
        ties = [(d.district.code, t) for d in self.districts for t in d.open_ties]
        if self.dpd is not None and self.dpd.open_tie is not None:
            ties.append(("", self.dpd.open_tie))
        return tuple(ties)


@dataclass(frozen=True)
class TieDecision:
    """A decision the meeting recorded on an open tie, and the commissioner who confirmed it."""

    key: str
    chosen: tuple[int, ...]
    reason: str
    decided_by: str
    decided_at: str


def seat_results(pleno_service: PlenoService, contest: str) -> SeatResults:
    """Seats and elected candidates of one contest as they stand (see ``SeatService.results``);
    the projector's seat scenes read them this way on every rebuild."""
    return SeatService(pleno_service).results(contest)


class SeatService(ServiceBase):
    def legislative_contests(self) -> tuple[Contest, ...]:
        """The contests whose seats this meeting determines (not those that only go up)."""
        return seats_decided_here(self.pleno_service.pleno())

    def decisions(self, contest: str) -> dict[str, tuple[int, ...]]:
        with read(self.pleno_service.engine) as session:
            return seats_store.decisions(session, contest)

    def decision_records(self, contest: str) -> tuple[TieDecision, ...]:
        """Every decision recorded on the contest's ties, oldest first (a later one on the same
        key replaces an earlier one)."""
        with read(self.pleno_service.engine) as session:
            rows = seats_store.decision_rows(session, contest)
        return tuple(
            TieDecision(key, tuple(int(n) for n in chosen.split(",") if n), reason, by, at)
            for key, chosen, reason, by, at in rows
        )

    def results(self, contest: str) -> SeatResults:
        """Seats and elected candidates of one contest, from its recapitulation (determined values
        where they exist, else the PPK's), with every recorded tie decision applied."""
        recaps = recap_contests(self.pleno_service, contest)
        if not recaps:
            raise InputRejected([Problem(f"pemilihan '{contest}' tidak ada dalam pleno ini")])
        return self.results_of(recaps[0], self.decisions(contest))

    def results_for(self, recaps: list[ContestRecap]) -> dict[str, SeatResults]:
        """Seat results of the legislative contests (and DPD) among ``recaps``, by contest code."""
        return {
            r.recap.contest.code: self.results_of(r, self.decisions(r.recap.contest.code))
            for r in recaps
            if r.recap.contest.elects_seats
        }

    def results_of(self, item: ContestRecap, decisions: dict[str, tuple[int, ...]]) -> SeatResults:
        pleno = self.pleno_service.pleno()
        recap = item.recap
        tallies = {unit.code: tally for unit, tally in recap.units}
        districts = district_results(recap.contest, pleno.level, pleno.units, tallies, decisions)
        dpd = dpd_result(recap.contest, pleno.level, list(tallies.values()), decisions)
        return SeatResults(recap.contest, item.source, districts, dpd)

    def decide_tie(
        self,
        contest: str,
        key: str,
        chosen: tuple[int, ...],
        reason: str,
        confirmation: Confirmation,
    ) -> SeatResults:
        """Record the meeting's choice on an open tie; a commissioner confirms with their PIN."""
        if confirmation.action is not Action.DECIDE_TIE:
            raise InputRejected([Problem("konfirmasi PIN bukan untuk memutuskan hasil yang sama")])
        with self.pleno_service.write() as w:
            _ensure_seats_open(w.session, contest)
            # Read with the lock held: a decision another station just recorded closes the tie.
            current = self.results(contest)
            tie = next((t for t in current.open_ties if t.key == key), None)
            if tie is None:
                raise InputRejected(
                    [Problem(f"tidak ada perolehan sama yang masih terbuka dengan kunci {key}")]
                )
            problems = _choice_problems(tie, chosen, reason)
            if problems:
                raise InputRejected(problems, "Keputusan perolehan sama")
            at = audit.now_iso()
            seats_store.add_decision(
                w.session, contest, key, chosen, reason.strip(), confirmation.user.name, at
            )
            w.audit(
                AuditEvent.SEAT_TIE_DECIDED,
                {
                    "pemilihan": contest,
                    "kunci": key,
                    "jenis": tie.kind,
                    "pesaing": list(tie.contenders),
                    "dipilih": sorted(chosen),
                    "alasan": reason.strip(),
                    **confirmation.audit_fields(),
                },
                {contest},
            )
        return self.results(contest)


def _ensure_seats_open(session: Session, contest: str) -> None:
    """A tie may be decided until the seat meeting's Keputusan is recorded (the seats are not
    part of the recapitulation: a tie stays open past its penetapan, to the seat meeting)."""
    held = seats_store.meeting(session, contest)
    if held is not None:
        raise InputRejected(
            [
                Problem(
                    f"perolehan kursi telah ditetapkan dengan Keputusan Nomor "
                    f"{held.decree_number}; keputusan atas perolehan sama tidak dapat diubah"
                )
            ]
        )


def _choice_problems(tie: OpenTie, chosen: tuple[int, ...], reason: str) -> list[Problem]:
    problems: list[Problem] = []
    picked = set(chosen)
    if len(picked) != len(chosen) or not picked <= set(tie.contenders):
        names = ", ".join(str(n) for n in tie.contenders)
        problems.append(Problem(f"pilihan harus di antara nomor {names}, masing-masing sekali"))
    if len(picked) != tie.places:
        problems.append(Problem(f"pilih tepat {tie.places} dari {len(tie.contenders)} nomor"))
    if not reason.strip():
        problems.append(Problem("alasan/dasar keputusan wajib diisi"))
    return problems
