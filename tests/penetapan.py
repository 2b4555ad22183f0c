"""Taking a meeting through the whole agenda to penetapan with the services, for tests that need
a determined result (result packages, final prints)."""

from __future__ import annotations

from rekap_desktop.domain.procedure import DETERMINATION
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.services.procedure_service import ProcedureService
from tests.confirming import confirmed
from tests.settling import settle_every_pair


def determine_meeting(
    service: PlenoService, signatures: list[Signature] | None = None
) -> ProcedureService:
    """Every open register entry closed as not resolvable here, every difference settled with
    the PPK's form, every box opened intact, the room asked for objections (none), and the
    result determined, signed by every KPU member (or as ``signatures`` say)."""
    procedure = bring_to_penetapan(service)
    pleno = service.pleno()
    procedure.determine(
        signatures or [Signature(m.name, m.position, True) for m in pleno.members],
        confirmed(service, Action.DETERMINE),
    )
    assert procedure.state().determined
    return procedure


def bring_to_penetapan(service: PlenoService) -> ProcedureService:
    """The meeting as :func:`determine_meeting` takes it, stopped at the penetapan step: what is
    left is the penetapan itself (for a test that determines it as a person does)."""
    incidents = IncidentService(service)
    for entry in incidents.register():
        if entry.is_open and entry.number is not None:
            incidents.mark_unresolvable(
                entry.number,
                "Bawaslu berpendapat lain; dicatat",
                confirmed(service, Action.CLOSE_OBJECTION),
            )
    settle_every_pair(service)
    procedure = ProcedureService(service)
    records = ProcedureRecords(procedure)
    pleno = service.pleno()
    for _ in range(1000):
        stop = procedure.state().current
        if stop.item == DETERMINATION:
            return procedure
        if stop.item == "4" and stop.unit and records.box_check(stop.unit) is None:
            records.record_box(stop.unit, True, expected_forms(pleno))
        if stop.item == "12" and records.objection_call() is None:
            records.record_objection_call(True)
        procedure.next()
    raise AssertionError("langkah penetapan tidak tercapai")
