"""``restore`` puts back only a backup of this meeting whose rows and values are as its own chain
recorded: another meeting's backup, one with a value edited and one where the operator was made
ketua are refused (exit 2) and the live database is left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.domain.roles import Role
from rekap_desktop.services import backup_service
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.storage.engine import open_engine

KETUA = "Dra. Lestari Wulandari Kusuma, M.Si."


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _backup(capsys: pytest.CaptureFixture[str], db: Path, folder: Path) -> Path:
    code, out, _ = _run(capsys, "backup", "--db", str(db), "--out", str(folder))
    assert code == 0, out
    line = out.splitlines()[-1]
    return Path(line.removeprefix("Cadangan terverifikasi: ").split(" (")[0])


def _edit(db: Path, sql: str) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(sql)
    connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "rapat.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.KETUA])
    return db


def _restore(live: Path, backup: Path) -> list[str]:
    return ["restore", "--db", str(live), "--from", str(backup), "--user", KETUA]


def _refused(capsys: pytest.CaptureFixture[str], live: Path, backup: Path, named: str) -> None:
    before = _digest(live)
    code, _, err = _run(
        capsys, "restore", "--db", str(live), "--from", str(backup), "--user", KETUA
    )
    assert code == 2 and named in err and "tidak dipulihkan" in err
    assert _digest(live) == before  # nothing replaced
    assert not list(live.parent.glob("*sebelum-pemulihan*"))


def test_another_meetings_backup_is_refused(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN another meeting (the same demo, created anew) and a backup of it
    other = tmp_path / "lain" / "rapat.sqlite"
    other.parent.mkdir()
    assert main(["demo", "--db", str(other)]) == 0
    backup = _backup(capsys, other, tmp_path / "usb")
    # WHEN it is restored over this meeting THEN refused, naming it another meeting's
    _refused(capsys, live, backup, "adalah cadangan pleno lain (KOTA SAMARINDA")


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (
            "UPDATE tally_value SET value = value + 5000 WHERE field = 'suara_01' "
            "AND tally_id = (SELECT min(id) FROM tally WHERE is_current)",
            "tidak lolos pemeriksaan nilai: gubernur",
        ),
        (
            "UPDATE app_user SET role = 'ketua' WHERE role = 'operator'",
            "tidak lolos pemeriksaan nilai: tabel app_user baris 6 kolom role",
        ),
    ],
    ids=["value", "operator-made-ketua"],
)
def test_a_backup_that_fails_the_value_check_is_refused(
    edit: str, named: str, live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a backup of this meeting, edited with sqlite3 (its chain itself still holds)
    backup = _backup(capsys, live, tmp_path / "usb")
    _edit(backup, edit)
    assert backup_service.preview_backup(backup).chain_ok
    # WHEN restored THEN refused, naming what differs from the backup's chain
    _refused(capsys, live, backup, named)


def test_a_sound_backup_of_this_meeting_is_restored(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(capsys, live, tmp_path / "usb")
    code, out, _ = _run(
        capsys, "restore", "--db", str(live), "--from", str(backup), "--user", KETUA
    )
    assert code == 0 and "dipulihkan" in out
    assert _run(capsys, "audit", "--db", str(live), "--verify")[0] == 0


def test_the_backup_offered_is_the_newest_that_passes_the_value_check(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN two backups of the meeting, the newer one edited (operator made ketua)
    engine = open_engine(str(live))
    older = backup_service.make_backup(engine, tmp_path / "usb", datetime(2026, 1, 1, 8)).path
    newer = backup_service.make_backup(engine, tmp_path / "usb", datetime(2026, 1, 1, 9)).path
    engine.dispose()
    _edit(newer, "UPDATE app_user SET role = 'ketua' WHERE role = 'operator'")
    # THEN the older, sound one is offered
    assert backup_service.latest_good_backup(tmp_path / "usb") == older
