"""Sirekap files → the meeting's tallies: candidate ids to ballot numbers, rows and TPS to units.

A candidate id maps to a nomor urut through ``sirekap_id`` on the setup's ``pilihan`` or, when the
setup has none, through a ``paslon`` master file given alongside. The master's region code also
names the contest (2 digits: gubernur; 4 digits: bupati/wali kota; ``0``: presiden) and its region,
so a file for another region or contest is refused by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rekap_desktop.domain.election import Contest, Pleno
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.kept_rows import KeptRow, KeptRows
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sirekap_marks import TpsMark
from rekap_desktop.domain.sources import SIREKAP, Source
from rekap_desktop.domain.tally import form_keys, vote_key
from rekap_desktop.interchange.rekap_csv import TallyRecord
from rekap_desktop.interchange.sirekap import (
    ADMIN_KEYS,
    MAX_VALUE,
    PaslonMaster,
    Progress,
    RegionFile,
    SirekapFile,
    TpsFile,
    WilayahList,
)

ADMIN_FIELDS = frozenset(ADMIN_KEYS.values())
BLANKED = (
    "semua suara bernilai 0 padahal progres {progress}: Sirekap mengosongkan angkanya "
    "(November 2024); berkas ini bukan hasil nol yang sebenarnya dan tidak diimpor"
)


@dataclass(frozen=True)
class UnitSnapshot:
    unit: RegionCode
    values: dict[FieldKey, int]
    progress: Progress | None
    note: str = ""
    """Why some fields were left unrecorded (e.g. TPS without ``administrasi``)."""
    kept: KeptRows | None = None
    """The desa/TPS rows below the unit the values were summed from, as the files gave them."""
    marks: tuple[TpsMark, ...] = ()
    """Per TPS file, Sirekap's own flags and photo addresses (none for region files)."""


@dataclass(frozen=True)
class ContestSnapshot:
    """What Sirekap showed for one contest at one time (``ts``), per unit of the meeting."""

    contest: ContestCode
    ts: str
    files: tuple[str, ...]
    units: tuple[UnitSnapshot, ...]

    @property
    def partial(self) -> bool:
        return any(u.progress is not None and u.progress.partial for u in self.units)

    @property
    def photo_only(self) -> tuple[str, ...]:
        """The TPS whose files hold photos but no numbers, by code."""
        return tuple(m.code for u in self.units for m in u.marks if m.photo_only)

    def records(self, source: Source = SIREKAP) -> list[TallyRecord]:
        return [
            TallyRecord(self.contest, u.unit, source, dict(u.values), (), u.kept)
            for u in self.units
        ]


@dataclass(frozen=True)
class _Catalogue:
    masters: tuple[PaslonMaster, ...]
    names: dict[str, str]

    def region_name(self, code: str) -> str:
        name = self.names.get(code)
        return f"{code} {name}" if name else code


def snapshots(files: Sequence[SirekapFile], pleno: Pleno) -> list[ContestSnapshot]:
    """One snapshot per contest found in ``files``; ``InputRejected`` names the file at fault."""
    catalogue = _Catalogue(
        tuple(f for f in files if isinstance(f, PaslonMaster)),
        {k: v for f in files if isinstance(f, WilayahList) for k, v in f.names.items()},
    )
    regions = [f for f in files if isinstance(f, RegionFile)]
    tps = [f for f in files if isinstance(f, TpsFile)]
    if not regions and not tps:
        raise InputRejected([Problem("tidak ada berkas hasil Sirekap (hhcw) untuk diimpor")])
    found: dict[ContestCode, ContestSnapshot] = {}
    for region in regions:
        snapshot = _from_region(region, pleno, catalogue)
        if snapshot.contest in found:
            raise InputRejected(
                [Problem(f"lebih dari satu berkas wilayah untuk pemilihan '{snapshot.contest}'")],
                region.name,
            )
        found[snapshot.contest] = snapshot
    by_contest: dict[ContestCode, list[TpsFile]] = defaultdict(list)
    for file in tps:
        ids = set(file.votes or {})
        contest = _contest_for(ids, file.name, pleno, catalogue) if ids else _only_contest(pleno)
        by_contest[contest.code].append(file)
    for code, group in by_contest.items():
        if code in found:
            raise InputRejected([Problem(f"berkas TPS dan berkas wilayah '{code}' tercampur")])
        found[code] = _from_tps(group, _contest(pleno, code), pleno, catalogue)
    return list(found.values())


# --- contests and candidate ids -------------------------------------------------------------


def _contest(pleno: Pleno, code: str) -> Contest:
    contest = pleno.contest(code)
    assert contest is not None  # only codes of the meeting reach here
    return contest


