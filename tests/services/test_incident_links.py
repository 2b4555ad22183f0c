"""An entry may link only corrections made for its own kecamatan (real corrections, not stubs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed


def test_a_link_to_a_correction_of_another_kecamatan_is_refused(tmp_path: Path) -> None:
    # GIVEN the saksi dispute of 647203 settled by a correction
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    corrections = CorrectionsService(service)
    request = SettleRequest(
        "suara_01",
        28999,
        Reason.PENCERMATAN,
        "D.Hasil Kecamatan PPK",
        "PPK",
        corrections.commissioners()[0],
        confirmation=confirmed(service, Action.APPROVE_CORRECTION, corrections.commissioners()[0]),
    )
    settled = corrections.settle("gubernur", "647203", request)
    with service.engine.connect() as connection:
        (correction_id,) = connection.execute(text("SELECT id FROM correction")).scalars()
    assert settled.correction.field == "suara_01"
    incidents = IncidentService(service)
    draft = Incident(
        kind=IncidentKind.KEBERATAN_SAKSI,
        raised_by="Hendra Gunawan Saputra",
        description="Keberatan atas suara nomor urut 1.",
        status=IncidentStatus.TERBUKA,
        contest="gubernur",
        corrections=(correction_id,),
        raiser=Raiser(RaiserRole.SAKSI, "Hendra Gunawan Saputra", "gubernur", 1),
    )
    # WHEN an entry about another kecamatan links it THEN it is refused, naming both
    with pytest.raises(InputRejected) as raised:
        incidents.create(Incident(**{**draft.__dict__, "unit": "647201"}))
    assert [p.message for p in raised.value.problems] == [
        f"pembetulan #{correction_id} milik kecamatan 647203, bukan kecamatan 647201 yang "
        "disebut entri ini"
    ]
    # WHEN the entry is about 647203 THEN the link is kept
    stored = incidents.create(Incident(**{**draft.__dict__, "unit": "647203"}))
    assert stored.corrections == (correction_id,)
