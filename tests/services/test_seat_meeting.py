"""The seat meeting (PKPU 6/2024 Pasal 17, 22): recorded only after penetapan, with every tie
decided and its Keputusan numbered, following the Constitutional Court's notice, with the KPU
members, Bawaslu and the parties' representatives who attended."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.domain.seat_meeting import PartyRepresentative
from rekap_desktop.services.demo import DEMO_PINS, DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.seat_meeting_service import SeatMeetingService
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from tests.databases import database_url
from tests.penetapan import determine_meeting
from tests.services.seat_meeting_samples import BAWASLU, DECREE, seat_meeting

KETUA = "Drs. Hasanuddin Rasyid, M.Si."


@pytest.fixture(scope="module")
def determined_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Pemilu demo determined with dapil 5's tie still open (built once, copied per test)."""
    path = tmp_path_factory.mktemp("seats") / "pemilu.sqlite"
    service = PlenoService(open_engine(str(path)))
    load_demo(service, DemoKind.PEMILU)
    determine_meeting(service)
    service.engine.dispose()
    return path


@pytest.fixture
def determined(determined_file: Path, tmp_path: Path) -> PlenoService:
    copy = tmp_path / "pemilu.sqlite"
    shutil.copy(determined_file, copy)
    return PlenoService(open_engine(str(copy)))


def confirm(service: PlenoService, action: Action) -> Confirmation:
    return UsersService(service.engine).confirm(KETUA, DEMO_PINS[Role.KETUA], action)


def decide_the_tie(service: PlenoService) -> None:
    seats = SeatService(service)
    (tie,) = seats.results("dprd_kabko").open_ties
    seats.decide_tie(
        "dprd_kabko", tie.key, tie.contenders[:1], "Rapat", confirm(service, Action.DECIDE_TIE)
    )


def test_the_seat_meeting_is_recorded_with_its_keputusan_and_attendance(
    determined: PlenoService,
) -> None:
    # GIVEN a determined meeting whose tie was decided
    decide_the_tie(determined)
    meetings = SeatMeetingService(determined)
    assert [c.code for c in meetings.contests()] == ["dprd_kabko"]
    assert meetings.meeting("dprd_kabko") is None
    # WHEN the seat meeting is recorded with the ketua's PIN
    meetings.record(seat_meeting(determined), confirm(determined, Action.DETERMINE_SEATS))
    # THEN it is kept as recorded, and audited with who confirmed it
    held = meetings.meeting("dprd_kabko")
    assert held == seat_meeting(determined)
    with Session(determined.engine) as session:
        rows = session.scalars(
            select(AuditEntryRow.payload).where(AuditEntryRow.event == "seat_meeting_recorded")
        ).all()
    assert len(rows) == 1
    payload = json.loads(rows[0])
    assert payload["nomor_keputusan"] == DECREE and payload["bawaslu"] == [BAWASLU]
    assert payload["dikonfirmasi_oleh"] == KETUA


def test_the_seat_meeting_waits_for_penetapan(tmp_path: Path) -> None:
    # GIVEN the Pemilu demo not determined
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    # WHEN the seat meeting is recorded THEN it is refused: it follows the recapitulation
    with pytest.raises(InputRejected, match="setelah hasil rekapitulasi ditetapkan"):
        SeatMeetingService(service).record(
            seat_meeting(service), confirm(service, Action.DETERMINE_SEATS)
        )
    assert SeatMeetingService(service).meeting("dprd_kabko") is None


def test_the_seat_meeting_is_refused_while_a_tie_is_open(determined: PlenoService) -> None:
    # GIVEN the determined meeting with dapil 5's tie open
    (tie,) = SeatService(determined).results("dprd_kabko").open_ties
    # WHEN the seat meeting is recorded THEN it is refused naming the tie
    with pytest.raises(InputRejected) as refused:
        SeatMeetingService(determined).record(
            seat_meeting(determined), confirm(determined, Action.DETERMINE_SEATS)
        )
    assert [p.message for p in refused.value.problems] == [
        f"perolehan sama masih menunggu keputusan rapat [{tie.key}]: {tie.message}"
    ]


def test_an_incomplete_record_is_refused_naming_each_gap(determined: PlenoService) -> None:
    # GIVEN the determined meeting with the tie decided
    decide_the_tie(determined)
    wrong = seat_meeting(
        determined,
        decree_number=" ",
        court_notice="",
        members=("Bukan Anggota",),
        parties=(
            PartyRepresentative(1, "A"),
            PartyRepresentative(1, "B"),
            PartyRepresentative(99, "C"),
        ),
    )
    # WHEN it is recorded THEN every gap is named and nothing is recorded
    with pytest.raises(InputRejected) as refused:
        SeatMeetingService(determined).record(wrong, confirm(determined, Action.DETERMINE_SEATS))
    messages = [p.message for p in refused.value.problems]
    assert messages[0] == "nomor Keputusan KPU wajib diisi"
    assert messages[1].startswith("pemberitahuan Mahkamah Konstitusi (nomor dan tanggal) wajib")
    assert messages[2:] == [
        "'Bukan Anggota' bukan anggota KPU dalam pleno ini",
        "partai nomor urut 1 tercatat dua kali",
        "partai nomor urut 99 tidak ada dalam pemilihan ini",
    ]
    assert SeatMeetingService(determined).meeting("dprd_kabko") is None


def test_only_the_seats_this_kpu_determines_and_only_with_its_own_pin(
    determined: PlenoService,
) -> None:
    decide_the_tie(determined)
    meetings = SeatMeetingService(determined)
    # WHEN the presidential contest is named THEN it is refused
    with pytest.raises(InputRejected, match="tidak ditetapkan oleh KPU KOTA BENGKULU"):
        meetings.record(
            seat_meeting(determined, contest="ppwp"), confirm(determined, Action.DETERMINE_SEATS)
        )
    # AND a PIN confirmed for another action is refused
    with pytest.raises(InputRejected, match="bukan untuk menetapkan perolehan kursi"):
        meetings.record(seat_meeting(determined), confirm(determined, Action.DECIDE_TIE))


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


def test_the_seat_meeting_round_trips_on_each_database(url: str) -> None:
    # GIVEN the Pemilu demo determined on the database, its tie decided
    service = PlenoService(open_engine(url))
    load_demo(service, DemoKind.PEMILU)
    determine_meeting(service)
    decide_the_tie(service)
    # WHEN the seat meeting is recorded THEN it reads back as recorded (time zone included)
    SeatMeetingService(service).record(
        seat_meeting(service), confirm(service, Action.DETERMINE_SEATS)
    )
    assert SeatMeetingService(service).meeting("dprd_kabko") == seat_meeting(service)
    service.engine.dispose()
