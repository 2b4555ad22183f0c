"""The program's one clock. Every moment it hands out is timezone-aware, in the computer's local
zone: a stored moment (always aware) and "now" can then be subtracted and compared anywhere,
also across the midnight of a two-day pleno. Nothing else in the package asks the system for the
time; a test fails on any other ``datetime.now()``, ``datetime.today()`` or ``utcnow()``."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current moment, aware, in the local zone."""
    return datetime.now(UTC).astimezone()


def aware(moment: datetime) -> datetime:
    """``moment`` with a zone: a naive one (older data, a test) is read as local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def parse(text: str) -> datetime:
    """A stored ISO 8601 moment, aware (a naive one is read as local time)."""
    return aware(datetime.fromisoformat(text))


def stamp(moment: datetime | None = None) -> str:
    """``moment`` (or now) as stored: ISO 8601 with its offset, to the second."""
    return aware(moment or now()).isoformat(timespec="seconds")
