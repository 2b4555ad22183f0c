"""Small meeting fixtures with our own numbers (real schema of formats §1–§2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.resources import resource

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


MEMBERS = (
    {"nama": "Ketua Uji", "jabatan": "Ketua"},
    {"nama": "Anggota Uji", "jabatan": "Anggota"},
)
WITNESS = {"nama": "Saksi Uji Dua", "kontestasi": "walikota", "nomor_urut": 2}

# UTARA per TPS from the PPK and Sirekap (Sirekap read TPS 002's 330 as 880); SELATAN as one row.
TPS_ROWS = "\n".join(
    [
        HEADER,
        "walikota,9901011001001,TPS 001,ppk,300,40,250,290,10,300",
        "walikota,9901011001002,TPS 002,ppk,400,60,330,390,10,400",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300",
        "walikota,9901011001002,,sirekap,400,60,880,940,10,950",
        "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000",
    ]
)


def write_setup(folder: Path, *, with_members: bool = False) -> Path:
    """SETUP as pleno.json; ``with_members``: with two KPU members (who may approve a
    correction) and a saksi."""
    path = folder / "pleno.json"
    setup = {**SETUP, "anggota": list(MEMBERS), "saksi": [WITNESS]} if with_members else SETUP
    path.write_text(json.dumps(setup), encoding="utf-8")
    return path


def write_tallies(folder: Path, text: str = TALLIES, name: str = "tally.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def rows_meeting(folder: Path, rows: str, *, with_members: bool = False) -> Iterator[PlenoService]:
    """The meeting of SETUP with ``rows`` (rekap-csv, TPS rows as they come) imported as
    ``tps.csv``; its engine disposed at the end."""
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.storage.engine import open_engine

    pleno = PlenoService(open_engine(str(folder / "uji.sqlite")))
    pleno.create_from_setup_file(write_setup(folder, with_members=with_members))
    pleno.import_tally_file(write_tallies(folder, rows, "tps.csv"))
    try:
        yield pleno
    finally:
        pleno.engine.dispose()


def write_provinsi_setup(folder: Path) -> Path:
    """Kalimantan Timur with the demo kota and one other kota as provinsi.json: the gubernur
    contest only (the wali kota is final at the kota)."""
    demo = json.loads(resource("sample_data", "pleno.json").read_text(encoding="utf-8"))
    gubernur = next(c for c in demo["kontestasi"] if c["kode"] == "gubernur")
    setup = {
        "format": "rekap-pleno/1",
        "pemilihan": demo["pemilihan"],
        "jenis": "pilkada",
        "tingkat": "provinsi",
        "wilayah": {"kode": "64", "nama": "KALIMANTAN TIMUR"},
        "unit": [
            {"kode": "6471", "nama": "KOTA BALIKPAPAN"},
            {"kode": "6472", "nama": "KOTA SAMARINDA"},
        ],
        "kontestasi": [gubernur],
        "anggota": [{"nama": "Ketua Provinsi Uji", "jabatan": "Ketua"}],
    }
    path = folder / "provinsi.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    return path
