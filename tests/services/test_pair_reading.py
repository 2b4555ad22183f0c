"""A kecamatan × pemilihan is read ("selesai dibaca") only with no difference and no register
entry about it open; only such pairs are counted and ticked as read."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture
def service(tmp_path: Path) -> PlenoService:
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    return pleno


def _refusal(error: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_marking_read_is_refused_while_a_difference_or_an_objection_is_open(
    service: PlenoService,
) -> None:
    # GIVEN gubernur in SAMARINDA ULU: the saksi's copy differs on suara_01, objection 3 open
    corrections = CorrectionsService(service)
    entries = service.verify_audit().entries
    # WHEN it is marked read THEN refused, naming the difference and the objection
    with pytest.raises(InputRejected) as refused:
        corrections.mark_read("gubernur", "647203")
    assert _refusal(refused) == [
        "SAMARINDA ULU (647203), gubernur: masih ada selisih pada "
        "IV Suara sah pilihan nomor urut 1 (Drs. H. Mahdi Lestaluhu, M.Si. – Hj. Nurul Aini "
        "Pratiwi, S.E.)",
        "SAMARINDA ULU (647203), gubernur: keberatan saksi nomor 3 masih terbuka; "
        "selesaikan dahulu (register kejadian khusus/keberatan)",
    ]
    assert service.verify_audit().entries == entries
    # WHEN the difference is settled with the PPK form THEN the pair is still not read
    chair = corrections.commissioners()[0]
    result = corrections.settle(
        "gubernur",
        "647203",
        SettleRequest(
            "suara_01",
            28999,
            Reason.SESUAI_PPK,
            "D.Hasil PPK",
            "PPK",
            chair,
            confirmation=confirmed(service, Action.APPROVE_CORRECTION, chair),
        ),
    )
    assert not result.pair_read
    assert corrections.unsettled("gubernur", "647203") == [
        "keberatan saksi nomor 3 masih terbuka; selesaikan dahulu (register kejadian "
        "khusus/keberatan)"
    ]
    with pytest.raises(InputRejected):
        corrections.mark_read("gubernur", "647203")
    # WHEN the objection is closed THEN it may be marked read, and it is finished
    IncidentService(service).mark_unresolvable(
        3, "Saksi tetap keberatan; dicatat", confirmed(service, Action.CLOSE_OBJECTION)
    )
    assert corrections.unsettled("gubernur", "647203") == []
    corrections.mark_read("gubernur", "647203")
    assert ("gubernur", "647203") in corrections.pairs_finished()


def test_a_read_pair_disputed_again_is_no_longer_counted_as_read(service: PlenoService) -> None:
    # GIVEN walikota PALARAN marked read (every source agrees there)
    corrections = CorrectionsService(service)
    corrections.mark_read("walikota", "647201")
    assert corrections.pairs_finished() == {("walikota", "647201")}
    # WHEN a kejadian khusus about PALARAN's walikota result is recorded afterwards
    IncidentService(service).create(
        Incident(
            IncidentKind.KEJADIAN_KHUSUS,
            "",
            "Bawaslu meminta pencocokan ulang TPS 004.",
            IncidentStatus.TERBUKA,
            unit="647201",
            contest="walikota",
            raiser=Raiser(RaiserRole.BAWASLU, "Bawaslu Kota"),
        )
    )
    # THEN the mark stays in the record, but the pair is no longer counted or ticked as read
    assert corrections.pairs_read() == {("walikota", "647201")}
    assert corrections.pairs_finished() == set()
