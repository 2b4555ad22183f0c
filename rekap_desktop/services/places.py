"""The desa and TPS behind one field of one kecamatan, read from the kept rows (see
domain/drill_down.py): the comparison's dialog and the projector's scene read it the same way."""

from __future__ import annotations

from rekap_desktop.domain.drill_down import DrillDown, drill_down
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.plausibility import Implausible, Place, check_places
from rekap_desktop.domain.sources import PLENO
from rekap_desktop.domain.tally import vote_keys
from rekap_desktop.services.pleno_service import PlenoService


def unit_places(pleno: PlenoService, contest: str, unit: str, field: str) -> DrillDown | None:
    """Per source whose current form of the unit came as rows below it; None when none did
    (every source gave the kecamatan as one row)."""
    forms = pleno.kept_rows(contest, unit)
    if not forms:
        return None
    return drill_down(FieldKey(field), [(form.source, form.rows) for form in forms])


def unit_plausibility(pleno: PlenoService, contest: str, unit: str) -> list[Implausible]:
    """The plausibility warnings P01–P05 of one kecamatan × contest: its forms from every source
    (not the meeting's own) and their kept TPS rows. P06 compares with every TPS of the meeting:
    ``check --json`` gives it."""
    found = pleno.pleno().contest(contest)
    if found is None or found.is_party_list:
        return []
    forms = pleno.tallies(contest)
    places = [
        Place(contest, unit, unit, source, dict(tally))
        for (_c, code, source), tally in forms.items()
        if code == unit and source != PLENO.code
    ]
    for form in pleno.kept_rows(contest, unit):
        places += [Place(contest, unit, row.code, form.source, row.values) for row in form.rows]
    return check_places(places, {contest: vote_keys(found)}, outliers=False)
