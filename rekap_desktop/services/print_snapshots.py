"""From the meeting's records to the plain snapshots the forms are printed from.

Pure functions of the setup, the recapitulation and the register: the same inputs always give the
same snapshot, so the sidik data of a print can be re-computed later and compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rekap_desktop.documents.d_hasil import ChoiceTotal, DHasilSnapshot, ResultRow, ResultSection
from rekap_desktop.documents.kejadian_khusus import RegisterEntry, RegisterSnapshot
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.pengembalian import ReturnLine, ReturnsSnapshot
from rekap_desktop.documents.pengumuman import (
    AnnouncedChoice,
    AnnouncedContest,
    AnnouncementSnapshot,
)
from rekap_desktop.documents.skors import InterimContest, InterimLine, InterimSnapshot
from rekap_desktop.domain.election import Contest, ElectionKind, Level, Pleno, Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.incidents import (
    KIND_LABELS,
    PARAF_LABELS,
    STATUS_LABELS,
    Incident,
    IncidentKind,
    IncidentStatus,
    Origin,
)
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import (
    BALLOT_KEYS,
    DISABILITY_KEYS,
    INVALID,
    RESULT_KEYS,
    RETURNED_NOTICES,
    VALID,
    VOTER_KEYS,
    Tally,
    party_vote_keys,
    vote_key,
    vote_keys,
)
from rekap_desktop.storage.repository import StoredIncident
from rekap_desktop.text.fields import field_label, field_row

LEVEL_NAMES = {
    Level.KECAMATAN: ("KECAMATAN", "DESA/KELURAHAN"),
    Level.KABKO: ("KABUPATEN/KOTA", "KECAMATAN"),
    Level.PROVINSI: ("PROVINSI", "KABUPATEN/KOTA"),
    Level.NASIONAL: ("NASIONAL", "PROVINSI"),
}
PEMILU_SUFFIXES = {
    "ppwp": "PPWP",
    "dpr": "DPR",
    "dpd": "DPD",
    "dprd_prov": "DPRD PROV",
    "dprd_kabko": "DPRD KAB/KOTA",
}
PAIR_WITNESSES = "SAKSI PASANGAN CALON YANG HADIR"
DPD_WITNESSES = "SAKSI CALON ANGGOTA DPD YANG HADIR"
SECTION_TITLES = (
    ("I. DATA PEMILIH DAN PENGGUNAAN HAK PILIH", VOTER_KEYS),
    ("II. DATA PENGGUNAAN SURAT SUARA", BALLOT_KEYS),
    ("III. DATA PEMILIH DISABILITAS", DISABILITY_KEYS),
)


def form_suffix(pleno: Pleno, contest: str | None) -> str:
    """ "-KWK" for every Pilkada form; the Pemilu suffix of the contest ("-PPWP" …)."""
    if pleno.kind is ElectionKind.PILKADA or contest is None:
        return "-KWK" if pleno.kind is ElectionKind.PILKADA else "-KPU"
    return "-" + PEMILU_SUFFIXES.get(contest, contest.upper())


def region_fields(pleno: Pleno) -> tuple[tuple[str, str], ...]:
    return ((LEVEL_NAMES[pleno.level][0], pleno.region.name),)


def members(pleno: Pleno) -> tuple[Signatory, ...]:
    return tuple(Signatory(m.name, m.position) for m in pleno.members)


def d_hasil_snapshot(pleno: Pleno, recap: Recap, watermark: str | None) -> DHasilSnapshot:
    contest = recap.contest
    level, column = LEVEL_NAMES[pleno.level]
    tallies = [tally for _, tally in recap.units]
    sections = [
        _section(title, keys, tallies, recap.total, pleno.kind) for title, keys in SECTION_TITLES
    ]
    sections.append(_votes_section(contest, tallies, recap.total, pleno.kind))
    sections.append(
        _section("V. DATA SUARA SAH DAN TIDAK SAH", RESULT_KEYS, tallies, recap.total, pleno.kind)
    )
    return DHasilSnapshot(
        form_name=f"MODEL D.HASIL {level}{form_suffix(pleno, contest.code)}",
        contest_title=contest.title,
        election_name=pleno.name,
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        column_label=column,
        columns=tuple(unit.name for unit, _ in recap.units),
        sections=tuple(sections),
        choices=tuple(
            ChoiceTotal(c.ballot_number, c.ballot_name, recap.total.value(vote_key(c.number)))
            for c in contest.choices
        ),
        valid=recap.total.value(VALID),
        invalid=recap.total.value(INVALID),
        place=pleno.place,
        determined_on=pleno.held_on,
        members=members(pleno),
        witnesses=_witnesses(pleno, contest),
        watermark=watermark,
        witness_heading=DPD_WITNESSES if contest.code == "dpd" else PAIR_WITNESSES,
    )


def _row(
    key: FieldKey, tallies: list[Tally], total: Tally, kind: str, label: str = ""
) -> ResultRow:
    row = field_row(key, kind)
    text = label or field_label(key, kind).removeprefix(f"{row} ")
    return ResultRow(row, text, tuple(t.value(key) for t in tallies), total.value(key))


def _section(
    title: str, keys: tuple[FieldKey, ...], tallies: list[Tally], total: Tally, kind: str
) -> ResultSection:
    return ResultSection(title, tuple(_row(k, tallies, total, kind) for k in keys))


def _votes_section(
    contest: Contest, tallies: list[Tally], total: Tally, kind: str
) -> ResultSection:
    rows = []
    for key in vote_keys(contest):
        choice = next((c for c in contest.choices if vote_key(c.number) == key), None)
        label = choice.label() if choice else ""
        rows.append(_row(key, tallies, total, kind, label))
    return ResultSection("IV. DATA PEROLEHAN SUARA", tuple(rows))


def _witnesses(pleno: Pleno, contest: Contest) -> tuple[Signatory, ...]:
    """One line per choice that has a saksi (not the kolom kosong), named when a saksi was
    mandated for it."""
    lines = []
    for choice in contest.choices:
        if choice.blank_column:
            continue
        named = [
            w.name
            for w in pleno.witnesses
            if w.contest == contest.code and w.choice == choice.number
        ]
        lines.append(Signatory(named[0] if named else "", choice.label()))
    return tuple(lines)


def returns_snapshot(pleno: Pleno, recap: Recap | None, watermark: str | None) -> ReturnsSnapshot:
    """Rekap Pengembalian C.Pemberitahuan from the ``c_pemberitahuan_kembali`` field per unit."""
    level, column = LEVEL_NAMES[pleno.level]
    values = (
        {unit.code: tally.value(RETURNED_NOTICES) for unit, tally in recap.units} if recap else {}
    )
    return ReturnsSnapshot(
        form_name=f"REKAP PENGEMBALIAN C.PEMBERITAHUAN-{level}{form_suffix(pleno, None)}",
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        column_label=column,
        lines=tuple(
            ReturnLine(u.code, u.name, u.tps_count, values.get(u.code)) for u in pleno.units
        ),
        place=pleno.place,
        held_on=pleno.held_on,
        members=members(pleno),
        watermark=watermark,
    )


def register_snapshot(
    pleno: Pleno, incidents: Sequence[Incident], watermark: str | None
) -> RegisterSnapshot:
    """The register as printed: every entry with its resolution and the paraf recorded."""
    return RegisterSnapshot(
        form_name=f"MODEL D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI{form_suffix(pleno, None)}",
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        entries=tuple(_entry(pleno, i) for i in incidents),
        watermark=watermark,
    )


def _entry(pleno: Pleno, incident: Incident) -> RegisterEntry:
    unit = pleno.unit_for(incident.unit) if incident.unit else None
    contest = pleno.contest(incident.contest) if incident.contest else None
    origin = "Baru (dicatat dalam rapat ini)"
    if incident.origin is Origin.KECAMATAN:
        where = unit.name if unit else "kecamatan"
        number = f" No. {incident.origin_number}" if incident.origin_number else ""
        origin = f"Dari Kecamatan {where}{number}"
    return RegisterEntry(
        number=incident.number or 0,
        kind=KIND_LABELS[incident.kind],
        origin=origin,
        unit=f"{unit.code} {unit.name}" if unit else "–",
        contest=contest.title if contest else "–",
        raised_by=incident.raised_by,
        description=incident.description,
        status=STATUS_LABELS[incident.status],
        resolution=_resolution(incident),
        paraf=_paraf(incident),
    )


def _resolution(incident: Incident) -> str:
    parts = [incident.resolution]
    if incident.bawaslu_opinion:
        parts.append(f"Pendapat dan saran Bawaslu: {incident.bawaslu_opinion}")
    if incident.corrections:
        parts.append("Pembetulan terkait: " + ", ".join(f"#{c}" for c in incident.corrections))
    return "\n".join(p for p in parts if p)


def _paraf(incident: Incident) -> tuple[str, ...]:
    """Who initials the entry: the names recorded, or blank boxes for a resolved objection."""
    if incident.paraf:
        return tuple(f"{p.name} ({PARAF_LABELS[p.role]})" for p in incident.paraf)
    is_objection = incident.kind is not IncidentKind.KEJADIAN_KHUSUS
    if is_objection and incident.status is IncidentStatus.DISELESAIKAN:
        return ("Yang mengajukan keberatan", "Saksi yang menyaksikan", "Saksi yang menyaksikan")
    return ()


def kind_label(value: str) -> str:
    known = {k.value: label for k, label in KIND_LABELS.items()}
    return known.get(value, value)


def status_label(value: str) -> str:
    known = {k.value: label for k, label in STATUS_LABELS.items()}
    return known.get(value, value)


def interim_snapshot(
    pleno: Pleno,
    recaps: list[Recap],
    sources: dict[tuple[str, str], str],
    incidents: list[StoredIncident],
    pause: str,
) -> InterimSnapshot:
    """Catatan sementara at a skors; ``sources`` says where each (contest, unit) line is from."""
    level, _ = LEVEL_NAMES[pleno.level]
    contests = []
    for recap in recaps:
        contest = recap.contest
        lines = tuple(
            InterimLine(
                unit.name,
                _interim_columns(contest, unit, tally),
                tally.value(VALID),
                tally.value(INVALID),
                sources.get((contest.code, unit.code), "belum ada"),
            )
            for unit, tally in recap.units
        )
        labels = (
            tuple(f"{p.number}. {p.name}" for p in contest.parties)
            if contest.is_party_list
            else tuple(c.label("", ". ") for c in contest.choices)
        )
        contests.append(
            InterimContest(
                contest.title,
                labels,
                lines,
                tuple(_recorded_sum([line.votes[i] for line in lines]) for i in range(len(labels))),
                recap.total.value(VALID),
                recap.total.value(INVALID),
            )
        )
    open_items = tuple(
        f"No. {i.number} ({kind_label(i.kind)}, {i.raised_by}): {i.description}"
        for i in incidents
        if i.status == IncidentStatus.TERBUKA.value
    )
    return InterimSnapshot(
        form_name=f"CATATAN SEMENTARA REKAPITULASI {level}{form_suffix(pleno, None)}",
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        pause=pause,
        contests=tuple(contests),
        open_items=open_items,
    )


def announcement_snapshot(
    pleno: Pleno,
    recaps: list[Recap],
    watermark: str | None,
    legislative: Mapping[str, AnnouncedContest] | None = None,
) -> AnnouncementSnapshot:
    """Pengumuman (Pasal 37): each contest's votes and outcome, signed by the Ketua;
    ``legislative`` holds the announced party results of the legislative contests by code."""
    level, _ = LEVEL_NAMES[pleno.level]
    parties = legislative or {}
    contests = tuple(
        parties[r.contest.code]
        if r.contest.is_party_list
        else AnnouncedContest(
            r.contest.title,
            tuple(
                AnnouncedChoice(c.ballot_number, c.ballot_name, r.total.value(vote_key(c.number)))
                for c in r.contest.choices
            ),
            r.total.value(VALID),
            r.total.value(INVALID),
            r.outcome.reason,
        )
        for r in recaps
        if not r.contest.is_party_list or r.contest.code in parties
    )
    chair = tuple(Signatory(m.name, m.position) for m in pleno.members if m.position == "Ketua")
    return AnnouncementSnapshot(
        form_name=f"PENGUMUMAN KPU {level} {pleno.region.name}",
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        contests=contests,
        place=pleno.place,
        announced_on=pleno.held_on,
        signatories=chair or members(pleno)[:1],
        watermark=watermark,
    )


def unit_party_votes(contest: Contest, unit: Unit, tally: Tally) -> tuple[int | None, ...]:
    """One unit's party totals (party-only + the candidates of the unit's dapil)."""
    district = contest.district_of(unit.code)
    values = []
    for party in contest.parties:
        keys = party_vote_keys(contest, party, district.code if district else None)
        values.append(_recorded_sum([tally.value(k) for k in keys]))
    return tuple(values)


def _recorded_sum(values: Sequence[int | None]) -> int | None:
    recorded = [v for v in values if v is not None]
    return sum(recorded) if recorded else None


def _interim_columns(contest: Contest, unit: Unit, tally: Tally) -> tuple[int | None, ...]:
    """Section IV of one unit as the skors form shows it: per choice, or per party (total)."""
    if contest.is_party_list:
        return unit_party_votes(contest, unit, tally)
    return tuple(tally.value(vote_key(c.number)) for c in contest.choices)
