"""Keputusan rapat atas temuan: an error of the determined values the meeting lets stand.

A D.Hasil that breaks its own arithmetic (suara sah ≠ Σ pilihan, more ballots than voters …)
cannot be read or determined silently: each *error* finding on the values the meeting determines
is either corrected (pembetulan) or the meeting records an explicit decision on it — who (a
commissioner confirming with their PIN) and why. The decision covers exactly the finding as it
was stated: once the numbers change, the new finding needs its own correction or decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rekap_desktop.domain.rules import Finding


@dataclass(frozen=True)
class FindingDecision:
    """The meeting's recorded decision on one error finding of one kecamatan × contest."""

    contest: str
    unit: str
    code: str
    fields: tuple[str, ...]
    message: str
    """The finding as it was stated when decided (its numbers included)."""
    reason: str
    decided_by: str
    """The commissioner who confirmed the decision with their PIN."""
    at: str

    def covers(self, finding: Finding) -> bool:
        return (finding.code, tuple(finding.fields), finding.message) == (
            self.code,
            self.fields,
            self.message,
        )


def undecided(errors: Iterable[Finding], decisions: Iterable[FindingDecision]) -> list[Finding]:
    """The errors no recorded decision covers, in their order."""
    made = list(decisions)
    return [f for f in errors if not any(d.covers(f) for d in made)]


def decision_for(finding: Finding, decisions: Iterable[FindingDecision]) -> FindingDecision | None:
    """The latest decision covering ``finding`` (None: it is still open)."""
    return next((d for d in reversed(list(decisions)) if d.covers(finding)), None)


def open_error_text(finding: Finding) -> str:
    """Why a pair with this error may not be read or determined, in Indonesian."""
    return (
        f"temuan {finding.code} pada angka yang ditetapkan: {finding.message} Betulkan angkanya "
        "atau catat keputusan rapat atas temuan ini (komisioner dengan PIN, beserta alasannya)"
    )
