"""Jejak audit as people read it: one entry of the chain with who, what kind, which kecamatan and
pemilihan it touched and a sentence saying what happened; and the filter the viewer applies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditLogEntry:
    number: int
    """Urutan: the entry's place in the chain (its id)."""
    at: str
    """As stored: ISO 8601 with the offset of the meeting's clock."""
    actor: str
    event: str
    """The stored event code (an ``AuditEvent`` value, or one a newer program wrote)."""
    label: str
    units: tuple[str, ...]
    """Codes of the meeting's units (kecamatan) the entry touched."""
    contests: tuple[str, ...]
    confirmed_by: str | None
    """The commissioner who confirmed it with their PIN, where one did."""
    summary: str
    hash: str

    @property
    def people(self) -> tuple[str, ...]:
        """Who took part: the station's user and the confirming commissioner."""
        if self.confirmed_by and self.confirmed_by != self.actor:
            return (self.actor, self.confirmed_by)
        return (self.actor,)

    @property
    def moment(self) -> datetime | None:
        """The meeting's wall-clock time of the entry (as the hall's clock showed it)."""
        try:
            return datetime.fromisoformat(self.at).replace(tzinfo=None)
        except ValueError:
            return None


@dataclass(frozen=True)
class AuditFilter:
    """Which entries the viewer shows; None (or empty text) lets everything through."""

    unit: str | None = None
    contest: str | None = None
    person: str | None = None
    event: str | None = None
    since: datetime | None = None
    """Wall-clock, inclusive."""
    until: datetime | None = None
    """Wall-clock, inclusive."""
    text: str = ""
    """Words that must all occur in the who, the kind or the summary (case ignored)."""

    def keeps(self, entry: AuditLogEntry) -> bool:
        return (
            (self.unit is None or self.unit in entry.units)
            and (self.contest is None or self.contest in entry.contests)
            and (self.person is None or self.person in entry.people)
            and (self.event is None or self.event == entry.event)
            and self._in_time(entry)
            and self._has_words(entry)
        )

    def _in_time(self, entry: AuditLogEntry) -> bool:
        if self.since is None and self.until is None:
            return True
        moment = entry.moment
        if moment is None:
            return False
        return (self.since is None or moment >= self.since) and (
            self.until is None or moment <= self.until
        )

    def _has_words(self, entry: AuditLogEntry) -> bool:
        words = self.text.casefold().split()
        if not words:
            return True
        haystack = " ".join((str(entry.number), *entry.people, entry.label, entry.summary))
        haystack = haystack.casefold()
        return all(word in haystack for word in words)


def filtered(entries: list[AuditLogEntry], keep: AuditFilter) -> list[int]:
    """Indexes of the entries ``keep`` lets through, in chain order."""
    return [i for i, entry in enumerate(entries) if keep.keeps(entry)]
