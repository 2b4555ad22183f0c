"""Calon tunggal on paper: the kolom kosong has no ballot number and no saksi; a pemantau is
printed as a pemantau."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts
from tests.fixtures import SETUP, write_tallies

PEMANTAU = {"nama": "Citra Pemantau", "lembaga": "JPPR Kota Uji", "kontestasi": "walikota"}


@pytest.fixture
def printing(tmp_path: Path) -> PrintService:
    setup = tmp_path / "pleno.json"
    setup.write_text(
        json.dumps(
            {
                **SETUP,
                "saksi": [{"nama": "Saksi Dua", "kontestasi": "walikota", "nomor_urut": 2}],
                "pemantau": [PEMANTAU],
            }
        ),
        encoding="utf-8",
    )
    service = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(tmp_path))
    return meeting_print_service(service)


def _text(printing: PrintService, kind: FormKind, contest: str | None = None) -> str:
    pdf = printing.preview(kind, contest, Paper.F4).pdf
    return flat(" ".join(page_texts(pdf)))


@pytest.mark.parametrize(
    ("kind", "contest", "shown"),
    [
        (FormKind.D_HASIL, "walikota", "IV Kolom Kosong 100 300 400"),
        (FormKind.D_HASIL, "walikota", "– Kolom Kosong 400 EMPAT RATUS"),
        (FormKind.BERITA_ACARA, None, "Kolom Kosong 400"),
        (FormKind.PENGUMUMAN, None, "– Kolom Kosong 400"),
        (FormKind.SKORS, None, "NO WILAYAH Kolom Kosong 2. CALON A - WAKIL A"),
    ],
)
def test_the_kolom_kosong_is_printed_by_name_never_with_a_ballot_number(
    printing: PrintService, kind: FormKind, contest: str | None, shown: str
) -> None:
    # GIVEN a calon tunggal meeting whose kolom kosong is nomor urut 1 in the data
    # WHEN the form is printed
    text = _text(printing, kind, contest)
    # THEN the kolom kosong is "Kolom Kosong", never a numbered choice
    assert shown in text
    for numbered in ("Nomor urut 1: KOLOM KOSONG", "1. KOLOM KOSONG", "1 KOLOM KOSONG"):
        assert numbered not in text
    # AND the pair keeps its ballot number
    assert "CALON A - WAKIL A" in text


def test_the_kolom_kosong_has_no_saksi_line_and_the_pemantau_is_printed_as_pemantau(
    printing: PrintService,
) -> None:
    # GIVEN a meeting with a saksi for the pair and a pemantau of the Wali Kota contest
    # WHEN the D.Hasil and the daftar hadir are printed
    d_hasil = _text(printing, FormKind.D_HASIL, "walikota")
    attendance = _text(printing, FormKind.DAFTAR_HADIR)
    # THEN no signature or attendance line stands for the kolom kosong
    signatures = d_hasil.split("SAKSI PASANGAN CALON YANG HADIR", 1)[1]
    assert "Kolom Kosong" not in signatures and "KOLOM KOSONG" not in signatures
    assert "Kolom Kosong" not in attendance and "KOLOM KOSONG" not in attendance
    # AND the pemantau is listed among the pemantau with the lembaga, and never as a saksi
    assert "PEMANTAU DAN UNDANGAN LAIN NO NAMA" in attendance
    assert "Citra Pemantau Pemantau, JPPR Kota Uji" in attendance
    saksi_part = attendance.split("SAKSI", 1)[1].split("PEMANTAU DAN UNDANGAN LAIN")[0]
    assert "Citra Pemantau" not in saksi_part
    assert "Citra Pemantau" not in d_hasil
