"""Which kind of signed file a path holds, for ``verify``: an evidence pack or not."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.interchange.evidence_pack import is_evidence_pack


def is_evidence_file(path: Path) -> bool:
    """Whether the file's manifest says it is an evidence pack (nothing verified yet); False
    when it cannot be read (the package reader then says why)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return is_evidence_pack(data)
