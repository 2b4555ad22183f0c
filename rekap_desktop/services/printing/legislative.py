"""Snapshots of the D.Hasil of a legislative contest: one sheet per daerah pemilihan, its columns
the meeting's units in that dapil, section IV per party with the dapil's own candidate list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rekap_desktop.documents.d_hasil import ResultRow, ResultSection
from rekap_desktop.documents.d_hasil_legislatif import (
    DistrictSheet,
    LegislativeDHasilData,
    PartyBlock,
)
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.pengumuman import AnnouncedChoice, AnnouncedContest
from rekap_desktop.domain.bodies import LEVEL_NAMES
from rekap_desktop.domain.deciding_level import decides_here
from rekap_desktop.domain.election import (
    Candidate,
    Contest,
    District,
    Party,
    Pleno,
    Unit,
)
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.recap import Recap
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
from rekap_desktop.services.printing.recap_forms import (
    SECTION_TITLES,
    d_hasil_name,
    meeting_header,
    members,
    result_row,
    unit_party_votes,
)


def legislative_d_hasil_data(
    pleno: Pleno, recap: Recap, watermark: str | None
) -> LegislativeDHasilData:
    """The D.Hasil of a DPR / DPRD contest, dapil by dapil (only the dapils with a unit here)."""
    contest = recap.contest
    level, column = LEVEL_NAMES[pleno.level]
    sheets = []
    for district in contest.districts:
        units = [(u, t) for u, t in recap.units if contest.district_of(u.code) == district]
        if units:
            sheets.append(_sheet(pleno, contest, district, units))
    return LegislativeDHasilData(
        header=meeting_header(pleno, d_hasil_name(pleno, contest.code), watermark, contest.title),
        column_label=column,
        districts=tuple(sheets),
        place=pleno.place,
        determined_on=pleno.held_on,
        members=members(pleno),
        witnesses=party_witnesses(pleno, contest),
    )


def _sheet(
    pleno: Pleno, contest: Contest, district: District, units: Sequence[tuple[Unit, Tally]]
) -> DistrictSheet:
    tallies = [t for _, t in units]
    total = sum_tallies(tallies)
    kind = pleno.kind.value

    def section(title: str, keys: tuple[FieldKey, ...]) -> ResultSection:
        return ResultSection(title, tuple(result_row(k, tallies, total, kind) for k in keys))

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
    """A party's votes over the meeting's dapils."""

    number: int
    name: str
    votes: int | None


def party_results(recap: Recap) -> tuple[PartyResult, ...]:
    """Each party's total (party-only + candidates, dapil by dapil)."""
    contest = recap.contest
    per_unit = [unit_party_votes(contest, unit, tally) for unit, tally in recap.units]
    return tuple(
        PartyResult(party.number, party.name, _sum([values[index] for values in per_unit]))
        for index, party in enumerate(contest.parties)
    )


def seat_note(pleno: Pleno, contest: Contest) -> str:
    """Where the seats of a legislative contest are determined: never in the recapitulation
    (PKPU 6/2024 Pasal 17 and 22: a later pleno, after the Constitutional Court's notice)."""
    if decides_here(contest.code, pleno.level):
        return (
            f"Perolehan kursi dan calon terpilih tidak ditetapkan dalam rapat rekapitulasi ini: "
            f"KPU {pleno.region.name} menetapkannya dengan keputusan tersendiri dalam rapat pleno "
            "terbuka penetapan perolehan kursi dan calon terpilih, setelah pemberitahuan "
            "Mahkamah Konstitusi (PKPU 6/2024 Pasal 17 dan 22)."
        )
    return (
        "Hasil rekapitulasi ini disampaikan ke tingkat berikutnya; perolehan kursi dan calon "
        "terpilih tidak ditetapkan dalam rapat ini."
    )


def announced_contest(pleno: Pleno, recap: Recap) -> AnnouncedContest:
    """A legislative contest in the announcement: the party totals (seats are not announced with
    the recapitulation)."""
    return AnnouncedContest(
        recap.contest.title,
        tuple(AnnouncedChoice(p.number, p.name, p.votes) for p in party_results(recap)),
        recap.total.value(VALID),
        recap.total.value(INVALID),
        seat_note(pleno, recap.contest),
        choice_heading="PARTAI POLITIK",
    )
