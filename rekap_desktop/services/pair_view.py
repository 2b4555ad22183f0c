"""One read model per pair (kecamatan × contest): the current form of every source with its
version, the comparison built from them, and what the meeting did about it (read out,
corrections, decisions on findings). The cockpit's comparison, the projector's form scenes and
the recapitulation's determined values all read a pair through here.

A committed change moves the audit chain's head (every write appends to it, on any station), so
a view is kept until the head moves: after one correction the cockpit and the projector, however
many times they rebuild, read the pair's forms once between them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from rekap_desktop.domain.comparison import (
    Comparison,
    compare,
    determined_form,
    siblings_of,
    unit_forms,
)
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.election import Contest, ElectionKind, Pleno, Unit
from rekap_desktop.domain.finding_decisions import FindingDecision
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import PLENO, SIREKAP, Source
from rekap_desktop.domain.tally import Tally
from rekap_desktop.storage import (
    audit,
    corrections_store,
    finding_decisions_store,
    meeting_store,
    packages_store,
)
from rekap_desktop.storage.unit_of_work import Engine, Session, read

FormVersions = Mapping[str, int]
"""Source code → the current version of the pair's form of that source."""

Forms = Mapping[Source, Tally]
"""Source → the current form of one pair."""


@dataclass(frozen=True)
class PairView:
    """One pair as every screen shows it, read in one session at audit head ``head``."""

    contest: Contest
    unit: Unit
    forms: Forms
    """The current form of every source recorded (the pleno form holds only settled values)."""
    versions: FormVersions
    """Sent back with an edit, so an edit based on forms another station changed is refused."""
    comparison: Comparison
    read: bool
    """Marked selesai dibaca."""
    corrections: tuple[Correction, ...]
    decisions: tuple[FindingDecision, ...]
    """The meeting's decisions on the errors of this pair's determined values."""
    partial: Mapping[Source, tuple[int, int]]
    """Sources from a partial Sirekap upload: (TPS uploaded, TPS in all)."""
    head: int

    @property
    def settled(self) -> Tally:
        """The values the meeting determined (corrections and agreements), row by row."""
        return self.forms.get(PLENO, Tally())

    @property
    def determined(self) -> Tally:
        """What the recapitulation counts for this pair: the PPK form, settled values over it."""
        return determined_form(self.forms)


def find_pair(pleno: Pleno, contest: str, unit: str) -> tuple[Contest, Unit]:
    """The contest and kecamatan named, refused in Indonesian when the meeting has no such."""
    found_contest = pleno.contest(contest)
    if found_contest is None:
        raise InputRejected([Problem(f"pemilihan '{contest}' tidak ada dalam pleno ini")])
    found_unit = pleno.unit(unit)
    if found_unit is None:
        raise InputRejected([Problem(f"kecamatan '{unit}' tidak ada dalam pleno ini")])
    return found_contest, found_unit


def compare_in(session: Session, pleno: Pleno, contest: Contest, unit: Unit) -> Comparison:
    """The comparison of one pair as ``session`` sees it (committed or just written); in a
    Pilkada of several contests with the kecamatan's other forms beside it (one DPT, R17)."""
    return _compared(session, pleno, contest, unit)[1]


def _compared(
    session: Session, pleno: Pleno, contest: Contest, unit: Unit
) -> tuple[Forms, Comparison]:
    together = pleno.kind is ElectionKind.PILKADA and len(pleno.contests) > 1
    tallies = meeting_store.current_tallies(session, None if together else contest.code)
    by_contest = unit_forms(tallies, unit.code)
    forms = by_contest.get(contest.code, {})
    siblings = siblings_of(contest, pleno.contests, by_contest)
    return forms, compare(contest, unit, pleno.kind, forms, siblings)


def read_pair(
    session: Session, pleno: Pleno, contest: Contest, unit: Unit, head: int | None = None
) -> PairView:
    """Everything shown of one pair, from one session (``head``: the audit head it has seen)."""
    head = audit.head(session) if head is None else head
    # Versions before the forms: should a write land between the two reads, the versions are
    # the older ones and the next edit is refused rather than based on unseen values.
    versions = meeting_store.form_versions(session, contest.code, unit.code)
    forms, comparison = _compared(session, pleno, contest, unit)
    status = corrections_store.pair_status(session, contest.code, unit.code)
    return PairView(
        contest,
        unit,
        forms,
        versions,
        comparison,
        status == corrections_store.READ,
        tuple(corrections_store.corrections(session, contest.code, unit.code)),
        tuple(finding_decisions_store.decisions(session, contest.code, unit.code)),
        _partial(session, contest.code, unit.code) if SIREKAP in forms else {},
        head,
    )


def _partial(session: Session, contest: str, unit: str) -> dict[Source, tuple[int, int]]:
    for progress in packages_store.latest_progress(session):
        done, total = progress.done, progress.total
        if (progress.contest, progress.unit) != (contest, unit) or done is None or not total:
            continue
        if done < total:
            return {SIREKAP: (done, total)}
    return {}


ContestForms = Mapping[meeting_store.TallyKey, Tally]
"""(contest, unit, source) → the current form: what a recapitulation adds up."""


class PairViews:
    """The meeting's pair views and contests' forms, each kept until the next committed change
    (of any station): the screens that follow a change read each of them once."""

    def __init__(self, engine: Engine, pleno: Callable[[], Pleno]) -> None:
        self._engine = engine
        self._pleno = pleno
        self._head = -1
        self._views: dict[tuple[str, str], PairView] = {}
        self._forms: dict[tuple[str | None, frozenset[str] | None], ContestForms] = {}
        # A background job may read through the same service: what is kept stays of one head.
        self._lock = threading.Lock()

    def view(self, contest: str, unit: str) -> PairView:
        pleno = self._pleno()
        found_contest, found_unit = find_pair(pleno, contest, unit)
        with self._lock, read(self._engine) as session:
            self._at(audit.head(session))
            view = self._views.get((contest, unit))
            if view is None:
                view = read_pair(session, pleno, found_contest, found_unit, self._head)
                self._views[(contest, unit)] = view
        return view

    def contest_forms(
        self, contest: str | None = None, sources: Collection[str] | None = None
    ) -> ContestForms:
        """The current forms of one contest (or all), of the sources named (or all)."""
        key = (contest, None if sources is None else frozenset(sources))
        with self._lock, read(self._engine) as session:
            self._at(audit.head(session))
            forms = self._forms.get(key)
            if forms is None:
                forms = self._forms[key] = meeting_store.current_tallies(session, contest, sources)
        return forms

    def _at(self, head: int) -> None:
        """What was kept is dropped once the chain has moved: it is never given again."""
        if head != self._head:
            self._head, self._views, self._forms = head, {}, {}
