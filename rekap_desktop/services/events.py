""" "What changed" events: services announce each committed change; windows refresh from them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rekap_desktop.domain.changes import Change, ChangeHub, Changes, Event

__all__ = ["OTHER_STATION", "AnnouncingHub", "Change", "ChangeBus", "Listener"]

OTHER_STATION = Event.OTHER_STATION

Listener = Callable[[Change], None]


class AnnouncingHub(ChangeHub, Protocol):
    """A hub that still takes the services' single ``announce`` calls (until every write
    publishes through the unit of work): the command line's ChangeBus, the cockpit's Qt hub."""

    def announce(self, change: Change) -> None: ...


class ChangeBus:
    """Listeners are called after the transaction committed, in the order they subscribed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, changes: Changes) -> None:
        """What one committed write changed (see storage.unit_of_work)."""
        for change in changes:
            self.announce(change)

    def announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
