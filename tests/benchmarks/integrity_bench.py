"""How long the checks of every stored row and value against the audit chain take.

Run: ``python tests/benchmarks/integrity_bench.py`` (``--units N`` for a smaller trial run).

- The start-up check (SQLite integrity, the chain, every value and row against it) on the Pemilu
  demo, the first call in a fresh process: target under 150 ms.
- ``rekap-desktop audit --verify`` as a whole process on a meeting of 400,000 values (the Pemilu
  demo grown to 990 kecamatan, each with the forms of one of the demo's — PPWP and DPRD, PPK,
  Sirekap and saksi — imported as 20 files): target under 5 s.

Prints a table and a JSON object; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STARTUP_TARGET = 0.150
VERIFY_TARGET = 5.0
FILES = 20

_STARTUP = """
import time
from tests.meetings import cockpit_meeting
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.gui.startup_check import damage_report
service = PlenoService(open_engine({db!r}))
start = time.perf_counter()
problems = damage_report(cockpit_meeting(service))
print(time.perf_counter() - start, len(problems))
"""


def startup_check_seconds(folder: Path) -> float:
    """The first start-up check in a fresh process (its imports already done, as at start)."""
    db = folder / "pemilu.sqlite"
    subprocess.run(
        [sys.executable, "-m", "rekap_desktop", "demo", "--pemilu", "--db", str(db)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    times = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP.format(db=str(db))],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        assert out[1] == "0", "the demo must verify"
        times.append(float(out[0]))
    return sorted(times)[len(times) // 2]


def _demo_pemilu() -> tuple[dict[str, Any], list[str], list[list[str]]]:
    from rekap_desktop.resources import resource

    setup = json.loads(resource("sample_data", "pemilu", "pleno.json").read_text(encoding="utf-8"))
    with resource("sample_data", "pemilu", "tallies.csv").open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return setup, header, rows


def big_setup(units: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The Pemilu demo with ``units`` kecamatan instead of its 9, each a copy of one of the
    demo's (its dapil, its forms); returns the setup and (new code, template code) pairs."""
    setup, _, _ = _demo_pemilu()
    templates = [u["kode"] for u in setup["unit"]]
    pairs = [(f"177100{n:04d}", templates[n % len(templates)]) for n in range(units)]
    setup["unit"] = [{"kode": code, "nama": f"KECAMATAN {code}"} for code, _ in pairs]
    dprd = next(c for c in setup["kontestasi"] if "dapil" in c)
    for dapil in dprd["dapil"]:
        dapil["unit"] = [code for code, template in pairs if template in dapil["unit"]]
    return setup, pairs


def write_files(folder: Path, pairs: list[tuple[str, str]]) -> list[Path]:
    """The demo's forms of each template unit, written for every unit made from it."""
    _, header, rows = _demo_pemilu()
    by_unit: dict[str, list[list[str]]] = {}
    for row in rows:
        by_unit.setdefault(row[1], []).append(row)
    paths = []
    per_file = -(-len(pairs) // FILES)
    for f in range(FILES):
        chunk = pairs[f * per_file : (f + 1) * per_file]
        if not chunk:
            break
        path = folder / f"rekap-{f:02d}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for code, template in chunk:
                for row in by_unit[template]:
                    writer.writerow([row[0], code, f"KECAMATAN {code}", *row[3:]])
        paths.append(path)
    return paths


def _raw_read(db: Path) -> float:
    """Baseline: the same current values read with plain sqlite3, nothing compared."""
    connection = sqlite3.connect(db)
    try:
        start = time.perf_counter()
        connection.execute(
            "SELECT v.tally_id, v.field, v.value FROM tally_value v "
            "JOIN tally t ON t.id = v.tally_id WHERE t.is_current"
        ).fetchall()
        return time.perf_counter() - start
    finally:
        connection.close()


def _python_start() -> float:
    """Baseline: a Python process that imports nothing."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def verify_seconds(folder: Path, units: int) -> tuple[float, int, float]:
    from rekap_desktop.interchange.setup import parse_setup
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.storage.engine import open_engine

    db = folder / "besar.sqlite"
    service = PlenoService(open_engine(str(db)))
    setup, pairs = big_setup(units)
    service.create(parse_setup(json.dumps(setup).encode()))
    for path in write_files(folder, pairs):
        service.import_tally_file(path)
    stored = sum(len(t) for t in service.tallies().values())
    service.engine.dispose()
    times, baseline = [], []
    for _ in range(3):
        baseline.append(_raw_read(db) + _python_start())
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "rekap_desktop", "audit", "--verify", "--db", str(db)],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
    return sorted(times)[1], stored, sorted(baseline)[1]


def main() -> int:
    from rekap_desktop.text.numbers import format_number

    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=990)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        startup = startup_check_seconds(folder)
        verify, values, baseline = verify_seconds(folder, args.units)
    rows = [
        ("pemeriksaan saat mulai, demo Pemilu", startup, STARTUP_TARGET),
        (f"audit --verify, {format_number(values)} nilai (proses utuh)", verify, VERIFY_TARGET),
    ]
    for name, seconds, target in rows:
        verdict = "ok" if seconds < target else "LEWAT TARGET"
        print(f"{name:<50} {seconds * 1000:>9.0f} ms  (target < {target * 1000:.0f} ms) {verdict}")
    print(f"{'  dasar: proses Python kosong + baca nilai sqlite3':<50} {baseline * 1000:>9.0f} ms")
    print(
        json.dumps(
            {
                "startup_check_s": round(startup, 4),
                "audit_verify_s": round(verify, 3),
                "baseline_python_and_raw_read_s": round(baseline, 3),
                "values": values,
            }
        )
    )
    return 0 if all(seconds < target for _, seconds, target in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
