"""A kab/kota meeting of the Pemilu elects only the DPRD Kabupaten/Kota: the DPR (and the President)
are recapitulated and sent up, so no seat form, seat tab or "terpilih" is offered for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.result_json import recap_json
from rekap_desktop.services.results import recap_contests
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.storage.engine import open_engine


def party(number: int, name: str, sex: str) -> dict[str, object]:
    candidate = {"nomor_urut": 1, "nama": f"CALON {name}", "jenis_kelamin": sex}
    return {"nomor_urut": number, "nama": f"PARTAI {name}", "calon": {"1": [candidate]}}


SETUP = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Umum Uji 2024",
    "jenis": "pemilu",
    "tingkat": "kabko",
    "wilayah": {"kode": "9901", "nama": "KOTA UJI"},
    "unit": [{"kode": "990101", "nama": "UTARA"}, {"kode": "990102", "nama": "SELATAN"}],
    "kontestasi": [
        {
            "kode": "ppwp",
            "judul": "Pemilihan Presiden dan Wakil Presiden",
            "pilihan": [
                {"nomor_urut": 1, "nama": "PASLON 1"},
                {"nomor_urut": 2, "nama": "PASLON 2"},
            ],
        },
        {
            "kode": "dpr",
            "judul": "Pemilihan Umum Anggota DPR",
            "dapil": [{"kode": "1", "nama": "UJI I", "kursi": 3, "unit": ["990101", "990102"]}],
            "partai": [party(1, "A", "P"), party(2, "B", "L")],
        },
    ],
}
TALLIES = (
    "pemilihan,kode_wilayah,sumber,suara_01,suara_02,"
    "suara_partai_01,suara_caleg_01_01,suara_partai_02,suara_caleg_02_01\n"
    """ppwp,990101,ppk,40,60,,,,
ppwp,990102,ppk,45,30,,,,
dpr,990101,ppk,,,10,20,5,7
dpr,990102,ppk,,,3,4,9,9
"""
)


@pytest.fixture
def pemilu(tmp_path: Path) -> PlenoService:
    setup = tmp_path / "pemilu.json"
    setup.write_text(json.dumps(SETUP), encoding="utf-8")
    tallies = tmp_path / "pemilu.csv"
    tallies.write_text(TALLIES, encoding="utf-8")
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(tallies)
    return service


def test_no_seat_form_or_seat_contest_for_the_dpr_at_kab_kota(pemilu: PlenoService) -> None:
    printer = PrintService(pemilu)
    assert FormKind.PEROLEHAN_KURSI not in printer.kinds()
    assert all(kind is not FormKind.PEROLEHAN_KURSI for kind, _ in printer.document_set())
    assert SeatService(pemilu).legislative_contests() == ()


def test_recap_json_names_leaders_and_votes_never_the_elected(pemilu: PlenoService) -> None:
    recaps = recap_contests(pemilu)
    document = recap_json(pemilu.pleno(), recaps, SeatService(pemilu).results_for(recaps))
    ppwp, dpr = (c["hasil"] for c in document["kontestasi"])
    assert ppwp == {"nomor_urut": 2, "suara_terbanyak": True}
    assert dpr == {
        "dapil": [
            {
                "kode": "1",
                "partai": [{"nomor_urut": 1, "suara": 37}, {"nomor_urut": 2, "suara": 30}],
            }
        ]
    }
    assert "terpilih" not in json.dumps(document)
