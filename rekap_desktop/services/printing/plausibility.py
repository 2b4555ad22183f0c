"""The plausibility warnings the meeting overrode, as the berita acara prints them."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.documents.berita_acara import MinutesData
from rekap_desktop.documents.plausibility_notes import OverrideNote
from rekap_desktop.domain import clock
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.plausibility_overrides import PlausibilityOverride
from rekap_desktop.domain.sources import Source, source_title
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.numbers import format_date


def override_notes(pleno: PlenoService) -> tuple[OverrideNote, ...]:
    """Every override the meeting recorded, oldest first."""
    meeting = pleno.pleno()
    return tuple(_note(meeting, o) for o in PlausibilityService(pleno).overrides())


def with_overrides(data: MinutesData, notes: tuple[OverrideNote, ...]) -> MinutesData:
    """``data`` carrying the notes (unchanged when there are none)."""
    return replace(data, overrides=notes) if notes else data


def _note(meeting: Pleno, override: PlausibilityOverride) -> OverrideNote:
    unit = meeting.unit_for(override.unit)
    contest = next((c for c in meeting.contests if c.code == override.contest), None)
    parts = [unit.name if unit else override.unit]
    if override.place != override.unit:
        parts.append(f"desa/TPS {override.place}")
    parts.append(contest.title if contest else override.contest)
    party_list = contest is not None and contest.is_party_list
    parts.append(source_title(Source.stored(override.source), party_list))
    moment = clock.parse(override.at)
    return OverrideNote(
        override.code,
        " — ".join(parts),
        override.message,
        override.reason,
        override.overridden_by,
        f"{format_date(moment.date())} pukul {moment:%H.%M}",
    )
