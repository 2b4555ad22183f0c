"""The desa and TPS behind one field of one kecamatan, read from the kept rows (see
domain/drill_down.py): the comparison's dialog and the projector's scene read it the same way."""

from __future__ import annotations

from rekap_desktop.domain.drill_down import DrillDown, drill_down
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.services.pleno_service import PlenoService


def unit_places(pleno: PlenoService, contest: str, unit: str, field: str) -> DrillDown | None:
    """Per source whose current form of the unit came as rows below it; None when none did
    (every source gave the kecamatan as one row)."""
    forms = pleno.kept_rows(contest, unit)
    if not forms:
        return None
    return drill_down(FieldKey(field), [(form.source, form.rows) for form in forms])
