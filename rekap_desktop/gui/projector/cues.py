"""Cues: what the operator asks the projector to show, rebuilt into a scene from committed state.

A cue names its subject (a contest, a kecamatan, a page …), never its numbers: each build reads
the service again, so the live screen follows every committed change and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import datetime
from typing import Protocol, runtime_checkable

from rekap_desktop.domain.comparison import CellStatus, cell_status
from rekap_desktop.domain.election import Choice, Contest, Pleno, Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.labels import row_label
from rekap_desktop.domain.sources import PLENO, PPK, Source, SourceKind
from rekap_desktop.domain.tally import (
    BALLOT_KEYS,
    DISABILITY_KEYS,
    RESULT_KEYS,
    RETURNED_NOTICES,
    VOTER_KEYS,
    Tally,
    choice_number,
    party_number,
    sum_tallies,
    vote_key,
    vote_keys,
)
from rekap_desktop.gui.projector.scenes import (
    AGREED,
    CORRECTED,
    DIFFERS_MARK,
    DIFFERS_STATUS,
    INCOMPLETE,
    READ_MARK,
    SETTLED_MARK,
    SIREKAP_NOTE,
    AgendaTextScene,
    BlankScene,
    Determined,
    IncidentScene,
    LogoScene,
    PauseScene,
    PhotoScene,
    RecapLine,
    RecapScene,
    Scene,
    SourceColumn,
    TallyLine,
    TallyScene,
    TitleScene,
    banner_for,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import recap_contests
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_date, format_number

MAX_TALLY_LINES = 15
"""Form rows per tally page: 12 choices + the three totals of section V fit on one page."""
UNITS_PER_PAGE = 14
UNITS_PER_PAGE_CHART_BELOW = 8
"""With more than three choices the chart takes a band under the table, leaving fewer rows."""
CHOICES_PER_PAGE = 6
TOTAL_LABEL = "JUMLAH"


class Cue(Protocol):
    def build(self, service: PlenoService, determined: Determined) -> Scene: ...


@runtime_checkable
class PagedCue(Protocol):
    """A cue of several pages (or parties) the operator steps through with [ and ]."""

    def build(self, service: PlenoService, determined: Determined) -> Scene: ...

    def stepped(self, step: int, service: PlenoService) -> Cue: ...


def _page_stepped(cue: TallyCue | RecapCue, step: int, service: PlenoService) -> Cue:
    scene = cue.build(service, False)
    pages = scene.pages if isinstance(scene, TallyScene | RecapScene) else 1
    return replace(cue, page=(cue.page + step) % max(1, pages))


@dataclass(frozen=True)
class TitleCue:
    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        return TitleScene(
            banner_for(service.is_demo(), determined),
            pleno.name,
            _region_title(pleno),
            pleno.place or "",
            format_date(pleno.held_on) if pleno.held_on else "",
        )


@dataclass(frozen=True)
class AgendaCue:
    number: int
    title: str
    text: str

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        banner = banner_for(service.is_demo(), determined)
        return AgendaTextScene(banner, self.number, self.title, self.text)


@dataclass(frozen=True)
class TallyCue:
    contest: str
    unit: str
    page: int = 0

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        contest, unit = pleno.contest(self.contest), pleno.unit(self.unit)
        if contest is None or unit is None:
            return LogoScene(banner_for(service.is_demo(), determined), _region_title(pleno))
        forms = unit_forms(service, contest.code, unit.code)
        district = contest.district_of(unit.code)
        pages = _tally_pages(contest, district.code if district else None)
        page = max(0, min(self.page, len(pages) - 1))
        every = [
            tuple(_tally_line(contest, pleno, unit.code, key, forms) for key in keys)
            for _, keys in pages
        ]
        return TallyScene(
            banner_for(service.is_demo(), determined),
            contest.title,
            f"Kecamatan {unit.name} ({unit.code})",
            pages[page][0],
            forms.columns(),
            every[page],
            page + 1,
            len(pages),
            difference_pages(every),
            forms.legend(),
        )

    def stepped(self, step: int, service: PlenoService) -> Cue:
        return _page_stepped(self, step, service)


@dataclass(frozen=True)
class RecapCue:
    contest: str
    page: int = 0
    read_units: frozenset[str] = field(default_factory=frozenset)
    """Kecamatan already read out; the procedure service supplies them."""

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        banner = banner_for(service.is_demo(), determined)
        found = recap_contests(service, self.contest)
        if not found:
            return LogoScene(banner, _region_title(pleno))
        recap = found[0].recap
        if recap.contest.is_party_list:
            from rekap_desktop.gui.projector.party_cues import legislative_recap_scene

            return legislative_recap_scene(banner, found[0], self.page, self.read_units)
        choices = recap.contest.choices
        per_page = UNITS_PER_PAGE if len(choices) <= 3 else UNITS_PER_PAGE_CHART_BELOW
        unit_pages = _chunks(len(recap.units), per_page)
        choice_pages = _chunks(len(choices), CHOICES_PER_PAGE)
        pages = len(unit_pages) * len(choice_pages)
        page = max(0, min(self.page, pages - 1))
        units = unit_pages[page % len(unit_pages)]
        shown = choices[choice_pages[page // len(unit_pages)]]
        keys = [vote_key(c.number) for c in shown]
        totals, total_label = read_total(recap.units, self.read_units)
        read_count = sum(u.code in self.read_units for u, _ in recap.units)
        spread = recap.outcome.spread
        # the decision rests on every kecamatan: shown only when the JUMLAH is complete too
        spread_lines = spread.lines() if spread and read_count == len(recap.units) else ()

        def line(code: str, name: str, tally: Tally, read: bool) -> RecapLine:
            cells = tuple(format_number(tally.value(k)) for k in keys)
            return RecapLine(code, name, cells, format_number(tally.value("suara_sah")), read)

        return RecapScene(
            banner,
            recap.contest.title,
            _recap_source_note(found[0].source),
            tuple(_choice_header(c) for c in shown),
            tuple(
                line(u.code, u.name, t, u.code in self.read_units) for u, t in recap.units[units]
            ),
            line("", total_label, totals, False),
            tuple(
                (
                    _bar_label(c),
                    totals.value(vote_key(c.number)) or 0,
                )
                for c in choices
            ),
            read_count,
            len(recap.units),
            page + 1,
            pages,
            spread_lines=spread_lines,
        )

    def stepped(self, step: int, service: PlenoService) -> Cue:
        return _page_stepped(self, step, service)


@dataclass(frozen=True)
class PhotoCue:
    path: str
    caption: str
    zoom: float = 1.0

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        banner = banner_for(service.is_demo(), determined)
        return PhotoScene(banner, self.path, self.caption, self.zoom)


@dataclass(frozen=True)
class IncidentCue:
    number: int

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        banner = banner_for(service.is_demo(), determined)
        pleno = service.pleno()
        entry = next((i for i in service.incidents() if i.number == self.number), None)
        if entry is None:
            return LogoScene(banner, _region_title(pleno))
        unit = pleno.unit_for(entry.unit) if entry.unit else None
        contest = pleno.contest(entry.contest) if entry.contest else None
        where = ", ".join(
            part
            for part in (
                f"Kecamatan {unit.name}" if unit else "",
                contest.title if contest else "",
            )
            if part
        )
        return IncidentScene(
            banner,
            entry.number,
            INCIDENT_KINDS.get(entry.kind, entry.kind),
            INCIDENT_STATUSES.get(entry.status, entry.status),
            where or "Seluruh rapat",
            entry.raised_by,
            entry.description,
        )


@dataclass(frozen=True)
class PauseCue:
    since: datetime
    reason: str = ""

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        return PauseScene(banner_for(service.is_demo(), determined), self.since, self.reason)


@dataclass(frozen=True)
class BlankCue:
    def build(self, service: PlenoService, determined: Determined) -> Scene:
        return BlankScene()


@dataclass(frozen=True)
class LogoCue:
    def build(self, service: PlenoService, determined: Determined) -> Scene:
        banner = banner_for(service.is_demo(), determined)
        return LogoScene(banner, _region_title(service.pleno()))


INCIDENT_KINDS = {
    "kejadian_khusus": "Kejadian Khusus",
    "keberatan_saksi": "Keberatan Saksi",
    "keberatan_bawaslu": "Keberatan Bawaslu",
    "masalah_lain": "Masalah lain",
}
INCIDENT_STATUSES = {
    "terbuka": "Terbuka — belum diselesaikan",
    "diselesaikan": "Diselesaikan",
    "tidak_dapat_diselesaikan": "Tidak dapat diselesaikan",
}


def _region_title(pleno: Pleno) -> str:
    return pleno.region.name


@dataclass(frozen=True)
class UnitForms:
    """The forms of one kecamatan × contest as the hall sees them."""

    sources: list[Source]
    """Every source recorded, in column order."""
    shown: dict[Source, Tally]
    """Each source's values; the Pleno column holds the determined value of every row (the
    PPK's where the meeting corrected nothing)."""
    settled: Tally
    """The values the meeting determined (corrections and agreements), row by row."""
    partial: dict[Source, tuple[int, int]]
    """Sources from a partial Sirekap upload: (TPS uploaded, TPS in all)."""
    party_list: bool = False

    def values(self, key: FieldKey) -> dict[Source, int | None]:
        return {source: self.shown[source].value(key) for source in self.sources}

    def columns(self) -> tuple[SourceColumn, ...]:
        return tuple(_column(s, self.party_list, self.partial.get(s)) for s in self.sources)

    def legend(self) -> str:
        return "".join(
            f" · Sirekap {INCOMPLETE} ({done} dari {total} TPS): angkanya belum dibandingkan"
            for done, total in self.partial.values()
        )


