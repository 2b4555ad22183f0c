"""Importing Sirekap public JSON (one file, several, or a folder of TPS files) as source sirekap.

All-or-nothing per import: every file is read and checked first, then the values, the snapshot time
and the TPS progress of every unit are written in one transaction with one audit entry. A progress
callback is told after each file; a cancel callable is asked between files. Each TPS file's own
flags and photo addresses are kept with its form version (storage/sirekap_tps_store.py); TPS files
with photos but no numbers are named in the report, never stored as zeros.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import SIREKAP, Source, SourceKind
from rekap_desktop.domain.tally import (
    BALLOT_KEYS,
    DISABILITY_KEYS,
    VOTER_KEYS,
    Tally,
    unit_form_keys,
)
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.interchange.sirekap import (
    Progress,
    SirekapFile,
    read_sirekap_file,
    snapshot_time,
)
from rekap_desktop.interchange.sirekap_records import ContestSnapshot, snapshots
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.pleno_service import ImportedForm, PlenoService, field_changes
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.storage import audit, meeting_store, packages_store, sirekap_tps_store
from rekap_desktop.storage.meeting_store import TallyKey
from rekap_desktop.storage.packages_store import UnitProgress
from rekap_desktop.storage.unit_of_work import Write, read

ProgressCallback = Callable[[int, int], None]
"""Called with (files read, files in all) after each file."""
CancelCheck = Callable[[], bool]


class ImportCancelled(InputRejected):
    """The operator cancelled; nothing was changed."""

    def __init__(self) -> None:
        super().__init__([Problem("impor dibatalkan; tidak ada yang diubah")])


@dataclass(frozen=True)
class SirekapImportReport:
    files: int
    snapshots: tuple[ContestSnapshot, ...]
    forms: tuple[ImportedForm, ...]
    source: Source = SIREKAP
    empty: tuple[tuple[TallyKey, tuple[FieldKey, ...]], ...] = ()
    """Stored as another source: per form, the fields of its form Sirekap does not carry, left
    empty in that source's new version."""
    confirmed_by: str = ""

    @property
    def partial(self) -> bool:
        return any(s.partial for s in self.snapshots)

    def lines(self) -> list[str]:
        """The report in Indonesian, one line per contest and unit."""
        out = self._other_source_lines()
        for snap in self.snapshots:
            flag = " (SEBAGIAN)" if snap.partial else ""
            out.append(f"{snap.contest}: data Sirekap {snap.ts}{flag}")
            if snap.photo_only:
                out.append(f"  {photo_only_line(snap.photo_only)}")
            for unit in snap.units:
                shown = unit.progress.label() if unit.progress else "progres tidak diketahui"
                mark = " — belum lengkap" if unit.progress and unit.progress.partial else ""
                note = f"; {unit.note}" if unit.note else ""
                out.append(f"  {unit.unit}: {shown}{mark}{note}")
        return out

    def _other_source_lines(self) -> list[str]:
        """Said plainly first: OCR figures now stand as another source, and what stays empty."""
        if self.source == SIREKAP:
            return []
        out = [
            f"PERINGATAN: angka Sirekap (hasil baca otomatis foto formulir C.Hasil) disimpan "
            f"sebagai sumber {self.source.code}, bukan sebagai sumber sirekap; dikonfirmasi oleh "
            f"{self.confirmed_by}."
        ]
        cleared = {(form.key, change.field) for form in self.forms for change in form.changes}
        for key, fields in self.empty:
            contest, unit, source = key
            removed = [f for f in fields if (key, f) in cleared]
            line = (
                f"  {contest} {unit}: tidak ada di Sirekap, KOSONG pada sumber {source}: "
                f"{'; '.join(_field_groups(fields))}"
            )
            if removed:
                line += f" — nilai sebelumnya DIHAPUS: {'; '.join(_field_groups(removed))}"
            out.append(line)
        return out


PHOTO_ONLY_LISTED = 20


def photo_only_line(codes: Sequence[str]) -> str:
    """E.g. "2 TPS hanya berisi foto, tanpa angka: 9901011001004, 9901011002009 (tidak dicatat
    sebagai nol; fotonya dapat dibuka di rincian desa/TPS)"."""
    listed = ", ".join(codes[:PHOTO_ONLY_LISTED])
    more = (
        f" dan {len(codes) - PHOTO_ONLY_LISTED} lainnya" if len(codes) > PHOTO_ONLY_LISTED else ""
    )
    return (
        f"{len(codes)} TPS hanya berisi foto, tanpa angka: {listed}{more} (tidak dicatat sebagai "
        "nol; fotonya dapat dibuka di rincian desa/TPS)"
    )


FIELD_GROUPS = (
    (VOTER_KEYS, "data pemilih dan pengguna hak pilih"),
    (BALLOT_KEYS, "data penggunaan surat suara"),
    (DISABILITY_KEYS, "data pemilih disabilitas"),
)


def _field_groups(fields: Sequence[FieldKey]) -> list[str]:
    """The fields named briefly: a whole section of the form by its name (with how many fields),
    every other field by its key."""
    rest = list(fields)
    named = []
    for keys, label in FIELD_GROUPS:
        if set(keys) <= set(rest):
            named.append(f"{label} ({len(keys)} rincian)")
            rest = [f for f in rest if f not in keys]
    return named + [str(f) for f in rest]


def json_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, with a folder standing for every ``*.json`` under it (sorted)."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    return found


