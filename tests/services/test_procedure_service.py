"""Procedure service: moves persisted and replayed, records validated, determination guarded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.entry_service import EntryService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import INCIDENT_FORM, ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.fixtures import SETUP, write_tallies
from tests.settling import settle_every_pair

FORMS = ("Model D.Hasil Kecamatan — Pemilihan Wali Kota Uji", INCIDENT_FORM)


MEMBERS = [{"nama": "Ketua Uji", "jabatan": "Ketua"}, {"nama": "Anggota Uji", "jabatan": "Anggota"}]


@pytest.fixture
def db(tmp_path: Path) -> str:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    setup = tmp_path / "pleno-anggota.json"
    setup.write_text(json.dumps({**SETUP, "anggota": MEMBERS}), encoding="utf-8")
    service.create_from_setup_file(setup)
    return str(tmp_path / "p.sqlite")


def _open(db: str) -> tuple[ProcedureService, ProcedureRecords]:
    procedure = ProcedureService(PlenoService(open_engine(db)))
    return procedure, ProcedureRecords(procedure)


def _finish_unit(procedure: ProcedureService, records: ProcedureRecords, unit: str) -> None:
    records.record_box(unit, True, FORMS)
    for _ in range(7):
        procedure.next()


def _refusal(error: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_moves_survive_a_restart_at_the_same_item_kecamatan_and_contest(db: str) -> None:
    # GIVEN a meeting moved to kecamatan 990101, walikota, reading (8)
    procedure, records = _open(db)
    for _ in range(3):
        procedure.next()
    records.record_box("990101", True, FORMS)
    for _ in range(4):
        procedure.next()
    assert procedure.state().current == Stop("8", "990101", "walikota")
    # WHEN the program starts again on the same database
    again, _ = _open(db)
    # THEN it is at the same place with the same history
    assert again.state() == procedure.state()
    assert again.pleno_service.verify_audit().ok


def test_a_refused_move_changes_nothing(db: str) -> None:
    # GIVEN the meeting at item 1
    procedure, _ = _open(db)
    entries = procedure.pleno_service.verify_audit().entries
    # WHEN it jumps to reading before the box is opened THEN refused, nothing stored
    with pytest.raises(InputRejected) as error:
        procedure.go_to(Stop("8", "990101", "walikota"))
    assert "pembacaan hasil (8) belum boleh dimulai" in _refusal(error)[0]
    assert procedure.pleno_service.verify_audit().entries == entries
    assert _open(db)[0].moments() == []


def test_attendance_one_saksi_per_choice_and_known_choices_only(db: str) -> None:
    # GIVEN a saksi of walikota nomor urut 2 present
    _, records = _open(db)
    records.add_attendee("saksi", "Budi", "walikota", 2, True, "mandat asli")
    records.add_attendee("kpu", "Sari")
    # WHEN a second saksi for the same choice arrives THEN refused
    with pytest.raises(InputRejected) as error:
        records.add_attendee("saksi", "Joko", "walikota", 2, True)
    assert _refusal(error) == [
        "saksi nomor urut 2 Pemilihan Wali Kota Uji sudah hadir di ruangan (Budi); "
        "hanya satu saksi per pilihan"
    ]
    # AND a saksi for a choice that does not exist is refused
    with pytest.raises(InputRejected) as error:
        records.add_attendee("saksi", "Joko", "walikota", 7, False)
    assert _refusal(error) == ["saksi Joko: nomor urut 7 tidak ada di Pemilihan Wali Kota Uji"]
    # WHEN Budi leaves THEN Joko may take the seat
    budi = records.attendance()[0]
    records.mark_left(budi.id)
    records.add_attendee("saksi", "Joko", "walikota", 2, False, "mandat fotokopi")
    assert [(a.name, a.present, a.mandate_checked) for a in records.attendance()] == [
        ("Budi", False, True),
        ("Sari", True, None),
        ("Joko", True, False),
    ]


def test_texts_box_and_returned_notices_are_stored(db: str) -> None:
    _, records = _open(db)
    # WHEN the texts are saved twice THEN the latest version is current
    records.save_text("tata_tertib", "versi 1")
    records.save_text("tata_tertib", "versi 2")
    assert records.text("tata_tertib") == "versi 2"
    # WHEN a box with a broken seal and no incident form is recorded THEN faults are returned
    faults = records.record_box("990101", False, FORMS[:1], "segel sobek")
    assert faults == ["segel kotak tidak utuh", f"formulir tidak ada: {INCIDENT_FORM}"]
    assert records.box_check("990101") is not None
    # AND returned notices: negative counts refused, good ones stored
    with pytest.raises(InputRejected) as error:
        records.save_returned_notices("990101", {"DESA A": -1})
    assert _refusal(error) == ["desa/kelurahan 'DESA A': jumlah harus bilangan bulat ≥ 0, bukan -1"]
    records.save_returned_notices("990101", {"DESA A": 3, "DESA B": 0})
    assert records.returned_notices("990101") == {"DESA A": 3, "DESA B": 0}


def test_pause_and_resume_are_recorded_with_reason_and_times(db: str) -> None:
    procedure, _ = _open(db)
    procedure.pause("ishoma")
    with pytest.raises(InputRejected):
        procedure.next()
    procedure.resume()
    [pause] = procedure.pauses()
    assert pause.reason == "ishoma" and pause.ended_at is not None
    assert not procedure.state().paused


def test_determination_refused_until_every_difference_is_settled(db: str, tmp_path: Path) -> None:
    # GIVEN both kecamatan gone through and the room asked, but a Sirekap difference open
    procedure, records = _open(db)
    procedure.pleno_service.import_tally_file(write_tallies(tmp_path))
    for _ in range(3):
        procedure.next()
    _finish_unit(procedure, records, "990101")
    _finish_unit(procedure, records, "990102")
    records.record_objection_call(True)
    procedure.next()
    procedure.next()
    # WHEN determining THEN the pairs not yet read are named
    with pytest.raises(InputRejected) as error:
        procedure.determine([Signature("Ketua", "Ketua", True)], _penetapan(procedure))
    assert _refusal(error) == [
        "belum selesai dibaca atau masih ada selisih yang belum diselesaikan: "
        "UTARA — Pemilihan Wali Kota Uji; SELATAN — Pemilihan Wali Kota Uji"
    ]
    # WHEN every difference is settled with the PPK form as reference THEN it is determined
    settle_every_pair(procedure.pleno_service)
    assert procedure.determine(
        [Signature("Ketua", "Ketua", True)], _penetapan(procedure)
    ).determined
    # AND the result is locked: no import, entry or correction is accepted until re-opened
    service = procedure.pleno_service
    with pytest.raises(InputRejected, match="hasil sudah ditetapkan dan terkunci"):
        service.import_tally_file(write_tallies(tmp_path, name="terlambat.csv"))
    entry = EntryService(service)
    with pytest.raises(InputRejected, match="terkunci"):
        entry.enter("walikota", "990101", "bawaslu", "suara_01", "100")
    procedure.reopen("saksi menemukan salah tulis", _reopening(procedure))
    assert entry.enter("walikota", "990101", "bawaslu", "suara_01", "100")


def test_determination_refused_while_an_incident_is_open_then_locks(
    db: str, tmp_path: Path
) -> None:
    # GIVEN both kecamatan read, every difference settled, and the room asked
    procedure, records = _open(db)
    procedure.pleno_service.import_tally_file(write_tallies(tmp_path))
    settle_every_pair(procedure.pleno_service)
    for _ in range(3):
        procedure.next()
    _finish_unit(procedure, records, "990101")
    _finish_unit(procedure, records, "990102")
    records.record_objection_call(True)
    procedure.next()
    procedure.next()
    assert procedure.state().current == Stop(DETERMINATION)
    signatures = [Signature("Ketua", "Ketua", True), Signature("Saksi 1", "Saksi", False)]
    # WHEN a refusal to sign carries no reason THEN the determination is refused
    with pytest.raises(InputRejected) as error:
        procedure.determine(signatures, _penetapan(procedure))
    assert _refusal(error) == ["Saksi 1: hadir tetapi tidak menandatangani — alasan wajib diisi"]
    # WHEN the signatures are complete THEN the result is determined and locked
    signatures[1] = Signature("Saksi 1", "Saksi", False, "keberatan hasil")
    assert procedure.determine(signatures, _penetapan(procedure)).determined
    assert procedure.signatures() == signatures
    with pytest.raises(InputRejected):
        procedure.back()
    # AND re-opening is recorded with its reason in the audit chain
    procedure.reopen("salah tulis nama", _reopening(procedure))
    assert not _open(db)[0].state().determined
    assert procedure.pleno_service.verify_audit().ok


def test_determination_refused_with_an_open_carried_objection(tmp_path: Path) -> None:
    # GIVEN the demo, whose carried objection is still open
    from rekap_desktop.services.demo import load_demo

    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    # WHEN determining THEN the open entry is named
    with pytest.raises(InputRejected) as error:
        procedure.determine([Signature("Ketua", "Ketua", True)], _penetapan(procedure))
    open_numbers = [i.number for i in service.incidents() if i.status == "terbuka"]
    assert _refusal(error)[: len(open_numbers)] == [
        f"kejadian/keberatan nomor {n} masih terbuka; selesaikan dahulu" for n in open_numbers
    ]
    assert open_numbers


def test_attendance_refuses_a_saksi_for_the_kolom_kosong_and_records_a_pemantau(db: str) -> None:
    # GIVEN item 1 of a calon tunggal meeting (nomor urut 1 is the kolom kosong)
    _, records = _open(db)
    # WHEN a saksi is recorded for the kolom kosong THEN refused, saying why
    with pytest.raises(InputRejected) as error:
        records.add_attendee("saksi", "Citra", "walikota", 1, True)
    assert _refusal(error) == [
        "saksi Citra (Pemilihan Wali Kota Uji): kolom kosong tidak mempunyai saksi (tidak ada "
        "tim kampanye yang memberi surat mandat); pemantau terakreditasi dicatat sebagai pemantau"
    ]
    assert records.attendance() == []
    # WHEN the same person is recorded as a pemantau, and a saksi for the pair arrives
    records.add_attendee("pemantau", "Citra", note="JPPR")
    records.add_attendee("saksi", "Budi", "walikota", 2, True)
    # THEN both are present: the kolom kosong counts for no "one saksi per choice"
    assert [(a.role, a.name, a.choice) for a in records.attendance()] == [
        ("pemantau", "Citra", None),
        ("saksi", "Budi", 2),
    ]


def _penetapan(procedure: ProcedureService) -> Confirmation:
    return confirmed(procedure.pleno_service, Action.DETERMINE)


def _reopening(procedure: ProcedureService) -> Confirmation:
    return confirmed(procedure.pleno_service, Action.REOPEN_DETERMINED)
