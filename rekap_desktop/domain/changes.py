"""What changed: the value a committed write hands to the views, so that each refreshes only what
the change names. It crosses every floor (services make it, windows read it), so it lives here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from rekap_desktop.domain.audit_events import AuditEvent


class Event(StrEnum):
    """Changes that are not one audit entry of this station."""

    OTHER_STATION = "perubahan_stasiun_lain"
    """Another station on the same database committed something (or this station found it
    while trying to change the same thing): every view re-reads committed state."""
    STARTED = "mulai"
    """A view was just connected and reads everything once."""


What = AuditEvent | Event


@dataclass(frozen=True)
class Change:
    what: What
    contests: frozenset[str] = field(default_factory=frozenset)
    """The contests the change touched (empty: not tied to a contest, or all of them)."""


Changes = tuple[Change, ...]


def merged(changes: Iterable[Change]) -> Changes:
    """One change per kind, in order of first appearance, with the contests of all of them:
    a write that appends two entries of one kind is still one change for the views."""
    contests: dict[What, set[str]] = {}
    for change in changes:
        contests.setdefault(change.what, set()).update(change.contests)
    return tuple(Change(what, frozenset(codes)) for what, codes in contests.items())


class ChangeHub(Protocol):
    """Where a committed write's changes go, once per write (the GUI's hub delivers them on
    the GUI thread; the command line keeps none)."""

    def publish(self, changes: Changes) -> None: ...


class NoHub:
    """For the command line and scripts: nobody is watching."""

    def publish(self, changes: Changes) -> None:
        return None


class RecordingHub:
    """Keeps what was published, in order (tests and batch jobs read it back)."""

    def __init__(self) -> None:
        self.published: list[Changes] = []

    def publish(self, changes: Changes) -> None:
        self.published.append(changes)

    @property
    def changes(self) -> list[Change]:
        return [change for batch in self.published for change in batch]