def unit_forms(
    service: PlenoService, contest: str, unit: str, party_list: bool = False
) -> UnitForms:
    """The pair as the hall sees it, from the read model the cockpit shares."""
    view = service.pairs.view(contest, unit)
    forms = dict(view.forms)
    if PLENO in forms:
        forms[PLENO] = view.determined
    sources = sorted(forms, key=lambda s: s.sort_key)
    return UnitForms(sources, forms, view.settled, dict(view.partial), party_list)


def difference_pages(pages: list[tuple[TallyLine, ...]]) -> tuple[int, ...]:
    """The pages (1-based) with a row still differing."""
    return tuple(i + 1 for i, lines in enumerate(pages) if any(r.has_difference for r in lines))


def _column(
    source: Source, party_list: bool = False, partial: tuple[int, int] | None = None
) -> SourceColumn:
    if source.kind is SourceKind.SIREKAP:
        if partial is not None:
            done, total = partial
            return SourceColumn(
                source.code, "Sirekap", f"{SIREKAP_NOTE} – {INCOMPLETE}: {done}/{total} TPS"
            )
        return SourceColumn(source.code, "Sirekap", SIREKAP_NOTE)
    if source.kind is SourceKind.SAKSI:
        note = "salinan saksi partai" if party_list else "salinan saksi"
        return SourceColumn(source.code, f"Saksi {source.choice}", note)
    titles = {
        SourceKind.PPK: ("PPK", "D.Hasil (rujukan)"),
        SourceKind.BAWASLU: ("Bawaslu", ""),
        SourceKind.PLENO: ("Pleno", "yang ditetapkan"),
    }
    title, note = titles[source.kind]
    return SourceColumn(source.code, title, note)


