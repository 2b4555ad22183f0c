"""A saksi's (or member's) refusal to sign at penetapan is printed beside the name, with the
reason, in the D.Hasil and the berita acara."""

from __future__ import annotations

import json
from pathlib import Path

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts
from tests.fixtures import SETUP, write_tallies
from tests.penetapan import determine_meeting

REASON = "keberatan atas selisih suara di UTARA"
SIGNED_BY = [
    Signature("Ketua Uji", "Ketua", True),
    Signature("Anggota Uji", "Anggota", True),
    Signature("Saksi Dua", "Saksi Pemilihan Wali Kota Uji nomor urut 2", False, REASON),
]


def _meeting(tmp_path: Path) -> PlenoService:
    setup = tmp_path / "pleno.json"
    setup.write_text(
        json.dumps(
            {
                **SETUP,
                "anggota": [
                    {"nama": "Ketua Uji", "jabatan": "Ketua"},
                    {"nama": "Anggota Uji", "jabatan": "Anggota"},
                ],
                "saksi": [{"nama": "Saksi Dua", "kontestasi": "walikota", "nomor_urut": 2}],
            }
        ),
        encoding="utf-8",
    )
    service = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(tmp_path))
    return service


def _text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def test_the_d_hasil_and_berita_acara_print_the_refusal_and_its_reason(tmp_path: Path) -> None:
    # GIVEN a meeting determined with the saksi of number 2 refusing to sign
    service = _meeting(tmp_path)
    determine_meeting(service, SIGNED_BY)
    printing = meeting_print_service(service)
    # WHEN the D.Hasil and the berita acara are printed
    _r, d_hasil = printing.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    _r, minutes = printing.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    # THEN each prints the refusal and its reason beside that saksi's name, and only there
    refused = f"Hadir, tidak menandatangani. Alasan: {REASON}"
    assert f"1 Saksi Dua Nomor urut 2: CALON A - WAKIL A {refused}" in _text(d_hasil)
    assert f"1 Saksi Dua Pemilihan Wali Kota Uji, nomor urut 2 {refused}" in _text(minutes)
    for pdf in (d_hasil, minutes):
        assert _text(pdf).count("Hadir, tidak menandatangani") == 1
    # AND the members who signed keep their line to sign on
    assert "2 Anggota Uji Anggota 2. ............................" in _text(minutes)


def test_before_penetapan_nothing_is_marked_refused(tmp_path: Path) -> None:
    # GIVEN a meeting determined with a refusal, then re-opened
    service = _meeting(tmp_path)
    procedure = determine_meeting(service, SIGNED_BY)
    procedure.reopen("salah ketik di SELATAN", confirmed(service, Action.REOPEN_DETERMINED))
    # WHEN the D.Hasil is printed THEN no refusal of the earlier penetapan is printed
    _r, d_hasil = meeting_print_service(service).print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    assert "Hadir, tidak menandatangani" not in _text(d_hasil)
