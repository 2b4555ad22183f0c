"""Legislative timings: a synthetic DPRD Kabupaten/Kota of 6 dapil, 18 parties × 12 candidates per
dapil and 40 kecamatan (every field of the form recorded from the PPK), in a SQLite file.

- Recap + seat allocation, domain level: ``recapitulate`` and ``district_results`` (every dapil's
  seats and elected candidates) from the tallies as read from storage. The whole service call
  (``SeatService.results``: reading the tallies from SQLite too) is returned as well. Baseline,
  same run: plain dict sums of the same numbers per dapil and a bare Sainte-Laguë loop.
- Its D.Hasil PDF: snapshot built and rendered through ``PrintService`` (F4). Baseline: the number
  of cells, returned for ``run.py``'s bare ReportLab canvas.

Used by ``run.py`` (``bench_legislative``); returns plain timings in seconds.
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rekap_desktop.domain.legislative import district_results
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.recap import recapitulate
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.storage.engine import open_engine

DAPIL_UNITS = (7, 7, 7, 7, 6, 6)
DAPIL_SEATS = (12, 10, 8, 8, 6, 6)
PARTIES = 18
CANDIDATES = 12
ADMIN = (
    [f"{g}_{s}" for g in ("pemilih_dpt", "pengguna_dpt", "pengguna_pindahan", "pengguna_ktp",
                          "pengguna_total") for s in "lpj"]
    + ["surat_suara_diterima", "surat_suara_digunakan", "surat_suara_rusak", "surat_suara_sisa"]
    + [f"disabilitas_{s}" for s in "lpj"]
)  # fmt: skip


def _setup() -> dict[str, object]:
    units, dapil, start = [], [], 1
    for d, (count, seats) in enumerate(zip(DAPIL_UNITS, DAPIL_SEATS, strict=True), start=1):
        codes = [f"9901{k:02d}" for k in range(start, start + count)]
        units += [{"kode": c, "nama": f"KECAMATAN {c[-2:]}", "jumlah_tps": 120} for c in codes]
        dapil.append({"kode": str(d), "nama": f"KAB UJI {d}", "kursi": seats, "unit": codes})
        start += count
    parties = [
        {
            "nomor_urut": p,
            "nama": f"PARTAI UJI KINERJA {p:02d}",
            "calon": {
                str(d): [
                    {
                        "nomor_urut": c,
                        "nama": f"CALON {p:02d}-{d}-{c:02d}",
                        "jenis_kelamin": "P" if c % 3 == 2 else "L",
                    }
                    for c in range(1, CANDIDATES + 1)
                ]
                for d in range(1, len(DAPIL_UNITS) + 1)
            },
        }
        for p in range(1, PARTIES + 1)
    ]
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilu Uji 2024 (uji kinerja)",
        "jenis": "pemilu",
        "tingkat": "kabko",
        "wilayah": {"kode": "9901", "nama": "KAB UJI"},
        "unit": units,
        "kontestasi": [
            {
                "kode": "dprd_kabko",
                "judul": "Pemilihan Umum Anggota DPRD Kabupaten Uji",
                "dapil": dapil,
                "partai": parties,
            }
        ],
    }


def _rows(setup: dict[str, object]) -> tuple[list[str], list[dict[str, int | str]]]:
    rng = random.Random(11)
    vote_keys = []
    for p in range(1, PARTIES + 1):
        vote_keys.append(f"suara_partai_{p:02d}")
        vote_keys += [f"suara_caleg_{p:02d}_{c:02d}" for c in range(1, CANDIDATES + 1)]
    totals = [f"jumlah_suara_partai_{p:02d}" for p in range(1, PARTIES + 1)]
    header = ["pemilihan", "kode_wilayah", "sumber", *ADMIN, *vote_keys, *totals]
    header += ["suara_sah", "suara_tidak_sah", "suara_total"]
    rows: list[dict[str, int | str]] = []
    for unit in setup["unit"]:  # type: ignore[attr-defined]
        row: dict[str, int | str] = {"pemilihan": "dprd_kabko", "kode_wilayah": unit["kode"]}
        row["sumber"] = "ppk"
        row.update({k: rng.randint(0, 30_000) for k in ADMIN})
        row.update({k: rng.randint(0, 400) for k in vote_keys})
        for p in range(1, PARTIES + 1):
            keys = [f"suara_partai_{p:02d}"] + [
                f"suara_caleg_{p:02d}_{c:02d}" for c in range(1, CANDIDATES + 1)
            ]
            row[f"jumlah_suara_partai_{p:02d}"] = sum(int(row[k]) for k in keys)
        valid = sum(int(row[k]) for k in vote_keys)
        row.update({"suara_sah": valid, "suara_tidak_sah": 300, "suara_total": valid + 300})
        rows.append(row)
    return header, rows


def _timed(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _plain(rows: list[dict[str, int | str]], setup: dict[str, object]) -> list[dict[int, int]]:
    """Baseline: per dapil, sum each party's rows with dicts and hand out seats by 1, 3, 5, …"""
    contest = setup["kontestasi"][0]  # type: ignore[index]
    by_unit = {r["kode_wilayah"]: r for r in rows}
    won_all = []
    for dapil in contest["dapil"]:
        votes = dict.fromkeys(range(1, PARTIES + 1), 0)
        for code in dapil["unit"]:
            row = by_unit[code]
            for p in votes:
                votes[p] += int(row[f"suara_partai_{p:02d}"]) + sum(
                    int(row[f"suara_caleg_{p:02d}_{c:02d}"]) for c in range(1, CANDIDATES + 1)
                )
        won = dict.fromkeys(votes, 0)
        for _ in range(dapil["kursi"]):
            best = max(votes, key=lambda p: votes[p] / (2 * won[p] + 1))
            won[best] += 1
        won_all.append(won)
    return won_all


