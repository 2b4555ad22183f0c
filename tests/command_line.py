"""The command line run in the test's own process, as formats §4 describes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.app import main
from tests.fixtures import TALLIES, write_setup, write_tallies


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``rekap-desktop ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_meeting(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    tallies: str = TALLIES,
    name: str = "tally.csv",
) -> str:
    """A meeting made with ``new`` and ``import`` at the command line; its database path."""
    path = str(folder / "pleno.sqlite")
    assert run_cli(capsys, "new", "--setup", str(write_setup(folder)), "--db", path)[0] == 0
    assert (
        run_cli(capsys, "import", str(write_tallies(folder, tallies, name)), "--db", path)[0] == 0
    )
    return path
