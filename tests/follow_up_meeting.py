"""A small determined meeting taken up again in a follow-up session, for the tests of sesi
lanjutan: the Court orders UTARA (990101) recapitulated again; the session moves one vote of the
kolom kosong to the pair there, with the correction's reason and the approving commissioner."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.follow_up import Basis, FollowUpRequest, FollowUpSession
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.follow_up_service import FollowUpService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.fixtures import write_setup, write_tallies
from tests.penetapan import determine_meeting

COURT_ORDER = FollowUpRequest(
    Basis.MK_RECAP,
    "12/PHPU.WAKO-XXIII/2025",
    date(2025, 2, 24),
    ("990101",),
    (),
    "Rekapitulasi ulang Kecamatan UTARA",
)
CHANGED = (("suara_01", 90), ("suara_02", 590))
"""UTARA's kolom kosong 100 → 90 and the pair 580 → 590 (suara sah stays 680)."""


def determined_meeting(folder: Path) -> tuple[PlenoService, ProcedureService]:
    service = PlenoService(open_engine(str(folder / "uji.sqlite")))
    service.create_from_setup_file(write_setup(folder, with_members=True))
    service.import_tally_file(write_tallies(folder))
    return service, determine_meeting(service)


def open_court_order(service: PlenoService, procedure: ProcedureService) -> FollowUpSession:
    return FollowUpService(procedure).open(COURT_ORDER, confirmed(service, Action.OPEN_FOLLOW_UP))


def court_correction(field: str, after: int, service: PlenoService) -> SettleRequest:
    approver = CorrectionsService(service).commissioners()[0]
    request = SettleRequest(
        field,
        after,
        Reason.LAINNYA,
        "Putusan MK 12/PHPU.WAKO-XXIII/2025",
        "Ketua Uji",
        approver,
        reason_text="rekapitulasi ulang atas putusan MK",
    )
    return replace(request, confirmation=confirmed(service, Action.APPROVE_CORRECTION, approver))


def make_court_changes(service: PlenoService) -> None:
    corrections = CorrectionsService(service)
    for field, after in CHANGED:
        corrections.settle("walikota", "990101", court_correction(field, after, service))


def determine_again(service: PlenoService, procedure: ProcedureService) -> None:
    signatures = [Signature(m.name, m.position, True) for m in service.pleno().members]
    procedure.determine(signatures, confirmed(service, Action.DETERMINE))
