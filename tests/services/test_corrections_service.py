"""Settling differences on the demo pleno: the correction is written as the determined value, the
pair is marked read, and the recapitulation, the check and the audit chain reflect it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from rekap_desktop.domain.comparison import RowState
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PLENO, PPK, SIREKAP, saksi
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.events import Change
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import check, recap_contests
from rekap_desktop.storage import meeting_store
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed

CHAIR = "Dra. Lestari Wulandari Kusuma, M.Si."
"""The Ketua of the demo meeting (SIMULASI)."""


@pytest.fixture
def comparison(db_url: str) -> Iterator[ComparisonService]:
    """The demo pleno (SIMULASI) with its planted differences."""
    pleno = PlenoService(open_engine(db_url))
    load_demo(pleno)
    yield ComparisonService(pleno)
    pleno.engine.dispose()


def request(comparison: ComparisonService, **changes: object) -> SettleRequest:
    values: dict[str, object] = {
        "field": "suara_01",
        "after": 28999,
        "reason": Reason.SESUAI_PPK,
        "basis": "D.Hasil Kecamatan-KWK-Gubernur PPK Samarinda Ulu",
        "proposed_by": "Saksi nomor urut 1",
        "approved_by": CHAIR,
        "incident_number": 3,
        "confirmation": confirmed(comparison.pleno, Action.APPROVE_CORRECTION, CHAIR),
    }
    values.update(changes)
    return SettleRequest(**values)  # type: ignore[arg-type]


def test_saksi_dispute_settled_by_correction(comparison: ComparisonService) -> None:
    # GIVEN the saksi dispute of the demo: gubernur 647203 suara_01, PPK 28.999 vs saksi 29.009
    before = comparison.corrections.comparison("gubernur", "647203")
    assert before.summary.differing_sources == (saksi(1),)
    seen: list[Change] = []
    comparison.pleno.bus.subscribe(seen.append)
    # WHEN a commissioner settles it with the PPK form as reference, linked to register entry 3
    result = comparison.corrections.settle("gubernur", "647203", request(comparison))
    # THEN a correction 28.999 → 28.999 is recorded and the pleno form holds the value, but the
    # pair is not read while the saksi's objection (entry 3) is still open
    assert (result.correction.before, result.correction.after) == (28999, 28999)
    assert result.correction.incident_number == 3
    assert not result.pair_read and not comparison.corrections.is_read("gubernur", "647203")
    assert [(c.what, c.contests) for c in seen] == [("correction_made", frozenset({"gubernur"}))]
    # WHEN the objection is closed THEN the pair may be marked read, and it is announced
    IncidentService(comparison.pleno).mark_unresolvable(
        3, "Saksi tetap keberatan; dicatat", confirmed(comparison.pleno, Action.CLOSE_OBJECTION)
    )
    comparison.corrections.mark_read("gubernur", "647203")
    assert comparison.corrections.is_read("gubernur", "647203")
    assert [c.what for c in seen][-1] == "pair_read"
    after = comparison.corrections.comparison("gubernur", "647203")
    row = after.row("suara_01")
    assert row is not None and row.state is RowState.SETTLED
    assert [c.value for c in row.cells] == [28999, 28999, 29009, None, 28999]
    # AND the original saksi value stays; the recapitulation and the check use the pleno value
    tallies = comparison.pleno.tallies("gubernur")
    assert tallies[("gubernur", "647203", saksi(1).code)].value("suara_01") == 29009
    assert tallies[("gubernur", "647203", PLENO.code)].value("suara_01") == 28999
    (recap,) = recap_contests(comparison.pleno, "gubernur")
    assert recap.source == "pleno"
    found = [
        d.difference.values
        for d in check(comparison.pleno).differences
        if (d.contest, d.unit, d.difference.field) == ("gubernur", "647203", "suara_01")
    ]
    assert found == [{PPK: 28999, SIREKAP: 28999, saksi(1): 29009, PLENO: 28999}]
    # AND the audit chain and every stored value verify
    report = verify_integrity(comparison.pleno)
    assert report.ok, report.mismatches


def test_correction_changes_the_recapitulation(comparison: ComparisonService) -> None:
    # GIVEN the city total of gubernur suara_01
    def total() -> int | None:
        (recap,) = recap_contests(comparison.pleno, "gubernur")
        return recap.recap.total.value("suara_01")

    start = total()
    assert start is not None
    # WHEN the meeting determines 10 more for 647203 (salah tulis on the PPK form)
    comparison.corrections.settle(
        "gubernur",
        "647203",
        request(comparison, after=29009, reason=Reason.SALAH_TULIS),
    )
    # THEN the recapitulation is 10 higher at once
    assert total() == start + 10


def test_refused_corrections_change_nothing(comparison: ComparisonService) -> None:
    # GIVEN the demo and its stored audit entries
    with Session(comparison.pleno.engine) as session:
        before = meeting_store.current_tallies(session)
    entries = comparison.pleno.verify_audit().entries
    # WHEN a correction names an unknown incident, or a non-commissioner approves
    with pytest.raises(InputRejected) as unknown:
        comparison.corrections.settle("gubernur", "647203", request(comparison, incident_number=99))
    with pytest.raises(InputRejected) as stranger:
        comparison.corrections.settle(
            "gubernur", "647203", request(comparison, approved_by="Orang Lain")
        )
    # THEN each says why in Indonesian and nothing was written
    assert str(unknown.value) == "nomor 99 tidak ada dalam daftar kejadian khusus/keberatan"
    assert str(stranger.value).startswith(
        "IV Suara sah pilihan nomor urut 1: 'Orang Lain' bukan anggota KPU dalam rapat ini"
    )
    assert comparison.pleno.tallies() == before
    assert comparison.pleno.verify_audit().entries == entries


def test_a_pair_with_no_difference_is_marked_read(comparison: ComparisonService) -> None:
    # GIVEN walikota 647201, where every source agrees
    assert comparison.corrections.comparison("walikota", "647201").is_complete
    # WHEN the operator marks it read
    comparison.corrections.mark_read("walikota", "647201")
    # THEN it is read, and a pair with an open difference is refused with the row named
    assert comparison.corrections.pairs_read() == {("walikota", "647201")}
    with pytest.raises(InputRejected) as refused:
        comparison.corrections.mark_read("walikota", "647204")
    assert str(refused.value) == (
        "SAMARINDA ILIR (647204), walikota: masih ada selisih pada IV Suara sah Kolom Kosong"
    )
