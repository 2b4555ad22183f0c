"""The desa/TPS behind one field of a kecamatan on the projector (rincian per TPS), so the hall
sees which C.Hasil the meeting is about to check: the places that differ first, each source's
value, a likely misread in the status column. Paged like the form itself, readable from the back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rekap_desktop.domain.drill_down import DrillDown, PlaceLine
from rekap_desktop.domain.sources import Source, SourceKind, source_title
from rekap_desktop.gui.projector.cues import (
    MAX_TALLY_LINES,
    Cue,
    _chunks,
    _region_title,
    difference_pages,
)
from rekap_desktop.gui.projector.scenes import (
    DIFFERS_MARK,
    DIFFERS_STATUS,
    SIREKAP_NOTE,
    Determined,
    LogoScene,
    Scene,
    SourceColumn,
    TallyLine,
    TallyScene,
    banner_for,
)
from rekap_desktop.services.places import unit_places
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number


@dataclass(frozen=True)
class PlacesCue:
    contest: str
    unit: str
    field: str
    page: int = 0

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        banner = banner_for(service.is_demo(), determined)
        contest, unit = pleno.contest(self.contest), pleno.unit(self.unit)
        found = unit_places(service, self.contest, self.unit, self.field)
        if contest is None or unit is None or found is None:
            return LogoScene(banner, _region_title(pleno))
        every = [
            tuple(_line(found, line) for line in found.lines[part])
            for part in _chunks(len(found.lines), MAX_TALLY_LINES)
        ]
        page = max(0, min(self.page, len(every) - 1))
        label = field_label(self.field, pleno.kind.value)
        return TallyScene(
            banner,
            contest.title,
            f"Kecamatan {unit.name} ({unit.code})",
            f"Rincian per {found.level.value}: {label}",
            tuple(_column(code, contest.is_party_list) for code in found.sources),
            every[page],
            page + 1,
            len(every),
            difference_pages(every),
        )

    def stepped(self, step: int, service: PlenoService) -> Cue:
        scene = self.build(service, False)
        pages = scene.pages if isinstance(scene, TallyScene) else 1
        return replace(self, page=(self.page + step) % max(1, pages))


def _column(code: str, party_list: bool) -> SourceColumn:
    source = Source.stored(code)
    note = SIREKAP_NOTE if source.kind is SourceKind.SIREKAP else ""
    return SourceColumn(code, source_title(source, party_list), note)


def _line(found: DrillDown, line: PlaceLine) -> TallyLine:
    label = f"{line.tps_number} · {line.desa_code}" if line.tps_number else line.code
    differs = line.differs_from(found.reference)
    status = ""
    if line.misreads:
        status = f"{DIFFERS_MARK} salah baca? {line.misreads[0][1].split(' (')[0]}"
    elif line.differs:
        status = DIFFERS_STATUS
    cells = tuple("—" if value is None else format_number(value) for value in line.values)
    return TallyLine(label, cells, differs, status)
