"""Benchmarks of the project: prints a table and a JSON object; exits 1 when a target is missed.

Run: ``python tests/benchmarks/run.py`` (``--rows N`` for a smaller trial run).

Each figure is compared with a baseline measured in the same run on the same machine, so the
ratios stay meaningful on a slower or busier computer.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the benchmarks time the imports themselves
    from sqlalchemy import Engine

    from rekap_desktop.domain.confirmation import Confirmation
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.services.pleno_service import PlenoService

NATIONAL_TPS = 823_236
PROVINCES = [
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "21",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "51",
    "52",
    "53",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "72",
    "73",
    "74",
    "75",
    "76",
    "81",
    "82",
    "91",
    "92",
    "93",
    "94",
    "95",
    "96",
]
GENDERED = ["pemilih_dpt", "pengguna_dpt", "pengguna_pindahan", "pengguna_ktp", "pengguna_total"]
DATA_KEYS = (
    [f"{g}_{s}" for g in GENDERED for s in "lpj"]
    + ["surat_suara_diterima", "surat_suara_digunakan", "surat_suara_rusak", "surat_suara_sisa"]
    + [f"disabilitas_{s}" for s in "lpj"]
    + ["suara_01", "suara_02", "suara_03", "suara_sah", "suara_tidak_sah", "suara_total"]
)


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    max_ratio: float
    max_seconds: float | None = None
    unit: str = "s"
    """What ``seconds`` and ``baseline_seconds`` measure ("MB" for a database's size)."""

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds

    @property
    def met(self) -> bool:
        within = self.max_seconds is None or self.seconds <= self.max_seconds
        return within and self.ratio <= self.max_ratio


def national_setup() -> dict[str, object]:
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilihan Umum 2024 (uji kinerja)",
        "jenis": "pemilu",
        "tingkat": "nasional",
        "wilayah": {"kode": "0", "nama": "INDONESIA"},
        "unit": [{"kode": code, "nama": f"PROVINSI {code}"} for code in PROVINCES],
        "kontestasi": [
            {
                "kode": "ppwp",
                "judul": "Pemilihan Presiden dan Wakil Presiden",
                "pilihan": [{"nomor_urut": n, "nama": f"PASANGAN {n}"} for n in (1, 2, 3)],
            }
        ],
    }


