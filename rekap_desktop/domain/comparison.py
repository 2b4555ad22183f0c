"""Source-vs-source comparison, field by field, with the PPK's form as the reference (item 10)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from rekap_desktop.domain.election import Contest, ElectionKind, Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.labels import row_label
from rekap_desktop.domain.misreads import Misread, impossible_values, swap_misread
from rekap_desktop.domain.rules import Finding, RuleContext, Severity, check_tally
from rekap_desktop.domain.sources import BAWASLU, PLENO, PPK, SIREKAP, Source, SourceKind
from rekap_desktop.domain.tally import Tally, unit_form_keys


class CellStatus(StrEnum):
    REFERENCE = "reference"
    """The PPK form itself."""
    AGREES = "agrees"
    DIFFERS = "differs"
    MISSING = "missing"
    """This source did not record the field."""
    NO_REFERENCE = "no_reference"
    """Recorded, but the PPK form has no value to compare with."""


@dataclass(frozen=True)
class Difference:
    """A field on which the recorded sources disagree, with every source's value."""

    field: FieldKey
    values: Mapping[Source, int | None]

    def differing_sources(self) -> tuple[Source, ...]:
        reference = self.values.get(PPK)
        if reference is None:
            return tuple(s for s, v in self.values.items() if v is not None)
        return tuple(s for s, v in self.values.items() if v is not None and v != reference)


def cell_status(value: int | None, reference: int | None, is_reference: bool) -> CellStatus:
    if is_reference:
        return CellStatus.REFERENCE if value is not None else CellStatus.MISSING
    if value is None:
        return CellStatus.MISSING
    if reference is None:
        return CellStatus.NO_REFERENCE
    return CellStatus.AGREES if value == reference else CellStatus.DIFFERS


def differences(
    tallies: Mapping[Source, Tally], keys: Iterable[FieldKey], reference: Source = PPK
) -> list[Difference]:
    """Fields (in ``keys`` order) where at least two recorded sources disagree."""
    ordered = sorted(tallies, key=lambda s: s.sort_key)
    found: list[Difference] = []
    for key in keys:
        values = {s: tallies[s].value(key) for s in ordered}
        recorded = {v for v in values.values() if v is not None}
        if len(recorded) > 1:
            found.append(Difference(key, {s: v for s, v in values.items() if v is not None}))
    return found


# -- the comparison grid of one kecamatan × contest (procedure items 7–10) -------------------


class RowState(StrEnum):
    AGREES = "agrees"
    """Every recorded source equals the PPK form."""
    DIFFERS = "differs"
    """At least one source differs from the PPK form and nothing is determined yet."""
    SETTLED = "settled"
    """The meeting determined a value (source ``pleno``)."""
    NO_REFERENCE = "no_reference"
    """Other sources recorded the field but the PPK form did not."""
    UNRECORDED = "unrecorded"
    """No source recorded the field."""


OPEN_STATES = frozenset({RowState.DIFFERS, RowState.NO_REFERENCE})


@dataclass(frozen=True)
class Cell:
    """One source's value of one field, its status against the PPK form and what it concerns."""

    source: Source
    value: int | None
    status: CellStatus
    findings: tuple[Finding, ...] = ()
    misreads: tuple[Misread, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


@dataclass(frozen=True)
class ComparisonRow:
    field: FieldKey
    label: str
    cells: tuple[Cell, ...]
    state: RowState

    def cell(self, source: Source) -> Cell | None:
        return next((c for c in self.cells if c.source == source), None)

    @property
    def differing_sources(self) -> tuple[Source, ...]:
        return tuple(
            c.source for c in self.cells if c.status is CellStatus.DIFFERS and c.source != PLENO
        )

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True)
class ComparisonSummary:
    agreeing: int
    differing: int
    """Rows still open: a source differs (or the PPK lacks the field) and nothing is settled."""
    settled: int
    unrecorded: int
    differing_sources: tuple[Source, ...]
    """Sources that differ from the PPK form on at least one row (settled or not)."""


@dataclass(frozen=True)
class SourceNote:
    """A finding or likely misread of one source's form, for the side list."""

    source: Source
    fields: tuple[FieldKey, ...]
    severity: Severity
    code: str
    message: str
    advice: str


