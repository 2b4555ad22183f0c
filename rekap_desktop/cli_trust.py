"""Subcommands that guard the meeting: backups, restore, users. Actions that need a commissioner
take ``--user NAME`` and read the PIN from REKAP_PIN (never from a prompt when not interactive)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.domain.problems import DamagedDatabase, InputRejected, Problem
from rekap_desktop.domain.roles import Action, Role

if TYPE_CHECKING:
    from rekap_desktop.domain.confirmation import Confirmation
    from rekap_desktop.services.database import Engine

PIN_VARIABLE = "REKAP_PIN"


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", parents=[common], help="buat cadangan terverifikasi")
    backup.add_argument("--out", required=True, type=Path, help="folder cadangan (mis. USB)")
    restore = sub.add_parser("restore", parents=[common], help="pulihkan dari cadangan")
    restore.add_argument("--from", dest="source", required=True, type=Path)
    restore.add_argument("--preview", action="store_true", help="hanya tampilkan isi cadangan")
    restore.add_argument("--user", help="anggota/ketua KPU yang mengonfirmasi (PIN di REKAP_PIN)")
    user = sub.add_parser("user", parents=[common], help="tambah pengguna (operator/anggota/ketua)")
    user.add_argument("--nama", required=True)
    user.add_argument("--peran", required=True, choices=[r.value for r in Role])
    user.add_argument(
        "--pin-baru-env",
        default="REKAP_PIN_BARU",
        help="variabel lingkungan yang memuat PIN pengguna baru",
    )
    user.add_argument("--user", help="ketua KPU yang mengonfirmasi (PIN di REKAP_PIN)")


def confirmation(engine: Engine, name: str | None, action: Action) -> Confirmation:
    from rekap_desktop.services.users_service import UsersService

    if not name:
        raise InputRejected([Problem("tindakan ini perlu --user (anggota/ketua KPU)")])
    pin = os.environ.get(PIN_VARIABLE)
    if not pin:
        raise InputRejected([Problem(f"PIN tidak diberikan: setel variabel {PIN_VARIABLE}")])
    return UsersService(engine).confirm(name, pin, action)


def _engine(args: argparse.Namespace) -> Engine:
    from rekap_desktop.services.database import open_database

    return open_database(args.db)


def _backup(args: argparse.Namespace) -> int:
    from rekap_desktop.services.backup_service import make_backup

    made = make_backup(_engine(args), args.out)
    print(f"Cadangan terverifikasi: {made.path} ({made.audit_entries} entri audit)")
    return 0


def _restore_over_damaged(args: argparse.Namespace, damage: DamagedDatabase) -> int:
    from rekap_desktop.services.backup_service import restore_over_damaged

    print(f"Basis data saat ini: {damage}.")
    restore_over_damaged(
        damage.path,
        args.source,
        lambda engine: confirmation(engine, args.user, Action.RESTORE_BACKUP),
    )
    print("Cadangan dipulihkan; berkas rusak disimpan di sebelahnya dengan nama '-rusak-'.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from rekap_desktop.services.backup_service import preview_backup, restore_backup

    preview = preview_backup(args.source)
    print(
        f"Isi cadangan: {preview.meeting}; {preview.forms} formulir; "
        f"{preview.audit_entries} entri audit, terakhir {preview.last_change}; "
        f"rantai audit {'utuh' if preview.chain_ok else 'RUSAK'}"
    )
    if args.preview:
        return 0
    try:
        engine = _engine(args)
    except DamagedDatabase as damage:
        return _restore_over_damaged(args, damage)
    confirmed = confirmation(engine, args.user, Action.RESTORE_BACKUP)
    restore_backup(engine, args.source, confirmed)
    print("Cadangan dipulihkan; berkas sebelumnya disimpan di sebelahnya.")
    return 0


def _user(args: argparse.Namespace) -> int:
    from rekap_desktop.services.users_service import UsersService

    engine = _engine(args)
    users = UsersService(engine)
    pin = os.environ.get(args.pin_baru_env, "")
    confirmed = None
    if users.has_users():
        confirmed = confirmation(engine, args.user, Action.MANAGE_USERS)
    users.add_user(args.nama, Role(args.peran), pin, confirmed)
    print(f"Pengguna ditambahkan: {args.nama} ({args.peran})")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": _backup,
    "restore": _restore,
    "user": _user,
}
