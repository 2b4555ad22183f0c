"""Snapshots of the D.Hasil of a legislative contest: one sheet per daerah pemilihan, its columns
the meeting's units in that dapil, section IV per party with the dapil's own candidate list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rekap_desktop.documents.d_hasil import ResultRow, ResultSection
from rekap_desktop.documents.d_hasil_legislatif import (
    DistrictSheet,
    LegislativeDHasilSnapshot,
    PartyBlock,
)
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.pengumuman import AnnouncedChoice, AnnouncedContest
from rekap_desktop.domain.election import Candidate, Contest, District, Party, Pleno, Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.seat_law import seat_allocation_rule
from rekap_desktop.domain.tally import (
    INVALID,
    RESULT_KEYS,
    TOTAL,
    VALID,
    Tally,
    candidate_key,
    party_key,
    party_total_key,
    sum_tallies,
)
from rekap_desktop.services.print_snapshots import (
    LEVEL_NAMES,
    SECTION_TITLES,
    d_hasil_name,
    members,
    region_fields,
    unit_party_votes,
)
from rekap_desktop.services.seat_service import SeatResults
from rekap_desktop.text.fields import field_label, field_row
from rekap_desktop.text.numbers import format_number


def legislative_d_hasil_snapshot(
    pleno: Pleno, recap: Recap, watermark: str | None
) -> LegislativeDHasilSnapshot:
    """The D.Hasil of a DPR / DPRD contest, dapil by dapil (only the dapils with a unit here)."""
    contest = recap.contest
    level, column = LEVEL_NAMES[pleno.level]
    sheets = []
    for district in contest.districts:
        units = [(u, t) for u, t in recap.units if contest.district_of(u.code) == district]
        if units:
            sheets.append(_sheet(pleno, contest, district, units))
    return LegislativeDHasilSnapshot(
        form_name=d_hasil_name(pleno, contest.code),
        contest_title=contest.title,
        election_name=pleno.name,
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        column_label=column,
        districts=tuple(sheets),
        place=pleno.place,
        determined_on=pleno.held_on,
        members=members(pleno),
        witnesses=party_witnesses(pleno, contest),
        watermark=watermark,
    )


def _sheet(
    pleno: Pleno, contest: Contest, district: District, units: Sequence[tuple[Unit, Tally]]
) -> DistrictSheet:
    tallies = [t for _, t in units]
    total = sum_tallies(tallies)
    kind = pleno.kind.value

    def section(title: str, keys: tuple[FieldKey, ...]) -> ResultSection:
        return ResultSection(title, tuple(_row(k, tallies, total, kind) for k in keys))

    return DistrictSheet(
        code=district.code,
        name=district.name,
        seats=district.seats,
        columns=tuple(u.name for u, _ in units),
        before=tuple(section(title, keys) for title, keys in SECTION_TITLES),
        parties=tuple(_party(contest, p, district.code, tallies) for p in contest.parties),
        after=(section("V. DATA SUARA SAH DAN TIDAK SAH", RESULT_KEYS),),
        valid=total.value(VALID),
        invalid=total.value(INVALID),
        total=total.value(TOTAL),
    )


def _row(
    key: FieldKey, tallies: list[Tally], total: Tally, kind: str, label: str = ""
) -> ResultRow:
    row = field_row(key, kind)
    text = label or field_label(key, kind).removeprefix(f"{row} ")
    return ResultRow(row, text, tuple(t.value(key) for t in tallies), total.value(key))


def candidate_label(candidate: Candidate) -> str:
    """ "1. NAMA (L)" as the form lists a candidate."""
    sex = f" ({candidate.sex})" if candidate.sex else ""
    return f"{candidate.number}. {candidate.name}{sex}"


def _sum(values: Sequence[int | None]) -> int | None:
    recorded = [v for v in values if v is not None]
    return sum(recorded) if recorded else None


def _party(contest: Contest, party: Party, district: str, tallies: list[Tally]) -> PartyBlock:
    def values(key: FieldKey) -> tuple[int | None, ...]:
        return tuple(t.value(key) for t in tallies)

    only_key = party_key(party.number)
    party_only = ResultRow("", "Suara partai politik", values(only_key), _sum(values(only_key)))
    candidates = tuple(
        ResultRow(
            "",
            candidate_label(c),
            values(candidate_key(party.number, c.number)),
            _sum(values(candidate_key(party.number, c.number))),
        )
        for c in contest.candidates(party, district)
    )
    parts = (party_only, *candidates)
    computed = tuple(_sum([r.values[i] for r in parts]) for i in range(len(tallies)))
    written_values = values(party_total_key(party.number))
    shown = tuple(w if w is not None else c for w, c in zip(written_values, computed, strict=True))
    total = ResultRow("", "Jumlah suara sah partai politik dan calon", shown, _sum(shown))
    return PartyBlock(
        number=party.number,
        name=party.name,
        party_only=party_only,
        candidates=candidates,
        total=total,
        computed=computed,
        computed_total=_sum(computed),
        written=tuple(w is not None for w in written_values),
    )


def party_witnesses(pleno: Pleno, contest: Contest) -> tuple[Signatory, ...]:
    """One line per party, named when a saksi was mandated for it (``nomor_urut`` = party)."""
    lines = []
    for party in contest.parties:
        named = [
            w.name
            for w in pleno.witnesses
            if w.contest == contest.code and w.choice == party.number
        ]
        lines.append(Signatory(named[0] if named else "", f"{party.number}. {party.name}"))
    return tuple(lines)


@dataclass(frozen=True)
class PartyResult:
    """A party's votes over the meeting's dapils and, where determined here, its seats."""

    number: int
    name: str
    votes: int | None
    seats: int | None


def party_results(recap: Recap, seats: SeatResults | None) -> tuple[PartyResult, ...]:
    """Each party's total (party-only + candidates, dapil by dapil) and seats where allocated."""
    contest = recap.contest
    allocated = [d for d in seats.districts if d.allocation] if seats else []
    per_unit = [unit_party_votes(contest, unit, tally) for unit, tally in recap.units]
    results = []
    for index, party in enumerate(contest.parties):
        votes = _sum([values[index] for values in per_unit])
        won = sum(d.seats_of(party.number) or 0 for d in allocated) if allocated else None
        results.append(PartyResult(party.number, party.name, votes, won))
    return tuple(results)


