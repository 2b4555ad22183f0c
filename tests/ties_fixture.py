"""A meeting of our own with an equal first place (Wali Kota) and a Gubernur that a kab/kota meeting
only sends up: three kecamatan, numbers chosen so that the law's spread rule decides."""

from __future__ import annotations

import json
from pathlib import Path

from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine

SETUP = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Uji 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {"kode": "9901", "nama": "KOTA UJI"},
    "tempat": "Aula Uji",
    "tanggal": "2024-12-05",
    "unit": [
        {"kode": "990101", "nama": "UTARA"},
        {"kode": "990102", "nama": "SELATAN"},
        {"kode": "990103", "nama": "TIMUR"},
    ],
    "kontestasi": [
        {
            "kode": "gubernur",
            "judul": "Pemilihan Gubernur Uji",
            "pilihan": [{"nomor_urut": 1, "nama": "GUB A"}, {"nomor_urut": 2, "nama": "GUB B"}],
        },
        {
            "kode": "walikota",
            "judul": "Pemilihan Wali Kota Uji",
            "pilihan": [{"nomor_urut": 1, "nama": "WALI A"}, {"nomor_urut": 2, "nama": "WALI B"}],
        },
    ],
    "anggota": [{"nama": "Ketua Uji", "jabatan": "Ketua"}],
}
UNIT_CODES = frozenset({"990101", "990102", "990103"})
# Wali Kota: 1 and 2 end equal (100 each); 2 got no vote in TIMUR. Gubernur: 2 leads.
TALLIES = """pemilihan,kode_wilayah,sumber,suara_01,suara_02,suara_sah
walikota,990101,ppk,50,40,90
walikota,990102,ppk,30,60,90
walikota,990103,ppk,20,0,20
gubernur,990101,ppk,10,30,40
gubernur,990102,ppk,10,30,40
gubernur,990103,ppk,5,5,10
"""


def write_files(folder: Path) -> tuple[Path, Path]:
    """The setup file and the tally file, written into ``folder``."""
    setup = folder / "seri.json"
    setup.write_text(json.dumps(SETUP), encoding="utf-8")
    tallies = folder / "seri.csv"
    tallies.write_text(TALLIES, encoding="utf-8")
    return setup, tallies


def tied_service(folder: Path) -> PlenoService:
    setup, tallies = write_files(folder)
    service = PlenoService(open_engine(str(folder / "seri.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(tallies)
    return service
