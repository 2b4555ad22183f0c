"""The seat-allocation form: every Sainte-Laguë step checkable by hand, seats, elected candidates,
open ties printed as waiting for the meeting, and recorded decisions with who decided and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.documents.form_header import form_fingerprint
from rekap_desktop.documents.perolehan_kursi import render_seats
from rekap_desktop.domain.election import Candidate, Contest, District, Party
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.domain.tally import Tally
from rekap_desktop.services.demo import DEMO_PINS, DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.seats import seat_data
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.seat_service import SeatService, TieDecision
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.services.legislative_samples import dprd_contest, pleno, seat_results, tallies

UNIT = RegionCode("990101")
NAMES = ("PARTAI A", "PARTAI B", "PARTAI C", "PARTAI D", "PARTAI E")


def one_dapil(
    seats: int, votes: dict[int, tuple[int, ...]]
) -> tuple[Contest, dict[RegionCode, Tally]]:
    """One dapil (KOTA UJI 1, all three kecamatan of the sample meeting) with ``seats``; each
    party's candidates get the votes listed (party-only votes 0), in the first kecamatan."""
    parties = tuple(
        Party(
            ChoiceNo(n),
            NAMES[n - 1],
            {
                "1": tuple(
                    Candidate(ChoiceNo(c), f"CALON {n}-{c}", "L") for c in range(1, len(v) + 1)
                )
            },
        )
        for n, v in votes.items()
    )
    district = District(
        "1", "KOTA UJI 1", seats, (RegionCode("990101"), RegionCode("990102"), RegionCode("990103"))
    )
    contest = Contest(
        ContestCode("dprd_kabko"),
        "Pemilihan Umum Anggota DPRD Kota Uji",
        parties=parties,
        districts=(district,),
    )
    values = {FieldKey(f"suara_partai_{n:02d}"): 0 for n in votes}
    for n, candidates in votes.items():
        for c, count in enumerate(candidates, start=1):
            values[FieldKey(f"suara_caleg_{n:02d}_{c:02d}")] = count
    return contest, {UNIT: Tally(values)}


def test_worked_example_six_seats_prints_every_step_checkable_by_hand(tmp_path: Path) -> None:
    # GIVEN 6 seats and A 30.000, B 20.000, C 15.000, D 7.000, E 5.000
    contest, votes = one_dapil(
        6, {1: (20_000, 10_000), 2: (12_000, 8_000), 3: (15_000,), 4: (7_000,), 5: (5_000,)}
    )
    results = seat_results(contest, votes, {})
    # WHEN the seat form's data is built
    data = seat_data(pleno(contest), results, [], "DRAF")
    (district,) = data.districts
    # THEN the steps are those of the hand calculation: A, B, C, A, D, B
    assert [s.winner for s in district.steps] == [
        "1. PARTAI A",
        "2. PARTAI B",
        "3. PARTAI C",
        "1. PARTAI A",
        "4. PARTAI D",
        "2. PARTAI B",
    ]
    assert all(s.decided_by == "hasil bagi terbesar" for s in district.steps)
    # AND each step shows every party's votes : divisor = quotient with 2 decimals
    sixth = {c.party: (c.votes, c.divisor, c.value, c.winner) for c in district.steps[5].cells}
    assert sixth == {
        1: (30_000, 5, "6.000,00", False),
        2: (20_000, 3, "6.666,67", True),
        3: (15_000, 3, "5.000,00", False),
        4: (7_000, 3, "2.333,33", False),
        5: (5_000, 1, "5.000,00", False),
    }
    # AND the seats per party are A 2, B 2, C 1, D 1, E 0
    assert [(p.name, p.votes, p.seats) for p in district.summary] == [
        ("PARTAI A", 30_000, 2),
        ("PARTAI B", 20_000, 2),
        ("PARTAI C", 15_000, 1),
        ("PARTAI D", 7_000, 1),
        ("PARTAI E", 5_000, 0),
    ]
    # AND the elected candidates in order of their votes
    a = district.elected[0]
    assert [(e.order, e.number, e.name, e.votes) for e in a.elected] == [
        (1, 1, "CALON 1-1 (L)", 20_000),
        (2, 2, "CALON 1-2 (L)", 10_000),
    ]
    # WHEN it is rendered
    rendered = render_seats(data)
    whole = flat(" ".join(page_texts(rendered.pdf)))
    # THEN the steps, the marked winner of each and the summary are on paper
    assert "PENETAPAN PEROLEHAN KURSI DAN CALON TERPILIH-DPRD KAB/KOTA" in whole
    assert "DAERAH PEMILIHAN KOTA UJI 1 — 6 KURSI" in whole
    for cell in ("30.000 : 1 ✓ = 30.000,00", "20.000 : 3 ✓ = 6.666,67", "30.000 : 5 = 6.000,00"):
        assert cell in whole
    assert "7.000 : 1 ✓ = 7.000,00" in whole and "5.000 : 1 = 5.000,00" in whole
    assert "CALON 1-2 (L)" in whole and "CALON 5-1" not in whole
    assert form_fingerprint(data) in whole
    assert "Halaman 1 dari" in whole and "MENUNGGU KEPUTUSAN RAPAT" not in whole
    for png in render_pngs(rendered.pdf, tmp_path, "kursi_contoh"):
        assert ink_share(png) > 0.01


