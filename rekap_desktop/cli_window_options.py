"""The options of the window itself: ``rekap-desktop [--db BERKAS] [--operator NAMA]``.

Starting the window reads them without building the parser of every subcommand (and loading
what those subcommands describe); the whole command line (cli.py) adds the same options."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

DB_HELP = "berkas SQLite atau URL SQLAlchemy (bawaan: folder data pengguna)"


def add_window_options(parser: argparse.ArgumentParser) -> None:
    # A separate dest: a subcommand's own --db default would otherwise erase this one.
    parser.add_argument("--db", dest="global_db", help=DB_HELP)
    parser.add_argument(
        "--operator",
        metavar="NAMA",
        help="nama operator di stasiun ini (jendela rapat); dicatat pada setiap perubahan",
    )


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options when ``argv`` holds nothing else; None when it names a subcommand,
    asks for help or the version, or is not understood: the whole command line answers then,
    with its own help and messages."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    args.db = args.global_db
    return args
