"""A damaged database file (emptied, truncated, its header or a page overwritten) is refused by
name before anything writes to it, never becomes a new demo, and can be replaced by the latest
good backup with a commissioner's PIN; the damaged file is kept."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.domain.problems import DamagedDatabase
from rekap_desktop.storage.file_check import check_database_file

KETUA = "Dra. Lestari Wulandari Kusuma, M.Si."


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound demo meeting, written once and copied by each test."""
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    connection = sqlite3.connect(db)  # everything in the main file, none left in the WAL
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return db


def _copy(demo: Path, folder: Path) -> Path:
    live = folder / "rapat.sqlite"
    shutil.copyfile(demo, live)
    return live


def _empty(live: Path) -> None:
    live.write_bytes(b"")


def _truncated(live: Path) -> None:
    data = live.read_bytes()
    live.write_bytes(data[: len(data) // 2])


def _header(live: Path) -> None:
    data = bytearray(live.read_bytes())
    data[:16] = b"bukan basis data"
    live.write_bytes(bytes(data))


def _page(live: Path) -> None:
    data = bytearray(live.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    # the b-tree header of a page in the middle of the file: the page can no longer be read
    middle = (len(data) // page // 2) * page
    data[middle : middle + 12] = b"\xff" * 12
    live.write_bytes(bytes(data))


DAMAGES = {"kosong": _empty, "terpotong": _truncated, "kepala": _header, "halaman": _page}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_file_is_named_and_left_as_it_is(
    damage: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the meeting's file damaged one way
    live = _copy(demo, tmp_path)
    DAMAGES[damage](live)
    before = live.read_bytes()
    # WHEN it is checked, and the audit verified and the recapitulation asked for
    with pytest.raises(DamagedDatabase) as refused:
        check_database_file(live)
    codes = [main([command, "--db", str(live), *more]) for command, *more in _COMMANDS]
    # THEN each refuses in Indonesian with exit 2, naming the file, and writes nothing
    assert str(live) in str(refused.value) and "rusak" in str(refused.value)
    assert codes == [2] * len(_COMMANDS)
    err = capsys.readouterr().err
    assert f"Ditolak: berkas basis data {live} rusak" in err and "restore" in err
    assert "Traceback" not in err
    assert live.read_bytes() == before


_COMMANDS = [("audit", "--verify"), ("recap", "--json"), ("check", "--json")]


def test_an_absent_file_is_a_new_meeting_and_a_sound_one_passes(demo: Path, tmp_path: Path) -> None:
    check_database_file(tmp_path / "baru.sqlite")
    check_database_file(_copy(demo, tmp_path))


def test_the_latest_good_backup_replaces_a_damaged_file_with_the_ketuas_pin(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a verified backup of the meeting, then the meeting's file overwritten
    live = _copy(demo, tmp_path)
    assert main(["backup", "--db", str(live), "--out", str(tmp_path / "usb")]) == 0
    (backup,) = (tmp_path / "usb").glob("*.sqlite")
    _header(live)
    damaged = live.read_bytes()
    gc.collect()  # the backup command's engine is closed now, not in the middle of the restore
    files = sorted(p.name for p in tmp_path.iterdir())
    restore = ["restore", "--db", str(live), "--from", str(backup), "--user", KETUA]
    # WHEN restored with a wrong PIN THEN refused, and everything is as it was
    monkeypatch.setenv("REKAP_PIN", "9999")
    assert main(restore) == 2
    assert live.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    # WHEN restored with the ketua's PIN
    monkeypatch.setenv("REKAP_PIN", "111111")
    capsys.readouterr()
    assert main(restore) == 0
    # THEN the meeting opens and verifies, the restore is recorded, the damaged file is kept
    assert "Cadangan dipulihkan" in capsys.readouterr().out
    assert main(["audit", "--db", str(live), "--verify"]) == 0
    (kept,) = tmp_path.glob("rapat-rusak-*.sqlite")
    assert kept.read_bytes() == damaged
    connection = sqlite3.connect(live)
    (event,) = connection.execute("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
    connection.close()
    assert "berkas_rusak" in event[0] and backup.name in event[0]