def legislative_timings() -> tuple[float, float, float, float, int, int]:
    """(recap + seats in the domain, the service call, plain baseline, D.Hasil PDF, its cell
    count, its pages)."""
    setup = _setup()
    header, rows = _rows(setup)
    with tempfile.TemporaryDirectory() as folder:
        setup_path = Path(folder) / "pleno.json"
        setup_path.write_text(json.dumps(setup), encoding="utf-8")
        tally_path = Path(folder) / "dprd.csv"
        with tally_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
        service = PlenoService(open_engine(str(Path(folder) / "dprd.sqlite")))
        service.create_from_setup_file(setup_path)
        service.import_tally_file(tally_path)
        seats = SeatService(service)
        results = seats.results("dprd_kabko")
        assert sum(d.allocation.allocated for d in results.districts if d.allocation) == sum(
            DAPIL_SEATS
        )
        service_time = _timed(lambda: seats.results("dprd_kabko"), repeat=7)
        pleno = service.pleno()
        contest = pleno.contest("dprd_kabko")
        assert contest is not None
        ppk = {
            u: t for (_, u, source), t in service.tallies("dprd_kabko").items() if source == "ppk"
        }

        def domain() -> object:
            recap = recapitulate(contest, pleno.units, ppk)
            units = {unit.code: tally for unit, tally in recap.units}
            return district_results(contest, pleno.level, pleno.units, units, {})

        ours = _timed(domain, repeat=7)
        baseline = _timed(lambda: _plain(rows, setup), repeat=7)
        printer = PrintService(service)

        def print_d_hasil() -> int:
            return printer.prepare(FormKind.D_HASIL, "dprd_kabko").render(Paper.F4).pages

        pages = print_d_hasil()
        pdf = _timed(print_d_hasil, repeat=3)
    per_unit = len(header) - 3
    cells = sum(DAPIL_UNITS) * per_unit + len(DAPIL_UNITS) * per_unit * 3
    return ours, service_time, baseline, pdf, cells, pages
