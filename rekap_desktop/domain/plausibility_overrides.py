"""Temuan kewajaran diabaikan: the meeting looked at a plausibility warning (P01 …) and accepts the
figures as they are, with its reason and the commissioner who confirmed with their PIN.

A warning never blocks the meeting, but a TPS the room checked (a genuine all-zero TPS, a real
landslide) should not be warned again at every reading: the override records that it was looked
at, stays in the audit chain, and is printed in the berita acara. Like a keputusan rapat atas
temuan (domain/finding_decisions.py) it covers exactly the warning as it was stated: once the
numbers change, the new warning stands on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rekap_desktop.domain.plausibility import Implausible


@dataclass(frozen=True)
class PlausibilityOverride:
    """The meeting's recorded override of one plausibility warning."""

    code: str
    contest: str
    unit: str
    """The kecamatan the place belongs to."""
    place: str
    """The place warned about: the kecamatan's own code or a desa/TPS code."""
    source: str
    fields: tuple[str, ...]
    message: str
    """The warning as it was stated when overridden (its numbers included)."""
    reason: str
    overridden_by: str
    """The commissioner who confirmed the override with their PIN."""
    at: str

    @classmethod
    def stating(
        cls, finding: Implausible, reason: str, overridden_by: str, at: str
    ) -> PlausibilityOverride:
        """The override of ``finding`` as it is stated now."""
        return cls(*stated(finding), reason, overridden_by, at)

    def covers(self, finding: Implausible) -> bool:
        return stated(finding) == (
            self.code,
            self.contest,
            self.unit,
            self.place,
            self.source,
            self.fields,
            self.message,
        )


def stated(finding: Implausible) -> tuple[str, str, str, str, str, tuple[str, ...], str]:
    """What an override records of a warning, in its fields' order: code, contest, kecamatan,
    place, source, fields, message."""
    place = finding.place
    return (
        finding.code,
        place.contest,
        place.unit,
        place.code,
        place.source,
        tuple(finding.fields),
        finding.message,
    )


def override_for(
    finding: Implausible, overrides: Iterable[PlausibilityOverride]
) -> PlausibilityOverride | None:
    """The latest override covering ``finding`` (None: it is still a warning)."""
    return next((o for o in reversed(list(overrides)) if o.covers(finding)), None)
