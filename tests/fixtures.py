"""Small meeting fixtures with our own numbers (real schema of formats §1–§2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rekap_desktop.services.pleno_service import PlenoService

SETUP = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Uji 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {"kode": "9901", "nama": "KOTA UJI"},
    "tempat": "Aula Uji",
    "tanggal": "2024-12-05",
    "unit": [
        {"kode": "990101", "nama": "UTARA", "jumlah_tps": 2},
        {"kode": "990102", "nama": "SELATAN", "jumlah_tps": 3},
    ],
    "kontestasi": [
        {
            "kode": "walikota",
            "judul": "Pemilihan Wali Kota Uji",
            "pilihan": [
                {"nomor_urut": 1, "nama": "KOLOM KOSONG", "kolom_kosong": True},
                {"nomor_urut": 2, "nama": "CALON A - WAKIL A"},
            ],
        }
    ],
}

HEADER = (
    "pemilihan,kode_wilayah,nama_wilayah,sumber,pengguna_total_j,suara_01,suara_02,"
    "suara_sah,suara_tidak_sah,suara_total"
)
TALLIES = (
    "\n".join(
        [
            HEADER,
            "walikota,990101,UTARA,ppk,700,100,580,680,20,700",
            "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
            "walikota,990101,UTARA,sirekap,700,100,530,630,20,650",
        ]
    )
    + "\n"
)


def write_setup(folder: Path) -> Path:
    path = folder / "pleno.json"
    path.write_text(json.dumps(SETUP), encoding="utf-8")
    return path


def write_tallies(folder: Path, text: str = TALLIES, name: str = "tally.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def rows_meeting(folder: Path, rows: str) -> Iterator[PlenoService]:
    """The meeting of SETUP with ``rows`` (rekap-csv, TPS rows as they come) imported as
    ``tps.csv``; its engine disposed at the end."""
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.storage.engine import open_engine

    pleno = PlenoService(open_engine(str(folder / "uji.sqlite")))
    pleno.create_from_setup_file(write_setup(folder))
    pleno.import_tally_file(write_tallies(folder, rows, "tps.csv"))
    try:
        yield pleno
    finally:
        pleno.engine.dispose()
