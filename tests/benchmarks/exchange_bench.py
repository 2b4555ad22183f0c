"""Data exchange timings: a folder of 8,417 synthetic Pemilu TPS files (real Sirekap schema)
imported as one all-or-nothing import; a 40-kecamatan kabupaten's signed package verified and
imported at the provinsi. Baselines, same run: ``json.load`` of the same files; ``zipfile`` read
and SHA-256 of every member of the same package.

Used by ``run.py`` (``bench_exchange``); returns plain timings in seconds.
"""

from __future__ import annotations

import hashlib
import json
import random
import tempfile
import time
import zipfile
from pathlib import Path

from rekap_desktop.interchange.setup import parse_setup
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.package_import import PackageImportService
from rekap_desktop.services.packages import PackageService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage.engine import open_engine

BEKASI_TPS = 8_417
KECAMATAN = 23


def _pemilu_setup() -> dict[str, object]:
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilu Uji 2024 (uji kinerja)",
        "jenis": "pemilu",
        "tingkat": "kabko",
        "wilayah": {"kode": "9901", "nama": "KAB UJI"},
        "unit": [{"kode": f"9901{k:02d}", "nama": f"KEC {k}"} for k in range(1, KECAMATAN + 1)],
        "kontestasi": [
            {
                "kode": "ppwp",
                "judul": "Pemilihan Presiden Uji",
                "pilihan": [
                    {"nomor_urut": n, "nama": f"PASANGAN {n}", "sirekap_id": str(100024 + n)}
                    for n in (1, 2, 3)
                ],
            }
        ],
    }


def _tps_document(rng: random.Random, code: str) -> dict[str, object]:
    votes = [rng.randint(0, 120) for _ in range(3)]
    sah, bad = sum(votes), rng.randint(0, 5)
    admin = {"suara_sah": sah, "suara_total": sah + bad, "suara_tidak_sah": bad}
    for group in ("pemilih_dpt", "pengguna_dpt", "pengguna_dptb", "pengguna_non_dpt"):
        male = rng.randint(0, 150)
        admin |= {f"{group}_l": male, f"{group}_p": male + 1, f"{group}_j": 2 * male + 1}
    admin |= {"pengguna_total_l": 0, "pengguna_total_p": 0, "pengguna_total_j": sah + bad}
    photo = (
        f"https://sirekap-obj-formc.kpu.go.id/2851/pemilu/ppwp/99/01/{code}-20240214-205639--x.jpg"
    )
    return {
        "mode": "hhcw",
        "chart": {"null": None, **{str(100025 + i): v for i, v in enumerate(votes)}},
        "images": [photo, photo, photo],
        "administrasi": admin,
        "psu": None,
        "ts": "2024-02-16 23:00:00",
        "status_suara": True,
        "status_adm": True,
    }


def sirekap_folder_timings() -> tuple[float, float]:
    """(our import of 8,417 TPS files, json.load of the same files)."""
    rng = random.Random(8)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "tps"
        folder.mkdir()
        paths = []
        for i in range(BEKASI_TPS):
            code = f"9901{i % KECAMATAN + 1:02d}{2001 + i // 300:04d}{i % 300 + 1:03d}"
            path = folder / f"{code}.json"
            path.write_text(json.dumps(_tps_document(rng, code), indent=4), encoding="utf-8")
            paths.append(path)
        start = time.perf_counter()
        for path in paths:
            with path.open("rb") as handle:
                json.load(handle)
        baseline = time.perf_counter() - start
        pleno = PlenoService(open_engine(str(Path(tmp) / "pemilu.sqlite")))
        pleno.create(parse_setup(json.dumps(_pemilu_setup()).encode()))
        start = time.perf_counter()
        SirekapImportService(pleno).import_paths([folder])
        ours = time.perf_counter() - start
        pleno.engine.dispose()
    return ours, baseline


def _kabko_setup(units: list[str]) -> dict[str, object]:
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilihan Uji 2024 (uji kinerja)",
        "jenis": "pilkada",
        "tingkat": "kabko",
        "wilayah": {"kode": "9901", "nama": "KAB UJI"},
        "unit": [{"kode": u, "nama": f"KECAMATAN {u}", "jumlah_tps": 100} for u in units],
        "kontestasi": [
            {
                "kode": "gubernur",
                "judul": "Pemilihan Gubernur Uji",
                "pilihan": [{"nomor_urut": n, "nama": f"PASANGAN {n}"} for n in (1, 2, 3)],
            }
        ],
    }


def package_timings(data_keys: list[str]) -> tuple[float, float]:
    """(verify + import of a 40-kecamatan kabupaten package at the provinsi, zipfile + SHA-256)."""
    rng = random.Random(9)
    units = [f"9901{i:02d}" for i in range(1, 41)]
    keys = [k for k in data_keys if not k.startswith("suara_0") or k <= "suara_03"]
    lines = [",".join(["pemilihan", "kode_wilayah", "sumber", *keys])]
    lines += [
        ",".join(["gubernur", u, "ppk", *(str(rng.randint(0, 9000)) for _ in keys)]) for u in units
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kab = PlenoService(open_engine(str(folder / "kab.sqlite")))
        csv_data = ("\n".join(lines) + "\n").encode()
        kab.create(
            parse_setup(json.dumps(_kabko_setup(units)).encode()),
            tally_files=(("t.csv", csv_data),),
        )
        path = folder / "kab.rekap"
        PackageService(kab, key_folder=folder / "kunci").export(path, determined=True)
        province = {
            **_kabko_setup(units),
            "tingkat": "provinsi",
            "wilayah": {"kode": "99", "nama": "PROVINSI UJI"},
            "unit": [{"kode": "9901", "nama": "KAB UJI"}],
        }
        prov = PlenoService(open_engine(str(folder / "prov.sqlite")))
        prov.create(parse_setup(json.dumps(province).encode()))
        start = time.perf_counter()
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                hashlib.sha256(archive.read(info)).hexdigest()
        baseline = time.perf_counter() - start
        fingerprint = installation_fingerprint(folder / "kunci")
        start = time.perf_counter()
        PackageImportService(prov).import_package(path, trust=fingerprint)
        ours = time.perf_counter() - start
        kab.engine.dispose()
        prov.engine.dispose()
    return ours, baseline
