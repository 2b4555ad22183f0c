"""A D.Hasil that breaks its own arithmetic is not read or determined silently: each error of the
determined values is corrected, or the meeting records a decision on it (a commissioner's PIN and
the reason), in the audit chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.documents.finding_notes import HEADING, UNDECIDED
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Change, RecordingHub
from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.entry_service import EntryService
from rekap_desktop.services.finding_decisions import FindingDecisionService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.orm import AuditEntryRow
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts
from tests.finding_meeting import ANGGOTA, KETUA, OPERATOR, R03_MESSAGE, broken_meeting
from tests.penetapan import determine_meeting

F4 = Paper.F4


@pytest.fixture
def meeting(db_url: str, tmp_path: Path) -> Iterator[PlenoService]:
    """KOTA UJI with the PPK form of UTARA breaking R03, and a ketua, an anggota, an operator."""
    service = broken_meeting(db_url, tmp_path)
    yield service
    service.engine.dispose()


def decided_events(service: PlenoService) -> list[dict[str, object]]:
    with Session(service.engine) as session:
        rows = session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.event == AuditEvent.FINDING_DECIDED)
        )
        # without the rows each entry wrote ("baris"), which the row check compares
        payloads = [json.loads(r.payload) for r in rows]
    return [{k: v for k, v in p.items() if k != "baris"} for p in payloads]


def test_a_form_breaking_its_arithmetic_is_read_only_after_the_meetings_decision(
    meeting: PlenoService,
) -> None:
    corrections = CorrectionsService(meeting)
    decisions = FindingDecisionService(meeting)
    # GIVEN UTARA whose only source, the PPK form, agrees with itself row by row but breaks R03
    assert corrections.comparison("walikota", "990101").summary.differing == 0
    (error,) = decisions.open_errors("walikota", "990101")
    assert (error.code, error.message) == ("R03", R03_MESSAGE)

    # WHEN the operator marks it selesai dibaca
    # THEN it is refused, naming the finding, and the pair stays unread
    with pytest.raises(InputRejected) as refused:
        corrections.mark_read("walikota", "990101")
    assert "temuan R03 pada angka yang ditetapkan" in str(refused.value)
    assert R03_MESSAGE in str(refused.value)
    assert not corrections.is_read("walikota", "990101")
    assert corrections.unsettled("walikota", "990101") != []

    # WHEN the anggota confirms the meeting's decision with their PIN and a reason
    confirmation = UsersService(meeting.engine).confirm(
        ANGGOTA, DEMO_PINS[Role.ANGGOTA], Action.DECIDE_FINDING
    )
    decision = decisions.decide(
        "walikota",
        "990101",
        error,
        "  Formulir PPK tertulis demikian; saksi sepakat.  ",
        confirmation,
    )

    # THEN the decision names the finding, the reason and the commissioner, and is audited
    assert (decision.code, decision.message, decision.reason, decision.decided_by) == (
        "R03",
        R03_MESSAGE,
        "Formulir PPK tertulis demikian; saksi sepakat.",
        ANGGOTA,
    )
    assert decided_events(meeting) == [
        {
            "pemilihan": "walikota",
            "kode_wilayah": "990101",
            "kode_temuan": "R03",
            "rincian": ["suara_sah", "suara_01", "suara_02"],
            "temuan": R03_MESSAGE,
            "alasan": "Formulir PPK tertulis demikian; saksi sepakat.",
            "dikonfirmasi_oleh": ANGGOTA,
            "peran_pengonfirmasi": "anggota",
        }
    ]
    # AND nothing is open any more: the pair may now be marked read
    assert decisions.open_errors("walikota", "990101") == []
    corrections.mark_read("walikota", "990101")
    assert corrections.is_read("walikota", "990101")
    [listed] = decisions.determined_errors("walikota")
    assert (listed.unit.name, listed.finding.code, listed.decision) == ("UTARA", "R03", decision)


def test_a_decision_is_refused_without_its_pin_its_reason_or_its_finding(
    meeting: PlenoService,
) -> None:
    decisions = FindingDecisionService(meeting)
    users = UsersService(meeting.engine)
    (error,) = decisions.open_errors("walikota", "990101")
    right = users.confirm(ANGGOTA, DEMO_PINS[Role.ANGGOTA], Action.DECIDE_FINDING)
    other = users.confirm(ANGGOTA, DEMO_PINS[Role.ANGGOTA], Action.APPROVE_CORRECTION)
    # GIVEN a PIN confirmed for another action, an empty reason, and a finding no longer stated
    # WHEN each decision is asked for THEN it is refused with the reason, and nothing is recorded
    with pytest.raises(InputRejected, match="bukan untuk memutuskan temuan"):
        decisions.decide("walikota", "990101", error, "alasan", other)
    with pytest.raises(InputRejected, match="alasan keputusan rapat wajib diisi"):
        decisions.decide("walikota", "990101", error, "   ", right)
    EntryService(meeting).enter("walikota", "990101", "ppk", "suara_sah", "700")
    with pytest.raises(InputRejected, match="tidak lagi terbuka seperti yang ditampilkan"):
        decisions.decide("walikota", "990101", error, "alasan", right)
    # AND an operator cannot confirm it at all
    with pytest.raises(InputRejected, match="Operator tidak berwenang"):
        users.confirm(OPERATOR, DEMO_PINS[Role.OPERATOR], Action.DECIDE_FINDING)
    assert decided_events(meeting) == [] and decisions.decisions() == []
    # AND the findings now open are the new ones, on 700 (V.C no longer adds up either)
    now = decisions.open_errors("walikota", "990101")
    assert [f.code for f in now] == ["R03", "R04"] and "tertulis 700" in now[0].message


def test_a_correction_clears_the_finding_without_a_decision(meeting: PlenoService) -> None:
    corrections = CorrectionsService(meeting)
    # GIVEN UTARA's R03 error
    # WHEN the meeting corrects the pair's votes to 590 from the C.Hasil (580 + 10 = 690 sah)
    result = corrections.settle(
        "walikota",
        "990101",
        SettleRequest(
            "suara_02",
            590,
            Reason.SALAH_TULIS,
            "C.Hasil TPS",
            "PPK",
            KETUA,
            confirmation=confirmed(meeting, Action.APPROVE_CORRECTION, KETUA),
        ),
    )
    # THEN the determined values have no error and the correction marked the pair read
    assert FindingDecisionService(meeting).open_errors("walikota", "990101") == []
    assert result.pair_read and corrections.is_read("walikota", "990101")


def test_a_correction_that_marks_its_pair_read_publishes_one_batch(
    meeting: PlenoService, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrections = CorrectionsService(meeting)
    approval = confirmed(meeting, Action.APPROVE_CORRECTION, KETUA)
    hub = RecordingHub()
    monkeypatch.setattr(meeting, "bus", hub)
    # WHEN the correction that settles UTARA's last difference is written
    result = corrections.settle(
        "walikota",
        "990101",
        SettleRequest(
            "suara_02", 590, Reason.SALAH_TULIS, "C.Hasil TPS", "PPK", KETUA, confirmation=approval
        ),
    )
    # THEN the views hear of it once, after the commit: the correction and the pair now read,
    # both about the walikota contest, in one batch
    assert result.pair_read
    assert hub.published == [
        (
            Change(AuditEvent.CORRECTION_MADE, frozenset({"walikota"})),
            Change(AuditEvent.PAIR_READ, frozenset({"walikota"})),
        )
    ]


def test_penetapan_is_refused_while_an_error_arose_after_reading(
    meeting: PlenoService,
) -> None:
    decisions = FindingDecisionService(meeting)
    corrections = CorrectionsService(meeting)
    # GIVEN UTARA decided and read
    (error,) = decisions.open_errors("walikota", "990101")
    confirmation = UsersService(meeting.engine).confirm(
        KETUA, DEMO_PINS[Role.KETUA], Action.DECIDE_FINDING
    )
    decisions.decide("walikota", "990101", error, "Tertulis demikian", confirmation)
    corrections.mark_read("walikota", "990101")
    # WHEN a value read again makes a new finding THEN the pair goes back to reading
    EntryService(meeting).enter("walikota", "990101", "ppk", "suara_01", "100")
    assert corrections.is_read("walikota", "990101")
    EntryService(meeting).enter("walikota", "990101", "ppk", "suara_01", "101")
    assert not corrections.is_read("walikota", "990101")
    EntryService(meeting).enter("walikota", "990101", "ppk", "suara_01", "100")
    corrections.mark_read("walikota", "990101")
    # GIVEN then a correction of the read pair that leaves suara sah 695 (a new R03, and R04)
    corrections.settle(
        "walikota",
        "990101",
        SettleRequest(
            "suara_sah",
            695,
            Reason.SALAH_TULIS,
            "C.Hasil TPS",
            "PPK",
            KETUA,
            confirmation=confirmed(meeting, Action.APPROVE_CORRECTION, KETUA),
        ),
    )
    assert corrections.is_read("walikota", "990101")

    # WHEN the meeting is taken to penetapan
    # THEN the penetapan is refused, naming the kecamatan, the contest and the new finding
    with pytest.raises(InputRejected) as refused:
        determine_meeting(meeting)
    assert (
        "UTARA — Pemilihan Wali Kota Uji: temuan R03 pada angka yang ditetapkan: V.A Jumlah "
        "suara sah tertulis 695" in str(refused.value)
    )

    # WHEN the new findings (R03, and R04 as V.C no longer adds up) are decided too
    for again in decisions.open_errors("walikota", "990101"):
        decisions.decide("walikota", "990101", again, "Tertulis demikian", confirmation)
    # THEN the result is determined
    assert determine_meeting(meeting).state().determined
    # AND a decision on a determined result is refused (the result is locked)
    with pytest.raises(InputRejected, match="sudah ditetapkan"):
        decisions.decide("walikota", "990101", again, "lagi", confirmation)


def test_the_d_hasil_and_the_berita_acara_print_the_finding_and_the_decision(
    meeting: PlenoService,
) -> None:
    printer = PrintService(meeting)
    # GIVEN UTARA's R03 error, not yet decided
    # WHEN the D.Hasil is previewed
    before = flat(" ".join(page_texts(printer.preview(FormKind.D_HASIL, "walikota", F4).pdf)))
    # THEN it carries the finding, marked as not corrected or decided
    assert HEADING in before
    assert f"1 UTARA R03: {R03_MESSAGE} {UNDECIDED}" in before

    # WHEN the ketua confirms the meeting's decision, and both forms are previewed again
    decisions = FindingDecisionService(meeting)
    (error,) = decisions.open_errors("walikota", "990101")
    confirmation = UsersService(meeting.engine).confirm(
        KETUA, DEMO_PINS[Role.KETUA], Action.DECIDE_FINDING
    )
    decisions.decide("walikota", "990101", error, "Tertulis demikian pada D.Hasil", confirmation)
    d_hasil = flat(" ".join(page_texts(printer.preview(FormKind.D_HASIL, "walikota", F4).pdf)))
    minutes = flat(" ".join(page_texts(printer.preview(FormKind.BERITA_ACARA, None, F4).pdf)))

    # THEN the D.Hasil prints the decision, its reason and the commissioner who confirmed it
    decided = f"R03: {R03_MESSAGE} Diputuskan rapat: Tertulis demikian pada D.Hasil"
    assert decided in d_hasil
    assert f"(dikonfirmasi dengan PIN oleh {KETUA} pada " in d_hasil
    assert UNDECIDED not in d_hasil
    # AND the berita acara names it with the kecamatan and the contest
    assert HEADING in minutes
    assert f"UTARA — Pemilihan Wali Kota Uji R03: {R03_MESSAGE} Diputuskan rapat:" in minutes
