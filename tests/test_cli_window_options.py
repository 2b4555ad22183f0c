"""The window's own options are read without the subcommands' parser, and read as it reads them."""

from __future__ import annotations

import pytest

from rekap_desktop.cli import parse_args
from rekap_desktop.cli_window_options import window_options


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "rapat.sqlite"],
        ["--db=rapat.sqlite", "--operator", "Rina (Meja 2)"],
        ["--oper", "A"],
    ],
)
def test_the_window_options_read_as_the_whole_command_line_reads_them(argv: list[str]) -> None:
    quick = window_options(argv)
    assert quick is not None
    whole = parse_args(argv)
    assert (quick.command, quick.db, quick.operator) == (whole.command, whole.db, whole.operator)


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--db", "x.sqlite"],
        ["--db", "x.sqlite", "recap", "--json"],
        ["--help"],
        ["--version"],
        ["--db"],
        ["--tidak-ada"],
    ],
)
def test_anything_else_is_left_to_the_whole_command_line(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_a_missing_value_is_still_refused_by_the_whole_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as ended:
        parse_args(["--db"])
    assert ended.value.code == 2
    assert "--db" in capsys.readouterr().err
