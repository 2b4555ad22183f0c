"""Forms name themselves, their region and their rule as the law does (issue: forms a KPU
secretariat can sign): MODEL D.HASIL KABKO-KWK, a Provinsi line, plain titles for the meeting's own
papers, PENGUMUMAN KPU KOTA …, V.C in words, the penetapan's day and the right citations."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.domain import clock
from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.text.numbers import format_date
from tests.documents.pdf_check import flat, page_texts
from tests.penetapan import determine_meeting


def _demo(tmp_path: Path, kind: DemoKind = DemoKind.PILKADA) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / f"{kind.value}.sqlite")))
    load_demo(service, kind)
    return service


def _text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def test_every_form_has_a_provinsi_line_and_no_invented_codes(tmp_path: Path) -> None:
    # GIVEN the demo, whose setup names the provinsi
    service = _demo(tmp_path)
    printing = PrintService(service)
    for kind, contest in printing.document_set():
        # WHEN each form is printed
        _r, pdf = printing.print_form(kind, contest, Paper.F4)
        first = flat(page_texts(pdf)[0])
        # THEN its header names the provinsi above the kab/kota
        assert "PROVINSI : KALIMANTAN TIMUR KABUPATEN/KOTA : KOTA SAMARINDA" in first, kind
    # AND the meeting's own papers carry plain titles, not form codes
    for kind, title in (
        (FormKind.BERITA_ACARA, "BERITA ACARA RAPAT PLENO TERBUKA"),
        (FormKind.DAFTAR_HADIR, "DAFTAR HADIR RAPAT PLENO TERBUKA"),
        (FormKind.SKORS, "CATATAN SEMENTARA SAAT SKORS RAPAT PLENO"),
    ):
        text = _text(printing.print_form(kind, None, Paper.F4)[1])
        assert title in text and "KABUPATEN/KOTA-KWK" not in text, kind


def test_d_hasil_is_named_kabko_kwk_with_vc_in_words(tmp_path: Path) -> None:
    service = _demo(tmp_path)
    _r, pdf = PrintService(service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    text = _text(pdf)
    assert "MODEL D.HASIL KABKO-KWK" in text
    assert "KABUPATEN/KOTA-KWK" not in text
    # V.C = 353.655 + 7.624 in figures and in words
    assert "C JUMLAH SUARA SAH DAN SUARA TIDAK SAH 361.279" in text
    assert "TIGA RATUS ENAM PULUH SATU RIBU DUA RATUS TUJUH PULUH SEMBILAN" in text


def test_pengumuman_names_the_kpu_once_and_cites_the_pilkada_rule(tmp_path: Path) -> None:
    service = _demo(tmp_path)
    _r, pdf = PrintService(service).print_form(FormKind.PENGUMUMAN, None, Paper.F4)
    text = _text(pdf)
    assert "PENGUMUMAN KPU KOTA SAMARINDA" in text
    assert "KABUPATEN/KOTA KOTA" not in text
    assert "PKPU 18/2024 Pasal 37" in text


def test_pemilu_pengumuman_cites_pkpu_5_2024_and_dprd_seats_ayat_3(tmp_path: Path) -> None:
    service = _demo(tmp_path, DemoKind.PEMILU)
    printing = PrintService(service)
    announcement = _text(printing.print_form(FormKind.PENGUMUMAN, None, Paper.F4)[1])
    assert "PKPU 5/2024" in announcement
    assert "PKPU 18/2024" not in announcement
    seats = _text(printing.print_form(FormKind.PEROLEHAN_KURSI, "dprd_kabko", Paper.F4)[1])
    assert "UU 7/2017 Pasal 415 ayat (3) dan PKPU 6/2024" in seats
    assert "Pasal 415 ayat (2)" not in seats


def test_the_nomor_typed_is_printed_outside_the_sidik_data(tmp_path: Path) -> None:
    service = _demo(tmp_path)
    printing = PrintService(service)
    for kind in (FormKind.BERITA_ACARA, FormKind.PENGUMUMAN):
        blank, _ = printing.print_form(kind, None, Paper.F4)
        numbered, pdf = printing.print_form(kind, None, Paper.F4, " 12/PL.02.6-BA/6472/2024 ")
        assert "Nomor: 12/PL.02.6-BA/6472/2024" in _text(pdf)
        assert numbered.stored.fingerprint == blank.stored.fingerprint


def test_determined_forms_are_dated_from_the_penetapan_not_the_setup(tmp_path: Path) -> None:
    # GIVEN a draft: no day is claimed yet
    service = _demo(tmp_path)
    printing = meeting_print_service(service)
    draft = _text(printing.print_form(FormKind.D_HASIL, "walikota", Paper.F4)[1])
    assert "pada hari ...................." in draft
    # WHEN the meeting determines its result
    procedure = determine_meeting(service)
    at = next(m.at for m in procedure.moments() if m.state.determined)
    # THEN the D.Hasil and the pengumuman say the day and time of that penetapan
    when = f"pada hari {format_date(at)}, pukul {clock.aware(at):%H.%M}"
    for kind, contest in ((FormKind.D_HASIL, "walikota"), (FormKind.PENGUMUMAN, None)):
        text = _text(meeting_print_service(service).print_form(kind, contest, Paper.F4)[1])
        assert when in text, kind


def test_the_skors_print_states_the_time_and_reason_of_the_skors(tmp_path: Path) -> None:
    # GIVEN the demo, never suspended: the form says so in its header
    service = _demo(tmp_path)
    before = _text(meeting_print_service(service).print_form(FormKind.SKORS, None, Paper.F4)[1])
    assert "SKORS : tidak ada skors yang tercatat" in before
    # WHEN the meeting is suspended for ishoma and the catatan skors printed
    procedure = ProcedureService(service)
    procedure.pause("ishoma")
    started = clock.aware(procedure.moments()[-1].at)
    text = _text(meeting_print_service(service).print_form(FormKind.SKORS, None, Paper.F4)[1])
    # THEN its header gives the time and the reason of the skors
    assert f"SKORS : Rapat diskors sejak pukul {started:%H.%M}" in text
    assert ": ishoma" in text
