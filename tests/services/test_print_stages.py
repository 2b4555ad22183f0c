"""The Pilkada stages after the recapitulation (PKPU 18/2024): the Keputusan KPU on the result of
the contest this level decides (with its Lampiran), the berita acara of penetapan pasangan calon
terpilih, and the surat pengantar sending the Gubernur's result to the KPU Provinsi — offered and
printed only once the result is determined, and only for the contests they belong to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.fixtures import HEADER, SETUP
from tests.penetapan import determine_meeting

STAGES = (FormKind.KEPUTUSAN_HASIL, FormKind.PENETAPAN_TERPILIH, FormKind.SURAT_PENGANTAR)


@pytest.fixture(scope="module")
def determined(tmp_path_factory: pytest.TempPathFactory) -> PlenoService:
    """The Pilkada demo (Gubernur goes up; Wali Kota calon tunggal decided here), determined."""
    path = tmp_path_factory.mktemp("stages") / "demo.sqlite"
    service = PlenoService(open_engine(str(path)))
    load_demo(service)
    determine_meeting(service)
    return service


def _text(service: PlenoService, kind: FormKind, contest: str) -> str:
    rendered = meeting_print_service(service).preview(kind, contest, Paper.F4)
    return flat(" ".join(page_texts(rendered.pdf)))


def test_keputusan_on_the_wali_kota_result_carries_its_lampiran_and_the_d_hasil_it_rests_on(
    determined: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the determined Pilkada demo
    printer = meeting_print_service(determined)
    d_hasil = printer.prepare(FormKind.D_HASIL, "walikota").fingerprint
    # WHEN the Keputusan on the Wali Kota result is printed
    rendered = printer.preview(FormKind.KEPUTUSAN_HASIL, "walikota", Paper.F4)
    text = flat(" ".join(page_texts(rendered.pdf)))
    # THEN it is the numbered decree of the KPU Kota, with its considerations, legal basis and
    # diktum, naming the determined D.Hasil by its sidik data
    for expected in (
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA SAMARINDA",
        "NOMOR ....",
        "TENTANG PENETAPAN HASIL PEMILIHAN WALI KOTA DAN WAKIL WALI KOTA SAMARINDA TAHUN 2024",
        "Menimbang",
        "Mengingat",
        "Peraturan Komisi Pemilihan Umum Nomor 18 Tahun 2024",
        "MEMUTUSKAN",
        "KESATU",
        f"sidik data {d_hasil}",
        "Pasal 54D ayat (1)",
        "Ditetapkan di Samarinda",
        "KETUA KOMISI PEMILIHAN UMUM KOTA SAMARINDA",
        "Dra. Lestari Wulandari Kusuma, M.Si.",
    ):
        assert expected in text, expected
    # AND a Lampiran with the votes per pair and per kecamatan; the kolom kosong without a number
    assert "LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA SAMARINDA" in text
    assert "PEROLEHAN SUARA PER KECAMATAN" in text and "PALARAN" in text
    assert "Kolom Kosong 42.826" in text and "310.829" in text
    assert "Nomor urut 1" not in text
    assert rendered.pages == 2
    pages = render_pngs(rendered.pdf, tmp_path, "keputusan")
    assert len(pages) == 2 and all(ink_share(p) > 0.01 for p in pages)


def test_berita_acara_of_the_pair_elected_names_the_pair_the_rule_and_its_decree(
    determined: PlenoService,
) -> None:
    # GIVEN the determined demo, whose calon tunggal passed 50 % of suara sah
    printer = meeting_print_service(determined)
    decree = printer.prepare(FormKind.KEPUTUSAN_HASIL, "walikota").fingerprint
    # WHEN the berita acara penetapan pasangan calon terpilih is printed
    text = _text(determined, FormKind.PENETAPAN_TERPILIH, "walikota")
    # THEN it names the pair elected with its votes and share, the rule and the decree on the
    # result (by its sidik data), and leaves the later meeting's day and the MK notice to write
    assert "BERITA ACARA PENETAPAN PASANGAN CALON TERPILIH" in text
    assert "Rapat menetapkan pasangan calon Nomor urut 2: H. Fajar Mahendra Siregar" in text
    assert "310.829" in text and "87,89 %" in text
    assert "TIGA RATUS SEPULUH RIBU DELAPAN RATUS DUA PULUH SEMBILAN" in text
    assert "Pasal 54D ayat (1)" in text and f"sidik data {decree}" in text
    assert "Pemberitahuan Mahkamah Konstitusi" in text and "Pada hari ini ....." in text
    # AND the saksi of the pair sign; the kolom kosong has no saksi
    assert "Ayu Lestari Manurung" in text and "Ridwan Syahputra Nasution" not in text


def test_surat_pengantar_sends_the_gubernur_result_to_the_kpu_provinsi(
    determined: PlenoService,
) -> None:
    # GIVEN the determined demo, whose Gubernur result the KPU Provinsi determines
    printer = meeting_print_service(determined)
    d_hasil = printer.prepare(FormKind.D_HASIL, "gubernur").fingerprint
    register = printer.prepare(FormKind.KEJADIAN_KHUSUS).fingerprint
    # WHEN the cover letter is printed
    text = _text(determined, FormKind.SURAT_PENGANTAR, "gubernur")
    # THEN it is addressed to the KPU Provinsi and lists the enclosed forms by their sidik data
    assert "Yth. Ketua KPU Provinsi Kalimantan Timur" in text
    assert "Hal : Penyampaian Hasil Rekapitulasi Penghitungan Perolehan Suara Pemilihan " in text
    assert "Gubernur dan Wakil Gubernur Kalimantan Timur Tahun 2024 Tingkat Kota Samarinda" in text
    assert f"Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur {d_hasil}" in text
    assert f"SAKSI-KWK {register}" in text
    assert "Samarinda, 5 Desember 2024" in text and "Lampiran : 2 berkas" in text


@pytest.mark.parametrize(
    ("kind", "contest", "why"),
    [
        (FormKind.KEPUTUSAN_HASIL, "gubernur", "hasilnya ditetapkan di tingkat ini"),
        (FormKind.PENETAPAN_TERPILIH, "gubernur", "hasilnya ditetapkan di tingkat ini"),
        (FormKind.SURAT_PENGANTAR, "walikota", "diteruskan ke tingkat berikutnya"),
    ],
)
def test_a_stage_form_is_refused_for_a_contest_it_does_not_belong_to(
    determined: PlenoService, kind: FormKind, contest: str, why: str
) -> None:
    # WHEN a stage form is asked for the wrong contest THEN it is refused saying for which
    with pytest.raises(InputRejected) as refused:
        meeting_print_service(determined).prepare(kind, contest)
    assert why in str(refused.value.problems[0])


def test_stage_forms_wait_for_the_penetapan(tmp_path: Path) -> None:
    # GIVEN the Pilkada demo read but not determined
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    printer = meeting_print_service(service)
    # THEN the print centre does not offer the stage forms, and asking for one is refused
    assert not set(STAGES) & set(printer.kinds())
    for kind, contest in zip(STAGES, ("walikota", "walikota", "gubernur"), strict=True):
        with pytest.raises(InputRejected, match="setelah hasil rekapitulasi ditetapkan"):
            printer.prepare(kind, contest)


def test_the_print_centre_offers_them_once_determined(determined: PlenoService) -> None:
    printer = meeting_print_service(determined)
    assert set(STAGES) <= set(printer.kinds())
    assert [c.code for c in printer.contests(FormKind.KEPUTUSAN_HASIL)] == ["walikota"]
    assert [c.code for c in printer.contests(FormKind.SURAT_PENGANTAR)] == ["gubernur"]


def test_no_pair_elected_when_the_kolom_kosong_wins(tmp_path: Path) -> None:
    # GIVEN a calon tunggal meeting in which the kolom kosong has most votes, determined
    rows = [
        HEADER,
        "walikota,990101,UTARA,ppk,700,400,280,680,20,700",
        "walikota,990102,SELATAN,ppk,1000,600,390,990,10,1000",
    ]
    setup = SETUP | {"anggota": [{"nama": "Ketua Uji", "jabatan": "Ketua"}]}
    service = PlenoService(open_engine(str(tmp_path / "kosong.sqlite")))
    service.create(
        parse_setup(json.dumps(setup).encode(), "pleno.json"),
        tally_files=(("tally.csv", ("\n".join(rows) + "\n").encode()),),
    )
    determine_meeting(service)
    printer = meeting_print_service(service)
    # WHEN the berita acara of the pair elected is asked for THEN it is refused: nobody is elected
    with pytest.raises(InputRejected) as refused:
        printer.prepare(FormKind.PENETAPAN_TERPILIH, "walikota")
    assert "tidak ada pasangan calon terpilih" in str(refused.value.problems[0])
    # AND the Keputusan on the result says so instead of naming a pair
    text = _text(service, FormKind.KEPUTUSAN_HASIL, "walikota")
    assert "kolom kosong unggul" in text
    assert "Tidak ada pasangan calon yang memenuhi syarat sebagai terpilih" in text


def test_cli_report_prints_a_stage_form_only_after_penetapan(
    determined: PlenoService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a demo not determined, and the determined one
    fresh = str(tmp_path / "fresh.sqlite")
    assert main(["demo", "--db", fresh]) == 0
    capsys.readouterr()
    out = tmp_path / "keputusan.pdf"
    # WHEN the decree is reported from each
    refused = main(["report", "keputusan-hasil", "--db", fresh, "--out", str(out)])
    err = capsys.readouterr().err
    url = determined.engine.url.render_as_string(hide_password=False)
    done = main(["report", "keputusan-hasil", "--db", url, "--out", str(out)])
    stdout = capsys.readouterr().out
    # THEN the undetermined one is refused with exit 2, the determined one is written (the only
    # contest decided here is chosen by itself)
    assert refused == 2 and "setelah hasil rekapitulasi ditetapkan" in err
    assert done == 0 and "(walikota): versi 1" in stdout
    assert "PENETAPAN HASIL PEMILIHAN WALI KOTA" in flat(page_texts(out.read_bytes())[0])


def test_stage_forms_keep_the_print_service_contract(determined: PlenoService) -> None:
    # GIVEN the determined demo WHEN every stage form is printed THEN each is a numbered version
    printer: PrintService = meeting_print_service(determined)
    for kind, contest in zip(STAGES, ("walikota", "walikota", "gubernur"), strict=True):
        record, pdf = printer.print_form(kind, contest, Paper.A4)
        assert record.final and record.stored.fingerprint in flat(page_texts(pdf)[0])
