"""Reading every kecamatan × pemilihan to the end through the services, for tests that need a
meeting ready for penetapan: every difference settled with the PPK's form as the reference."""

from __future__ import annotations

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PPK
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.pleno_service import PlenoService
from tests.confirming import confirmed


def settle_every_pair(service: PlenoService) -> None:
    corrections = CorrectionsService(service)
    approver = corrections.commissioners()[0]
    given: list[Confirmation] = []

    def approval() -> Confirmation:
        """The approver's PIN, asked once (only when there is a difference to settle)."""
        if not given:
            given.append(confirmed(service, Action.APPROVE_CORRECTION, approver))
        return given[0]

    pleno = service.pleno()
    for contest in pleno.contests:
        for unit in pleno.units:
            comparison = corrections.comparison(contest.code, unit.code)
            for row in comparison.rows:
                if not row.is_open:
                    continue
                reference = next(c.value for c in row.cells if c.source == PPK)
                assert reference is not None, (unit.code, row.field)
                request = SettleRequest(
                    str(row.field),
                    reference,
                    Reason.SESUAI_PPK,
                    "D.Hasil Kecamatan PPK",
                    "PPK",
                    approver,
                    confirmation=approval(),
                )
                corrections.settle(contest.code, unit.code, request)
            if not corrections.is_read(contest.code, unit.code):
                corrections.mark_read(contest.code, unit.code)
