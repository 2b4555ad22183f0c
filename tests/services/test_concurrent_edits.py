"""Two stations on one meeting (two service instances on the same database) edit the same value:
the one whose view was based on the older version is refused, naming the field, the kecamatan,
who changed it and when; nothing it sent is written and nothing the other wrote is lost."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.changes import RecordingHub
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.concurrency import ConcurrentEdit
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import unit_of_work
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from rekap_desktop.storage.unit_of_work import Write
from tests.confirming import confirmed
from tests.fixtures import SETUP, write_tallies
from tests.penetapan import determine_meeting

KETUA = "Ketua Uji"
UNIT, CONTEST = "990101", "walikota"


@pytest.fixture
def stations(tmp_path: Path, db_url: str) -> Iterator[tuple[ComparisonService, ComparisonService]]:
    """Station A and station B, each with its own engine, on the small test meeting."""
    setup = tmp_path / "pleno.json"
    setup.write_text(
        json.dumps({**SETUP, "anggota": [{"nama": KETUA, "jabatan": "Ketua"}]}), encoding="utf-8"
    )
    first = PlenoService(open_engine(db_url), actor="Operator A")
    first.create_from_setup_file(setup)
    first.import_tally_file(write_tallies(tmp_path))
    second = PlenoService(open_engine(db_url), actor="Operator B")
    yield ComparisonService(first), ComparisonService(second)
    first.engine.dispose()
    second.engine.dispose()


def _audit_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0


def _value(station: ComparisonService, source: str, field: str) -> int | None:
    tallies = station.pleno.tallies(CONTEST)
    return tallies[(CONTEST, UNIT, source)].value(field)  # type: ignore[arg-type]


def test_the_second_entry_of_the_same_field_is_refused_naming_who_and_when(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    # GIVEN both stations show UTARA's PPK form (suara_01 = 100)
    seen_a = a.corrections.view(CONTEST, UNIT).versions
    seen_b = b.corrections.view(CONTEST, UNIT).versions
    # WHEN A enters 110 and then B, still on the older view, enters 120 for the same field
    a.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "110", seen=seen_a)
    entries = _audit_count(a.pleno.engine)
    with pytest.raises(ConcurrentEdit) as refused:
        b.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "120", seen=seen_b)
    # THEN B is told which field of which form and kecamatan, by whom, and nothing was written
    message = str(refused.value)
    assert message.startswith(
        "IV Suara sah pilihan nomor urut 1 (formulir D.Hasil PPK, UTARA (990101), walikota) "
        "sudah diubah oleh Operator A pada "
    )
    assert message.endswith(
        " menjadi 110 setelah tampilan Anda dimuat; isian Anda tidak disimpan. Tampilan sudah "
        "diperbarui: periksa nilai sekarang, lalu ulangi bila masih perlu."
    )
    assert " pukul " in message
    assert _value(a, "ppk", "suara_01") == 110
    assert _audit_count(a.pleno.engine) == entries
    # WHEN B reads the pair again and repeats THEN its value is accepted
    fresh = b.corrections.view(CONTEST, UNIT).versions
    b.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "120", seen=fresh)
    assert _value(a, "ppk", "suara_01") == 120
    assert verify_integrity(a.pleno).ok


def test_edits_of_other_fields_of_the_same_form_are_both_kept(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    # GIVEN both stations show the same PPK form
    seen_a = a.corrections.view(CONTEST, UNIT).versions
    seen_b = b.corrections.view(CONTEST, UNIT).versions
    # WHEN A changes suara_01 and B, on the older view, confirms suara_02 with another value
    a.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "110", seen=seen_a)
    b.entry.confirm(CONTEST, UNIT, "ppk", "suara_02", 590, seen=seen_b)
    # THEN both values are in the form: nothing either station wrote is lost
    assert (_value(a, "ppk", "suara_01"), _value(a, "ppk", "suara_02")) == (110, 590)


def test_a_saksi_copy_entered_on_both_stations_refuses_the_second(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    # GIVEN no saksi copy yet; both stations' views say so
    seen_a = a.corrections.view(CONTEST, UNIT).versions
    seen_b = b.corrections.view(CONTEST, UNIT).versions
    assert "saksi_02" not in seen_b
    # WHEN both enter the first value of that copy's field
    a.entry.enter(CONTEST, UNIT, "saksi_02", "suara_02", "581", seen=seen_a)
    with pytest.raises(ConcurrentEdit) as refused:
        b.entry.enter(CONTEST, UNIT, "saksi_02", "suara_02", "580", seen=seen_b)
    # THEN the second is refused and the first value stays
    assert "(salinan saksi nomor urut 2, UTARA (990101), walikota)" in str(refused.value)
    assert _value(a, "saksi_02", "suara_02") == 581


def test_the_second_correction_of_the_same_field_is_refused(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    request = SettleRequest(
        "suara_02",
        530,
        Reason.SESUAI_PPK,
        "D.Hasil PPK Utara",
        "Saksi nomor urut 2",
        KETUA,
        confirmation=confirmed(a.pleno, Action.APPROVE_CORRECTION),
    )
    # GIVEN both stations opened the correction of UTARA's suara_02 on the same view
    request_a = replace(request, seen=a.corrections.view(CONTEST, UNIT).versions)
    request_b = replace(request, after=535, seen=b.corrections.view(CONTEST, UNIT).versions)
    # WHEN A settles it and B then settles it on its older view
    a.corrections.settle(CONTEST, UNIT, request_a)
    entries = _audit_count(a.pleno.engine)
    with pytest.raises(ConcurrentEdit) as refused:
        b.corrections.settle(CONTEST, UNIT, request_b)
    # THEN B is refused naming the determined value and who set it; A's correction stands
    assert str(refused.value).startswith(
        "IV Suara sah pilihan nomor urut 2 (hasil penetapan pleno, UTARA (990101), walikota) "
        "sudah diubah oleh Operator A pada "
    )
    assert [c.after for c in a.corrections.corrections(CONTEST, UNIT)] == [530]
    assert _value(a, "pleno", "suara_02") == 530
    assert _audit_count(a.pleno.engine) == entries


def test_a_correction_opened_before_the_ppk_value_was_re_entered_is_refused(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    # GIVEN B opened the correction of suara_01 while the PPK form said 100
    seen_b = b.corrections.view(CONTEST, UNIT).versions
    # WHEN A re-enters the PPK value, then B approves its correction
    a.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "101")
    request = SettleRequest(
        "suara_01",
        100,
        Reason.SALAH_TULIS,
        "C.Hasil",
        "Saksi nomor urut 1",
        KETUA,
        seen=seen_b,
        confirmation=confirmed(b.pleno, Action.APPROVE_CORRECTION),
    )
    # THEN it is refused: the value it was based on is no longer the PPK's
    with pytest.raises(ConcurrentEdit):
        b.corrections.settle(CONTEST, UNIT, request)
    assert a.corrections.corrections(CONTEST, UNIT) == []


def test_simultaneous_edits_on_one_view_let_exactly_one_through(
    stations: tuple[ComparisonService, ComparisonService], db_url: str
) -> None:
    a, _ = stations
    # GIVEN four stations that all read the same view of UTARA's PPK form
    others = [ComparisonService(PlenoService(open_engine(db_url), actor=f"S{n}")) for n in range(4)]
    seen = a.corrections.view(CONTEST, UNIT).versions
    barrier = threading.Barrier(len(others))
    outcomes: list[str] = []

    def edit(station: ComparisonService, value: int) -> None:
        barrier.wait()
        try:
            station.entry.enter(CONTEST, UNIT, "ppk", "suara_01", str(value), seen=seen)
            outcomes.append(f"ok {value}")
        except ConcurrentEdit:
            outcomes.append("refused")

    # WHEN they all write the same field at the same moment
    threads = [threading.Thread(target=edit, args=(s, 200 + n)) for n, s in enumerate(others)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # THEN exactly one write went through, the others were refused, and its value is stored
    accepted = [o for o in outcomes if o.startswith("ok")]
    assert (len(accepted), outcomes.count("refused")) == (1, 3)
    assert _value(a, "ppk", "suara_01") == int(accepted[0].split()[1])
    for station in others:
        station.pleno.engine.dispose()


def test_a_double_entry_keyed_again_at_another_station_while_applied_is_not_taken_stale(
    stations: tuple[ComparisonService, ComparisonService], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = stations
    # GIVEN Bawaslu's copy of UTARA keyed twice at station A, the passes agreeing on 100
    a.entry.record_pass(CONTEST, UNIT, "bawaslu", 1, {"suara_01": "100", "suara_02": "580"})
    a.entry.record_pass(CONTEST, UNIT, "bawaslu", 2, {"suara_01": "100", "suara_02": "580"})
    # AND station B keys pass 2 again (170) at the moment A presses "terapkan", just before
    # A's write unit takes the lock
    open_unit = a.pleno.write

    def b_keys_meanwhile() -> AbstractContextManager[Write]:
        monkeypatch.setattr(a.pleno, "write", open_unit)  # once only
        b.entry.record_pass(CONTEST, UNIT, "bawaslu", 2, {"suara_01": "170"})
        return open_unit()

    monkeypatch.setattr(a.pleno, "write", b_keys_meanwhile)
    # WHEN A applies the passes
    with pytest.raises(InputRejected) as refused:
        a.entry.apply_passes(CONTEST, UNIT, "bawaslu")
    # THEN it is refused on the field that now differs, and no Bawaslu form is written
    assert "kedua putaran entri belum sama" in str(refused.value.problems[0].message)
    assert (CONTEST, UNIT, "bawaslu") not in a.pleno.tallies(CONTEST)


def test_a_stale_correction_is_refused_before_anyone_is_asked_for_a_pin(
    stations: tuple[ComparisonService, ComparisonService],
) -> None:
    a, b = stations
    request = SettleRequest(
        "suara_02",
        530,
        Reason.SESUAI_PPK,
        "D.Hasil PPK Utara",
        "Saksi nomor urut 2",
        KETUA,
        confirmation=confirmed(a.pleno, Action.APPROVE_CORRECTION),
    )
    # GIVEN B opened the correction of UTARA's suara_02; A then settled that field
    request_b = replace(request, after=535, seen=b.corrections.view(CONTEST, UNIT).versions)
    a.corrections.settle(
        CONTEST, UNIT, replace(request, seen=a.corrections.view(CONTEST, UNIT).versions)
    )
    entries = _audit_count(a.pleno.engine)
    # WHEN B's dialog is confirmed, before the PIN is asked
    with pytest.raises(ConcurrentEdit) as refused:
        b.corrections.check_current(CONTEST, UNIT, request_b)
    # THEN it is refused as the settle itself would be, naming who changed it; nothing written
    assert "sudah diubah oleh Operator A pada " in str(refused.value)
    assert _audit_count(a.pleno.engine) == entries
    # AND on a fresh view the same check lets it through to the PIN
    fresh = replace(request_b, seen=b.corrections.view(CONTEST, UNIT).versions)
    b.corrections.check_current(CONTEST, UNIT, fresh)
    assert _audit_count(a.pleno.engine) == entries


def test_a_penetapan_committed_at_another_station_just_before_a_write_refuses_it(
    stations: tuple[ComparisonService, ComparisonService], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = stations
    hub = RecordingHub()
    monkeypatch.setattr(a.pleno, "bus", hub)
    take_lock = unit_of_work._take_write_lock
    determined: list[int] = []

    def b_determines_first(session: Session, engine: Engine) -> None:
        monkeypatch.setattr(unit_of_work, "_take_write_lock", take_lock)  # once only
        determine_meeting(b.pleno)
        determined.append(_audit_count(engine))
        take_lock(session, engine)

    # GIVEN A enters UTARA's PPK value while the result is still open, and station B determines
    # the result the moment before A's write takes the lock
    monkeypatch.setattr(unit_of_work, "_take_write_lock", b_determines_first)
    with pytest.raises(InputRejected) as refused:
        a.entry.enter(CONTEST, UNIT, "ppk", "suara_01", "111")
    # THEN A's write sees the penetapan under the lock and is refused; nothing of it is written
    # and the views hear of nothing
    assert determined and "hasil sudah ditetapkan dan terkunci" in str(refused.value)
    assert _value(a, "ppk", "suara_01") != 111
    assert _audit_count(a.pleno.engine) == determined[0]
    assert hub.published == []
    assert verify_integrity(a.pleno).ok