def test_an_open_tie_is_printed_as_waiting_and_a_recorded_decision_with_who_and_why() -> None:
    # GIVEN 3 seats with A 900, B 300, C 300: after A's first seat all three quotients are 300
    contest, votes = one_dapil(3, {1: (900,), 2: (300,), 3: (300,)})
    open_results = seat_results(contest, votes, {})
    (tie,) = open_results.open_ties
    # WHEN the form is built before the meeting decides
    waiting = seat_data(pleno(contest), open_results, [], None)
    text = flat(" ".join(page_texts(render_seats(waiting).pdf)))
    # THEN the tie is printed prominently with the law's message and the tied parties
    assert "MENUNGGU KEPUTUSAN RAPAT: PEROLEHAN SAMA YANG BELUM DIPUTUSKAN" in text
    assert "hasil bagi terbesar untuk kursi ke-2 sampai ke-3 sama" in text
    assert "Yang memperoleh hasil sama: 1. PARTAI A; 2. PARTAI B; 3. PARTAI C." in text
    # AND the stopped step marks the equal quotients and gives the seat to nobody yet
    last = waiting.districts[0].steps[-1]
    assert last.winner == "" and [c.tied for c in last.cells] == [True, True, True]
    assert text.count("= 300,00 (sama)") == 3
    # WHEN the meeting's decision (A and C) is recorded and the form built again
    decision = TieDecision(
        tie.key, (1, 3), "Diundi dalam rapat", "Ketua Uji, S.H.", "2024-02-29T10:15:00+00:00"
    )
    decided = seat_results(contest, votes, {tie.key: (1, 3)})
    data = seat_data(pleno(contest), decided, [decision], None)
    text = flat(" ".join(page_texts(render_seats(data).pdf)))
    # THEN nothing waits any more, the seats show "keputusan rapat" and the decision is listed
    assert "MENUNGGU" not in text
    assert [(s.winner, s.decided_by) for s in data.districts[0].steps] == [
        ("1. PARTAI A", "hasil bagi terbesar"),
        ("1. PARTAI A", "keputusan rapat"),
        ("3. PARTAI C", "keputusan rapat"),
    ]
    (line,) = data.districts[0].decisions
    assert line.subject == "Kursi ke-2: hasil bagi sama partai nomor urut 1, 2 dan 3"
    assert (line.chosen, line.applied) == ("1. PARTAI A; 3. PARTAI C", True)
    assert "KEPUTUSAN RAPAT ATAS PEROLEHAN YANG SAMA" in text
    assert "Diundi dalam rapat" in text and "Ketua Uji, S.H." in text
    assert line.decided_at == "Kamis, 29 Februari 2024, pukul 10.15 UTC"
    # AND a decision on a tie that no longer arises is printed as not applied
    stale = seat_data(pleno(contest), seat_results(contest, votes, {}), [decision], None)
    assert not stale.districts[0].decisions[0].applied


def test_a_dapil_this_meeting_does_not_allocate_prints_the_reason() -> None:
    # GIVEN a DPR contest at a kab/kota meeting (its seats are determined by the KPU)
    contest = Contest(
        ContestCode("dpr"),
        "Pemilihan Umum Anggota DPR",
        parties=dprd_contest().parties,
        districts=dprd_contest().districts,
    )
    data = seat_data(pleno(contest), seat_results(contest, tallies(), {}), [], None)
    # THEN each dapil says why, with no steps
    assert all(
        d.reason.startswith("Perolehan kursi pemilihan ini ditetapkan oleh KPU")
        for d in data.districts
    )
    assert all(not d.steps for d in data.districts)
    text = flat(" ".join(page_texts(render_seats(data).pdf)))
    assert "ditetapkan oleh KPU, bukan dalam rapat ini" in text


@pytest.fixture
def pemilu(tmp_path: Path) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    return service


