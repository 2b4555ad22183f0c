""" "What changed" events: services announce each committed change; windows refresh from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    what: str
    """Audit event kind of the change (see domain.audit_events)."""
    contests: frozenset[str] = field(default_factory=frozenset)


OTHER_STATION = "perubahan_stasiun_lain"
"""What changed was committed by another station on the same database (or found there while
this station tried to change it): every view re-reads committed state."""

Listener = Callable[[Change], None]


class ChangeBus:
    """Listeners are called after the transaction committed, in the order they subscribed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
