"""What the kept desa/TPS rows tell: the places behind one field of one kecamatan (see
domain/drill_down.py; the comparison's dialog and the projector's scene read them the same way)
and the plausibility warnings (domain/plausibility.py), for the whole meeting or one kecamatan,
under the thresholds the meeting set (its ambang kewajaran; the defaults until it sets them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rekap_desktop.domain.drill_down import DrillDown, drill_down
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.plausibility import Implausible, Limits, Place, check_places
from rekap_desktop.domain.sirekap_marks import TpsMark
from rekap_desktop.domain.sources import PLENO
from rekap_desktop.domain.tally import Tally, vote_keys
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import (
    kept_rows_store,
    meeting_store,
    plausibility_store,
    sirekap_tps_store,
)
from rekap_desktop.storage.meeting_store import TallyKey
from rekap_desktop.storage.unit_of_work import Session, read


def unit_places(pleno: PlenoService, contest: str, unit: str, field: str) -> DrillDown | None:
    """Per source whose current form of the unit came as rows below it; None when none did
    (every source gave the kecamatan as one row)."""
    forms = pleno.kept_rows(contest, unit)
    if not forms:
        return None
    rows = [(form.source, form.rows) for form in forms]
    return drill_down(FieldKey(field), rows, marks=unit_marks(pleno, contest, unit))


def unit_marks(pleno: PlenoService, contest: str, unit: str) -> dict[str, dict[str, TpsMark]]:
    """Source → TPS code → Sirekap's own flags and photo addresses (domain/sirekap_marks.py), of
    the current forms of the unit that came from Sirekap TPS files."""
    with read(pleno.engine) as session:
        return sirekap_tps_store.current(session, contest, unit)


def meeting_limits(session: Session) -> Limits:
    """The thresholds the meeting set, or the defaults while it set none."""
    return plausibility_store.limits(session) or Limits()


def meeting_plausibility(
    pleno: PlenoService, tallies: Mapping[TallyKey, Tally]
) -> tuple[Implausible, ...]:
    """The plausibility warnings (P01–P06) of every current form of the PPK, Sirekap, saksi and
    Bawaslu (the meeting's own determined values are checked by the rules) and of their kept
    TPS rows: what ``check --json`` lists."""
    meeting = pleno.pleno()
    pairs = [(c.code, u.code) for c in meeting.contests for u in meeting.units]
    with read(pleno.engine) as session:
        return tuple(implausible_in(session, meeting, tallies, pairs, outliers=True))


def unit_plausibility(pleno: PlenoService, contest: str, unit: str) -> list[Implausible]:
    """The warnings P01–P05 of one kecamatan × contest and its TPS, beside its numbers. P06
    compares with every TPS of the meeting: ``check --json`` gives it."""
    with read(pleno.engine) as session:
        return unit_plausibility_in(session, pleno.pleno(), contest, unit)


def unit_plausibility_in(
    session: Session, meeting: Pleno, contest: str, unit: str
) -> list[Implausible]:
    """:func:`unit_plausibility` as ``session`` sees the meeting (inside a write, too)."""
    tallies = meeting_store.current_tallies(session, contest)
    return implausible_in(session, meeting, tallies, [(contest, unit)], outliers=False)


def contest_plausibility_in(session: Session, meeting: Pleno, contest: str) -> list[Implausible]:
    """Every warning of one contest over the whole meeting (P06 included), as ``session`` sees
    it: what ``check --json`` lists of that contest."""
    tallies = meeting_store.current_tallies(session, contest)
    pairs = [(contest, u.code) for u in meeting.units]
    return implausible_in(session, meeting, tallies, pairs, outliers=True)


def implausible_in(
    session: Session,
    meeting: Pleno,
    tallies: Mapping[TallyKey, Tally],
    pairs: Sequence[tuple[str, str]],
    outliers: bool,
) -> list[Implausible]:
    wanted = set(pairs)
    places = [
        Place(contest, unit, unit, source, dict(tally))
        for (contest, unit, source), tally in tallies.items()
        if (contest, unit) in wanted and source != PLENO.code
    ]
    for contest, unit in pairs:
        for form in kept_rows_store.current(session, contest, unit):
            places += [Place(contest, unit, row.code, form.source, row.values) for row in form.rows]
    votes: dict[str, Sequence[FieldKey]] = {
        c.code: vote_keys(c) for c in meeting.contests if not c.is_party_list
    }
    return check_places(places, votes, meeting_limits(session), outliers=outliers)
