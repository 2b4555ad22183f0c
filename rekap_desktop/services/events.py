""" "What changed" events: services announce each committed change; windows refresh from them."""

from __future__ import annotations

from collections.abc import Callable

from rekap_desktop.domain.changes import Change, Changes, Event

__all__ = ["OTHER_STATION", "Change", "ChangeBus", "Listener"]

OTHER_STATION = Event.OTHER_STATION

Listener = Callable[[Change], None]


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
            for listener in list(self._listeners):
                listener(change)
