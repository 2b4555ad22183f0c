"""Pencocokan / penghitungan suara ulang of a TPS: recorded with its proposal, decision, box,
counters and witnesses and the values found; the correction it leads to names it (issue: from
the kecamatan to the TPS, point 3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.recounts import (
    BoxState,
    FoundValue,
    Outcome,
    RecountDecision,
    RecountEntry,
    RecountKind,
)
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.evidence.context import EvidenceContext
from rekap_desktop.services.evidence.ledgers import RECOUNT_COLUMNS, recount_rows
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import PrintService, parse_kind
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts, render_pngs
from tests.fixtures import TPS_ROWS, write_setup, write_tallies

TPS = "9901011001002"


@pytest.fixture
def service(tmp_path: Path, db_url: str) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(db_url))
    service.create_from_setup_file(write_setup(tmp_path, with_members=True))
    service.import_tally_file(write_tallies(tmp_path, TPS_ROWS, "tps.csv"))
    yield service
    service.engine.dispose()


def entry(found: int = 330, **changes: object) -> RecountEntry:
    made = RecountEntry(
        contest="walikota",
        unit="990101",
        kind=RecountKind.PENCOCOKAN,
        places=(TPS,),
        proposed_by="Saksi nomor urut 2",
        reason="Sirekap mencatat 880 suara, D.Hasil PPK 330",
        decision=RecountDecision.DISETUJUI,
        box_state=BoxState.SEGEL_UTUH,
        counted_by="PPK Utara dan KPU",
        witnesses=("Saksi nomor urut 2", "Bawaslu Kota Uji"),
        found=(FoundValue(TPS, FieldKey("suara_02"), None, found),),
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def test_a_recount_is_numbered_with_the_value_recorded_at_the_place(
    service: PlenoService,
) -> None:
    # GIVEN the TPS whose Sirekap value differs from the PPK's
    recounts = ComparisonService(service).recounts
    # WHEN the meeting records the box opened and the C.Hasil read 330, confirmed by PIN
    first = recounts.record(entry(), confirmed(service, Action.RECORD_RECOUNT))
    # THEN it is Nomor 1, checked against the PPK's row for that TPS, and the PPK is confirmed
    assert first.number == 1
    assert first.entry.reference_source == "ppk"
    assert first.entry.found[0].recorded == 330
    assert first.outcome is Outcome.DIKONFIRMASI
    assert recounts.suggested_value(first, "suara_02") == 580
    # AND a second check that finds another number is Nomor 2, found different
    second = recounts.record(entry(found=335), confirmed(service, Action.RECORD_RECOUNT))
    assert (second.number, second.outcome) == (2, Outcome.BERBEDA)
    assert recounts.suggested_value(second, "suara_02") == 585
    assert [r.recount.number for r in recounts.records()] == [1, 2]
    assert verify_integrity(service.engine).ok
    # AND the evidence pack's ledger lists both under the columns its CSV names
    ledger = recount_rows(EvidenceContext(service, PrintService(service), Paper.F4))
    assert [row["nomor"] for row in ledger] == [1, 2]
    assert all(tuple(row) == RECOUNT_COLUMNS for row in ledger)


def test_a_correction_names_the_recount_it_rests_on(service: PlenoService) -> None:
    comparison = ComparisonService(service)
    recount = comparison.recounts.record(entry(), confirmed(service, Action.RECORD_RECOUNT))
    approver = "Anggota Uji"
    request = SettleRequest(
        field="suara_02",
        after=580,
        reason=Reason.HITUNG_ULANG,
        basis=recount.title,
        proposed_by="Saksi nomor urut 2",
        approved_by=approver,
        recount_number=recount.number,
        confirmation=confirmed(service, Action.APPROVE_CORRECTION, approver),
    )
    comparison.corrections.settle("walikota", "990101", request)
    (record,) = comparison.recounts.records()
    ((_, correction),) = record.corrections
    assert (correction.field, correction.after, correction.basis) == (
        "suara_02",
        580,
        "Berita Acara Pencocokan dengan formulir Model C.Hasil Nomor 1",
    )
    # AND a correction naming a recount of another kecamatan is refused, nothing written
    wrong = replace(request, recount_number=7, after=581)
    with pytest.raises(InputRejected, match="nomor 7 tidak ada"):
        comparison.corrections.settle("walikota", "990101", wrong)
    assert len(comparison.corrections.corrections("walikota", "990101")) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"places": ()}, "pilih sedikitnya satu TPS"),
        ({"places": ("9901011009009",)}, "tidak ada dalam rincian"),
        ({"witnesses": ()}, "sedikitnya satu saksi"),
        ({"proposed_by": " "}, "pengusul wajib diisi"),
        ({"incident_number": 42}, "nomor 42 tidak ada"),
    ],
)
def test_an_incomplete_record_is_refused_and_nothing_is_written(
    service: PlenoService, changes: dict[str, object], message: str
) -> None:
    recounts = ComparisonService(service).recounts
    with pytest.raises(InputRejected, match=message):
        recounts.record(entry(**changes), confirmed(service, Action.RECORD_RECOUNT))
    assert recounts.records() == []


def test_a_refused_proposal_needs_no_count(service: PlenoService) -> None:
    recounts = ComparisonService(service).recounts
    refused = entry(
        decision=RecountDecision.DITOLAK, found=(), witnesses=(), counted_by="", places=(TPS,)
    )
    made = recounts.record(refused, confirmed(service, Action.RECORD_RECOUNT))
    assert made.outcome is Outcome.DITOLAK


def test_without_the_pin_nothing_is_recorded(service: PlenoService) -> None:
    recounts = ComparisonService(service).recounts
    with pytest.raises(InputRejected):
        recounts.record(entry(), None)
    with pytest.raises(InputRejected):
        recounts.record(entry(), confirmed(service, Action.APPROVE_CORRECTION))
    assert recounts.records() == []


def test_the_berita_acara_states_the_check_and_its_correction(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a recorded check of TPS 002 and the correction made on its strength
    comparison = ComparisonService(service)
    recount = comparison.recounts.record(entry(), confirmed(service, Action.RECORD_RECOUNT))
    comparison.corrections.settle(
        "walikota",
        "990101",
        SettleRequest(
            field="suara_02",
            after=580,
            reason=Reason.HITUNG_ULANG,
            basis=recount.title,
            proposed_by="Saksi nomor urut 2",
            approved_by="Anggota Uji",
            recount_number=recount.number,
            confirmation=confirmed(service, Action.APPROVE_CORRECTION, "Anggota Uji"),
        ),
    )
    # WHEN its berita acara is printed as the command line names it
    _record, pdf = PrintService(service).print_form(parse_kind("hitung-ulang"), None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN it states the place, the proposal, the box, who counted and witnessed, the values,
    # the outcome and the correction
    for expected in (
        "BERITA ACARA PENCOCOKAN DENGAN FORMULIR MODEL C.HASIL NOMOR 1",
        TPS,
        "Saksi nomor urut 2",
        "Kotak tersegel, segel utuh",
        "PPK Utara dan KPU",
        "Bawaslu Kota Uji",
        "Dikonfirmasi: sama dengan angka yang tercatat",
        "Pembetulan No. 1",
        "580 → 580",
        "PARAF SAKSI DAN PENGAWAS",
    ):
        assert expected in text, expected
    assert render_pngs(pdf, tmp_path, "hitung-ulang")


def test_the_register_and_the_pleno_minutes_list_the_check(service: PlenoService) -> None:
    # GIVEN a saksi's objection about TPS 002 and the check that answers it
    objection = IncidentService(service).create(
        Incident(
            kind=IncidentKind.KEBERATAN_SAKSI,
            raised_by="Saksi Uji Dua",
            raiser=Raiser(RaiserRole.SAKSI, "Saksi Uji Dua", "walikota", 2),
            description="Suara nomor urut 2 di TPS 002 berbeda antara Sirekap dan D.Hasil.",
            status=IncidentStatus.TERBUKA,
            contest="walikota",
            unit="990101",
        )
    )
    recounts = ComparisonService(service).recounts
    recounts.record(
        entry(incident_number=objection.number), confirmed(service, Action.RECORD_RECOUNT)
    )
    printing = PrintService(service)
    line = "Berita Acara Pencocokan dengan formulir Model C.Hasil Nomor 1: TPS 002"
    # WHEN the D.Kejadian Khusus and the berita acara of the pleno are printed
    for kind in ("kejadian-khusus", "berita-acara"):
        _record, pdf = printing.print_form(parse_kind(kind), None, Paper.F4)
        text = flat(" ".join(page_texts(pdf)))
        # THEN each names the check and its outcome
        assert line in text, kind
        assert "dikonfirmasi: sama dengan angka yang tercatat" in text, kind
