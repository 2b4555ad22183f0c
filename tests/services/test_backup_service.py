from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services import backup_service
from rekap_desktop.services.demo import DEMO_PINS, DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_tallies

KETUA = "Dra. Lestari Wulandari Kusuma, M.Si."
LATER = "pemilihan,kode_wilayah,sumber,suara_01\nwalikota,647201,bawaslu,2959\n"


@pytest.fixture
def service(tmp_path: Path) -> PlenoService:
    service = PlenoService(open_engine(str(tmp_path / "live.sqlite")))
    load_demo(service)
    return service


def test_a_backup_is_verified_and_previewed(service: PlenoService, tmp_path: Path) -> None:
    # WHEN the live meeting is backed up to a folder (a USB stick)
    made = backup_service.make_backup(service.engine, tmp_path / "usb")
    # THEN the copy verifies and says what it holds
    assert made.path.parent == tmp_path / "usb"
    assert made.chain_ok and made.meeting == "KOTA SAMARINDA — Pemilihan Serentak 2024"
    assert made.forms == 41
    assert made.audit_entries == service.verify_audit().entries


def test_backups_are_rotated(service: PlenoService, tmp_path: Path) -> None:
    start = datetime(2024, 12, 5, 9, 0)
    for minute in range(backup_service.KEEP + 3):
        backup_service.make_backup(
            service.engine, tmp_path / "usb", start + timedelta(minutes=minute)
        )
    kept = sorted((tmp_path / "usb").glob("*.sqlite"))
    assert len(kept) == backup_service.KEEP
    tag = backup_service.meeting_tag(service.engine)
    assert kept[0].name == f"rekap-cadangan-{tag}-20241205-090300.sqlite"


def test_backups_of_two_meetings_in_one_folder_never_mix(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a second meeting (the Pemilu demo) backed up to the same USB folder
    other = PlenoService(open_engine(str(tmp_path / "other.sqlite")))
    load_demo(other, DemoKind.PEMILU)
    usb = tmp_path / "usb"
    theirs = backup_service.make_backup(other.engine, usb, datetime(2024, 12, 5, 8, 0)).path
    # WHEN this meeting makes more backups than are kept
    start = datetime(2024, 12, 5, 9, 0)
    for minute in range(backup_service.KEEP + 3):
        backup_service.make_backup(service.engine, usb, start + timedelta(minutes=minute))
    # THEN the other meeting's backup is still there, named apart (region code and a tag)
    ours, other_tag = (
        backup_service.meeting_tag(service.engine),
        backup_service.meeting_tag(other.engine),
    )
    assert ours is not None and other_tag is not None and ours != other_tag
    assert ours.startswith("6472-") and theirs.name.startswith(f"rekap-cadangan-{other_tag}-")
    assert theirs.exists()
    assert len(list(usb.glob(f"rekap-cadangan-{ours}-*.sqlite"))) == backup_service.KEEP
    # AND a preview says which meeting a backup is of
    assert backup_service.preview_backup(theirs).tag == other_tag


def test_restore_brings_back_the_backup_and_names_who_confirmed(
    service: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a backup, then a later import
    made = backup_service.make_backup(service.engine, tmp_path / "usb")
    users = UsersService(service.engine)
    confirmation = users.confirm(KETUA, DEMO_PINS[Role.KETUA], Action.RESTORE_BACKUP)
    before = service.tallies()
    service.import_tally_file(write_tallies(tmp_path, LATER, "later.csv"))
    assert service.tallies() != before
    # WHEN the backup is restored with the ketua's confirmation
    restored = backup_service.restore_backup(service.engine, made.path, confirmation)
    # THEN the meeting is as in the backup, the chain verifies and names the restore
    again = PlenoService(open_engine(str(tmp_path / "live.sqlite")))
    assert again.tallies() == before
    assert restored.chain_ok and again.verify_audit().ok
    assert again.verify_audit().entries == made.audit_entries + 1
    assert list(tmp_path.glob("live-sebelum-pemulihan-*.sqlite"))


def test_damaged_or_foreign_files_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"bukan basis data" * 100)
    with pytest.raises(InputRejected, match="bukan cadangan Rekap Desktop"):
        backup_service.preview_backup(junk)
    with pytest.raises(InputRejected, match="tidak ada"):
        backup_service.preview_backup(tmp_path / "missing.sqlite")


def test_tampered_backup_is_not_restored(service: PlenoService, tmp_path: Path) -> None:
    import sqlite3

    made = backup_service.make_backup(service.engine, tmp_path / "usb")
    connection = sqlite3.connect(made.path)
    with connection:
        connection.execute("UPDATE audit_entry SET payload = '{}' WHERE id = 2")
    connection.close()
    assert not backup_service.preview_backup(made.path).chain_ok
    users = UsersService(service.engine)
    confirmation = users.confirm(KETUA, DEMO_PINS[Role.KETUA], Action.RESTORE_BACKUP)
    with pytest.raises(InputRejected, match="rantai audit .* rusak"):
        backup_service.restore_backup(service.engine, made.path, confirmation)
