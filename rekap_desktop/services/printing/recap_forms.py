"""From the meeting's records to the plain form data the forms are printed from.

Pure functions of the setup, the recapitulation and the register: the same inputs always give the
same data, so the sidik data of a print can be re-computed later and compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rekap_desktop.documents.d_hasil import ChoiceTotal, DHasilData, ResultRow, ResultSection
from rekap_desktop.documents.daftar_pembetulan import CorrectionLine, correction_summary
from rekap_desktop.documents.form_header import FormHeader
from rekap_desktop.documents.kejadian_khusus import RegisterData, RegisterEntry
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.pengembalian import ReturnLine, ReturnsData
from rekap_desktop.documents.pengumuman import (
    PEMILU_POSTING,
    PILKADA_POSTING,
    AnnouncedChoice,
    AnnouncedContest,
    AnnouncementData,
)
from rekap_desktop.documents.skors import InterimContest, InterimData, InterimLine
from rekap_desktop.domain.bodies import LEVEL_NAMES, kpu_name
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
    RaiserRole,
    StoredIncident,
)
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.tally import (
    BALLOT_KEYS,
    DISABILITY_KEYS,
    INVALID,
    RESULT_KEYS,
    RETURNED_NOTICES,
    TOTAL,
    VALID,
    VOTER_KEYS,
    Tally,
    party_vote_keys,
    vote_key,
    vote_keys,
)
from rekap_desktop.text.fields import field_label, field_row

FORM_LEVELS = {
    Level.KECAMATAN: "KECAMATAN",
    Level.KABKO: "KABKO",
    Level.PROVINSI: "PROVINSI",
    Level.NASIONAL: "NASIONAL",
}
"""The level as the official form names write it: "MODEL D.HASIL KABKO-KWK" (PKPU 18/2024)."""
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
    """The header's region lines: the provinsi (when the setup names it), then the region."""
    own = (LEVEL_NAMES[pleno.level][0], pleno.region.name)
    if pleno.province is None or pleno.level in (Level.PROVINSI, Level.NASIONAL):
        return (own,)
    return (("PROVINSI", pleno.province.name), own)


def meeting_header(
    pleno: Pleno, form_name: str, watermark: str | None, contest_title: str | None = None
) -> FormHeader:
    """The head of a form of this meeting: the KPU's region with its lines, the election and,
    on a per-contest form, the contest."""
    return FormHeader(
        form_name=form_name,
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        contest_title=contest_title,
        watermark=watermark,
    )


def d_hasil_name(pleno: Pleno, contest: str) -> str:
    """ "MODEL D.HASIL KABKO-KWK", "MODEL D.HASIL KABKO-DPR" …"""
    return f"MODEL D.HASIL {FORM_LEVELS[pleno.level]}{form_suffix(pleno, contest)}"


def members(pleno: Pleno) -> tuple[Signatory, ...]:
    return tuple(Signatory(m.name, m.position) for m in pleno.members)


def d_hasil_data(pleno: Pleno, recap: Recap, watermark: str | None) -> DHasilData:
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
    return DHasilData(
        header=meeting_header(pleno, d_hasil_name(pleno, contest.code), watermark, contest.title),
        column_label=column,
        columns=tuple(unit.name for unit, _ in recap.units),
        sections=tuple(sections),
        choices=tuple(
            ChoiceTotal(c.ballot_number, c.ballot_name, recap.total.value(vote_key(c.number)))
            for c in contest.choices
        ),
        valid=recap.total.value(VALID),
        invalid=recap.total.value(INVALID),
        total=recap.total.value(TOTAL),
        place=pleno.place,
        determined_on=pleno.held_on,
        members=members(pleno),
        witnesses=_witnesses(pleno, contest),
        witness_heading=DPD_WITNESSES if contest.code == "dpd" else PAIR_WITNESSES,
    )