def is_sirekap_path(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() == ".json"


class SirekapImportService:
    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno

    def progress(self) -> list[UnitProgress]:
        """The newest snapshot time and TPS progress per (contest, unit), for the screens."""
        with read(self.pleno_service.engine) as session:
            return packages_store.latest_progress(session)

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        source: Source = SIREKAP,
        on_progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        confirmation: Confirmation | None = None,
    ) -> SirekapImportReport:
        """``source`` other than sirekap stores Sirekap's OCR figures as that source (e.g. as
        the PPK's form when it is missing): it needs a commissioner's ``confirmation``
        (Action.IMPORT_SIREKAP_AS_OTHER), checked in the import's write transaction."""
        if source.kind is SourceKind.PLENO:
            raise InputRejected([Problem("sumber 'pleno' hanya ditulis oleh rapat ini")])
        files = json_files(paths)
        if not files:
            raise InputRejected([Problem("tidak ada berkas .json untuk diimpor")])
        pleno = self.pleno_service.pleno()
        read: list[SirekapFile] = []
        evidence: dict[str, str] = {}
        for i, path in enumerate(files):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            data = read_input(path, path.name)
            read.append(read_sirekap_file(data, path.name))
            evidence[str(path.name)] = data.decode("utf-8-sig")
            if on_progress is not None:
                on_progress(i + 1, len(files))
        found = snapshots(read, pleno)
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        with self.pleno_service.write() as w:
            ensure_result_open(
                w.session,
                self.pleno_service.pleno(),
                *((s.contest, u.unit) for s in found for u in s.units),
            )
            approval = (
                {}
                if source == SIREKAP
                else require_confirmation(w.session, confirmation, Action.IMPORT_SIREKAP_AS_OTHER)
            )
            forms = self._store(w, found, source, evidence, approval)
        empty = () if source == SIREKAP else _empty_fields(found, source, pleno)
        return SirekapImportReport(
            len(files),
            tuple(found),
            tuple(forms),
            source,
            empty,
            confirmation.user.name if approval and confirmation else "",
        )

    def _store(
        self,
        w: Write,
        found: list[ContestSnapshot],
        source: Source,
        evidence: dict[str, str],
        approval: dict[str, str],
    ) -> list[ImportedForm]:
        session = w.session
        _refuse_older(found, packages_store.latest_progress(session))
        content = audit.canonical_json(evidence).encode("utf-8")
        sha256 = hashlib.sha256(content).hexdigest()
        name = next(iter(evidence)) if len(evidence) == 1 else f"{len(evidence)} berkas Sirekap"
        records = [r for snap in found for r in snap.records(source)]
        marks = [unit.marks for snap in found for unit in snap.units]
        batch = meeting_store.add_batch(
            session, name, "sirekap-json", sha256, content, len(records), self.pleno_service.actor
        )
        before = meeting_store.current_tallies(session)
        forms: list[ImportedForm] = []
        for record, marked in zip(records, marks, strict=True):
            key = (record.contest, record.unit, record.source.code)
            version = meeting_store.save_tally(session, key, record.values, batch.id, record.kept)
            sirekap_tps_store.add(session, key, version, marked)
            changes = field_changes(before.get(key, Tally()), record.values)
            forms.append(ImportedForm(key, version, changes))
        packages_store.add_progress(
            session,
            batch.id,
            [(s.contest, u.unit, s.ts, *_pair(u.progress)) for s in found for u in s.units],
        )
        w.audit(
            AuditEvent.SIREKAP_IMPORTED,
            {
                "berkas": name,
                "sha256": sha256,
                "sumber": source.code,
                **approval,
                "ts": {s.contest: s.ts for s in found},
                "progres": {s.contest: {u.unit: _pair(u.progress) for u in s.units} for s in found},
                audit.FORMS: [
                    audit.form_record(
                        r.contest,
                        r.unit,
                        r.source.code,
                        f.version,
                        {str(k): v for k, v in r.values.items()},
                    )
                    for r, f in zip(records, forms, strict=True)
                ],
            },
            {s.contest for s in found},
        )
        return forms


def _empty_fields(
    found: list[ContestSnapshot], source: Source, pleno: Pleno
) -> tuple[tuple[TallyKey, tuple[FieldKey, ...]], ...]:
    """Per stored form, the fields of the unit's form that Sirekap's figures do not carry."""
    out = []
    for snap in found:
        contest = pleno.contest(snap.contest)
        assert contest is not None  # snapshots are only made for the meeting's contests
        for unit in snap.units:
            missing = tuple(k for k in unit_form_keys(contest, unit.unit) if k not in unit.values)
            if missing:
                out.append(((snap.contest, unit.unit, source.code), missing))
    return tuple(out)


def _refuse_older(found: list[ContestSnapshot], stored: list[UnitProgress]) -> None:
    """A snapshot older than the one already imported for a unit would silently put older
    figures back: refused, naming both times (checked inside the write transaction)."""
    newest = {(p.contest, p.unit): p.ts for p in stored}
    problems = [
        Problem(
            f"{snap.contest} {unit.unit}: data Sirekap {snap.ts} lebih lama daripada yang sudah "
            f"diimpor ({newest[snap.contest, unit.unit]}); impor berkas yang lebih baru"
        )
        for snap in found
        for unit in snap.units
        if (snap.contest, unit.unit) in newest
        and snapshot_time(snap.ts) < snapshot_time(newest[snap.contest, unit.unit])
    ]
    if problems:
        raise InputRejected(problems)


def _pair(progress: Progress | None) -> tuple[int | None, int | None]:
    return (None, None) if progress is None else (progress.done, progress.total)
