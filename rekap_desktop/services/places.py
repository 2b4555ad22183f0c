"""What the kept desa/TPS rows tell: the places behind one field of one kecamatan (see
domain/drill_down.py; the comparison's dialog and the projector's scene read them the same way)
and the plausibility warnings (domain/plausibility.py), for the whole meeting or one kecamatan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rekap_desktop.domain.drill_down import DrillDown, drill_down
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.plausibility import Implausible, Place, check_places
from rekap_desktop.domain.sources import PLENO
from rekap_desktop.domain.tally import Tally, vote_keys
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.meeting_store import TallyKey


def unit_places(pleno: PlenoService, contest: str, unit: str, field: str) -> DrillDown | None:
    """Per source whose current form of the unit came as rows below it; None when none did
    (every source gave the kecamatan as one row)."""
    forms = pleno.kept_rows(contest, unit)
    if not forms:
        return None
    return drill_down(FieldKey(field), [(form.source, form.rows) for form in forms])


def meeting_plausibility(
    pleno: PlenoService, tallies: Mapping[TallyKey, Tally]
) -> tuple[Implausible, ...]:
    """The plausibility warnings (P01–P06) of every current form of the PPK, Sirekap, saksi and
    Bawaslu (the meeting's own determined values are checked by the rules) and of their kept
    TPS rows: what ``check --json`` lists."""
    meeting = pleno.pleno()
    pairs = [(c.code, u.code) for c in meeting.contests for u in meeting.units]
    return tuple(_implausible(pleno, tallies, pairs, outliers=True))


def unit_plausibility(pleno: PlenoService, contest: str, unit: str) -> list[Implausible]:
    """The warnings P01–P05 of one kecamatan × contest and its TPS, beside its numbers. P06
    compares with every TPS of the meeting: ``check --json`` gives it."""
    return _implausible(pleno, pleno.tallies(contest), [(contest, unit)], outliers=False)


def _implausible(
    pleno: PlenoService,
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
        for form in pleno.kept_rows(contest, unit):
            places += [Place(contest, unit, row.code, form.source, row.values) for row in form.rows]
    votes: dict[str, Sequence[FieldKey]] = {
        c.code: vote_keys(c) for c in pleno.pleno().contests if not c.is_party_list
    }
    return check_places(places, votes, outliers=outliers)
