"""Seats and elected candidates of the Pemilu demo's DPRD Kota, and the meeting's decision on the
tie the law leaves open (a commissioner's PIN, audited, refused when malformed)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.result_json import recap_json
from rekap_desktop.services.results import recap_contests
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow

ANGGOTA = "Meilani Oktaviani Putri, S.H."


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pemilu") / "demo.sqlite"
    service = PlenoService(open_engine(str(path)))
    load_demo(service, DemoKind.PEMILU)
    service.engine.dispose()
    return path


@pytest.fixture
def seats(demo_file: Path, tmp_path: Path) -> Iterator[SeatService]:
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, copy)
    service = PlenoService(open_engine(str(copy)))
    yield SeatService(service)
    service.engine.dispose()


def _confirm(seats: SeatService, action: Action = Action.DECIDE_TIE) -> object:
    return UsersService(seats.pleno_service.engine).confirm(ANGGOTA, "222222", action)


def test_the_demo_allocates_every_seat_but_one_candidate_place(seats: SeatService) -> None:
    # GIVEN the Pemilu demo; WHEN the DPRD Kota results are read
    results = seats.results("dprd_kabko")

    # THEN every dapil's seats are allocated to parties, 35 in all
    assert [sum(d.allocation.party_seats.values()) for d in results.districts if d.allocation] == [
        7,
        8,
        7,
        7,
        6,
    ]
    # AND the planted tie the law decides is decided by persebaran suara (dapil 1, party 3)
    dapil_1 = results.districts[0]
    (party_3,) = [e for e in dapil_1.elections if e.party == 3]
    assert "persebaran" in " ".join(party_3.decided_by.values())
    # AND the one it leaves open (dapil 5, party 2, candidates 1 and 4) waits for the meeting
    (tie,) = results.open_ties
    assert (tie.kind, tie.contenders, tie.places) == ("calon", (1, 4), 1)
    assert results.districts[4].elected_of(2) == ()


def test_a_commissioner_decides_the_open_tie_and_is_named(seats: SeatService) -> None:
    # GIVEN the open tie
    (tie,) = seats.results("dprd_kabko").open_ties

    # WHEN an anggota decides for candidate 4 with a reason and their PIN
    after = seats.decide_tie(
        "dprd_kabko", tie.key, (4,), "Persebaran per TPS lebih luas", _confirm(seats)
    )

    # THEN nothing is open, candidate 4 is elected for party 2 in dapil 5
    assert after.open_ties == ()
    assert after.districts[4].elected_of(2) == (4,)
    (election,) = [e for e in after.districts[4].elections if e.party == 2]
    assert election.decided_by[4] == "keputusan rapat"
    # AND the audit names who confirmed
    with Session(seats.pleno_service.engine) as session:
        entry = session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.event == "seat_tie_decided")
        ).one()
    payload = json.loads(entry.payload)
    assert (payload["dikonfirmasi_oleh"], payload["dipilih"]) == (ANGGOTA, [4])
    assert verify_integrity(seats.pleno_service).ok  # the decision's row is recorded as written
    # AND recap --json carries the elected candidate and no open tie
    recaps = recap_contests(seats.pleno_service, "dprd_kabko")
    hasil = recap_json(seats.pleno_service.pleno(), recaps, seats.results_for(recaps))[
        "kontestasi"
    ][0]["hasil"]
    assert "seri" not in hasil
    (party_2,) = [p for p in hasil["dapil"][4]["partai"] if p["nomor_urut"] == 2]
    assert (party_2["kursi"], party_2["terpilih"]) == (1, [4])


@pytest.mark.parametrize(
    ("chosen", "reason", "expected"),
    [
        ((7,), "alasan", "pilihan harus di antara nomor 1, 4, masing-masing sekali"),
        ((1, 4), "alasan", "pilih tepat 1 dari 2 nomor"),
        ((1,), "  ", "alasan/dasar keputusan wajib diisi"),
    ],
)
def test_a_malformed_decision_is_refused_and_nothing_recorded(
    seats: SeatService, chosen: tuple[int, ...], reason: str, expected: str
) -> None:
    (tie,) = seats.results("dprd_kabko").open_ties
    with pytest.raises(InputRejected) as error:
        seats.decide_tie("dprd_kabko", tie.key, chosen, reason, _confirm(seats))
    assert expected in [p.message for p in error.value.problems]
    assert seats.decisions("dprd_kabko") == {}


def test_a_decision_needs_a_confirmation_for_it_and_an_open_tie(seats: SeatService) -> None:
    (tie,) = seats.results("dprd_kabko").open_ties
    with pytest.raises(InputRejected, match="bukan untuk memutuskan"):
        seats.decide_tie("dprd_kabko", tie.key, (1,), "x", _confirm(seats, Action.DETERMINE))
    with pytest.raises(InputRejected, match="tidak ada perolehan sama"):
        seats.decide_tie("dprd_kabko", "calon:9:99:1:01,02", (1,), "x", _confirm(seats))
    assert seats.decisions("dprd_kabko") == {}


def test_the_json_of_a_legislative_contest_follows_the_contract(seats: SeatService) -> None:
    # GIVEN the demo; WHEN recap --json is built for both contests
    recaps = recap_contests(seats.pleno_service)
    result = recap_json(seats.pleno_service.pleno(), recaps, seats.results_for(recaps))
    ppwp, dprd = result["kontestasi"]

    # THEN PPWP, determined by the KPU, only names its leader here (formats §4); DPRD lists each
    # dapil with party votes (their candidates' included), seats and elected candidates, seats
    # adding up to the dapil's
    assert ppwp["hasil"] == {"nomor_urut": 2, "suara_terbanyak": True}
    first = dprd["hasil"]["dapil"][0]
    assert set(first) == {"kode", "kursi", "partai"}
    assert set(first["partai"][0]) == {"nomor_urut", "suara", "kursi", "terpilih"}
    assert sum(p["kursi"] for p in first["partai"]) == first["kursi"] == 7
    elected = [p for p in first["partai"] if p["kursi"]]
    assert all(len(p["terpilih"]) == p["kursi"] for p in elected)
    # AND the party votes equal party-only + candidates of the dapil's units
    units = {"177103", "177104", "177108"}
    party_1 = sum(
        v
        for u in dprd["unit"]
        if u["kode_wilayah"] in units
        for k, v in u.items()
        if k == "suara_partai_01" or k.startswith("suara_caleg_01_")
    )
    assert first["partai"][0]["suara"] == party_1


def test_an_open_candidate_tie_names_the_data_the_meeting_must_obtain(seats: SeatService) -> None:
    # GIVEN the demo, whose dapil 5 has two candidates equal in votes and in kecamatan
    recaps = recap_contests(seats.pleno_service, "dprd_kabko")
    result = recap_json(seats.pleno_service.pleno(), recaps, seats.results_for(recaps))
    (tie,) = result["kontestasi"][0]["hasil"]["seri"]
    # THEN recap --json lists the tiers of PKPU 6/2024 Pasal 29 still to be counted, and where
    assert tie["data_diperlukan"] == [
        {
            "tingkat": "desa/kelurahan",
            "dokumen": "rincian per desa/kelurahan Model D.Hasil Kecamatan dari PPK",
        },
        {"tingkat": "TPS", "dokumen": "Model C.Hasil Salinan setiap TPS"},
    ]
