"""Cues of a legislative contest (DPR, DPRD): a kecamatan's parties, one party at a time, and the
recapitulation per dapil.

A legislative kecamatan has some two hundred rows; the hall follows it as a summary of every
party's total (sources side by side), then one party's block at a time: its party-only votes,
each candidate of the kecamatan's dapil and the party's total.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rekap_desktop.domain.election import Contest, Party
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.sources import Source
from rekap_desktop.domain.tally import (
    Tally,
    candidate_key,
    party_key,
    party_total_key,
    party_totals,
    party_vote_keys,
    sum_tallies,
)
from rekap_desktop.gui.projector.cues import (
    CHOICES_PER_PAGE,
    UnitForms,
    _chunks,
    _recap_source_note,
    _region_title,
    compared_line,
    difference_pages,
    read_total,
    unit_forms,
)
from rekap_desktop.gui.projector.scenes import (
    BannerState,
    Determined,
    LogoScene,
    RecapLine,
    RecapScene,
    Scene,
    TallyLine,
    TallyScene,
    banner_for,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import ContestRecap
from rekap_desktop.text.numbers import format_number

PARTIES_PER_SUMMARY_PAGE = 9
"""Eighteen parties on two summary pages keep the rows well above the legible minimum."""
TOTAL_LABEL = "JUMLAH"
"""The party's total: its party-only votes plus its candidates' votes."""


@dataclass(frozen=True)
class PartyCue:
    """One kecamatan of a legislative contest. ``index`` walks the views: first the summary
    pages (every party's total), then each party's candidates in ballot order."""

    contest: str
    unit: str
    index: int = 0

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        banner = banner_for(service.is_demo(), determined)
        contest, unit = pleno.contest(self.contest), pleno.unit(self.unit)
        if contest is None or unit is None or not contest.parties:
            return LogoScene(banner, _region_title(pleno))
        forms = unit_forms(service, contest.code, unit.code, party_list=True)
        district = contest.district_of(unit.code)
        dapil = district.code if district else None
        where = f"Kec. {unit.name} ({unit.code})" + (
            f" · Dapil {district.code}" if district else ""
        )
        views = view_count(contest)
        index = self.index % views
        summary_pages = _chunks(len(contest.parties), PARTIES_PER_SUMMARY_PAGE)
        totals = _party_total_values(contest, dapil, forms)
        every = [
            tuple(
                _total_line(f"{p.number}. {p.name}", p, totals, forms)
                for p in contest.parties[chunk]
            )
            for chunk in summary_pages
        ] + [_party_lines(contest, party, dapil, forms, totals) for party in contest.parties]
        marked = difference_pages(every)
        if index < len(summary_pages):
            pages = len(summary_pages)
            section = "jumlah suara per partai" + (f" ({index + 1}/{pages})" if pages > 1 else "")
            title = contest.title
        else:
            party = contest.parties[index - len(summary_pages)]
            # The party is what the hall looks for: it takes the title, the contest the subtitle.
            title, section = f"Partai {party.number}. {party.name}", contest.title
        return TallyScene(
            banner,
            title,
            where,
            section,
            forms.columns(),
            every[index],
            index + 1,
            views,
            marked,
            forms.legend(),
        )

    def stepped(self, step: int, service: PlenoService) -> PartyCue:
        """The next (``step`` 1) or previous (-1) view, wrapping around."""
        contest = service.pleno().contest(self.contest)
        views = view_count(contest) if contest is not None else 1
        return replace(self, index=(self.index + step) % views)

    def for_party(self, service: PlenoService, number: int) -> PartyCue:
        """The view of one party's candidates."""
        contest = service.pleno().contest(self.contest)
        if contest is None:
            return self
        summary = len(_chunks(len(contest.parties), PARTIES_PER_SUMMARY_PAGE))
        position = next((i for i, p in enumerate(contest.parties) if p.number == number), 0)
        return replace(self, index=summary + position)


def view_count(contest: Contest) -> int:
    """Summary pages plus one view per party."""
    return len(_chunks(len(contest.parties), PARTIES_PER_SUMMARY_PAGE)) + len(contest.parties)


def _party_total_values(
    contest: Contest, district: str | None, forms: UnitForms
) -> dict[int, dict[Source, int | None]]:
    """Per party, each source's total: the total written on its form, else the sum of the
    party's rows it recorded (a saksi copy may leave the written total out)."""
    computed = {s: party_totals(contest, forms.shown[s], district) for s in forms.sources}
    found: dict[int, dict[Source, int | None]] = {}
    for party in contest.parties:
        key = party_total_key(party.number)
        keys = party_vote_keys(contest, party, district)
        values: dict[Source, int | None] = {}
        for source in forms.sources:
            tally = forms.shown[source]
            written = tally.value(key)
            if written is None and any(tally.value(k) is not None for k in keys):
                written = computed[source][party.number]
            values[source] = written
        found[party.number] = values
    return found


def _total_line(
    label: str, party: Party, totals: dict[int, dict[Source, int | None]], forms: UnitForms
) -> TallyLine:
    key = party_total_key(party.number)
    return compared_line(label, totals[party.number], forms, forms.settled.value(key))


def _party_lines(
    contest: Contest,
    party: Party,
    district: str | None,
    forms: UnitForms,
    totals: dict[int, dict[Source, int | None]],
) -> tuple[TallyLine, ...]:
    rows: list[tuple[str, FieldKey]] = [("Suara partai saja", party_key(party.number))]
    rows += [
        (
            f"{c.number}. {c.name}" + (f" ({c.sex})" if c.sex else ""),
            candidate_key(party.number, c.number),
        )
        for c in contest.candidates(party, district)
    ]
    lines = [
        compared_line(label, forms.values(key), forms, forms.settled.value(key))
        for label, key in rows
    ]
    lines.append(_total_line(TOTAL_LABEL, party, totals, forms))
    return tuple(lines)


def legislative_recap_scene(
    banner: BannerState, found: ContestRecap, page: int, read_units: frozenset[str]
) -> RecapScene:
    """The running recapitulation of a legislative contest: dapil × parties (each party's total
    of party-only and candidate votes), six parties a page, and a chart of every party's total."""
    recap = found.recap
    contest = recap.contest
    tallies = {unit.code: tally for unit, tally in recap.units}
    party_pages = _chunks(len(contest.parties), CHOICES_PER_PAGE)
    page = max(0, min(page, len(party_pages) - 1))
    shown = contest.parties[party_pages[page]]

    def line(code: str, name: str, tally: Tally, read: bool) -> RecapLine:
        totals = party_totals(contest, tally, None)
        cells = tuple(format_number(totals[p.number] if tally else None) for p in shown)
        return RecapLine(code, name, cells, format_number(tally.value("suara_sah")), read)

    lines: list[RecapLine] = []
    for district in contest.districts:
        units = [c for c in tallies if contest.district_of(c) is district]
        subtotal = sum_tallies(tallies[c] for c in units)
        read = bool(units) and all(c in read_units for c in units)
        name = f"{district.name} ({district.seats} kursi)"
        lines.append(line(district.code, name, subtotal, read))
    totals, total_label = read_total(recap.units, read_units)
    grand = party_totals(contest, totals, None)
    return RecapScene(
        banner,
        contest.title,
        _recap_source_note(found.source),
        tuple(f"{p.number}. {p.name}" for p in shown),
        tuple(lines),
        line("", total_label, totals, False),
        tuple((str(p.number), grand[p.number]) for p in contest.parties),
        sum(u.code in read_units for u, _ in recap.units),
        len(recap.units),
        page + 1,
        len(party_pages),
        "Dapil",
    )