@dataclass(frozen=True)
class Comparison:
    """The side-by-side comparison of one kecamatan × contest; Qt-free, the view only paints it."""

    contest: Contest
    unit: Unit
    columns: tuple[Source, ...]
    rows: tuple[ComparisonRow, ...]
    summary: ComparisonSummary
    notes: tuple[SourceNote, ...]
    has_reference: bool
    """Whether the PPK form of the pair is recorded at all."""
    determined_findings: tuple[Finding, ...] = ()
    """Rule findings of the values the meeting determines: the PPK form with every settled
    (pleno) value over it — the numbers the D.Hasil will print."""

    @property
    def determined_errors(self) -> tuple[Finding, ...]:
        """The errors among :attr:`determined_findings`: each must be corrected, or the meeting
        must record an explicit decision on it, before the pair is read or the result set."""
        return tuple(f for f in self.determined_findings if f.severity is Severity.ERROR)

    def row(self, field: str) -> ComparisonRow | None:
        return next((r for r in self.rows if r.field == field), None)

    def only_differences(self) -> tuple[ComparisonRow, ...]:
        """Filter "hanya selisih": rows where some source differs, open or settled."""
        return tuple(r for r in self.rows if r.state in OPEN_STATES or r.state is RowState.SETTLED)

    @property
    def is_complete(self) -> bool:
        """Every field agrees or is settled: the pair may be marked read."""
        return self.has_reference and self.summary.differing == 0


def comparison_columns(sources: Iterable[Source]) -> tuple[Source, ...]:
    """PPK | Sirekap | each saksi copy present | Bawaslu | determined value (pleno)."""
    saksi = sorted((s for s in sources if s.kind is SourceKind.SAKSI), key=lambda s: s.sort_key)
    return (PPK, SIREKAP, *saksi, BAWASLU, PLENO)


Siblings = Mapping[str, Mapping[Source, Tally]]
"""The same kecamatan's forms in the other contests held with this one, by contest title."""


def determined_form(forms: Mapping[Source, Tally]) -> Tally:
    """The values the meeting determines for a pair: the PPK form, settled values over it."""
    return forms.get(PPK, Tally()).overlay(forms.get(PLENO, Tally()))


def unit_forms(
    tallies: Mapping[tuple[str, str, str], Tally], unit: str
) -> dict[str, dict[Source, Tally]]:
    """Contest code → source → form of one kecamatan, from stored (contest, unit, source) keys."""
    found: dict[str, dict[Source, Tally]] = {}
    for (contest, at, code), tally in tallies.items():
        if at == unit and (source := Source.parse(code)) is not None:
            found.setdefault(contest, {})[source] = tally
    return found


def siblings_of(
    contest: Contest, contests: Iterable[Contest], by_contest: Mapping[str, Mapping[Source, Tally]]
) -> dict[str, Mapping[Source, Tally]]:
    """The other contests' forms of the kecamatan in ``by_contest`` (see :func:`unit_forms`)."""
    return {
        c.title: by_contest[c.code]
        for c in contests
        if c.code != contest.code and c.code in by_contest
    }


def sibling_forms(siblings: Siblings, source: Source) -> tuple[tuple[str, Tally], ...]:
    """(title, form) of ``source`` in each other contest (``pleno``: the determined values)."""
    found = []
    for title, forms in siblings.items():
        form = determined_form(forms) if source == PLENO else forms.get(source, Tally())
        if form:
            found.append((title, form))
    return tuple(found)


def pair_context(contest: Contest, unit: Unit, kind: ElectionKind) -> RuleContext:
    """What the rules know of a kecamatan × contest besides its numbers."""
    district = contest.district_of(unit.code)
    return RuleContext(kind, unit.tps_count, district.code if district else None)


def determined_findings(
    contest: Contest,
    unit: Unit,
    kind: ElectionKind,
    forms: Mapping[Source, Tally],
    siblings: Siblings | None = None,
) -> tuple[Finding, ...]:
    """Rule findings of the values the meeting determines for the pair (none without the PPK
    form: there is nothing determined yet), beside the other contests' determined values."""
    if PPK not in forms:
        return ()
    context = replace(
        pair_context(contest, unit, kind), siblings=sibling_forms(siblings or {}, PLENO)
    )
    return tuple(check_tally(determined_form(forms), contest, context))


