"""The installer's one-folder bundle works without the source tree: built with PyInstaller from
build_installer.spec and run headless as an office laptop would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pyinstaller") is None:
        pytest.skip("PyInstaller tidak terpasang (ekstra test memasangnya)")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            "pyinstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        cwd=work,
        check=True,
        capture_output=True,
        timeout=600,
    )
    (program,) = (work / "dist").glob("rekap-desktop-*/rekap-desktop")
    return program


def test_the_bundle_has_a_console_twin_for_the_command_line(bundle: Path, tmp_path: Path) -> None:
    # The window program shows no console output on Windows; its twin beside it does.
    twin = bundle.with_name("rekap-desktop-cli")
    done = _run(twin, "--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("rekap-desktop ")


def _run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(program), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_bundle_runs_headless_without_the_source_tree(bundle: Path, tmp_path: Path) -> None:
    # GIVEN the built program, run from a folder far from the sources
    db = str(tmp_path / "demo.sqlite")
    version = _run(bundle, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("rekap-desktop ")
    # WHEN the demo is created, recapitulated, printed and drawn
    assert _run(bundle, "demo", "--db", db, cwd=tmp_path).returncode == 0
    recap = _run(bundle, "recap", "--db", db, "--json", cwd=tmp_path)
    assert recap.returncode == 0
    assert json.loads(recap.stdout)["wilayah"]["kode"] == "6472"
    pdf = tmp_path / "d-hasil.pdf"
    report = _run(
        bundle,
        "report",
        "d-hasil",
        "--db",
        db,
        "--pemilihan",
        "walikota",
        "--out",
        str(pdf),
        cwd=tmp_path,
    )
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    shots = _run(bundle, "snapshot", "--db", db, "--out", str(tmp_path / "shots"), cwd=tmp_path)
    # THEN every command works from the bundle alone
    assert shots.returncode == 0, shots.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) >= 20


def test_the_bundle_ships_the_guide_f1_shows(bundle: Path) -> None:
    # GIVEN the built bundle THEN README.md (the F1 guide) sits beside its resources/, identical
    (readme,) = [p for p in bundle.parent.glob("**/README.md") if (p.parent / "resources").is_dir()]
    assert readme.read_bytes() == (ROOT / "README.md").read_bytes()
    assert (readme.parent / "resources" / "screenshots").is_dir()
    for image in re.findall(r"!\[[^\]]*\]\((resources/[^)]+)\)", readme.read_text("utf-8")):
        assert (readme.parent / image).is_file(), image
