"""Reading a file the user gave (a setup, tallies, a package, a photo, a key): a file that cannot
be read becomes an Indonesian refusal saying why, so that every reader refuses it the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected, Problem


def read_input(
    path: Path,
    source: str = "",
    *,
    what: str = "berkas",
    check_size: Callable[[int], None] | None = None,
) -> bytes:
    """The file's bytes. ``source`` names the file in the refusal and ``what`` opens its
    sentence ("berkas", "kunci PIN", "bukti.pdf: berkas"). ``check_size`` is given the file's
    size before it is read, to refuse (InputRejected) a file too large to read at all."""
    try:
        if check_size is not None:
            check_size(path.stat().st_size)
        return path.read_bytes()
    except OSError as error:
        raise InputRejected(
            [Problem(f"{what} tidak dapat dibaca: {error.strerror}")], source
        ) from None
