"""A small meeting of our own for the projector tests (two kecamatan, one contest, a Sirekap row
that differs from the PPK's form), and the projector's settings in a temporary INI file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import SETUP, write_setup, write_tallies


@pytest.fixture
def service(tmp_path: Path) -> PlenoService:
    """KOTA UJI: UTARA (PPK and Sirekap; Sirekap reads 530 for nomor urut 2) and SELATAN."""
    pleno_service = PlenoService(open_engine(str(tmp_path / "pleno.sqlite")))
    pleno_service.create_from_setup_file(write_setup(tmp_path))
    pleno_service.import_tally_file(write_tallies(tmp_path))
    return pleno_service


@pytest.fixture
def projector_settings(tmp_path: Path) -> Iterator[ProjectorSettings]:
    yield ProjectorSettings(QSettings(str(tmp_path / "proyektor.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def met(tmp_path: Path) -> PlenoService:
    """The same KOTA UJI meeting with its KPU members, who may approve corrections."""
    pleno_service = PlenoService(open_engine(str(tmp_path / "anggota.sqlite")))
    setup = tmp_path / "pleno-anggota.json"
    members = [
        {"nama": "Ketua Uji", "jabatan": "Ketua"},
        {"nama": "Anggota Uji", "jabatan": "Anggota"},
    ]
    setup.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    pleno_service.create_from_setup_file(setup)
    pleno_service.import_tally_file(write_tallies(tmp_path))
    return pleno_service


@pytest.fixture(scope="module")
def pemilu_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Pemilu demo (SIMULASI: PPWP and DPRD Kota, 18 parties, 5 dapil) written once."""
    path = tmp_path_factory.mktemp("pemilu") / "pemilu.sqlite"
    engine = open_engine(str(path))
    load_demo(PlenoService(engine), DemoKind.PEMILU)
    engine.dispose()
    return path


@pytest.fixture
def pemilu(pemilu_file: Path, tmp_path: Path) -> Iterator[PlenoService]:
    """A fresh copy of the Pemilu demo for one test."""
    copy = tmp_path / "pemilu.sqlite"
    for suffix in ("", "-wal", "-shm"):
        original = Path(f"{pemilu_file}{suffix}")
        if original.exists():
            shutil.copyfile(original, Path(f"{copy}{suffix}"))
    service = PlenoService(open_engine(str(copy)))
    yield service
    service.engine.dispose()
