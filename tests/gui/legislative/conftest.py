"""The Pemilu demo (SIMULASI: PPWP and DPRD Kota, 18 parties, 5 dapil) for the legislative screens.

Creating it takes seconds, so it is built once per module and each test gets its own copy of the
SQLite file (tests write to it: corrections, tie decisions).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine


@pytest.fixture(scope="module")
def pemilu_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Pemilu demo written once to a SQLite file."""
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
