"""Use cases of the meeting: create it, import and export tallies, and read it back.

Every change is one unit of work (storage.unit_of_work) together with its audit entry; what it
changed is published once, after the commit, to the meeting's change hub (``bus``).
Refusals are ``InputRejected`` with Indonesian problems; nothing is written when one is raised.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.domain.changes import ChangeHub
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.incidents import Incident, StoredIncident
from rekap_desktop.domain.kept_rows import KeptForm
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import Source
from rekap_desktop.domain.tally import Tally
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.interchange.rekap_csv import (
    TallyRecord,
    read_rekap_table,
    write_rekap_csv,
    write_rekap_xlsx,
)
from rekap_desktop.interchange.setup import parse_setup, setup_to_dict
from rekap_desktop.services.chain_anchor import anchor_engine
from rekap_desktop.services.events import ChangeBus
from rekap_desktop.services.integrity import ensure_untampered
from rekap_desktop.services.pair_view import PairViews
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.storage import audit, incident_store, kept_rows_store, meeting_store
from rekap_desktop.storage.meeting_store import PackedFile, TallyKey
from rekap_desktop.storage.unit_of_work import Engine, Write, read, write


@dataclass(frozen=True)
class FieldChange:
    field: FieldKey
    before: int | None
    after: int | None


def field_changes(before: Tally, after: dict[FieldKey, int]) -> tuple[FieldChange, ...]:
    """Every value a new version of a form changed, in field order."""
    keys = sorted(set(before) | set(after))
    return tuple(
        FieldChange(k, before.value(k), after.get(k))
        for k in keys
        if before.value(k) != after.get(k)
    )


@dataclass(frozen=True)
class ImportedForm:
    key: TallyKey
    version: int
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ImportReport:
    """What one imported file changed (the import report of formats §2)."""

    file_name: str
    rows: int
    forms: tuple[ImportedForm, ...]

    @property
    def changed_forms(self) -> tuple[ImportedForm, ...]:
        return tuple(f for f in self.forms if f.changes)


class PlenoService:
    """The meeting held in one database."""

    def __init__(self, engine: Engine, bus: ChangeHub | None = None, actor: str = "operator"):
        self.engine = anchor_engine(engine)
        self.bus: ChangeHub = bus or ChangeBus()
        self.actor = actor
        self._pleno: Pleno | None = None
        self._is_demo: bool | None = None  # a meeting is created once and never replaced
        self.pairs = PairViews(self.engine, self.pleno)
        """Every screen's read of a pair (kecamatan × contest), shared: one read per change."""

    def write(self) -> AbstractContextManager[Write]:
        """This station's unit of work on the meeting: the write lock, its audit entries as
        this actor, and its changes published once to the meeting's hub after the commit."""
        return write(self.engine, self.actor, self.bus)

    # -- reading ---------------------------------------------------------------------------

    def has_pleno(self) -> bool:
        with read(self.engine) as session:
            return meeting_store.meeting(session) is not None

    def pleno(self) -> Pleno:
        """The meeting's setup; refused when this database holds no meeting yet."""
        if self._pleno is None:
            with read(self.engine) as session:
                row = meeting_store.meeting(session)
                if row is None:
                    raise InputRejected(
                        [Problem("basis data ini belum berisi pleno (jalankan 'new' atau 'demo')")]
                    )
                self._pleno = parse_setup(
                    row.setup_json.encode("utf-8"), "pleno tersimpan", kept=True
                )
        return self._pleno

    def is_demo(self) -> bool:
        if self._is_demo is None:
            with read(self.engine) as session:
                row = meeting_store.meeting(session)
                if row is None:
                    return False
                self._is_demo = row.is_demo
        return self._is_demo

    def tallies(
        self, contest: str | None = None, sources: Collection[str] | None = None
    ) -> dict[TallyKey, Tally]:
        """Current forms of every contest (or the one named), of every source (or those named)."""
        with read(self.engine) as session:
            return meeting_store.current_tallies(session, contest, sources)

    def kept_rows(self, contest: str, unit: str) -> list[KeptForm]:
        """The desa/TPS rows each source's current form of the unit was summed from (sources
        that gave the unit as one row, or whose values were entered or corrected, have none)."""
        with read(self.engine) as session:
            return kept_rows_store.current(session, contest, unit)

    def incidents(self) -> list[StoredIncident]:
        with read(self.engine) as session:
            return meeting_store.incidents(session)

    def audit_head(self) -> int:
        """Number of the newest audit entry: it moves with every committed change, any station."""
        with read(self.engine) as session:
            return audit.head(session)

    def verify_audit(self) -> ChainReport:
        with read(self.engine) as session:
            return audit.verify(session)

    # -- changing --------------------------------------------------------------------------

    def create(
        self,
        pleno: Pleno,
        *,
        is_demo: bool = False,
        tally_files: tuple[tuple[str, bytes], ...] = (),
        carried: tuple[Incident, ...] = (),
    ) -> None:
        """Create the meeting from its setup, with any first data, in one transaction; refused
        when the database already holds a meeting."""
        setup = setup_to_dict(pleno)
        parsed = [(name, data, read_rekap_table(data, name, pleno)) for name, data in tally_files]
        with self.write() as w:
            if meeting_store.meeting(w.session) is not None:
                raise InputRejected(
                    [Problem("basis data ini sudah berisi pleno; gunakan berkas basis data lain")]
                )
            meeting_store.add_meeting(w.session, audit.canonical_json(setup), is_demo)
            # "rapat": a random identity, so that two meetings made from one setup in the same
            # second still begin two different chains (a backup names the meeting by that entry)
            created = {"setup": setup, "demo": is_demo, "rapat": uuid.uuid4().hex}
            w.audit(AuditEvent.PLENO_CREATED, created, (c.code for c in pleno.contests))
            for name, data, records in parsed:
                self._store_records(w, name, data, records)
            if carried:
                self._add_incidents(w, carried)
        self._pleno = pleno
        self._is_demo = is_demo

    def create_from_setup_file(self, path: Path) -> Pleno:
        pleno = parse_setup(read_input(path, str(path)), path.name)
        self.create(pleno)
        return pleno

    def import_tally_file(self, path: Path) -> ImportReport:
        """Import a rekap-csv/XLSX file, all-or-nothing."""
        data = read_input(path, str(path))
        with ThreadPoolExecutor(max_workers=1) as pool:
            packing = pool.submit(meeting_store.pack_file, data)  # while the rows are read
            records = read_rekap_table(data, path.name, self.pleno())
            packed = packing.result()
        with self.write() as w:
            ensure_result_open(w.session, self.pleno(), *((r.contest, r.unit) for r in records))
            return self._store_records(w, path.name, data, records, packed)

    def _store_records(
        self,
        w: Write,
        file_name: str,
        data: bytes,
        records: list[TallyRecord],
        packed: PackedFile | None = None,
    ) -> ImportReport:
        session = w.session
        rows = sum(len(r.rows) for r in records)
        file_format = "rekap-xlsx" if data[:4] == b"PK\x03\x04" else "rekap-csv"
        sha256 = packed.sha256 if packed else hashlib.sha256(data).hexdigest()
        before = meeting_store.current_tallies(session)
        batch = meeting_store.add_batch(
            session,
            file_name,
            file_format,
            sha256,
            data,
            rows,
            self.actor,
            packed.content_zlib if packed else None,
        )
        forms: list[ImportedForm] = []
        for record in records:
            key: TallyKey = (record.contest, record.unit, record.source.code)
            version = meeting_store.save_tally(
                session, key, dict(record.values), batch.id, record.kept
            )
            forms.append(
                ImportedForm(key, version, field_changes(before.get(key, Tally()), record.values))
            )
        w.audit(
            AuditEvent.TALLIES_IMPORTED,
            {
                "berkas": file_name,
                "sha256": sha256,
                audit.FORMS: [
                    audit.form_record(r.contest, r.unit, r.source.code, f.version, r.values)
                    for r, f in zip(records, forms, strict=True)
                ],
            },
            (r.contest for r in records),
        )
        return ImportReport(file_name, rows, tuple(forms))

    def add_carried_incidents(self, entries: tuple[Incident, ...]) -> None:
        """Record the kecamatan registers' entries as carried items (procedure item 6)."""
        with self.write() as w:
            self._add_incidents(w, entries)

    def _add_incidents(self, w: Write, entries: tuple[Incident, ...]) -> None:
        stored = [incident_store.insert(w.session, e) for e in entries]
        content = [incident_store.content(s) for s in stored]
        w.audit(AuditEvent.INCIDENT_RECORDED, {"kejadian": content})

    # -- export ----------------------------------------------------------------------------

    def export(self, path: Path) -> int:
        """Write every current form (all sources, ``pleno`` included) as rekap-csv or XLSX;
        refused when the database no longer holds what the program wrote."""
        pleno = self.pleno()
        ensure_untampered(self, "berkas tidak diekspor")
        records = [
            TallyRecord(
                ContestCode(contest), RegionCode(unit), Source.stored(source), dict(tally), ()
            )
            for (contest, unit, source), tally in self.tallies().items()
        ]
        suffix = path.suffix.lower()
        if suffix == ".csv":
            data = write_rekap_csv(records, pleno)
        elif suffix == ".xlsx":
            data = write_rekap_xlsx(records, pleno)
        else:
            raise InputRejected(
                [Problem(f"jenis berkas '{suffix}' tidak dikenal (.csv atau .xlsx)")]
            )
        path.write_bytes(data)
        return len(records)
