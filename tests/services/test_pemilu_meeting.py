"""The Pemilu demo run through the whole meeting with the services: every kecamatan of PPWP and
DPRD Kota read and settled, the open tie decided, penetapan; then the seats come from the
determined values and the result is locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.documents.styles import Paper
from rekap_desktop.domain.procedure import Move, MoveKind
from rekap_desktop.domain.roles import Action
from rekap_desktop.interchange.problems import InputRejected
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.meeting_prints import meeting_print_service
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.print_service import FormKind
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.procedure_store import Signature
from tests.documents.pdf_check import flat, page_texts
from tests.settling import settle_every_pair

KETUA = "Drs. Hasanuddin Rasyid, M.Si."


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
    assert printed.count("Menolak menandatangani. Alasan: Suara dapil 5 diragukan") == 5
    assert printed.count("Menolak menandatangani") == 5

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


def test_penetapan_is_refused_while_a_seat_tie_awaits_the_meetings_decision(
    tmp_path: Path,
) -> None:
    # GIVEN the Pemilu demo read and settled, at penetapan, dapil 5's tie not yet decided
    service, procedure = _at_penetapan_with_the_tie_open(tmp_path)
    users = UsersService(service.engine)
    (tie,) = SeatService(service).results("dprd_kabko").open_ties
    # WHEN the ketua determines the result
    with pytest.raises(InputRejected) as refused:
        procedure.determine(
            [Signature(KETUA, "Ketua", True)], users.confirm(KETUA, "111111", Action.DETERMINE)
        )
    # THEN it is refused naming the contest and the tie, and the result stays open
    (problem,) = [str(p) for p in refused.value.problems]
    assert problem.startswith(
        "Pemilihan Umum Anggota DPRD Kota Bengkulu: perolehan sama masih menunggu keputusan "
        "rapat — "
    ), problem
    assert tie.message in problem
    assert problem.endswith(
        "Putuskan dahulu di tab Perolehan kursi (tombol Putuskan…) sebelum penetapan"
    )
    assert not procedure.state().determined
    assert not ProcedureService(service).state().determined


def test_a_tie_decision_after_penetapan_is_refused_as_locked(tmp_path: Path) -> None:
    # GIVEN a meeting determined with the tie still open (as an older version allowed)
    service, procedure = _at_penetapan_with_the_tie_open(tmp_path)
    procedure.move(Move(MoveKind.DETERMINE))
    seats = SeatService(service)
    (tie,) = seats.results("dprd_kabko").open_ties
    confirmation = UsersService(service.engine).confirm(KETUA, "111111", Action.DECIDE_TIE)
    # WHEN the meeting's decision on it is recorded after the lock
    with pytest.raises(InputRejected, match="terkunci"):
        seats.decide_tie("dprd_kabko", tie.key, (1,), "Undian", confirmation)
    # THEN nothing is recorded
    assert seats.decision_records("dprd_kabko") == ()
