"""Printing through the service: numbered versions, audit, final marking and sidik data look-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from tests.documents.pdf_check import flat, page_texts
from tests.fixtures import HEADER, SETUP, write_setup, write_tallies


@pytest.fixture
def demo(db_url: str) -> PlenoService:
    service = PlenoService(open_engine(db_url))
    load_demo(service)
    return service


@pytest.fixture
def meeting(tmp_path: Path) -> PlenoService:
    """Our small non-demo meeting (KOTA UJI, one contest) with PPK forms."""
    service = PlenoService(open_engine(str(tmp_path / "uji.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    service.import_tally_file(write_tallies(tmp_path))
    return service


def printed_events(service: PlenoService) -> list[dict[str, object]]:
    with Session(service.engine) as session:
        rows = session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.event == AuditEvent.FORM_PRINTED)
        )
        return [json.loads(r.payload) for r in rows]


def test_every_form_of_the_demo_prints_as_version_one_audited(demo: PlenoService) -> None:
    # GIVEN the demo meeting and a listener
    changes: list[Change] = []
    demo.bus.subscribe(changes.append)
    printer = PrintService(demo)
    # WHEN the whole document set is printed
    done = [printer.print_form(kind, contest, Paper.F4) for kind, contest in printer.document_set()]
    # THEN each is version 1, watermarked SIMULASI, stored with its PDF
    assert [(r.stored.kind, r.stored.contest, r.stored.version) for r, _ in done] == [
        ("d-hasil", "gubernur", 1),
        ("d-hasil", "walikota", 1),
        ("pengembalian", "gubernur", 1),
        ("kejadian-khusus", "", 1),
        ("daftar-hadir", "", 1),
        ("skors", "", 1),
        ("pengumuman", "", 1),
        ("berita-acara", "", 1),
        ("daftar-pembetulan", "", 1),
    ]
    marks = [r.stored.watermark for r, _ in done]
    assert marks == ["SIMULASI"] * 5 + ["SEMENTARA"] + ["SIMULASI"] * 3
    for record, pdf in done:
        assert not record.final
        assert printer.pdf(record) == pdf
        text = flat("\n".join(page_texts(pdf)))
        assert record.stored.fingerprint in text and record.stored.watermark in text
        assert len(page_texts(pdf)) == record.stored.pages
    # AND the D.Hasil Wali Kota carries the demo's names and numbers
    walikota = flat("\n".join(page_texts(done[1][1])))
    assert "PEMILIHAN WALI KOTA DAN WAKIL WALI KOTA SAMARINDA" in walikota
    assert "SAMARINDA SEBERANG" in walikota and "Kolom Kosong" in walikota
    assert "pada hari ...................." in walikota  # a draft claims no penetapan day
    # AND each print is one audit entry and one announced change; the chain holds
    events = printed_events(demo)
    assert [(e["jenis_formulir"], e["versi"], e["sidik_data"]) for e in events] == [
        (r.stored.kind, 1, r.stored.fingerprint) for r, _ in done
    ]
    assert [c.what for c in changes] == [AuditEvent.FORM_PRINTED] * 9
    assert demo.verify_audit().ok


def test_reprints_are_numbered_and_the_newest_determined_one_is_final(
    meeting: PlenoService,
) -> None:
    # GIVEN a draft print, then determination of the contest
    determined: set[str | None] = set()
    printer = PrintService(meeting, lambda contest: contest in determined)
    draft, _ = printer.print_form(FormKind.D_HASIL, None, Paper.F4)
    determined.add("walikota")
    # WHEN it is printed twice more after determination
    printer.print_form(FormKind.D_HASIL, "walikota", Paper.A4)
    printer.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    # THEN versions count up and only the newest determined one is final
    log = [(r.stored.version, r.stored.paper, r.stored.watermark, r.final) for r in printer.log()]
    assert log == [(1, "F4", "DRAF", False), (2, "A4", "", False), (3, "F4", "", True)]
    assert draft.stored.watermark == "DRAF"


def test_a_fingerprint_from_paper_is_found_and_says_when_the_data_changed(
    meeting: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a printed D.Hasil
    printer = PrintService(meeting)
    record, _ = printer.print_form(FormKind.D_HASIL, None, Paper.F4)
    code = record.stored.fingerprint
    # WHEN its sidik data is typed back in lower case with spaces
    found = printer.lookup(code.lower().replace("-", " "))
    # THEN that print is found and its data is unchanged
    assert [(m.record.stored.id, m.changed, m.current_fingerprint) for m in found] == [
        (record.stored.id, False, code)
    ]
    # WHEN a corrected PPK form is imported afterwards
    corrected = HEADER + "\nwalikota,990101,UTARA,ppk,700,101,579,680,20,700\n"
    meeting.import_tally_file(write_tallies(tmp_path, corrected, "koreksi.csv"))
    # THEN the look-up says the data changed since, with today's sidik data
    (match,) = printer.lookup(code)
    assert match.changed
    assert match.current_fingerprint == printer.prepare(FormKind.D_HASIL).fingerprint != code
    # AND an unknown code is simply not found
    assert printer.lookup("0000-0000-0000") == []


def test_refusals_name_the_problem_and_record_nothing(demo: PlenoService) -> None:
    printer = PrintService(demo)
    cases = [
        (lambda: printer.print_form(FormKind.D_HASIL, None, Paper.F4), "pilih pemilihan"),
        (lambda: printer.print_form(FormKind.D_HASIL, "dpr", Paper.F4), "'dpr' tidak ada"),
        (lambda: printer.lookup("bukan-kode"), "bukan sidik data"),
    ]
    for action, message in cases:
        # WHEN a form is asked for wrongly THEN it is refused in Indonesian
        with pytest.raises(InputRejected) as refused:
            action()
        assert message in str(refused.value.problems[0])
    # AND nothing was printed or audited
    assert printer.log() == [] and printed_events(demo) == []


def test_watermark_follows_determination_outside_the_demo(meeting: PlenoService) -> None:
    # GIVEN a real (non-demo) meeting
    # WHEN the result is not yet determined THEN forms say DRAF; once determined, nothing
    assert PrintService(meeting).prepare(FormKind.D_HASIL).watermark == "DRAF"
    assert PrintService(meeting, lambda _c: True).prepare(FormKind.D_HASIL).watermark is None


def test_skors_snapshot_lists_what_is_recorded_so_far_and_the_open_items(
    demo: PlenoService,
) -> None:
    # GIVEN the demo during a skors, the procedure telling when and why
    note = "Skors pukul 12.00 WITA untuk ishoma."
    printer = PrintService(demo, pause_note=lambda: note)
    # WHEN the catatan sementara is printed
    record, pdf = printer.print_form(FormKind.SKORS, None, Paper.F4)
    text = flat("\n".join(page_texts(pdf)))
    # THEN it is SEMENTARA, states the pause, each contest's running totals and the open objection
    assert record.stored.watermark == "SEMENTARA"
    for expected in (
        note,
        "PEMILIHAN WALI KOTA DAN WAKIL WALI KOTA SAMARINDA",
        "JUMLAH SEMENTARA 42.826 310.829 353.655 7.624",
        "D.Hasil PPK",
        "No. 3 (Keberatan saksi",
    ):
        assert expected in text


def test_daftar_hadir_has_members_saksi_with_mandate_and_blank_lines(demo: PlenoService) -> None:
    # WHEN the daftar hadir of the demo is printed
    _, pdf = PrintService(demo).print_form(FormKind.DAFTAR_HADIR, None, Paper.F4)
    text = flat("\n".join(page_texts(pdf)))
    # THEN it lists the KPU members, a PPK line per kecamatan and the saksi with a mandate column
    for expected in (
        "DAFTAR HADIR RAPAT PLENO TERBUKA",
        "Dra. Lestari Wulandari Kusuma, M.Si. Ketua",
        "PPK LOA JANAN ILIR",
        "Ridwan Syahputra Nasution Pemantau, Jaringan Pemantau Pemilu Warga Samarinda (SIMULASI)",
        "SURAT MANDAT",
        "Sesuai / Tidak sesuai",
        "Kamis, 5 Desember 2024",
    ):
        assert expected in text


def test_a_kecamatan_meeting_prints_d_hasil_kecamatan_with_desa_columns(tmp_path: Path) -> None:
    # GIVEN a kecamatan-level meeting whose units are desa/kelurahan
    setup = {
        **SETUP,
        "tingkat": "kecamatan",
        "wilayah": {"kode": "990101", "nama": "UTARA"},
        "unit": [
            {"kode": "9901012001", "nama": "DESA SATU"},
            {"kode": "9901012002", "nama": "KELURAHAN DUA"},
        ],
    }
    (tmp_path / "kec.json").write_text(json.dumps(setup), encoding="utf-8")
    service = PlenoService(open_engine(str(tmp_path / "kec.sqlite")))
    service.create_from_setup_file(tmp_path / "kec.json")
    # WHEN its D.Hasil is printed
    _, pdf = PrintService(service).print_form(FormKind.D_HASIL, None, Paper.F4)
    text = flat("\n".join(page_texts(pdf)))
    # THEN it is the Model D.Hasil Kecamatan with one column per desa; unrecorded values are dashes
    assert "MODEL D.HASIL KECAMATAN-KWK — PEMILIHAN WALI KOTA UJI" in text
    assert "URAIAN \\ DESA/KELURAHAN" in text
    assert "1. DESA SATU" in text and "2. KELURAHAN DUA" in text
    assert "KECAMATAN : UTARA" in text


def test_pengumuman_states_each_result_with_shares_and_words(demo: PlenoService) -> None:
    # WHEN the announcement of the demo result is printed
    _, pdf = PrintService(demo).print_form(FormKind.PENGUMUMAN, None, Paper.F4)
    text = flat("\n".join(page_texts(pdf)))
    # THEN each contest's votes, shares, words and outcome are stated, signed by the Ketua
    for expected in (
        "PENGUMUMAN KPU KOTA SAMARINDA",
        "– Kolom Kosong 42.826 12,11 %",
        "310.829 87,89 %",
        "TIGA RATUS SEPULUH RIBU DELAPAN RATUS DUA PULUH SEMBILAN",
        "Pasangan calon tunggal memperoleh lebih dari 50% suara sah.",
        "PKPU 18/2024 Pasal 37",
        "KETUA KPU",
        "Dra. Lestari Wulandari Kusuma, M.Si.",
    ):
        assert expected in text


def test_berita_acara_tells_the_meeting_with_its_proceedings_and_results(
    demo: PlenoService,
) -> None:
    # GIVEN the proceedings as the procedure recorded them
    proceedings = [("09.00", "Rapat dibuka oleh Ketua."), ("12.00", "Skors untuk ishoma.")]
    printer = PrintService(demo, proceedings=lambda: proceedings)
    # WHEN the berita acara is printed
    _, pdf = printer.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    text = flat("\n".join(page_texts(pdf)))
    # THEN it states when and where, how it went, the register and every result, then signatures
    for expected in (
        "BERITA ACARA RAPAT PLENO TERBUKA",
        "Pada hari Kamis, 5 Desember 2024",
        "09.00 Rapat dibuka oleh Ketua.",
        "12.00 Skors untuk ishoma.",
        "No. 3: Keberatan saksi oleh Bayu Prasetyo Wibisono",
        "Terbuka.",
        # the Gubernur is sent up to the KPU Provinsi, not elected here
        "Nomor urut 1 memperoleh suara terbanyak di tingkat ini. Hasil rekapitulasi ini "
        "disampaikan kepada KPU Provinsi, yang menetapkan hasil pemilihan.",
        "Kolom Kosong 42.826",
        "ANGGOTA KPU",
        "Ayu Lestari Manurung",
    ):
        assert expected in text
