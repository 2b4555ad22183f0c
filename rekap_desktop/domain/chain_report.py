"""What verifying the audit chain found: read by storage, shown by the window and the command
line, so it lives on the ground floor."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None
    """Id of the first entry that does not verify, or None when the whole chain holds."""
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None
