"""Small Sirekap-shaped files and meetings of our own (real schema, our own numbers)."""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any

from rekap_desktop.domain.election import Pleno
from rekap_desktop.interchange.setup import parse_setup

CONTEST = {
    "kode": "walikota",
    "judul": "Pemilihan Wali Kota Uji",
    "pilihan": [
        {"nomor_urut": 1, "nama": "KOLOM KOSONG", "kolom_kosong": True},
        {"nomor_urut": 2, "nama": "CALON A - WAKIL A"},
    ],
}
KABKO: dict[str, Any] = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Uji 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {"kode": "9901", "nama": "KOTA UJI"},
    "unit": [
        {"kode": "990101", "nama": "UTARA", "jumlah_tps": 4},
        {"kode": "990102", "nama": "SELATAN", "jumlah_tps": 3},
    ],
    "kontestasi": [CONTEST],
}
KECAMATAN: dict[str, Any] = {
    **KABKO,
    "tingkat": "kecamatan",
    "wilayah": {"kode": "990101", "nama": "UTARA"},
    "unit": [
        {"kode": "9901011001", "nama": "DESA SATU", "jumlah_tps": 2},
        {"kode": "9901011002", "nama": "DESA DUA", "jumlah_tps": 2},
    ],
}
PASLON = {
    "9901": {
        "7000002": {"ts": "2024-11-21 21:55:15", "nama": "CALON A - WAKIL A", "nomor_urut": 2},
        "7000001": {"ts": "2024-11-21 21:55:15", "nama": "KOLOM KOSONG - ", "nomor_urut": 1},
    },
    "9902": {"7000009": {"ts": "2024-11-21 21:55:15", "nama": "LAIN", "nomor_urut": 1}},
    "99": {"7000100": {"ts": "2024-11-21 21:55:15", "nama": "GUB A", "nomor_urut": 1}},
}
REGION_FILE: dict[str, Any] = {
    "mode": "hhcw",
    "tungsura": {
        "chart": {
            "7000002": 1500,
            "7000001": 300,
            "progres": {"total": 7, "persen": 85.71, "progres": 6},
        },
        "table": {
            "990101": {
                "psu": "Reguler",
                "7000002": 1000,
                "7000001": 200,
                "progres": {"total": 4, "persen": 75.0, "progres": 3},
                "status_progress": True,
            },
            "990102": {
                "psu": "Reguler",
                "7000002": 500,
                "7000001": 100,
                "progres": {"total": 3, "persen": 100.0, "progres": 3},
                "status_progress": True,
            },
        },
    },
    "psu": "Reguler",
    "progres": {"total": 7, "progres": 6},
    "ts": "2024-11-28 00:45:00",
}
PPWP_SETUP: dict[str, Any] = {
    **KABKO,
    "jenis": "pemilu",
    "unit": [{"kode": "990101", "nama": "UTARA"}, {"kode": "990102", "nama": "SELATAN"}],
    "kontestasi": [
        {
            "kode": "ppwp",
            "judul": "Pemilihan Presiden Uji",
            "pilihan": [
                {"nomor_urut": 1, "nama": "PASANGAN SATU", "sirekap_id": "100025"},
                {"nomor_urut": 2, "nama": "PASANGAN DUA", "sirekap_id": "100026"},
            ],
        }
    ],
}


def pleno(setup: dict[str, Any] = KABKO) -> Pleno:
    return parse_setup(json.dumps(setup).encode(), "pleno.json")


def region_file(**changes: Any) -> dict[str, Any]:
    document = deepcopy(REGION_FILE)
    document.update(changes)
    return document


def tps_file(votes: tuple[int, int] | None, admin: bool = True) -> dict[str, Any]:
    """A Pemilu TPS file as Sirekap served it (``"null": null`` in the chart included)."""
    document: dict[str, Any] = {
        "chart": None if votes is None else {"null": None, "100025": votes[0], "100026": votes[1]},
        "images": [],
        "psu": None,
        "ts": "2024-02-16 16:25:10",
        "status_suara": votes is not None,
        "status_adm": admin,
    }
    if admin and votes is not None:
        total = sum(votes)
        document["administrasi"] = {
            "suara_sah": total,
            "suara_total": total + 1,
            "suara_tidak_sah": 1,
            "pemilih_dpt_j": 200,
            "pengguna_dpt_j": total - 1,
            "pengguna_dptb_j": 1,
            "pengguna_non_dpt_j": 1,
            "pengguna_total_j": total + 1,
        }
    return document


def dump(document: object) -> bytes:
    return json.dumps(document, indent=4).encode("utf-8")


def write_json(folder: Path, name: str, document: object) -> Path:
    path = folder / name
    path.write_bytes(dump(document))
    return path
