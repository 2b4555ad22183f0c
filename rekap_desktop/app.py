"""Composition root: reads the command line, builds the engine, services and windows."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from rekap_desktop.domain.problems import DamagedDatabase


def main(argv: Sequence[str] | None = None) -> int:
    # No cyclic garbage collection while the program loads: starting makes many objects and
    # few cycles. The window turns it back on, on the GUI thread, once it is shown (gui/heap.py).
    gc.disable()
    from rekap_desktop.cli_window_options import window_options

    arguments = sys.argv[1:] if argv is None else argv
    # The window alone is read without the subcommands' parser (and what it loads).
    args = window_options(arguments)
    if args is None:
        from rekap_desktop import cli

        args = cli.parse_args(arguments)
        if args.command is not None:
            gc.enable()
            return cli.run(args)
    return run_gui(args.db, args.operator)


def run_gui(db: str | None, operator: str | None = None) -> int:
    """Open the main window on the meeting in ``db`` (the demo pleno on first start);
    ``operator`` names who is at this station."""
    from rekap_desktop.error_log import ErrorLog, log_folder

    errors = ErrorLog(log_folder()).install()  # first: a failing start leaves a trace too
    _load_core()
    from rekap_desktop.domain.problems import DamagedDatabase
    from rekap_desktop.gui.application import run
    from rekap_desktop.gui.change_hub import QtChangeHub
    from rekap_desktop.services.database import close_database, open_database
    from rekap_desktop.services.meeting import Meeting

    try:
        engine = open_database(db)
    except DamagedDatabase as damage:
        if not _restored_from_backup(damage):
            return 2
        engine = open_database(db)
    # The one meeting of this program: every window receives its services and its one change
    # hub from here; no window builds a service or sees the engine.
    try:
        meeting = Meeting.open(engine, QtChangeHub())
        if not meeting.pleno.has_pleno():
            from rekap_desktop.services.demo import load_demo

            load_demo(meeting.pleno)
        return run(meeting, errors, operator)
    finally:
        close_database(engine)


def _restored_from_backup(damage: DamagedDatabase) -> bool:
    """The damaged file's message on standard error (a window build may show nothing else),
    then the window that offers the latest good backup."""
    print(f"Ditolak: {damage}.", file=sys.stderr)
    from rekap_desktop.gui.application import offer_backup_at_start

    return offer_backup_at_start(damage, restore_with_pin(damage))


def restore_with_pin(damage: DamagedDatabase) -> Callable[[Path], object | None]:
    """Put a backup in place of the damaged file once a commissioner of the restored meeting
    (its users are the backup's) confirmed with their PIN."""
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.gui.approvals import PinApprovals
    from rekap_desktop.services.backup_service import restore_over_damaged
    from rekap_desktop.services.users_service import UsersService

    def restore(backup: Path) -> object | None:
        return restore_over_damaged(
            damage.path,
            backup,
            lambda engine: PinApprovals(UsersService(engine)).confirm(Action.RESTORE_BACKUP),
        )

    return restore


def _load_core() -> None:
    """Import the services the cockpit uses (and SQLAlchemy with them) before PySide6: once
    PySide6 is loaded it reads the source of every module imported after it, which made a start
    about half a second slower."""
    from rekap_desktop.services import (  # noqa: F401 (imported for their side effect)
        backup_service,
        database,
        incident_service,
        integrity,
        pleno_service,
        procedure_records,
        procedure_service,
        users_service,
    )
