"""Temuan kewajaran diabaikan: the meeting accepts the figures of a plausibility warning as they
are, with a reason and a commissioner's PIN, in one audited write; anything short of that is
refused in Indonesian, naming what and where, and nothing is written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import check
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from tests.confirming import confirmed
from tests.fixtures import write_tallies
from tests.penetapan import determine_meeting
from tests.plausibility_meeting import (
    CONTEST,
    KETUA,
    P01_MESSAGE,
    REASON,
    ROWS,
    TPS,
    UNIT,
    write_setup_with_members,
)


@pytest.fixture
def meeting(db_url: str, tmp_path: Path) -> Iterator[PlenoService]:
    """KOTA UJI whose Sirekap TPS rows of UTARA raise P01, P02 and P05."""
    pleno = PlenoService(open_engine(db_url))
    pleno.create_from_setup_file(write_setup_with_members(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path, ROWS, "tps.csv"))
    yield pleno
    pleno.engine.dispose()


def warning(service: PlausibilityService, code: str) -> Implausible:
    return next(w.finding for w in service.unit_warnings(CONTEST, UNIT) if w.finding.code == code)


def events(pleno: PlenoService, event: AuditEvent) -> list[dict[str, object]]:
    with Session(pleno.engine) as session:
        rows = session.scalars(select(AuditEntryRow).where(AuditEntryRow.event == event))
        payloads = [json.loads(r.payload) for r in rows]
    # without the rows each entry wrote ("baris"), which the row check compares
    return [{k: v for k, v in p.items() if k != "baris"} for p in payloads]


def test_an_override_is_recorded_with_reason_and_pin_and_audited(meeting: PlenoService) -> None:
    service = PlausibilityService(meeting)
    # GIVEN P01 at TPS 003 of UTARA, raised by Sirekap's row
    p01 = warning(service, "P01")
    assert (p01.place.code, p01.message) == (TPS, P01_MESSAGE)
    # WHEN the ketua confirms with their PIN that the meeting accepts it, with a reason
    made = service.override(p01, f"  {REASON} ", confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY))
    # THEN it is recorded as stated, with the trimmed reason and the ketua
    assert (made.code, made.place, made.source, made.message) == (
        "P01",
        TPS,
        "sirekap",
        P01_MESSAGE,
    )
    assert (made.reason, made.overridden_by) == (REASON, KETUA)
    assert service.overrides() == [made]
    # AND the comparison's warnings show it overridden, the others still warnings
    shown = {
        (w.finding.code, w.finding.place.code): w.override
        for w in service.unit_warnings(CONTEST, UNIT)
    }
    assert shown[("P01", TPS)] == made
    assert shown[("P02", TPS)] is None
    # AND one audit entry names the warning, the place, the reason and the commissioner
    assert events(meeting, AuditEvent.PLAUSIBILITY_OVERRIDDEN) == [
        {
            "pemilihan": CONTEST,
            "kode_wilayah": UNIT,
            "tempat": TPS,
            "sumber": "sirekap",
            "kode_temuan": "P01",
            "rincian": list(p01.fields),
            "temuan": P01_MESSAGE,
            "alasan": REASON,
            "dikonfirmasi_oleh": KETUA,
            "peran_pengonfirmasi": "ketua",
        }
    ]
    # AND the chain covers the stored row (integrity holds)
    assert verify_integrity(meeting).ok


def test_a_blank_reason_or_a_pin_for_another_action_is_refused(meeting: PlenoService) -> None:
    service = PlausibilityService(meeting)
    p01 = warning(service, "P01")
    # WHEN the reason is blank THEN it is refused, naming the finding and where
    with pytest.raises(InputRejected) as blank:
        service.override(p01, "   ", confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY))
    assert "alasan mengabaikan temuan P01 wajib diisi" in str(blank.value)
    assert f"UTARA (990101), walikota, desa/TPS {TPS}, sumber sirekap" in str(blank.value)
    # WHEN the PIN was given for another action THEN it is refused
    with pytest.raises(InputRejected) as other:
        service.override(p01, REASON, confirmed(meeting, Action.DECIDE_FINDING))
    assert "konfirmasi PIN bukan untuk mengabaikan temuan kewajaran" in str(other.value)
    # WHEN there is no PIN at all THEN it is refused
    with pytest.raises(InputRejected):
        service.override(p01, REASON, None)
    # THEN nothing was written
    assert service.overrides() == []
    assert events(meeting, AuditEvent.PLAUSIBILITY_OVERRIDDEN) == []


def test_a_warning_not_raised_as_stated_or_overridden_twice_is_refused(
    meeting: PlenoService,
) -> None:
    service = PlausibilityService(meeting)
    p01 = warning(service, "P01")
    pin = confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY)
    # WHEN the warning shown differs from what is raised now (other numbers)
    stale = replace(p01, message="pengguna hak pilih 341 melebihi DPT + pindahan + KTP-el (320)")
    with pytest.raises(InputRejected) as refused:
        service.override(stale, REASON, pin)
    # THEN it is refused, saying it is no longer raised as shown
    assert "temuan kewajaran P01 tidak lagi muncul seperti yang ditampilkan" in str(refused.value)
    assert service.overrides() == []
    # WHEN the same warning is overridden a second time THEN the second is refused
    service.override(p01, REASON, pin)
    with pytest.raises(InputRejected) as twice:
        service.override(p01, "lagi", pin)
    assert f"temuan P01 sudah diabaikan oleh {KETUA}" in str(twice.value)
    assert len(service.overrides()) == 1


def test_a_warning_of_the_whole_meeting_may_be_overridden(meeting: PlenoService) -> None:
    # GIVEN a P05 of the meeting (check --json's) rather than of the kecamatan
    service = PlausibilityService(meeting)
    copied = next(w for w in check(meeting).implausible if w.code == "P05")
    # WHEN it is overridden THEN it is accepted (raised now, over the whole contest)
    made = service.override(copied, REASON, confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY))
    assert made.code == "P05"


def test_no_override_once_the_result_is_determined(meeting: PlenoService) -> None:
    service = PlausibilityService(meeting)
    p02 = warning(service, "P02")
    # GIVEN the result determined
    determine_meeting(meeting)
    # WHEN a warning is overridden THEN it is refused: the result is locked
    with pytest.raises(InputRejected) as refused:
        service.override(p02, REASON, confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY))
    assert "hasil sudah ditetapkan dan terkunci" in str(refused.value)
    assert service.overrides() == []