def result_row(
    key: FieldKey, tallies: list[Tally], total: Tally, kind: str, label: str = ""
) -> ResultRow:
    """One row of a D.Hasil section: the field's value per unit and in total."""
    row = field_row(key, kind)
    text = label or field_label(key, kind).removeprefix(f"{row} ")
    return ResultRow(row, text, tuple(t.value(key) for t in tallies), total.value(key))


def _section(
    title: str, keys: tuple[FieldKey, ...], tallies: list[Tally], total: Tally, kind: str
) -> ResultSection:
    return ResultSection(title, tuple(result_row(k, tallies, total, kind) for k in keys))


def _votes_section(
    contest: Contest, tallies: list[Tally], total: Tally, kind: str
) -> ResultSection:
    rows = []
    for key in vote_keys(contest):
        choice = next((c for c in contest.choices if vote_key(c.number) == key), None)
        label = choice.label() if choice else ""
        rows.append(result_row(key, tallies, total, kind, label))
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


READ_OUT = "Dibacakan per desa/kelurahan (butir 5)"
FROM_FORM = "Dari formulir PPK; belum dibacakan per desa/kelurahan"


def returns_data(
    pleno: Pleno,
    recap: Recap | None,
    watermark: str | None,
    read_out: Mapping[str, Mapping[str, int]] | None = None,
) -> ReturnsData:
    """Rekap Pengembalian C.Pemberitahuan: per unit, the counts read out per desa/kelurahan at
    item 5 (``read_out``: unit code → desa → count), else the ``c_pemberitahuan_kembali``
    field of the unit's form."""
    level, column = LEVEL_NAMES[pleno.level]
    values = (
        {unit.code: tally.value(RETURNED_NOTICES) for unit, tally in recap.units} if recap else {}
    )
    villages = {code: counts for code, counts in (read_out or {}).items() if counts}
    return ReturnsData(
        header=meeting_header(
            pleno,
            f"REKAP PENGEMBALIAN C.PEMBERITAHUAN-{level}{form_suffix(pleno, None)}",
            watermark,
        ),
        column_label=column,
        lines=tuple(_return_line(u, values.get(u.code), villages.get(u.code)) for u in pleno.units),
        place=pleno.place,
        held_on=pleno.held_on,
        members=members(pleno),
    )


def _return_line(unit: Unit, value: int | None, read: Mapping[str, int] | None) -> ReturnLine:
    if read:
        counted = tuple(read.items())
        return ReturnLine(
            unit.code, unit.name, unit.tps_count, sum(read.values()), counted, READ_OUT
        )
    note = FROM_FORM if value is not None else ""
    return ReturnLine(unit.code, unit.name, unit.tps_count, value, (), note)


def register_data(
    pleno: Pleno,
    incidents: Sequence[Incident],
    watermark: str | None,
    corrections: Sequence[CorrectionLine] = (),
    made_on: date | None = None,
    checks: Sequence[tuple[int | None, str]] = (),
) -> RegisterData:
    """The register as printed: every entry with its resolution, the values of the corrections
    linked to it and the paraf recorded; signed by the KPU members and the saksi who raised an
    objection or witnessed its resolution. ``checks``: each pencocokan / penghitungan suara
    ulang as (the entry it answers, its summary), listed in that entry's follow-up."""
    return RegisterData(
        header=meeting_header(
            pleno,
            f"MODEL D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI{form_suffix(pleno, None)}",
            watermark,
        ),
        entries=tuple(_entry(pleno, i, corrections, checks) for i in incidents),
        place=pleno.place,
        made_on=made_on,
        members=members(pleno),
        witnesses=register_witnesses(pleno, incidents),
    )