def _only_contest(pleno: Pleno) -> Contest:
    single = [c for c in pleno.contests if not c.is_party_list]
    if len(single) != 1:
        raise InputRejected(
            [Problem("berkas TPS tanpa suara terbaca: pemilihan tidak dapat dikenali")]
        )
    return single[0]


def _contest_for(ids: set[str], name: str, pleno: Pleno, catalogue: _Catalogue) -> Contest:
    for contest in pleno.contests:
        known = {c.sirekap_id for c in contest.choices if c.sirekap_id}
        if known and ids <= known:
            return contest
    listed = ", ".join(sorted(ids))
    for master in catalogue.masters:
        for region, numbers in master.regions.items():
            if ids <= set(numbers):
                return _contest_of_master(region, name, pleno, catalogue)
    raise InputRejected(
        [
            Problem(
                f"id calon Sirekap {listed} tidak dikenal: sertakan berkas paslon "
                "(pkwkk.json/pkwkp.json) atau isi sirekap_id pada pilihan di pleno.json"
            )
        ],
        name,
    )


def _contest_of_master(region: str, name: str, pleno: Pleno, catalogue: _Catalogue) -> Contest:
    kinds = {2: ("gubernur",), 4: ("bupati", "walikota")}.get(len(region), ("ppwp",))
    label = "/".join(kinds)
    national = region in ("0", "00")
    if not national and not pleno.region.code.startswith(region):
        raise InputRejected(
            [
                Problem(
                    f"berkas ini untuk pemilihan {label} wilayah {catalogue.region_name(region)}, "
                    f"bukan wilayah pleno ini ({pleno.region.code} {pleno.region.name})"
                )
            ],
            name,
        )
    for contest in pleno.contests:
        if contest.code in kinds:
            return contest
    raise InputRejected(
        [Problem(f"berkas ini untuk pemilihan {label}, yang tidak ada dalam pleno ini")], name
    )


def _numbers(contest: Contest, ids: set[str], name: str, catalogue: _Catalogue) -> dict[str, int]:
    numbers = {c.sirekap_id: int(c.number) for c in contest.choices if c.sirekap_id}
    if not ids <= set(numbers):
        numbers = next(
            (n for m in catalogue.masters for n in m.regions.values() if ids <= set(n)), {}
        )
    for candidate in sorted(ids):
        number = numbers.get(candidate)
        if number is None or contest.choice(number) is None:
            raise InputRejected(
                [Problem(f"id calon {candidate} tidak cocok dengan pilihan '{contest.code}'")], name
            )
    return numbers


# --- region files ---------------------------------------------------------------------------


def _from_region(file: RegionFile, pleno: Pleno, catalogue: _Catalogue) -> ContestSnapshot:
    ids = {i for row in file.rows.values() for i in row.votes}
    if not ids:
        raise InputRejected([Problem("tabel tidak memuat suara calon mana pun")], file.name)
    contest = _contest_for(ids, file.name, pleno, catalogue)
    numbers = _numbers(contest, ids, file.name, catalogue)
    values: dict[RegionCode, dict[FieldKey, int]] = {}
    progress: dict[RegionCode, Progress] = {}
    below: dict[RegionCode, list[KeptRow]] = defaultdict(list)
    for code, row in file.rows.items():
        unit = _unit_of(code, pleno, file.name, catalogue)
        form = values.setdefault(unit, {})
        votes = {vote_key(numbers[candidate]): count for candidate, count in row.votes.items()}
        for key, count in votes.items():
            form[key] = _add(form.get(key, 0), count, file.name)
        if code != unit:
            below[unit].append(KeptRow(code, votes))
        if row.progress is not None:
            before = progress.get(unit)
            progress[unit] = row.progress if before is None else before + row.progress
    _refuse_blanked(values, file.progress or _total(progress.values()), file.name, progress)
    units = tuple(
        UnitSnapshot(u, values[u], progress.get(u), kept=_kept(contest, below.get(u)))
        for u in _ordered(pleno, values)
    )
    return ContestSnapshot(contest.code, file.ts, (file.name,), units)


def _kept(contest: Contest, rows: list[KeptRow] | None) -> KeptRows | None:
    """The rows below a unit, their values in the form's order of fields (None: no rows)."""
    if not rows:
        return None
    found = {key for row in rows for key in row.values}
    return KeptRows.of([k for k in form_keys(contest) if k in found], rows)


def _unit_of(code: str, pleno: Pleno, name: str, catalogue: _Catalogue) -> RegionCode:
    unit = pleno.unit_for(code)
    if unit is not None:
        return unit.code
    if pleno.region.code.startswith(code):
        message = (
            f"baris {catalogue.region_name(code)} adalah wilayah di atas unit pleno ini; "
            "gunakan berkas Sirekap tingkat wilayah pleno"
        )
    else:
        message = (
            f"berkas ini untuk wilayah lain: {catalogue.region_name(code)} bukan bagian dari "
            f"{pleno.region.name} ({pleno.region.code})"
        )
    raise InputRejected([Problem(message)], name)


