"""A normal install works: the wheel and the sdist, each installed into a fresh virtual
environment (no editable install, no source tree on the path), run the demo, the command line
and the window from the installed package alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIP_TIMEOUT = 900


def test_the_listed_packages_are_the_folders_of_the_source() -> None:
    # GIVEN pyproject's explicit package list (a finder cannot see the data package)
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"]) - {"rekap_desktop.bundled"}
    # THEN it names every folder of rekap_desktop/ that is a package, and nothing else
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "rekap_desktop").rglob("__init__.py")
    }
    assert listed == found
    assert setuptools["package-dir"]["rekap_desktop.bundled"] == "."


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel and the sdist, built from a copy of the committed-looking tree."""
    out = tmp_path_factory.mktemp("dist")
    _quiet([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)])
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtual environment, far from the source tree, with the program's dependencies."""
    folder = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    yield folder / ("Scripts" if os.name == "nt" else "bin")


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_an_installed_package_runs_without_the_source_tree(
    kind: str, dists: dict[str, Path], environment: Path, tmp_path: Path
) -> None:
    # GIVEN the wheel (or the sdist, built by pip) installed into a fresh virtual environment
    _quiet(
        [str(environment / "python"), "-m", "pip", "install", "--force-reinstall", str(dists[kind])]
    )
    program = environment / "rekap-desktop"
    db = str(tmp_path / "demo.sqlite")
    # WHEN the demo is made, recapitulated and printed, and the window opened, from elsewhere
    version = _run(program, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("rekap-desktop "), version.stderr
    made = _run(program, "demo", "--db", db, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    recap = _run(program, "recap", "--db", db, "--json", cwd=tmp_path)
    assert recap.returncode == 0, recap.stderr
    assert json.loads(recap.stdout)["wilayah"]["kode"] == "6472"
    pdf = tmp_path / "d-hasil.pdf"
    args = ("report", "d-hasil", "--db", db, "--pemilihan", "walikota", "--out", str(pdf))
    report = _run(program, *args, cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    window = _run(program, "--db", db, cwd=tmp_path, REKAP_EXIT_WHEN_SHOWN="1")
    # THEN each worked, from the installed package's own files
    assert window.returncode == 0, window.stderr
    assert "kokpit-tampil" in window.stdout
    where = _run(environment / "python", "-c", _WHERE, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    folder, guide_found = where.stdout.split()
    assert Path(folder).is_relative_to(environment.parent)
    assert guide_found == "True"


_WHERE = (
    "from rekap_desktop.resources import bundled_root\n"
    "from rekap_desktop.guide import guide_markdown\n"
    "print(bundled_root(), 'tidak tersedia' not in guide_markdown())\n"
)


def _run(program: Path, *args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    home = cwd / "home"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        **extra,
    )
    return subprocess.run(
        [str(program), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def _quiet(command: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        command, cwd=ROOT.parent, env=env, capture_output=True, text=True, timeout=PIP_TIMEOUT
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