def register_witnesses(pleno: Pleno, incidents: Sequence[Incident]) -> tuple[Signatory, ...]:
    """The saksi who sign the register: those who raised an objection in it or initialled its
    resolution, once each, in the order they first appear."""
    roles = {w.name.casefold(): _witness_role(pleno, w.contest, w.choice) for w in pleno.witnesses}
    seen: dict[str, Signatory] = {}
    for incident in incidents:
        raiser = incident.raiser
        if raiser is not None and raiser.role is RaiserRole.SAKSI and raiser.name:
            role = _witness_role(pleno, raiser.contest, raiser.choice)
            seen.setdefault(raiser.name.casefold(), Signatory(raiser.name, role))
        elif raiser is None and incident.kind is IncidentKind.KEBERATAN_SAKSI:
            # A carried entry names its objector in free text: a saksi of this meeting named
            # there signs for it.
            for w in pleno.witnesses:
                if w.name.casefold() in incident.raised_by.casefold():
                    seen.setdefault(w.name.casefold(), Signatory(w.name, roles[w.name.casefold()]))
        for paraf in incident.paraf:
            role = roles.get(paraf.name.casefold(), "Saksi")
            seen.setdefault(paraf.name.casefold(), Signatory(paraf.name, role))
    return tuple(seen.values())


def _witness_role(pleno: Pleno, contest_code: str | None, choice: int | None) -> str:
    contest = pleno.contest(contest_code or "")
    title = contest.title if contest else (contest_code or "")
    return f"Saksi {title}, nomor urut {choice}" if choice is not None else f"Saksi {title}"


def _entry(
    pleno: Pleno,
    incident: Incident,
    corrections: Sequence[CorrectionLine] = (),
    checks: Sequence[tuple[int | None, str]] = (),
) -> RegisterEntry:
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
        resolution=_resolution(
            incident,
            _linked(incident, corrections),
            [line for number, line in checks if number is not None and number == incident.number],
        ),
        paraf=_paraf(incident),
    )


def _linked(incident: Incident, corrections: Sequence[CorrectionLine]) -> list[CorrectionLine]:
    """The corrections made for the entry (linked on either side)."""
    return [
        c
        for c in corrections
        if c.number in incident.corrections
        or (incident.number is not None and c.incident_number == incident.number)
    ]


def _resolution(
    incident: Incident, linked: Sequence[CorrectionLine], checks: Sequence[str] = ()
) -> str:
    parts = [incident.resolution]
    if incident.bawaslu_opinion:
        parts.append(f"Pendapat dan saran Bawaslu: {incident.bawaslu_opinion}")
    parts += checks
    parts += [correction_summary(c) for c in linked]
    known = {c.number for c in linked}
    missing = [n for n in incident.corrections if n not in known]
    if missing:
        # Named by the entry but absent from the ledger given: say so rather than print "#id".
        parts.append("Pembetulan terkait tidak ditemukan: No. " + ", ".join(map(str, missing)))
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


def interim_data(
    pleno: Pleno,
    recaps: list[Recap],
    sources: dict[tuple[str, str], str],
    incidents: list[StoredIncident],
    pause: str,
) -> InterimData:
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
    return InterimData(
        header=meeting_header(pleno, "CATATAN SEMENTARA SAAT SKORS RAPAT PLENO", None),
        pause=pause,
        contests=tuple(contests),
        open_items=open_items,
    )


def announcement_data(
    pleno: Pleno,
    recaps: list[Recap],
    watermark: str | None,
    legislative: Mapping[str, AnnouncedContest] | None = None,
) -> AnnouncementData:
    """Pengumuman (Pilkada: PKPU 18/2024 Pasal 37; Pemilu: PKPU 5/2024): each contest's votes
    and outcome, signed by the Ketua; ``legislative`` holds the announced party results of the
    legislative contests by code."""
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
    return AnnouncementData(
        header=meeting_header(pleno, f"PENGUMUMAN {kpu_name(pleno)}", watermark),
        contests=contests,
        place=pleno.place,
        announced_on=pleno.held_on,
        signatories=chair or members(pleno)[:1],
        posting=PILKADA_POSTING if pleno.kind is ElectionKind.PILKADA else PEMILU_POSTING,
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