# --- TPS files ------------------------------------------------------------------------------


def _from_tps(
    files: list[TpsFile], contest: Contest, pleno: Pleno, catalogue: _Catalogue
) -> ContestSnapshot:
    ids = {i for f in files for i in f.votes or {}}
    numbers = _numbers(contest, ids, files[0].name, catalogue) if ids else {}
    values: dict[RegionCode, dict[FieldKey, int]] = {}
    counted: dict[RegionCode, list[int]] = {}
    seen: dict[str, str] = {}
    below: dict[RegionCode, list[KeptRow]] = defaultdict(list)
    marks: dict[RegionCode, list[TpsMark]] = defaultdict(list)
    for file in files:
        if file.code in seen:
            raise InputRejected(
                [Problem(f"TPS {file.code} juga ada di berkas {seen[file.code]}")], file.name
            )
        seen[file.code] = file.name
        unit = _unit_of(file.code, pleno, file.name, catalogue)
        form = values.setdefault(unit, {})
        read = dict(file.admin) if file.votes is not None else {}
        read.update(
            (vote_key(numbers[candidate]), votes) for candidate, votes in (file.votes or {}).items()
        )
        for key, value in read.items():
            form[key] = _add(form.get(key, 0), value, file.name)
        below[unit].append(KeptRow(file.code, read))
        marks[unit].append(_mark(file))
        tally = counted.setdefault(unit, [0, 0, 0])
        tally[0] += file.votes is not None
        tally[1] += 1
        tally[2] += bool(file.admin) and file.votes is not None
    progress = {u: _tps_progress(pleno, u, done, seen) for u, (done, seen, _) in counted.items()}
    notes = {
        u: _drop_partial_admin(values[u], both, done) for u, (done, _, both) in counted.items()
    }
    name = files[0].name if len(files) == 1 else ""
    _refuse_blanked(values, _total(progress.values()), name, progress)
    units = tuple(
        UnitSnapshot(u, values[u], progress[u], notes[u], _kept(contest, below[u]), tuple(marks[u]))
        for u in _ordered(pleno, values)
    )
    ts = max(f.ts for f in files)
    return ContestSnapshot(contest.code, ts, tuple(f.name for f in files), units)


def _mark(file: TpsFile) -> TpsMark:
    return TpsMark(
        file.code, file.status_suara, file.status_adm, file.psu, file.images, file.photo_only
    )


def _drop_partial_admin(form: dict[FieldKey, int], with_admin: int, files: int) -> str:
    """Sections I and V summed over only some of the read TPS would look like real totals: leave
    them unrecorded unless every TPS whose votes were read had its ``administrasi`` too."""
    if with_admin == files:
        return ""
    for key in [k for k in form if k in ADMIN_FIELDS]:
        del form[key]
    return f"administrasi hanya ada di {with_admin} dari {files} TPS; data pemilih tidak dicatat"


def _tps_progress(pleno: Pleno, unit: RegionCode, done: int, files: int) -> Progress:
    listed = next((u.tps_count for u in pleno.units if u.code == unit), None)
    return Progress(done, max(listed or 0, files))


# --- shared ---------------------------------------------------------------------------------


def _refuse_blanked(
    values: dict[RegionCode, dict[FieldKey, int]],
    progress: Progress | None,
    name: str,
    by_unit: dict[RegionCode, Progress] | None = None,
) -> None:
    """Refuse Sirekap's blanked figures: every vote 0 where TPS were read, in the whole file or
    in any one unit (one real kecamatan must not let nine blanked ones through as zeros)."""
    if progress is not None and progress.done > 0 and not any(map(_votes, values.values())):
        raise InputRejected([Problem(BLANKED.format(progress=progress.label()))], name)
    blanked = [
        Problem(f"{unit}: " + BLANKED.format(progress=read.label()))
        for unit, read in (by_unit or {}).items()
        if read.done > 0 and not _votes(values.get(unit, {}))
    ]
    if blanked:
        raise InputRejected(blanked, name)


def _votes(form: dict[FieldKey, int]) -> int:
    return sum(v for k, v in form.items() if k.startswith("suara_"))


def _total(progresses: Iterable[Progress]) -> Progress | None:
    total: Progress | None = None
    for p in progresses:
        total = p if total is None else total + p
    return total


def _add(a: int, b: int, name: str) -> int:
    if a + b > MAX_VALUE:
        raise InputRejected([Problem("jumlah suara terlalu besar untuk disimpan")], name)
    return a + b


def _ordered(pleno: Pleno, values: dict[RegionCode, dict[FieldKey, int]]) -> list[RegionCode]:
    return [u.code for u in pleno.units if u.code in values]