def _tally_pages(
    contest: Contest, district: str | None = None
) -> list[tuple[str, tuple[FieldKey, ...]]]:
    """Votes first (what the hall waits for), then the form's sections I and II–III; a
    legislative contest has the rows of the unit's dapil."""
    sections = (
        ("IV–V. Perolehan suara", vote_keys(contest, district) + RESULT_KEYS),
        ("I. Data pemilih dan pengguna hak pilih", VOTER_KEYS),
        (
            "II–III. Surat suara dan pemilih disabilitas",
            BALLOT_KEYS + DISABILITY_KEYS + (RETURNED_NOTICES,),
        ),
    )
    pages: list[tuple[str, tuple[FieldKey, ...]]] = []
    for title, keys in sections:
        chunks = _chunks(len(keys), MAX_TALLY_LINES)
        for i, part in enumerate(chunks):
            suffix = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
            pages.append((title + suffix, keys[part]))
    return pages


def _tally_line(
    contest: Contest, pleno: Pleno, unit: str, key: FieldKey, forms: UnitForms
) -> TallyLine:
    found = contest.district_of(unit)
    label = _line_label(contest, pleno, key, found.code if found else None)
    return compared_line(label, forms.values(key), forms, forms.settled.value(key))


def compared_line(
    label: str, values: dict[Source, int | None], forms: UnitForms, determined: int | None
) -> TallyLine:
    """A row with each source's value as text, marked ≠ where it differs from the PPK's (the
    reference) while the row is open; a row the meeting determined says how it was settled,
    and a partial Sirekap upload is not compared (it holds only some TPS)."""
    reference = values.get(PPK)
    settled = determined is not None
    cells: list[str] = []
    differs: list[bool] = []
    incomplete = False
    for source in forms.sources:
        value = values.get(source)
        status = cell_status(value, reference, source in (PPK, PLENO))
        if source in forms.partial and status in (CellStatus.DIFFERS, CellStatus.MISSING):
            incomplete = True
            differs.append(False)
            cells.append(format_number(value))
            continue
        is_open = status is CellStatus.DIFFERS and not settled
        differs.append(is_open)
        cells.append((f"{DIFFERS_MARK} " if is_open else "") + format_number(value))
    if settled:
        word = AGREED if determined == reference else CORRECTED
        state = f"{SETTLED_MARK} {word}"
    elif any(differs):
        state = DIFFERS_STATUS
    else:
        state = INCOMPLETE if incomplete else ""
    return TallyLine(label, tuple(cells), tuple(differs), state)


