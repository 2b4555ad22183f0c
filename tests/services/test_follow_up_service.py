"""Sesi lanjutan through the services: opened by the ketua on a determined result, only the
kecamatan in scope may change while it is open, the penetapan that closes it keeps its values
beside the first one's, the change list names each value old → new with its correction, and the
first penetapan's D.Hasil stays printable as it was printed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.audit_log import AuditLogService
from rekap_desktop.services.corrections_service import CorrectionsService
from rekap_desktop.services.entry_service import EntryService
from rekap_desktop.services.follow_up_service import FollowUpService, prints_for
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.kinds import FormKind
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.result_lock import LOCKED
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts
from tests.follow_up_meeting import (
    COURT_ORDER,
    court_correction,
    determine_again,
    determined_meeting,
    make_court_changes,
    open_court_order,
)

SESSION_LINE = (
    "Sesi lanjutan ke-1 berdasarkan Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025 tanggal "
    "24 Februari 2025"
)


@pytest.fixture
def meeting(tmp_path: Path) -> Iterator[tuple[PlenoService, ProcedureService]]:
    service, procedure = determined_meeting(tmp_path)
    yield service, procedure
    service.engine.dispose()


def _refusal(error: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_the_ketua_opens_a_session_and_only_its_kecamatan_may_change(
    meeting: tuple[PlenoService, ProcedureService],
) -> None:
    service, procedure = meeting
    follow_up = FollowUpService(procedure)
    # GIVEN a determined result, locked
    entry = EntryService(service)
    with pytest.raises(InputRejected) as locked:
        entry.enter("walikota", "990102", "bawaslu", "suara_01", "300")
    assert _refusal(locked) == [LOCKED]
    # WHEN an anggota's PIN is given THEN refused: only the ketua opens a session
    with pytest.raises(InputRejected, match="perlu Ketua KPU"):
        follow_up.open(COURT_ORDER, confirmed(service, Action.OPEN_FOLLOW_UP, "Anggota Uji"))
    assert follow_up.current() is None and procedure.state().determined
    # WHEN the ketua opens it for UTARA on the Court's order
    opened = open_court_order(service, procedure)
    # THEN the result is open again, for UTARA only, and the cockpit's line says so
    assert opened.number == 1 and opened.opened_by == service.actor
    assert not procedure.state().determined
    assert follow_up.status_line() == (
        "Sesi lanjutan ke-1 — Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025: UTARA"
    )
    # AND a correction in SELATAN, outside the scope, is refused naming the unit and session
    corrections = CorrectionsService(service)
    with pytest.raises(InputRejected) as refused:
        corrections.settle("walikota", "990102", court_correction("suara_01", 290, service))
    assert _refusal(refused) == [
        f"kecamatan SELATAN (Pemilihan Wali Kota Uji) tidak termasuk cakupan {SESSION_LINE}; "
        "selama sesi lanjutan hanya kecamatan dan pemilihan dalam cakupannya yang dapat diubah"
    ]
    with pytest.raises(InputRejected, match="SELATAN"):
        entry.enter("walikota", "990102", "bawaslu", "suara_01", "300")
    # AND one in UTARA is accepted
    make_court_changes(service)
    assert corrections.corrections("walikota", "990101")[-1].after == 590
    # AND a second session cannot be opened while this one is
    with pytest.raises(InputRejected, match="masih terbuka"):
        follow_up.check_open(replace(COURT_ORDER, units=("990102",)))


def test_the_next_penetapan_closes_the_session_and_keeps_both_results(
    meeting: tuple[PlenoService, ProcedureService],
) -> None:
    service, procedure = meeting
    follow_up = FollowUpService(procedure)
    first = follow_up.values(0)
    open_court_order(service, procedure)
    make_court_changes(service)
    # WHEN the result is determined again
    determine_again(service, procedure)
    # THEN the session is closed by it, and the first penetapan's values are as they were
    (session,) = follow_up.sessions()
    assert session.closed_at and not session.is_open and follow_up.current() is None
    moves = [
        json.loads(e.payload)
        for e in AuditLogService(service).export().stored
        if e.event == AuditEvent.PROCEDURE_MOVED
    ]
    determined = [m for m in moves if m["ditetapkan"]]
    assert "menutup_sesi_lanjutan" not in determined[0]
    assert determined[-1]["menutup_sesi_lanjutan"] == session.number
    assert follow_up.penetapan_numbers() == [0, 1]
    assert follow_up.values(0) == first
    assert first[("walikota", "990101", "suara_02")] == 580
    assert follow_up.values(1)[("walikota", "990101", "suara_02")] == 590
    # AND the change list names each value old → new, with the correction behind it
    lines = [
        (c.unit_name, c.row, c.before, c.after, c.reason, c.approved_by)
        for c in follow_up.changes(1)
    ]
    reason = "Lainnya: rekapitulasi ulang atas putusan MK (Putusan MK 12/PHPU.WAKO-XXIII/2025)"
    assert lines == [
        ("UTARA", "IV Suara sah Kolom Kosong", 100, 90, reason, "Ketua Uji"),
        (
            "UTARA",
            "IV Suara sah pilihan nomor urut 2 (CALON A - WAKIL A)",
            580,
            590,
            reason,
            "Ketua Uji",
        ),
    ]
    # AND the result is locked again, the chain and every value intact
    with pytest.raises(InputRejected, match="terkunci"):
        EntryService(service).enter("walikota", "990101", "bawaslu", "suara_01", "90")
    assert verify_integrity(service).ok


def test_the_first_d_hasil_stays_printable_as_printed_and_the_new_one_names_the_session(
    meeting: tuple[PlenoService, ProcedureService], tmp_path: Path
) -> None:
    service, procedure = meeting
    printer = meeting_print_service(service)
    first, first_pdf = printer.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    open_court_order(service, procedure)
    make_court_changes(service)
    determine_again(service, procedure)
    # WHEN the D.Hasil is printed after the session
    record, pdf = printer.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    # THEN it names the session, and carries the new values
    text = flat(" ".join(page_texts(pdf)))
    assert SESSION_LINE in text
    assert record.final and record.stored.fingerprint != first.stored.fingerprint
    # AND the first penetapan's D.Hasil is still there byte for byte, with its sidik data
    stored, frozen = FollowUpService(procedure).frozen_print("d-hasil", "walikota", 0)
    assert frozen == first_pdf and stored.fingerprint == first.stored.fingerprint
    assert "Sesi lanjutan" not in flat(" ".join(page_texts(frozen)))
    # AND without naming the pemilihan, the only one it was printed for is meant
    assert FollowUpService(procedure).frozen_print("d-hasil", None, 0)[1] == first_pdf
    # AND a form never printed at that penetapan is refused, saying where its values are
    with pytest.raises(InputRejected, match="tidak dicetak selama penetapan ke-0"):
        FollowUpService(procedure).frozen_print("berita-acara", None, 0)


def test_the_berita_acara_lists_basis_scope_and_every_change(
    meeting: tuple[PlenoService, ProcedureService],
) -> None:
    service, procedure = meeting
    printer = meeting_print_service(service)
    # GIVEN no session yet: the form says so
    _, empty = printer.print_form(FormKind.BERITA_ACARA_LANJUTAN, None, Paper.F4)
    assert "Belum ada sesi lanjutan dalam rapat ini." in flat(" ".join(page_texts(empty)))
    open_court_order(service, procedure)
    make_court_changes(service)
    # WHEN printed while the session is open THEN a draft saying it is not yet determined
    draft, _ = printer.print_form(FormKind.BERITA_ACARA_LANJUTAN, None, Paper.F4)
    assert draft.stored.watermark == "DRAF"
    determine_again(service, procedure)
    # WHEN printed after the penetapan, with its Nomor
    record, pdf = printer.print_form(
        FormKind.BERITA_ACARA_LANJUTAN, None, Paper.F4, "15/PL.02.6-BA/9901/2025"
    )
    text = flat(" ".join(page_texts(pdf)))
    # THEN it states the basis, the scope and each change old → new with reason and approver
    assert record.final and record.stored.watermark == ""
    for expected in (
        "BERITA ACARA RAPAT PLENO LANJUTAN",
        "SESI LANJUTAN KE-1",
        "Nomor: 15/PL.02.6-BA/9901/2025",
        "Putusan Mahkamah Konstitusi — rekapitulasi ulang",
        "Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025 tanggal 24 Februari 2025",
        "UTARA (990101)",
        "Rekapitulasi ulang Kecamatan UTARA",
        "Kolom Kosong 100 90",
        "580 590",
        "rekapitulasi ulang atas putusan MK",
        "Ketua Uji",
        "ANGGOTA KPU",
    ):
        assert expected in text, expected


def test_a_form_printed_for_several_pemilihan_needs_the_one_named(
    meeting: tuple[PlenoService, ProcedureService],
) -> None:
    # GIVEN the D.Hasil printed for two pemilihan at one penetapan
    service, _procedure = meeting
    record, _pdf = meeting_print_service(service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    walikota = record.stored
    gubernur = replace(walikota, id=walikota.id + 1, contest="gubernur")
    # WHEN it is asked for without a pemilihan THEN it is refused, naming both
    with pytest.raises(InputRejected, match="dicetak untuk beberapa pemilihan") as error:
        prints_for([walikota, gubernur], "d-hasil", None)
    assert "gubernur, walikota" in _refusal(error)[0]
    # AND with one named, or when it was printed for one only, that one's prints are meant
    assert prints_for([walikota, gubernur], "d-hasil", "walikota") == [walikota]
    assert prints_for([walikota], "d-hasil", None) == [walikota]
