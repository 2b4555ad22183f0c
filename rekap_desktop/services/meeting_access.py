"""What the guards of a write need of the meeting's service: its engine and its setup.

The result lock and the integrity check are used by the meeting's own service (an import of a
tally file is refused after penetapan; an export when the database was edited behind the
program's back), so they take this protocol instead of importing that service back: services
import each other in one direction only."""

from __future__ import annotations

from typing import Protocol

from rekap_desktop.domain.election import Pleno
from rekap_desktop.storage.unit_of_work import Engine


class MeetingAccess(Protocol):
    engine: Engine

    def pleno(self) -> Pleno: ...
