"""The D.Hasil of a legislative contest: a sheet per dapil, section IV per party, written totals
compared with the sum of their rows; and the Pemilu demo's DPRD Kota printed through the service."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rekap_desktop.documents.d_hasil import render_d_hasil
from rekap_desktop.documents.d_hasil_legislatif import render_legislative_d_hasil
from rekap_desktop.documents.finding_notes import HEADING, UNDECIDED, FindingNote
from rekap_desktop.documents.form_header import form_fingerprint
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.election import Choice, Contest
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey
from rekap_desktop.domain.legislative import district_results
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.recap import recapitulate
from rekap_desktop.domain.tally import Tally
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.findings import with_findings
from rekap_desktop.services.printing.legislative import legislative_d_hasil_data
from rekap_desktop.services.printing.recap_forms import d_hasil_data
from rekap_desktop.services.printing.seats import DPD_ELSEWHERE, seat_data
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.results import recap_contests
from rekap_desktop.services.seat_service import SeatResults
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.services.legislative_samples import UNITS, dprd_contest, pleno, recap, tallies


def test_snapshot_has_a_sheet_per_dapil_with_its_own_units_and_candidates() -> None:
    # GIVEN a DPRD Kota of two dapil WHEN its D.Hasil data is built
    contest = dprd_contest()
    data = legislative_d_hasil_data(pleno(contest), recap(contest), "DRAF")
    # THEN it is the DPRD Kab/Kota form, one sheet per dapil with that dapil's units
    assert data.form_name == "MODEL D.HASIL KABKO-DPRD KAB/KOTA"
    assert [(d.code, d.name, d.seats) for d in data.districts] == [
        ("1", "KOTA UJI 1", 4),
        ("2", "KOTA UJI 2", 3),
    ]
    one, two = data.districts
    assert one.columns == ("KECAMATAN UTARA", "KECAMATAN SELATAN")
    assert two.columns == ("KECAMATAN TIMUR",)
    # AND section IV per party holds the dapil's candidate list, "NO. NAMA (L/P)"
    merah = one.parties[0]
    assert [c.label for c in merah.candidates] == ["1. ANDI MERAH (L)", "2. BUNGA MERAH (P)"]
    assert [c.label for c in two.parties[0].candidates] == ["1. CITRA MERAH (P)"]
    assert merah.party_only.values == (300, 100) and merah.party_only.total == 400
    # AND the party total is the written one where recorded, else the computed sum, and says so
    hijau = one.parties[1]
    assert hijau.written == (True, False)
    assert hijau.total.values == (1000, 1500) and hijau.total.total == 2500
    assert hijau.computed == (990, 1500) and hijau.computed_total == 2490
    assert hijau.differs(0) and not hijau.differs(1) and hijau.total_differs
    assert not merah.differs(0) and not merah.total_differs
    # AND sections I–III and V are there; V sums the dapil's units only
    assert [s.title.split(".")[0] for s in one.before + one.after] == ["I", "II", "III", "V"]
    assert (one.valid, one.invalid, two.valid) == (6690, 110, 3600)
    # AND one saksi line per party, named where a saksi was mandated
    assert [(w.name, w.role) for w in data.witnesses] == [
        ("", "1. PARTAI MERAH UJI"),
        ("Saksi Hijau Uji", "2. PARTAI HIJAU UJI"),
        ("", "3. PARTAI BIRU UJI"),
    ]


def test_pdf_prints_each_dapil_from_a_new_page_with_parties_candidates_and_totals(
    tmp_path: Path,
) -> None:
    # GIVEN the D.Hasil of the two dapil WHEN it is rendered
    contest = dprd_contest()
    data = legislative_d_hasil_data(pleno(contest), recap(contest), "DRAF")
    rendered = render_legislative_d_hasil(data)
    texts = page_texts(rendered.pdf)
    pages = [flat(t) for t in texts]
    # THEN every page is numbered and carries the sidik data
    code = form_fingerprint(data)
    assert rendered.pages == len(texts) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {rendered.pages}" in page
        assert code in page and "DRAF" in page
    # AND dapil 2 starts on a page of its own, titled with the contest and the dapil
    start = next(i for i, p in enumerate(pages) if "DAERAH PEMILIHAN KOTA UJI 2" in p)
    assert start > 0
    assert "DAERAH PEMILIHAN KOTA UJI 1" in pages[0]
    assert "PEMILIHAN UMUM ANGGOTA DPRD KOTA UJI" in pages[0]
    first, second = " ".join(pages[:start]), " ".join(pages[start:])
    assert "KOTA UJI 2" not in first and "KOTA UJI 1" not in second
    # AND each sheet lists its parties, candidates and party totals (in figures and words)
    for name in ("1. PARTAI MERAH UJI", "2. PARTAI HIJAU UJI", "3. PARTAI BIRU UJI"):
        assert name in first and name in second
    for label in (
        "1. ANDI MERAH (L)",
        "2. BUNGA MERAH (P)",
        "2. EKA HIJAU (P)",
        "1. GITA BIRU (P)",
    ):
        assert label in first and label not in second
    for label in ("1. CITRA MERAH (P)", "1. FAJAR HIJAU (L)", "2. IRA BIRU (P)"):
        assert label in second and label not in first
    assert "Suara partai politik" in first and "Jumlah suara sah partai politik dan calon" in first
    for total in (3200, 1000):
        assert terbilang(total).upper() in first
    assert "KECAMATAN TIMUR" in second and "KECAMATAN UTARA" not in second
    # AND the written total that differs from its rows is marked and explained
    assert "2.500*" in first and "1.000*" in first
    assert (
        "* KECAMATAN UTARA, 2. PARTAI HIJAU UJI: tertulis 1.000, jumlah suara partai dan calon 990."
        in first
    )
    assert "*" not in second.replace("* ", "")
    # AND the saksi sign per party after each sheet
    assert first.count("SAKSI PARTAI POLITIK YANG HADIR") == 1
    assert "Saksi Hijau Uji" in first and "Saksi Hijau Uji" in second
    # AND pages have ink (first, a middle and the last page looked at with pdftoppm)
    pngs = render_pngs(rendered.pdf, tmp_path, "d_hasil_dprd")
    for png in (pngs[0], pngs[len(pngs) // 2], pngs[-1]):
        assert ink_share(png) > 0.01


def test_sidik_data_changes_with_a_candidate_vote_and_with_the_written_total() -> None:
    # GIVEN the data of the recapitulation
    contest = dprd_contest()
    meeting = pleno(contest)
    before = form_fingerprint(legislative_d_hasil_data(meeting, recap(contest), None))
    # WHEN one candidate's votes change, or only the written total
    votes = tallies()
    for key, value in (("suara_caleg_01_02", 501), ("jumlah_suara_partai_02", 990)):
        changed = dict(votes)
        unit = UNITS[0].code
        changed[unit] = votes[unit].overlay(Tally({FieldKey(key): value}))
        data = legislative_d_hasil_data(meeting, recapitulate(contest, UNITS, changed), None)
        # THEN the sidik data differs
        assert form_fingerprint(data) != before
    # AND the same data gives the same sidik data
    again = legislative_d_hasil_data(meeting, recap(contest), None)
    assert form_fingerprint(again) == before


def test_pemilu_demo_dprd_kota_d_hasil_prints_every_dapil_party_and_total(tmp_path: Path) -> None:
    # GIVEN the Pemilu demo (Kota Bengkulu-shaped, SIMULASI)
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    printer = PrintService(service)
    contest = service.pleno().contest("dprd_kabko")
    assert contest is not None
    # WHEN its DPRD Kota D.Hasil is printed
    record, pdf = printer.print_form(FormKind.D_HASIL, "dprd_kabko", Paper.F4)
    texts = [flat(t) for t in page_texts(pdf)]
    whole = " ".join(texts)
    # THEN it is recorded with its page count and every page says SIMULASI and the sidik data
    assert record.stored.pages == len(texts)
    assert all("SIMULASI" in t and record.stored.fingerprint in t for t in texts)
    # AND each dapil starts a page of its own: no other dapil's table is on its first page
    names = [d.name.upper() for d in contest.districts]
    for name in names:
        title = f"DAERAH PEMILIHAN {name}"
        assert sum(t.count(title) for t in texts) == 1
        page = next(t for t in texts if title in t)
        assert all(f"DAPIL {other} —" not in page for other in names if other != name)
    # AND every page of a sheet's table repeats its header naming the dapil
    for page in texts:
        if "Jumlah suara sah partai politik dan calon" in page:
            assert "URAIAN \\ KECAMATAN" in page and "DAPIL KOTA BENGKULU" in page
    # AND every party with its total per dapil (as the seat allocation counts it) is printed
    item = recap_contests(service, "dprd_kabko")[0]
    units = {unit.code: tally for unit, tally in item.recap.units}
    pleno_ = service.pleno()
    for result in district_results(contest, pleno_.level, pleno_.units, units, {}):
        for party in result.parties:
            assert f"{party.party.number}. {party.party.name}" in whole
            assert terbilang(party.total).upper() in whole
            for candidate, _ in party.candidates[:1]:
                assert f"{candidate.number}. {candidate.name} ({candidate.sex})" in whole
    # AND the PPWP D.Hasil of the same meeting is still the one-table form (unchanged)
    ppwp = printer.prepare(FormKind.D_HASIL, "ppwp")
    assert ppwp.render(Paper.F4).pages == 2


def test_a_dapil_without_units_in_the_meeting_is_left_out() -> None:
    # GIVEN a contest whose second dapil has no unit in this meeting
    contest = dprd_contest()
    meeting = replace(pleno(contest), units=UNITS[:2])
    votes = {u.code: t for u, t in recap(contest).units if u in UNITS[:2]}
    # WHEN the D.Hasil data is built THEN it has the first dapil only
    data = legislative_d_hasil_data(meeting, recapitulate(contest, UNITS[:2], votes), None)
    assert [d.code for d in data.districts] == ["1"]


def test_dpd_d_hasil_lists_its_candidates_like_ppwp_and_its_seats_belong_to_the_province() -> None:
    # GIVEN a DPD contest (individual candidates as pilihan) at a kab/kota meeting
    dpd = Contest(
        ContestCode("dpd"),
        "Pemilihan Umum Anggota DPD Uji",
        choices=tuple(Choice(ChoiceNo(n), f"CALON DPD {n}") for n in range(1, 6)),
    )
    meeting = replace(pleno(dprd_contest()), contests=(dpd,), witnesses=())
    votes = {
        u.code: Tally({FieldKey(f"suara_{n:02d}"): 100 * n + i for n in range(1, 6)})
        for i, u in enumerate(UNITS)
    }
    # WHEN its D.Hasil is built and rendered
    data = d_hasil_data(meeting, recapitulate(dpd, UNITS, votes), None)
    text = flat(" ".join(page_texts(render_d_hasil(data).pdf)))
    # THEN it is the one-table D.Hasil with a row and a saksi line per candidate
    assert data.form_name == "MODEL D.HASIL KABKO-DPD"
    labels = [r.label for s in data.sections for r in s.rows if s.title.startswith("IV")]
    assert labels == [f"Nomor urut {n}: CALON DPD {n}" for n in range(1, 6)]
    assert "SAKSI CALON ANGGOTA DPD YANG HADIR" in text
    assert "CALON DPD 5" in text and terbilang(1503).upper() in text
    # AND the seat form says the DPD's members are determined by the KPU Provinsi
    results = SeatResults(dpd, "ppk", (), None)
    seats = seat_data(meeting, results, [], None)
    assert [d.reason for d in seats.districts] == [DPD_ELSEWHERE]


def test_the_findings_and_decisions_print_once_on_the_last_dapil_and_change_the_sidik() -> None:
    # GIVEN the D.Hasil of the two dapil, and a decided and an undecided error of its kecamatan
    contest = dprd_contest()
    plain = legislative_d_hasil_data(pleno(contest), recap(contest), "DRAF")
    notes = (
        FindingNote("KECAMATAN UTARA", contest.title, "R13", "Partai 2 tertulis 1.000.", None),
        FindingNote(
            "KECAMATAN TIMUR", contest.title, "R03", "Suara sah tertulis 3.600.", "Tertulis", "K"
        ),
    )
    noted = with_findings(plain, notes)
    # WHEN it is rendered
    pages = [flat(t) for t in page_texts(render_legislative_d_hasil(noted).pdf)]
    # THEN the notes stand once, after the last dapil's votes in words, before its place and date
    assert sum(HEADING in page for page in pages) == 1
    last = next(page for page in pages if HEADING in page)
    assert "DAPIL KOTA UJI 2" in last
    assert f"R13: Partai 2 tertulis 1.000. {UNDECIDED}" in last
    assert "R03: Suara sah tertulis 3.600. Diputuskan rapat: Tertulis (dikonfirmasi" in last
    assert last.index(HEADING) < last.index("Ditetapkan di")
    # AND the sidik data covers them; a form without notes keeps the content it had
    assert form_fingerprint(noted) != form_fingerprint(plain)
    assert with_findings(plain, ()) is plain
