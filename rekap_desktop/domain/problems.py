"""Refusals: problems found while reading a file or a request, each saying in Indonesian what is
wrong and where, and the refusal to open a damaged database file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    message: str
    row: int | None = None
    """1-based row of the file (the header is row 1), when the problem is in a row."""
    column: str | None = None

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"baris {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class InputRejected(Exception):
    """A file or request was refused; nothing was changed. Carries the problems found."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = problems
        self.source = source
        head = f"{source}: " if source else ""
        super().__init__(head + "; ".join(str(p) for p in problems[:20]))


class DamagedDatabase(Exception):
    """The meeting's database file cannot be trusted; ``str()`` says why, in Indonesian. Raised
    by storage before anything opens the file, caught by the window and the command line."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"berkas basis data {path} rusak: {reason}")
        self.path = path
        self.reason = reason
