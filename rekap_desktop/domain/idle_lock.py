"""Kunci layar: after a time without keyboard or mouse input the cockpit's screen locks, so a
laptop left on the table shows nothing and lets nobody act; any user of the meeting unlocks it
with their name and PIN. The ketua sets the time; the projector is never affected."""

from __future__ import annotations

DEFAULT_IDLE_MINUTES = 10
"""A new meeting locks after ten minutes: long enough for a reading, short for an empty desk."""
MAX_IDLE_MINUTES = 240
OFF = 0
"""Zero minutes: the screen never locks by itself."""


def parse_idle_minutes(text: str) -> int | str:
    """The idle time typed as whole minutes (0 = off), or why it is not acceptable (Indonesian)."""
    cleaned = text.strip()
    if not cleaned.isdigit() or not cleaned.isascii():
        return (
            f"waktu kunci layar '{text}' bukan bilangan bulat menit "
            f"(0 = tidak pernah, paling lama {MAX_IDLE_MINUTES})"
        )
    minutes = int(cleaned)
    if minutes > MAX_IDLE_MINUTES:
        return f"waktu kunci layar paling lama {MAX_IDLE_MINUTES} menit, bukan {minutes}"
    return minutes


def idle_label(minutes: int) -> str:
    """How the setting reads in the cockpit: "10 menit" or "tidak pernah"."""
    return "tidak pernah" if minutes == OFF else f"{minutes} menit"