def seat_outcome(seats: SeatResults | None) -> str:
    """One sentence on the seats of a legislative contest for the announcement and minutes."""
    if seats is None or not seats.districts:
        return "Perolehan kursi tidak ditetapkan dalam rapat ini."
    allocated = [d for d in seats.districts if d.allocation]
    if not allocated:
        return seats.districts[0].not_allocated_reason
    total = sum(d.district.seats for d in allocated)
    given = sum(d.allocation.allocated for d in allocated if d.allocation)
    text = (
        f"Perolehan kursi di {len(allocated)} daerah pemilihan: {format_number(given)} dari "
        f"{format_number(total)} kursi telah terbagi (Sainte-Laguë, "
        f"{seat_allocation_rule(seats.contest.code)}); calon terpilih tercantum pada formulir "
        "penetapan perolehan kursi dan calon terpilih."
    )
    if seats.open_ties:
        text += (
            f" {len(seats.open_ties)} perolehan sama MENUNGGU KEPUTUSAN RAPAT; hasil belum lengkap."
        )
    return text


def announced_contest(recap: Recap, seats: SeatResults | None) -> AnnouncedContest:
    """A legislative contest in the announcement: party totals and, where allocated, seats."""
    parties = party_results(recap, seats)
    with_seats = any(p.seats is not None for p in parties)
    return AnnouncedContest(
        recap.contest.title,
        tuple(AnnouncedChoice(p.number, p.name, p.votes, p.seats) for p in parties),
        recap.total.value(VALID),
        recap.total.value(INVALID),
        seat_outcome(seats),
        with_seats=with_seats,
        choice_heading="PARTAI POLITIK",
    )
