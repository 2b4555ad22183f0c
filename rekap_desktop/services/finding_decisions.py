"""Keputusan rapat atas temuan: the meeting's explicit decision on an error finding of the values
it determines, recorded with the reason and the commissioner who confirmed it with their PIN.

Until each such error is corrected or decided, the pair is not marked selesai dibaca and the
result is not determined (:func:`undecided_in`, :meth:`FindingDecisionService.undecided_all`);
the D.Hasil and the berita acara print the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.comparison import Comparison, determined_findings, siblings_of, unit_forms
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.election import Contest, Unit
from rekap_desktop.domain.finding_decisions import FindingDecision, decision_for, undecided
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.rules import Finding, Severity
from rekap_desktop.domain.sources import PLENO, PPK
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.services.service_base import ServiceBase
from rekap_desktop.storage import audit, finding_decisions_store, meeting_store
from rekap_desktop.storage.unit_of_work import Session, read

TITLE = "Keputusan rapat atas temuan"


@dataclass(frozen=True)
class DeterminedError:
    """An error finding of one pair's determined values, and the decision on it (if any)."""

    contest: Contest
    unit: Unit
    finding: Finding
    decision: FindingDecision | None


def undecided_in(session: Session, comparison: Comparison) -> list[Finding]:
    """The pair's errors on its determined values that no decision covers, as ``session`` sees."""
    made = finding_decisions_store.decisions(session, comparison.contest.code, comparison.unit.code)
    return undecided(comparison.determined_errors, made)


class FindingDecisionService(ServiceBase):
    def open_errors(self, contest: str, unit: str) -> list[Finding]:
        """The pair's errors on its determined values still without a correction or decision."""
        target = self.target(contest, unit)
        with read(self.pleno_service.engine) as session:
            return undecided_in(session, self.compare_in(session, target))

    def decisions(self, contest: str | None = None) -> list[FindingDecision]:
        with read(self.pleno_service.engine) as session:
            return finding_decisions_store.decisions(session, contest)

    def determined_errors(self, contest: str | None = None) -> list[DeterminedError]:
        """Every error of the determined values (of one contest), kecamatan by kecamatan, each
        with the decision on it or None: what the D.Hasil and the berita acara print."""
        pleno = self.pleno_service.pleno()
        wanted = [c for c in pleno.contests if contest is None or c.code == contest]
        with read(self.pleno_service.engine) as session:
            tallies = meeting_store.current_tallies(session, None, (PPK.code, PLENO.code))
            made = finding_decisions_store.decisions(session, contest)
        per_unit = {unit.code: unit_forms(tallies, unit.code) for unit in pleno.units}
        found: list[DeterminedError] = []
        for item in wanted:
            for unit in pleno.units:
                by_contest = per_unit[unit.code]
                forms = by_contest.get(item.code, {})
                siblings = siblings_of(item, pleno.contests, by_contest)
                for finding in determined_findings(item, unit, pleno.kind, forms, siblings):
                    if finding.severity is Severity.ERROR:
                        here = [d for d in made if (d.contest, d.unit) == (item.code, unit.code)]
                        found.append(
                            DeterminedError(item, unit, finding, decision_for(finding, here))
                        )
        return found

    def undecided_all(self) -> list[DeterminedError]:
        """The errors that still block the penetapan."""
        return [e for e in self.determined_errors() if e.decision is None]

    def decide(
        self, contest: str, unit: str, finding: Finding, reason: str, confirmation: Confirmation
    ) -> FindingDecision:
        """Record the meeting's decision to let ``finding`` (an open error of the pair's
        determined values, as shown) stand, with ``reason``; a commissioner confirms with their
        PIN. Refused when the finding is no longer open as stated (the numbers changed, or it
        was decided already), without a reason, or while the result is determined."""
        target = self.target(contest, unit)
        problems = []
        if confirmation.action is not Action.DECIDE_FINDING:
            problems.append(Problem("konfirmasi PIN bukan untuk memutuskan temuan"))
        if not reason.strip():
            problems.append(Problem("alasan keputusan rapat wajib diisi"))
        if problems:
            raise InputRejected(problems, TITLE)
        with self.pleno_service.write() as w:
            session = w.session
            ensure_result_open(session, target.pleno, (contest, unit))
            if finding not in undecided_in(session, self.compare_in(session, target)):
                raise InputRejected(
                    [
                        Problem(
                            f"{target.where()}: temuan {finding.code} tidak lagi terbuka seperti "
                            "yang ditampilkan (angkanya berubah atau sudah diputuskan); "
                            "periksa kembali"
                        )
                    ],
                    TITLE,
                )
            decision = FindingDecision(
                contest,
                unit,
                finding.code,
                tuple(finding.fields),
                finding.message,
                reason.strip(),
                confirmation.user.name,
                audit.now_iso(),
            )
            finding_decisions_store.add_decision(session, decision, self.actor)
            w.audit(
                AuditEvent.FINDING_DECIDED,
                {
                    "pemilihan": contest,
                    "kode_wilayah": unit,
                    "kode_temuan": finding.code,
                    "rincian": list(finding.fields),
                    "temuan": finding.message,
                    "alasan": decision.reason,
                    **confirmation.audit_fields(),
                },
                {contest},
            )
        return decision