def test_demo_tie_decided_through_the_service_is_printed_in_the_next_version(
    pemilu: PlenoService,
) -> None:
    # GIVEN the Pemilu demo, whose dapil 5 has an open candidate tie
    printer = PrintService(pemilu)
    assert FormKind.PEROLEHAN_KURSI in printer.kinds()
    assert [c.code for c in printer.contests(FormKind.PEROLEHAN_KURSI)] == ["dprd_kabko"]
    first, pdf = printer.print_form(FormKind.PEROLEHAN_KURSI, None, Paper.F4)
    before = flat(" ".join(page_texts(pdf)))
    assert "MENUNGGU KEPUTUSAN RAPAT" in before and "SIMULASI" in before
    assert first.stored.fingerprint in before
    seats = SeatService(pemilu)
    (tie,) = seats.results("dprd_kabko").open_ties
    # WHEN the Ketua records the meeting's decision with the PIN
    ketua = next(m.name for m in pemilu.pleno().members if m.position == "Ketua")
    confirmation = UsersService(pemilu.engine).confirm(
        ketua, DEMO_PINS[Role.KETUA], Action.DECIDE_TIE
    )
    seats.decide_tie("dprd_kabko", tie.key, tie.contenders[:1], "Kesepakatan rapat", confirmation)
    second, pdf = printer.print_form(FormKind.PEROLEHAN_KURSI, None, Paper.F4)
    after = flat(" ".join(page_texts(pdf)))
    # THEN the next version lists the decision with who decided and why, and nothing waits
    assert second.stored.version == 2 and second.stored.fingerprint != first.stored.fingerprint
    assert "MENUNGGU KEPUTUSAN RAPAT" not in after
    assert "KEPUTUSAN RAPAT ATAS PEROLEHAN YANG SAMA" in after
    assert "Kesepakatan rapat" in after and ketua in after


def test_recap_minutes_and_announcement_carry_party_votes_but_no_seats(
    pemilu: PlenoService,
) -> None:
    # GIVEN the Pemilu demo, whose DPRD Kota seats the program can allocate
    printer = PrintService(pemilu)
    # WHEN the berita acara and the pengumuman of the recapitulation are printed
    _, minutes = printer.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    _, announcement = printer.print_form(FormKind.PENGUMUMAN, None, Paper.F4)
    # THEN both list the parties' votes and say the seats are a later meeting's decision
    # (PKPU 6/2024 Pasal 17, 22), with no seat count and no elected candidate
    for pdf in (minutes, announcement):
        text = flat(" ".join(page_texts(pdf)))
        assert "PEMILIHAN UMUM ANGGOTA DPRD KOTA BENGKULU" in text.upper()
        assert "PARTAI AMANAH RAKYAT" in text and "15.955" in text
        assert "PKPU 6/2024 Pasal 17 dan 22" in text, text
        assert "rapat pleno terbuka penetapan perolehan kursi dan calon terpilih" in text
        assert "kursi telah terbagi" not in text and "KURSI" not in text
        assert "— 1 kursi" not in text and "kursi ke-" not in text.lower()


def test_seat_form_is_refused_for_a_contest_without_seats(pemilu: PlenoService) -> None:
    # GIVEN the Pemilu demo WHEN the seat form is asked for the presidential contest
    with pytest.raises(InputRejected) as refused:
        PrintService(pemilu).prepare(FormKind.PEROLEHAN_KURSI, "ppwp")
    # THEN it is refused with the reason
    assert "hanya untuk pemilihan legislatif" in str(refused.value.problems[0])


def test_seat_form_is_not_offered_to_a_pilkada(tmp_path: Path) -> None:
    service = PlenoService(open_engine(str(tmp_path / "pilkada.sqlite")))
    load_demo(service)
    # GIVEN a Pilkada meeting THEN the seat form is not among its forms
    assert FormKind.PEROLEHAN_KURSI not in PrintService(service).kinds()
    assert all(k is not FormKind.PEROLEHAN_KURSI for k, _ in PrintService(service).document_set())


def test_cli_report_perolehan_kursi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # GIVEN the Pemilu demo in a file
    db = str(tmp_path / "pemilu.sqlite")
    assert main(["demo", "--pemilu", "--db", db]) == 0
    capsys.readouterr()
    out = tmp_path / "kursi.pdf"
    # WHEN the seat form is reported
    code = main(["report", "perolehan-kursi", "--db", db, "--out", str(out)])
    stdout = capsys.readouterr().out
    # THEN it is written, versioned and carries its sidik data
    assert code == 0
    assert "Penetapan perolehan kursi dan calon terpilih (dprd_kabko): versi 1" in stdout
    fingerprint = stdout.split("sidik data ")[1].split(" ")[0]
    assert fingerprint in flat(page_texts(out.read_bytes())[0])