def compare(
    contest: Contest,
    unit: Unit,
    kind: ElectionKind,
    tallies: Mapping[Source, Tally],
    siblings: Siblings | None = None,
) -> Comparison:
    """Compare every source of one kecamatan × contest with its PPK form, field by field;
    ``siblings``: the kecamatan's forms in the other contests of the Pilkada (rule R17)."""
    columns = comparison_columns(tallies)
    forms = {s: tallies.get(s, Tally()) for s in columns}
    reference = forms[PPK]
    checked = _checked_forms(forms, reference)
    context = pair_context(contest, unit, kind)
    others = siblings or {}
    findings = {
        s: check_tally(t, contest, replace(context, siblings=sibling_forms(others, s)))
        for s, t in checked
    }
    misreads = _misreads(forms, reference, unit.tps_count)
    rows = tuple(
        _row(
            key, row_label(contest, key, kind, context.district), columns, forms, findings, misreads
        )
        for key in unit_form_keys(contest, unit.code)
    )
    notes = _notes(columns, findings, misreads)
    return Comparison(
        contest,
        unit,
        columns,
        rows,
        _summary(rows, columns),
        notes,
        PPK in tallies,
        determined_findings(contest, unit, kind, tallies, others),
    )


def _checked_forms(forms: Mapping[Source, Tally], reference: Tally) -> list[tuple[Source, Tally]]:
    """The forms the rules run on; the determined column is checked as PPK + determined values."""
    checked = [(s, t) for s, t in forms.items() if s != PLENO and t]
    if forms[PLENO]:
        checked.append((PLENO, reference.overlay(forms[PLENO])))
    return checked


def _misreads(
    forms: Mapping[Source, Tally], reference: Tally, tps_count: int | None
) -> dict[tuple[Source, FieldKey], list[Misread]]:
    found: dict[tuple[Source, FieldKey], list[Misread]] = {}
    for source, tally in forms.items():
        for misread in impossible_values(tally, reference, tps_count):
            found.setdefault((source, misread.field), []).append(misread)
        if source in (PPK, PLENO):
            continue
        for key, value in tally.items():
            swap = swap_misread(key, reference.value(key), value)
            if swap is not None:
                found.setdefault((source, key), []).append(swap)
    return found


def _row(
    key: FieldKey,
    label: str,
    columns: tuple[Source, ...],
    forms: Mapping[Source, Tally],
    findings: Mapping[Source, list[Finding]],
    misreads: Mapping[tuple[Source, FieldKey], list[Misread]],
) -> ComparisonRow:
    reference = forms[PPK].value(key)
    cells = tuple(
        Cell(
            source,
            forms[source].value(key),
            cell_status(forms[source].value(key), reference, source == PPK),
            tuple(f for f in findings.get(source, ()) if key in f.fields),
            tuple(misreads.get((source, key), ())),
        )
        for source in columns
    )
    return ComparisonRow(key, label, cells, _state(cells))


def _state(cells: tuple[Cell, ...]) -> RowState:
    by_source = {c.source: c for c in cells}
    if by_source[PLENO].value is not None:
        return RowState.SETTLED
    others = [c for c in cells if c.source not in (PPK, PLENO) and c.value is not None]
    if by_source[PPK].value is None:
        return RowState.NO_REFERENCE if others else RowState.UNRECORDED
    if any(c.status is CellStatus.DIFFERS for c in others):
        return RowState.DIFFERS
    return RowState.AGREES


def _summary(rows: tuple[ComparisonRow, ...], columns: tuple[Source, ...]) -> ComparisonSummary:
    differing = {s for r in rows for s in r.differing_sources}
    return ComparisonSummary(
        agreeing=sum(r.state is RowState.AGREES for r in rows),
        differing=sum(r.is_open for r in rows),
        settled=sum(r.state is RowState.SETTLED for r in rows),
        unrecorded=sum(r.state is RowState.UNRECORDED for r in rows),
        differing_sources=tuple(s for s in columns if s in differing),
    )


def _notes(
    columns: tuple[Source, ...],
    findings: Mapping[Source, list[Finding]],
    misreads: Mapping[tuple[Source, FieldKey], list[Misread]],
) -> tuple[SourceNote, ...]:
    notes: list[SourceNote] = []
    for source in columns:
        notes.extend(
            SourceNote(source, f.fields, f.severity, f.code, f.message, f.advice)
            for f in findings.get(source, ())
        )
        for (owner, key), found in misreads.items():
            if owner == source:
                notes.extend(
                    SourceNote(source, (key,), Severity.WARNING, "SALAH BACA", m.message, "")
                    for m in found
                )
    return tuple(notes)