def _line_label(contest: Contest, pleno: Pleno, key: FieldKey, district: str | None = None) -> str:
    number = choice_number(key)
    choice = contest.choice(number) if number is not None else None
    if choice is not None:
        return f"IV. {choice.label('No. ')}"
    if contest.is_party_list and party_number(key) is not None:
        return row_label(contest, key, pleno.kind, district)
    return field_label(key, pleno.kind.value)


def _choice_header(choice: Choice) -> str:
    return choice.label("", ". ")


def _bar_label(choice: Choice) -> str:
    return choice.ballot_name if choice.blank_column else str(choice.number)


def read_total(
    units: Sequence[tuple[Unit, Tally]], read_units: frozenset[str]
) -> tuple[Tally, str]:
    """The running JUMLAH: the sum of the kecamatan already read out, and its label (it names how
    many were read while some are not)."""
    read = [tally for unit, tally in units if unit.code in read_units]
    if len(read) == len(units):
        return sum_tallies(read), TOTAL_LABEL
    if not read:
        return Tally(), f"{TOTAL_LABEL} (belum dibacakan)"
    return sum_tallies(read), f"{TOTAL_LABEL} {READ_MARK} {len(read)} kec."


def _recap_source_note(source: str) -> str:
    if source == PLENO.code:
        return "Sumber: hasil pleno (formulir D.Hasil PPK + pembetulan)"
    return "Sumber: formulir D.Hasil PPK"


def _chunks(count: int, size: int) -> list[slice]:
    """Slices of ``size`` covering ``count`` items; one empty slice when there are none."""
    return [slice(i, i + size) for i in range(0, count, size)] or [slice(0, 0)]


def describe_cue(cue: Cue) -> str:
    """One line naming ``cue`` and its fields (long texts cut), the same for the same cue in
    every run: the log says what the room was shown."""
    name = type(cue).__name__.removesuffix("Cue")
    if not is_dataclass(cue):
        return name
    parts: list[str] = []
    for spec in fields(cue):
        value = getattr(cue, spec.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        text = str(value)
        parts.append(f"{spec.name}={text[:40] + '…' if len(text) > 40 else text}")
    return f"{name}({', '.join(parts)})"
