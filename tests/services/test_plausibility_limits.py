"""Ambang kewajaran: the thresholds of the plausibility warnings are the meeting's, set with a
commissioner's PIN and audited; wrong input is refused naming the field, and nothing changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.plausibility import Limits
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from tests.confirming import confirmed
from tests.fixtures import write_tallies
from tests.plausibility_meeting import CONTEST, KETUA, ROWS, TPS, UNIT, write_setup_with_members


@pytest.fixture
def meeting(db_url: str, tmp_path: Path) -> Iterator[PlenoService]:
    pleno = PlenoService(open_engine(db_url))
    pleno.create_from_setup_file(write_setup_with_members(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path, ROWS, "tps.csv"))
    yield pleno
    pleno.engine.dispose()


def codes(service: PlausibilityService) -> set[tuple[str, str]]:
    return {(w.finding.code, w.finding.place.code) for w in service.unit_warnings(CONTEST, UNIT)}


def test_the_defaults_hold_until_the_meeting_sets_its_own(meeting: PlenoService) -> None:
    service = PlausibilityService(meeting)
    # GIVEN the defaults: TPS 003's fifth of invalid votes is warned (above 10 %)
    assert service.limits() == Limits()
    assert ("P02", TPS) in codes(service)
    # WHEN the ketua sets P02's limit to 25 % and P03's to 3 % with their PIN
    texts = {"invalid_share": "25", "ballot_share": "3 %"}
    set_to = service.set_limits(texts, confirmed(meeting, Action.SET_PLAUSIBILITY_LIMITS))
    # THEN those are the meeting's, the others stay at their defaults
    assert set_to == Limits(invalid_share=Fraction(1, 4), ballot_share=Fraction(3, 100))
    assert service.limits() == set_to
    # AND the comparison's warnings follow them
    assert ("P02", TPS) not in codes(service)
    # AND one audit entry says what they were and what they became, and who confirmed
    with Session(meeting.engine) as session:
        rows = session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.event == AuditEvent.PLAUSIBILITY_LIMITS_SET)
        )
        [payload] = [json.loads(r.payload) for r in rows]
    assert payload["sebelum"]["invalid_share"] == "10"
    assert payload["sesudah"]["invalid_share"] == "25"
    assert payload["sesudah"]["ballot_share"] == "3"
    assert payload["dikonfirmasi_oleh"] == KETUA
    assert verify_integrity(meeting).ok


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        ({"invalid_share": "-5"}, "P02 suara tidak sah paling banyak (%): tidak boleh negatif"),
        (
            {"invalid_share": "banyak"},
            "P02 suara tidak sah paling banyak (%): 'banyak' bukan angka",
        ),
        (
            {"zero_share": "150"},
            "P04 bagian suara di TPS lain paling sedikit (%): tidak boleh lebih dari 100 %",
        ),
        (
            {"ballot_sheets": "2,5"},
            "P03 selisih surat suara paling banyak (lembar): harus bilangan bulat",
        ),
        ({"outlier_z": "0"}, "P06 skor jarak dari median lebih dari: harus lebih dari 0"),
    ],
    ids=["negatif", "bukan-angka", "di-atas-100", "pecahan", "nol"],
)
def test_wrong_input_is_refused_naming_the_field_and_nothing_changes(
    meeting: PlenoService, texts: dict[str, str], said: str
) -> None:
    service = PlausibilityService(meeting)
    # WHEN a wrong threshold is typed, with a valid one beside it
    with pytest.raises(InputRejected) as refused:
        service.set_limits(
            {"ballot_share": "3", **texts}, confirmed(meeting, Action.SET_PLAUSIBILITY_LIMITS)
        )
    # THEN the refusal names the field and what is wrong; nothing is stored
    assert said in str(refused.value)
    assert service.limits() == Limits()


def test_thresholds_need_a_pin_given_for_them(meeting: PlenoService) -> None:
    service = PlausibilityService(meeting)
    # WHEN no PIN, or a PIN for another action, comes with the thresholds THEN both are refused
    with pytest.raises(InputRejected) as without:
        service.set_limits({"invalid_share": "25"}, None)
    assert "mengatur ambang kewajaran perlu konfirmasi PIN" in str(without.value)
    with pytest.raises(InputRejected) as other:
        service.set_limits(
            {"invalid_share": "25"}, confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY)
        )
    assert "bukan untuk mengatur ambang kewajaran" in str(other.value)
    # THEN nothing changed
    assert service.limits() == Limits()
