"""The Pemilu demo run through the whole meeting with the services: every kecamatan of PPWP and
DPRD Kota read and settled, the open tie decided, penetapan; then the seats come from the
determined values and the result is locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.procedure import Move, MoveKind
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.demo import DEMO_PINS, DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.seat_meeting_service import SeatMeetingService
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts
from tests.services.seat_meeting_samples import seat_meeting
from tests.settling import settle_every_pair

KETUA = "Drs. Hasanuddin Rasyid, M.Si."
PIN = DEMO_PINS[Role.KETUA]


def test_the_pemilu_demo_goes_through_penetapan_with_its_seats(tmp_path: Path) -> None:
    # GIVEN the Pemilu demo at the start of the meeting
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    procedure = ProcedureService(service)
    records = ProcedureRecords(procedure)
    seats = SeatService(service)
    users = UsersService(service.engine)

    # WHEN the meeting moves item by item, every kecamatan's box opened, the room asked
    state = procedure.state()
    while state.current.item != "penetapan":
        if state.current.item == "4":
            records.record_box(state.current.unit or "", True, expected_forms(service.pleno()))
        if state.current.item == "12":
            records.record_objection_call(True)
        state = procedure.next()
    # AND every difference (the Sirekap misread, the saksi copy) is settled with the PPK form
    settle_every_pair(service)

    # THEN the open tie of dapil 5 still waits; the meeting decides it with the ketua's PIN
    (tie,) = seats.results("dprd_kabko").open_ties
    confirmation = users.confirm(KETUA, "111111", Action.DECIDE_TIE)
    seats.decide_tie("dprd_kabko", tie.key, (1,), "Undian di hadapan saksi", confirmation)

    # WHEN the result is determined, the saksi of party 2 refusing to sign
    refusal = Signature("Rosmawati Situmorang", "Saksi partai 2", False, "Suara dapil 5 diragukan")
    state = procedure.determine(
        [Signature(KETUA, "Ketua", True), refusal],
        users.confirm(KETUA, "111111", Action.DETERMINE),
    )
    assert state.determined
    # THEN the legislative D.Hasil prints her refusal and its reason beside her name
    _r, pdf = meeting_print_service(service).print_form(FormKind.D_HASIL, "dprd_kabko", Paper.F4)
    printed = flat(" ".join(page_texts(pdf)))
    assert "Rosmawati Situmorang" in printed
    # once on each of the 5 dapil sheets, where the party's saksi signs
    assert printed.count("Hadir, tidak menandatangani. Alasan: Suara dapil 5 diragukan") == 5
    assert printed.count("Hadir, tidak menandatangani") == 5

    # THEN the seats come from the determined (pleno) values: all 35 allocated, none open
    results = seats.results("dprd_kabko")
    assert results.source == "pleno"
    assert results.open_ties == ()
    assert (
        sum(sum(d.allocation.party_seats.values()) for d in results.districts if d.allocation) == 35
    )
    assert results.districts[4].elected_of(2) == (1,)
    # AND the determined result is locked against new tallies
    with pytest.raises(InputRejected, match="terkunci"):
        service.import_tally_file(_late_csv(tmp_path))


def _late_csv(folder: Path) -> Path:
    path = folder / "terlambat.csv"
    path.write_text(
        "pemilihan,kode_wilayah,sumber,suara_partai_01\ndprd_kabko,177101,ppk,1\n", encoding="utf-8"
    )
    return path


def _at_penetapan_with_the_tie_open(tmp_path: Path) -> tuple[PlenoService, ProcedureService]:
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    procedure = ProcedureService(service)
    records = ProcedureRecords(procedure)
    state = procedure.state()
    while state.current.item != "penetapan":
        if state.current.item == "4":
            records.record_box(state.current.unit or "", True, expected_forms(service.pleno()))
        if state.current.item == "12":
            records.record_objection_call(True)
        state = procedure.next()
    settle_every_pair(service)
    return service, procedure


def test_penetapan_of_the_recapitulation_does_not_wait_for_a_seat_tie(tmp_path: Path) -> None:
    # GIVEN the Pemilu demo read and settled, at penetapan, dapil 5's tie not yet decided
    service, procedure = _at_penetapan_with_the_tie_open(tmp_path)
    assert SeatService(service).results("dprd_kabko").open_ties
    # WHEN the ketua determines the result
    state = procedure.determine(
        [Signature(KETUA, "Ketua", True)],
        UsersService(service.engine).confirm(KETUA, DEMO_PINS[Role.KETUA], Action.DETERMINE),
    )
    # THEN it is determined: seats are a later meeting's business (PKPU 6/2024 Pasal 17, 22)
    assert state.determined and ProcedureService(service).state().determined


def test_a_tie_is_decided_after_penetapan_until_the_seat_keputusan(tmp_path: Path) -> None:
    # GIVEN a meeting determined with the tie still open
    service, procedure = _at_penetapan_with_the_tie_open(tmp_path)
    procedure.move(Move(MoveKind.DETERMINE))
    seats = SeatService(service)
    (tie,) = seats.results("dprd_kabko").open_ties
    users = UsersService(service.engine)
    # WHEN the meeting's decision on it is recorded after penetapan
    seats.decide_tie(
        "dprd_kabko", tie.key, (1,), "Undian", users.confirm(KETUA, PIN, Action.DECIDE_TIE)
    )
    # THEN it is recorded and the tie is closed
    assert len(seats.decision_records("dprd_kabko")) == 1
    assert seats.results("dprd_kabko").open_ties == ()
    # WHEN the seat meeting's Keputusan is recorded, a later decision is refused
    SeatMeetingService(service).record(
        seat_meeting(service), users.confirm(KETUA, PIN, Action.DETERMINE_SEATS)
    )
    with pytest.raises(InputRejected, match="Keputusan Nomor 12/PL.01.9-Kpt/1771/2024"):
        seats.decide_tie(
            "dprd_kabko", tie.key, (4,), "Lain", users.confirm(KETUA, PIN, Action.DECIDE_TIE)
        )
    assert len(seats.decision_records("dprd_kabko")) == 1
