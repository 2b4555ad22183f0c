"""Reading the results: the recapitulation per contest and the check of every form."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rekap_desktop.domain.comparison import (
    Difference,
    determined_form,
    differences,
    pair_context,
    sibling_forms,
    siblings_of,
    unit_forms,
)
from rekap_desktop.domain.election import Contest, Pleno
from rekap_desktop.domain.ids import RegionCode
from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.domain.plausibility_overrides import PlausibilityOverride
from rekap_desktop.domain.recap import Recap, recapitulate
from rekap_desktop.domain.rules import Finding, check_tally
from rekap_desktop.domain.sources import PLENO, PPK, Source
from rekap_desktop.domain.tally import Tally, unit_form_keys
from rekap_desktop.services.pair_view import ContestForms
from rekap_desktop.services.places import meeting_plausibility
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import plausibility_store
from rekap_desktop.storage.unit_of_work import read


@dataclass(frozen=True)
class ContestRecap:
    recap: Recap
    source: str
    """``pleno`` when determined values were used for at least one unit, else the source read."""


@dataclass(frozen=True)
class LocatedFinding:
    contest: str
    unit: str
    source: str
    finding: Finding


@dataclass(frozen=True)
class LocatedDifference:
    contest: str
    unit: str
    difference: Difference


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[LocatedFinding, ...]
    differences: tuple[LocatedDifference, ...]
    implausible: tuple[Implausible, ...] = ()
    """Plausibility warnings (P01 …) of the kecamatan forms and of their kept desa/TPS rows."""
    overrides: tuple[PlausibilityOverride, ...] = ()
    """The meeting's overrides of plausibility warnings (each covers a warning as stated)."""


def recap_contests(
    service: PlenoService, contest: str | None = None, source: Source | None = None
) -> list[ContestRecap]:
    """Recapitulation of each contest (or the one named). Without a source, each unit uses its
    determined (pleno) values where they exist, field by field, else the PPK's form."""
    pleno = service.pleno()
    # only the forms the recapitulation reads, not every source's
    wanted = (PPK.code, PLENO.code) if source is None else (source.code,)
    # shared with every screen that follows the same change: read once per change
    tallies = service.pairs.contest_forms(contest, wanted)
    return [
        _recap_one(pleno, c, tallies, source)
        for c in pleno.contests
        if contest is None or c.code == contest
    ]


def _recap_one(
    pleno: Pleno, contest: Contest, tallies: ContestForms, source: Source | None
) -> ContestRecap:
    chosen: dict[RegionCode, Tally] = {}
    used_pleno = False
    for unit in pleno.units:
        if source is not None:
            chosen[unit.code] = tallies.get((contest.code, unit.code, source.code), Tally())
            continue
        ppk = tallies.get((contest.code, unit.code, PPK.code), Tally())
        determined = tallies.get((contest.code, unit.code, PLENO.code), Tally())
        used_pleno = used_pleno or bool(determined)
        # the same determined values the pair's read model shows (PairView.determined)
        chosen[unit.code] = determined_form({PPK: ppk, PLENO: determined})
    label = source.code if source else (PLENO.code if used_pleno else PPK.code)
    return ContestRecap(recapitulate(contest, pleno.units, chosen, pleno.level), label)


def check(service: PlenoService) -> CheckResult:
    """Rule findings of every current form, and every field on which sources disagree."""
    pleno = service.pleno()
    tallies = service.tallies()
    findings: list[LocatedFinding] = []
    found_differences: list[LocatedDifference] = []
    per_unit = {unit.code: unit_forms(tallies, unit.code) for unit in pleno.units}
    for contest in pleno.contests:
        for unit in pleno.units:
            keys = unit_form_keys(contest, unit.code)
            context = pair_context(contest, unit, pleno.kind)
            by_contest = per_unit[unit.code]
            forms = by_contest.get(contest.code, {})
            siblings = siblings_of(contest, pleno.contests, by_contest)
            for source in sorted(forms, key=lambda s: s.sort_key):
                beside = replace(context, siblings=sibling_forms(siblings, source))
                findings.extend(
                    LocatedFinding(contest.code, unit.code, source.code, f)
                    for f in check_tally(forms[source], contest, beside)
                )
            found_differences.extend(
                LocatedDifference(contest.code, unit.code, d) for d in differences(forms, keys)
            )
    with read(service.engine) as session:
        overrides = tuple(plausibility_store.overrides(session))
    return CheckResult(
        tuple(findings),
        tuple(found_differences),
        meeting_plausibility(service, tallies),
        overrides,
    )