def tps_form(rng: random.Random) -> list[int]:
    """One internally consistent TPS form in DATA_KEYS order."""
    dpt_l, dpt_p = rng.randint(80, 150), rng.randint(80, 150)
    use = [
        (rng.randint(40, dpt_l), rng.randint(40, dpt_p)),
        (rng.randint(0, 3), rng.randint(0, 3)),
        (rng.randint(0, 2), rng.randint(0, 2)),
    ]
    total = (sum(u[0] for u in use), sum(u[1] for u in use))
    row: list[int] = [dpt_l, dpt_p, dpt_l + dpt_p]
    for l_, p_ in [*use, total]:
        row += [l_, p_, l_ + p_]
    voters = total[0] + total[1]
    damaged = rng.randint(0, 2)
    received = max(dpt_l + dpt_p + -(-(dpt_l + dpt_p) * 2 // 100), voters + damaged)
    row += [received, voters, damaged, received - voters - damaged]
    row += [min(1, total[0]), min(1, total[1]), min(1, total[0]) + min(1, total[1])]
    invalid = rng.randint(0, 5)
    valid = voters - invalid
    first = rng.randint(0, valid)
    second = rng.randint(0, valid - first)
    row += [first, second, valid - first - second, valid, invalid, voters]
    return row


def write_national_csv(path: Path, rows: int) -> list[tuple[object, ...]]:
    """Write the rekap-csv file and return the same rows as tuples for the raw baseline."""
    rng = random.Random(2024)
    tuples: list[tuple[object, ...]] = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pemilihan", "kode_wilayah", "sumber", *DATA_KEYS])
        for i in range(rows):
            province = PROVINCES[i % len(PROVINCES)]
            code = f"{province}{i // len(PROVINCES):011d}"
            form = tps_form(rng)
            writer.writerow(["ppwp", code, "ppk", *form])
            tuples.append(("ppwp", code, "ppk", *form))
    return tuples


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def raw_executemany(db: Path, rows: list[tuple[object, ...]]) -> None:
    """Baseline: plain sqlite3, same durability settings, one transaction."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    columns = ["pemilihan TEXT", "kode_wilayah TEXT", "sumber TEXT"]
    columns += [f"{key} INTEGER" for key in DATA_KEYS]
    connection.execute(f"CREATE TABLE bench_raw ({', '.join(columns)})")
    marks = ", ".join("?" for _ in columns)
    with connection:
        connection.executemany(f"INSERT INTO bench_raw VALUES ({marks})", rows)
    connection.close()


def raw_group_by(db: Path) -> list[tuple[object, ...]]:
    """Baseline: a hand-written GROUP BY of the TPS rows into provinces."""
    sums = ", ".join(f"SUM({k})" for k in DATA_KEYS)
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            f"SELECT substr(kode_wilayah, 1, 2), {sums} FROM bench_raw GROUP BY 1"
        ).fetchall()
    finally:
        connection.close()


def bench_import_and_recap(rows: int) -> list[Figure]:
    from rekap_desktop.interchange.setup import parse_setup
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.result_json import recap_json
    from rekap_desktop.services.results import recap_contests
    from rekap_desktop.storage.engine import open_engine

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        csv_path = tmp / "nasional.csv"
        baseline_import = _baseline_import(tmp, write_national_csv(csv_path, rows))
        raw_size = _megabytes(tmp / "raw.sqlite")
        baseline_file = timed(lambda: raw_file_import(tmp / "raw-file.sqlite", csv_path))
        db = tmp / "rekap.sqlite"
        service = PlenoService(open_engine(str(db)))
        service.create(parse_setup(json.dumps(national_setup()).encode()))
        empty_size = _megabytes(db)
        ours_import = timed(lambda: service.import_tally_file(csv_path))
        service.engine.dispose()  # the write-ahead log is folded into the file
        grown = _megabytes(db) - empty_size
        raw_executemany(db, _read_tuples(csv_path))  # the GROUP BY baseline, same database
        pleno = service.pleno()
        baseline_recap = timed(lambda: raw_group_by(db), repeat=3)
        ours_recap = timed(lambda: json.dumps(recap_json(pleno, recap_contests(service))), repeat=3)
        command = timed(lambda: _recap_command(db), repeat=3)
        return [
            Figure(
                f"impor rekap-csv {rows:,} baris TPS",
                ours_import,
                "sqlite3.executemany baris yang sama",
                baseline_import,
                2.5,
            ),
            Figure(
                f"impor {rows:,} baris TPS, baris disimpan",
                ours_import,
                "csv.reader + sqlite3 berkas yang sama",
                baseline_file,
                1.5,
            ),
            Figure(
                "basis data bertambah karena impor itu",
                grown,
                "tabel mentah baris yang sama",
                raw_size,
                2.0,
                unit="MB",
            ),
            Figure(
                "recap --json ke 38 provinsi (layanan)",
                ours_recap,
                "SQL GROUP BY tulisan tangan",
                baseline_recap,
                2.0,
                1.5,
            ),
            Figure(
                "perintah 'rekap-desktop recap --json' (proses utuh)",
                command,
                "SQL GROUP BY tulisan tangan",
                baseline_recap,
                float("inf"),
                1.5,
            ),
        ]


def raw_file_import(db: Path, path: Path) -> None:
    """Baseline of an import from the file: the rows read with csv.reader and inserted as they
    are, one transaction, the same durability settings."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        connection.execute(f"CREATE TABLE bench_file ({', '.join(header)})")
        marks = ", ".join("?" for _ in header)
        with connection:
            connection.executemany(f"INSERT INTO bench_file VALUES ({marks})", reader)
    connection.close()


def _megabytes(db: Path) -> float:
    """The database's size with its write-ahead log (what the disk holds)."""
    wal = db.with_name(db.name + "-wal")
    return (db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6


def _baseline_import(tmp: Path, tuples: list[tuple[object, ...]]) -> float:
    return timed(lambda: raw_executemany(tmp / "raw.sqlite", tuples))


def _read_tuples(path: Path) -> list[tuple[object, ...]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [tuple(row) for row in reader]


def _recap_command(db: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "rekap_desktop", "recap", "--db", str(db), "--json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def bench_documents() -> list[Figure]:
    """D.Hasil of 40 kecamatan × 6 choices, and every form of the demo, against a bare ReportLab
    canvas writing the same number of table cells as text."""
    from datetime import date

    from rekap_desktop.documents.d_hasil import render_d_hasil
    from rekap_desktop.domain.election import (
        Choice,
        Contest,
        ElectionKind,
        Level,
        Member,
        Pleno,
        Region,
        Unit,
    )
    from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode
    from rekap_desktop.domain.paper import Paper
    from rekap_desktop.domain.recap import recapitulate
    from rekap_desktop.domain.tally import Tally, form_keys
    from rekap_desktop.services.demo import load_demo
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.printing.recap_forms import d_hasil_data
    from rekap_desktop.services.printing.service import PrintService
    from rekap_desktop.services.results import recap_contests
    from rekap_desktop.storage.engine import open_engine

    rng = random.Random(7)
    units = tuple(Unit(RegionCode(f"9901{i:02d}"), f"KECAMATAN {i:02d}", 100) for i in range(40))
    choices = tuple(Choice(ChoiceNo(n), f"PASANGAN CALON {n}") for n in range(1, 7))
    contest = Contest(ContestCode("bupati"), "Pemilihan Bupati Uji", choices)
    pleno = Pleno(
        "Pemilihan Uji",
        ElectionKind.PILKADA,
        Level.KABKO,
        Region(RegionCode("9901"), "KAB UJI"),
        units,
        (contest,),
        "Aula",
        date(2024, 12, 5),
        (Member("Ketua", "Ketua"),),
    )
    keys = form_keys(contest)
    tallies = {u.code: Tally({k: rng.randint(0, 60_000) for k in keys}) for u in units}
    snapshot = d_hasil_data(pleno, recapitulate(contest, units, tallies), "DRAF")
    cells = sum(len(r.values) + 3 for s in snapshot.sections for r in s.rows)
    baseline = timed(lambda: _bare_canvas(cells), repeat=5)
    ours = timed(lambda: render_d_hasil(snapshot), repeat=5)
    with tempfile.TemporaryDirectory() as folder:
        service = PlenoService(open_engine(str(Path(folder) / "demo.sqlite")))
        load_demo(service)
        printer = PrintService(service)
        forms = printer.document_set()
        demo_cells = sum(
            len(r.values) + 3
            for recap in recap_contests(service)
            for s in d_hasil_data(service.pleno(), recap.recap, None).sections
            for r in s.rows
        )
        demo_baseline = timed(lambda: _bare_canvas(demo_cells), repeat=3)
        demo = timed(lambda: [printer.print_form(k, c, Paper.F4) for k, c in forms])
    return [
        Figure(
            "D.Hasil 40 kecamatan × 6 pilihan (PDF)",
            ours,
            "kanvas ReportLab polos, sel sama",
            baseline,
            25.0,
            0.5,
        ),
        Figure(
            f"seluruh formulir demo ({len(forms)} PDF, tercatat)",
            demo,
            "kanvas ReportLab polos, sel D.Hasil",
            demo_baseline,
            float("inf"),
            3.0,
        ),
    ]


def _bare_canvas(cells: int) -> bytes:
    """Baseline: the same number of cells drawn as plain strings in the same embedded TTF."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from rekap_desktop.documents.styles import F4, FONT, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(F4[1], F4[0]))
    canvas.setFont(FONT, 7)
    per_page = 12 * 45
    for i in range(cells):
        if i and i % per_page == 0:
            canvas.showPage()
            canvas.setFont(FONT, 7)
        row, column = divmod(i % per_page, 12)
        canvas.drawRightString(20 * mm + column * 24 * mm, 200 * mm - row * 4 * mm, f"{i:,}")
    canvas.save()
    return buffer.getvalue()


def _ketua_confirms(engine: Engine, action: Action) -> Confirmation:
    """The meeting's first user, the ketua "Ketua Uji", confirming ``action`` with the demo PIN."""
    from rekap_desktop.domain.roles import Role
    from rekap_desktop.services.demo import DEMO_PINS
    from rekap_desktop.services.users_service import UsersService

    users = UsersService(engine)
    users.add_user("Ketua Uji", Role.KETUA, DEMO_PINS[Role.KETUA])
    return users.confirm("Ketua Uji", DEMO_PINS[Role.KETUA], action)


def bupati_setup(region: str, units: list[dict[str, object]]) -> dict[str, object]:
    """A Kab/Kota meeting of ``units`` with one Bupati contest of three pairs."""
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilihan Uji 2024 (uji kinerja)",
        "jenis": "pilkada",
        "tingkat": "kabko",
        "wilayah": {"kode": region, "nama": "KAB UJI"},
        "unit": units,
        "kontestasi": [
            {
                "kode": "bupati",
                "judul": "Pemilihan Bupati Uji",
                "pilihan": [{"nomor_urut": n, "nama": f"PASANGAN {n}"} for n in (1, 2, 3)],
            }
        ],
    }


def meeting_of(db: Path, setup: dict[str, object], lines: list[str]) -> PlenoService:
    """A meeting made from ``setup`` with the rekap-csv ``lines`` imported at its creation."""
    from rekap_desktop.interchange.setup import parse_setup
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.storage.engine import open_engine

    pleno = PlenoService(open_engine(str(db)))
    csv_data = ("\n".join(lines) + "\n").encode()
    pleno.create(parse_setup(json.dumps(setup).encode()), tally_files=(("t.csv", csv_data),))
    return pleno


def bench_comparison() -> list[Figure]:
    """Opening the comparison of one kecamatan × contest with 5 sources, and the recapitulation of
    40 kecamatan recomputed after a correction, each against a plain dict over the same numbers."""
    from rekap_desktop.domain.corrections import Reason
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.services.comparison_service import ComparisonService
    from rekap_desktop.services.corrections_service import SettleRequest
    from rekap_desktop.services.results import recap_contests

    rng = random.Random(5)
    units = [f"9901{i:02d}" for i in range(1, 41)]
    sources = ["ppk", "sirekap", "saksi_01", "saksi_02", "bawaslu"]
    setup = bupati_setup(
        "9901", [{"kode": u, "nama": f"KECAMATAN {u}", "jumlah_tps": 100} for u in units]
    )
    setup["anggota"] = [{"nama": "Ketua Uji", "jabatan": "Ketua"}]
    forms = {
        u: [sum(c) for c in zip(*(tps_form(rng) for _ in range(100)), strict=True)] for u in units
    }
    lines = [",".join(["pemilihan", "kode_wilayah", "sumber", *DATA_KEYS])]
    lines += [",".join(["bupati", u, s, *map(str, forms[u])]) for u in units for s in sources]
    with tempfile.TemporaryDirectory() as folder:
        pleno = meeting_of(Path(folder) / "banding.sqlite", setup, lines)
        service = ComparisonService(pleno)
        plain = {
            (u, s): dict(zip(DATA_KEYS, forms[u], strict=True)) for u in units for s in sources
        }
        ours_open = timed(lambda: service.corrections.comparison("bupati", units[0]), repeat=5)
        base_open = timed(lambda: _plain_compare(plain, units[0], sources), repeat=5)
        request = SettleRequest(
            "suara_01",
            forms[units[0]][-6],
            Reason.SALAH_TULIS,
            "D.Hasil",
            "PPK",
            "Ketua Uji",
            confirmation=_ketua_confirms(pleno.engine, Action.APPROVE_CORRECTION),
        )
        service.corrections.settle("bupati", units[0], request)
        ours_recap = timed(lambda: recap_contests(pleno, "bupati"), repeat=5)
        base_recap = timed(lambda: _plain_sum(plain, units), repeat=5)
        pleno.engine.dispose()
    return [
        Figure(
            "buka perbandingan 1 kecamatan × 5 sumber",
            ours_open,
            "dict: banding angka yang sama",
            base_open,
            float("inf"),
            0.05,
        ),
        Figure(
            "rekap 40 kecamatan setelah pembetulan",
            ours_recap,
            "dict: jumlah angka yang sama",
            base_recap,
            float("inf"),
            0.02,
        ),
    ]


DRILL_TPS = 1_250
DRILL_SOURCES = ("ppk", "sirekap", "saksi_01", "saksi_02", "bawaslu")


def bench_drill_down() -> list[Figure]:
    """Rincian desa/TPS of one kecamatan of 1,250 TPS × 5 sources (each source's TPS rows kept
    from one rekap-csv file), against reading the same rows' text with plain sqlite3."""
    from rekap_desktop.services.comparison_service import ComparisonService

    rng = random.Random(21)
    setup = bupati_setup(
        "9901", [{"kode": "990101", "nama": "KECAMATAN BESAR", "jumlah_tps": DRILL_TPS}]
    )
    codes = [f"990101{1001 + i // 25:04d}{i % 25 + 1:03d}" for i in range(DRILL_TPS)]
    lines = [",".join(["pemilihan", "kode_wilayah", "sumber", *DATA_KEYS])]
    for source in DRILL_SOURCES:
        lines += [",".join(["bupati", c, source, *map(str, tps_form(rng))]) for c in codes]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "rinci.sqlite"
        pleno = meeting_of(db, setup, lines)
        service = ComparisonService(pleno)
        ours = timed(lambda: service.drill_down("bupati", "990101", "suara_02"), repeat=5)
        base = timed(lambda: _raw_kept_rows(db), repeat=5)
        pleno.engine.dispose()
    return [
        Figure(
            f"rincian TPS satu kecamatan ({DRILL_TPS:,} TPS × 5 sumber)",
            ours,
            "baca teks barisnya dengan sqlite3",
            base,
            float("inf"),
            0.050,
        )
    ]


BEKASI_TPS = 8_417
BEKASI_KECAMATAN = 23


def bench_plausibility() -> list[Figure]:
    """The plausibility pass (P01 …) over a kabupaten of 8,417 TPS (Kabupaten Bekasi) in 23
    kecamatan, kept from one rekap-csv file, against summing the same rows' text in Python."""
    from rekap_desktop.services.places import meeting_plausibility

    rng = random.Random(8417)
    units = [f"3216{i:02d}" for i in range(1, BEKASI_KECAMATAN + 1)]
    setup = bupati_setup("3216", [{"kode": u, "nama": f"KECAMATAN {u}"} for u in units])
    lines = [",".join(["pemilihan", "kode_wilayah", "sumber", *DATA_KEYS])]
    for i in range(BEKASI_TPS):
        code = f"{units[i % len(units)]}{1001 + i // 1000:04d}{i % 1000:03d}"
        lines.append(",".join(["bupati", code, "sirekap", *map(str, tps_form(rng))]))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "wajar.sqlite"
        pleno = meeting_of(db, setup, lines)
        tallies = pleno.tallies()
        ours = timed(lambda: meeting_plausibility(pleno, tallies), repeat=3)
        base = timed(lambda: _sum_rows_text(_raw_kept_rows(db)), repeat=3)
        pleno.engine.dispose()
    return [
        Figure(
            f"pemeriksaan kewajaran {BEKASI_TPS:,} TPS (P01–P06)",
            ours,
            "jumlahkan teks baris yang sama",
            base,
            float("inf"),
            1.0,
        )
    ]


def _sum_rows_text(sources: list[list[str]]) -> int:
    return sum(int(v) for rows in sources for row in rows for v in row.split(",") if v)


def _raw_kept_rows(db: Path) -> list[list[str]]:
    connection = sqlite3.connect(db)
    try:
        found = connection.execute("SELECT codes, cells FROM kept_rows").fetchall()
    finally:
        connection.close()
    return [cells.split("\n") for _, cells in found]


def _plain_compare(
    plain: dict[tuple[str, str], dict[str, int]], unit: str, sources: list[str]
) -> int:
    reference = plain[(unit, "ppk")]
    return sum(plain[(unit, s)][k] != v for s in sources for k, v in reference.items())


def _plain_sum(plain: dict[tuple[str, str], dict[str, int]], units: list[str]) -> dict[str, int]:
    total: dict[str, int] = {}
    for unit in units:
        for key, value in plain[(unit, "ppk")].items():
            total[key] = total.get(key, 0) + value
    return total


def bench_projector() -> list[Figure]:
    """Committed change → live projector repainted (40 kecamatan × 6 choices), against a bare
    QLabel of the same size repainting the same text; see projector_bench.py."""
    if __package__:
        from .projector_bench import measure_projector
    else:
        from projector_bench import measure_projector

    ours, baseline = measure_projector()
    name = "proyektor: perubahan tersimpan → tayang tergambar"
    label = "QLabel polos, teks sama"
    return [
        Figure(f"{name} (median)", statistics.median(ours), label, statistics.median(baseline),
               float("inf"), 0.016),
        Figure(f"{name} (p95)", _p95(ours), label, _p95(baseline), float("inf"), 0.050),
    ]  # fmt: skip


def bench_pair_reads() -> list[Figure]:
    """One correction with the cockpit's comparison and the live projector on the same pair: the
    pair is read once for both screens (printed in the name), against every screen reading it for
    itself in the same run; see pair_reads_bench.py."""
    if __package__:
        from .pair_reads_bench import measure_pair_reads
    else:
        from pair_reads_bench import measure_pair_reads

    shared, each = measure_pair_reads()
    ours = f"pembetulan → kokpit + proyektor ({max(shared.reads)} baca pasangan)"
    baseline = f"tiap layar baca sendiri ({max(each.reads)}×)"
    return [
        Figure(ours, statistics.median(shared.seconds), baseline, statistics.median(each.seconds),
               1.0),
    ]  # fmt: skip


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18]


def bench_exchange() -> list[Figure]:
    """Sirekap: 8,417 Pemilu TPS files in one import (≤ 5 s); a 40-kecamatan kabupaten's signed
    package verified and imported (≤ 1 s). See ``exchange_bench.py``."""
    sys.path.insert(0, str(Path(__file__).parent))
    from exchange_bench import package_timings, sirekap_folder_timings

    ours_tps, base_tps = sirekap_folder_timings()
    ours_pkg, base_pkg = package_timings(DATA_KEYS)
    return [
        Figure(
            "impor Sirekap 8.417 berkas TPS",
            ours_tps,
            "json.load berkas yang sama",
            base_tps,
            float("inf"),
            5.0,
        ),
        Figure(
            "periksa + impor paket 40 kecamatan",
            ours_pkg,
            "zipfile + SHA-256 paket yang sama",
            base_pkg,
            float("inf"),
            1.0,
        ),
    ]


def bench_legislative() -> list[Figure]:
    """DPRD Kab/Kota of 6 dapil, 18 parties × 12 candidates, 40 kecamatan: recap + seat allocation
    at domain level (≤ 50 ms; the service call with the SQLite read is printed too) and its
    D.Hasil PDF (≤ 2 s). See ``legislative_bench.py``."""
    sys.path.insert(0, str(Path(__file__).parent))
    from legislative_bench import legislative_timings

    seats, service_call, plain, pdf, cells, pages = legislative_timings()
    print(f"rekap + kursi DPRD lewat layanan (termasuk baca SQLite): {service_call:.3f} s")
    baseline = timed(lambda: _bare_canvas(cells), repeat=3)
    return [
        Figure(
            "rekap + kursi DPRD 6 dapil × 18 partai × 12 calon (domain)",
            seats,
            "dict + Sainte-Laguë polos, angka sama",
            plain,
            float("inf"),
            0.05,
        ),
        Figure(
            f"D.Hasil DPRD 6 dapil, 40 kecamatan ({pages} hlm PDF)",
            pdf,
            "kanvas ReportLab polos, sel sama",
            baseline,
            float("inf"),
            2.0,
        ),
    ]


def bench_startup() -> list[Figure]:
    """Start to the cockpit shown on the demo (warm, median of fresh processes) against a bare
    PySide6 window program started the same way; see startup_bench.py."""
    sys.path.insert(0, str(Path(__file__).parent))
    from startup_bench import measure_startup

    ours, baseline = measure_startup()
    bare = "program jendela PySide6 polos"
    return [
        Figure(
            "start sampai kokpit tampil (demo, hangat)",
            statistics.median(wall for wall, _ in ours),
            bare,
            statistics.median(wall for wall, _ in baseline),
            6.0,
            0.8,
        ),
        Figure(
            "start sampai kokpit tampil, waktu CPU",
            statistics.median(cpu for _, cpu in ours),
            bare + " (waktu CPU)",
            statistics.median(cpu for _, cpu in baseline),
            6.0,
            0.8,
        ),
    ]


IDLE_STALL = "menganggur 0,3 s (dasar)"  # as gui_stalls.py names its baseline


def bench_stalls() -> list[Figure]:
    """The longest stall of the event loop over every action of the cockpit (gui_stalls.py), on
    each demo, against the stall of the same timer while the loop is idle."""
    figures = []
    for label, flags in (("Pilkada", []), ("Pemilu", ["--pemilu"])):
        results = _stall_run(flags)
        idle = next(stall for name, stall, _ in results if name == IDLE_STALL)
        worst_name, worst, _ = max((r for r in results if r[0] != IDLE_STALL), key=lambda r: r[1])
        figures.append(
            Figure(
                f"jeda terlama loop peristiwa, {label} ({worst_name})",
                worst / 1000,
                "loop peristiwa menganggur",
                idle / 1000,
                float("inf"),
                0.1,
            )
        )
    return figures


def _stall_run(flags: list[str]) -> list[tuple[str, float, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = str(Path(__file__).parent / "gui_stalls.py")
    done = subprocess.run(
        [sys.executable, script, "--json", *flags],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("JSON "))
    return [(str(n), float(s), float(t)) for n, s, t in json.loads(line.removeprefix("JSON "))]


def report(figures: list[Figure]) -> str:
    out = io.StringIO()
    out.write(f"{'benchmark':55} {'nilai':>8} {'baseline':>9} {'rasio':>7} {'target':>14}  ok\n")
    for f in figures:
        target = f"≤{f.max_ratio:g}×" if f.max_ratio != float("inf") else ""
        if f.max_seconds is not None:
            target += f" ≤{f.max_seconds:g}s"
        name = f"{f.name} ({f.unit})" if f.unit != "s" else f.name
        out.write(
            f"{name:55} {f.seconds:8.3f} {f.baseline_seconds:9.3f} {f.ratio:7.2f} "
            f"{target:>14}  {'ya' if f.met else 'TIDAK'}\n"
        )
    return out.getvalue()


def main() -> int:
    # The repository, for the helpers the benchmarks share with the tests (tests.meetings).
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=NATIONAL_TPS)
    parser.add_argument(
        "--only", nargs="+", choices=sorted(BENCHES), metavar="NAMA", help=", ".join(BENCHES)
    )
    args = parser.parse_args()
    figures: list[Figure] = []
    for name in args.only or BENCHES:
        figures += bench_import_and_recap(args.rows) if name == "impor" else BENCHES[name]()
    print(report(figures))
    print(
        json.dumps(
            [
                {
                    "nama": f.name,
                    "detik": round(f.seconds, 4),
                    "baseline": f.baseline_name,
                    "baseline_detik": round(f.baseline_seconds, 4),
                    "satuan": f.unit,
                    "rasio": round(f.ratio, 3),
                    "target_rasio": None if f.max_ratio == float("inf") else f.max_ratio,
                    "target_detik": f.max_seconds,
                    "tercapai": f.met,
                }
                for f in figures
            ],
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0 if all(f.met for f in figures) else 1


BENCHES: dict[str, Callable[[], list[Figure]]] = {
    "impor": lambda: [],  # takes --rows: called in main
    "dokumen": bench_documents,
    "perbandingan": bench_comparison,
    "rincian": bench_drill_down,
    "kewajaran": bench_plausibility,
    "pertukaran": bench_exchange,
    "proyektor": bench_projector,
    "bacaan": bench_pair_reads,
    "legislatif": bench_legislative,
    "mulai": bench_startup,
    "macet": bench_stalls,
}


if __name__ == "__main__":
    sys.exit(main())
