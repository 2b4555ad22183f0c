"""Use cases of the Kejadian Khusus / Keberatan register (procedure items 6 and 13–17).

An entry is stored the moment it is created and can be completed later; every edit and change of
status keeps the entry as it was as a version, in the same transaction as its audit entry. Refusals
are ``InputRejected`` and change nothing, except rule 17 (``RepeatRefused``): the register stays as
it was, but the refusal itself is recorded, as the procedure asks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rekap_desktop.domain import incident_rules as rules
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.election import Pleno, Witness
from rekap_desktop.domain.incidents import (
    Evidence,
    Incident,
    IncidentKind,
    IncidentStatus,
    Origin,
    Paraf,
)
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.interchange.incidents_json import parse_carried_incidents
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.corrections_service import CorrectionsService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import incident_store
from rekap_desktop.storage.incident_store import StoredRepeat, StoredVersion
from rekap_desktop.storage.unit_of_work import Engine, read

SaksiRegistry = Callable[[], Iterable[Witness]]
"""The saksi registered in attendance (default: the setup's mandated saksi)."""
CorrectionUnit = Callable[[int], str | None]
"""The kecamatan code of a correction by its id; None when there is no such correction."""


class RepeatRefused(InputRejected):
    """Rule 17 refusal; ``earlier`` is the kecamatan's resolved record. The refusal was recorded."""

    def __init__(self, problems: list[Problem], earlier: Incident) -> None:
        super().__init__(problems)
        self.earlier = earlier


@dataclass(frozen=True)
class RegisterFilter:
    open_only: bool = False
    unit: str | None = None
    kind: IncidentKind | None = None

    def keeps(self, entry: Incident) -> bool:
        return (
            (not self.open_only or entry.is_open)
            and (self.unit is None or entry.unit == self.unit)
            and (self.kind is None or entry.kind is self.kind)
        )


def register_snapshot(engine: Engine) -> tuple[Incident, ...]:
    """The whole register in number order, every field included (paraf, resolution, evidence,
    links to corrections): what Model D.Kejadian Khusus is printed from."""
    with read(engine) as session:
        return tuple(incident_store.entries(session))


class IncidentService:
    """The register of the meeting held in ``pleno``'s database."""

    def __init__(
        self,
        pleno: PlenoService,
        saksi: SaksiRegistry | None = None,
        correction_unit: CorrectionUnit | None = None,
    ) -> None:
        self.pleno_service = pleno
        self._saksi = saksi
        self._given_correction_unit = correction_unit

    def _correction_unit(self, correction: int) -> str | None:
        """The kecamatan of a correction (the corrections service is built when first asked)."""
        if self._given_correction_unit is None:
            self._given_correction_unit = CorrectionsService(self.pleno_service).unit_of
        return self._given_correction_unit(correction)

    @property
    def engine(self) -> Engine:
        return self.pleno_service.engine

    def pleno(self) -> Pleno:
        return self.pleno_service.pleno()

    # -- reading ---------------------------------------------------------------------------

    def registered_saksi(self) -> tuple[Witness, ...]:
        return tuple(self._saksi() if self._saksi else self.pleno().witnesses)

    def register(self, keep: RegisterFilter | None = None) -> list[Incident]:
        entries = register_snapshot(self.engine)
        return [e for e in entries if keep is None or keep.keeps(e)]

    def entry(self, number: int) -> Incident:
        found = [e for e in self.register() if e.number == number]
        if not found:
            raise InputRejected([Problem(f"entri No. {number} tidak ada dalam register")])
        return found[0]

    def linked_corrections(self, entry: Incident) -> list[tuple[int, Correction]]:
        """(id, correction) of the corrections made for ``entry`` (linked in the correction
        dialog) and of those the entry names itself, in the order they were made."""
        if entry.number is None:
            return []
        # Loaded when first asked: the cockpit's start never needs the corrections' tables.
        from rekap_desktop.storage import corrections_store

        with read(self.engine) as session:
            return corrections_store.linked_corrections(session, entry.number, entry.corrections)

    def open_count(self) -> int:
        return sum(1 for e in self.register() if e.is_open)

    def determination_blockers(self) -> tuple[str, ...]:
        """Why the result may not be determined yet (empty: every entry is settled)."""
        return rules.determination_blockers(self.register())

    def versions(self, number: int) -> list[StoredVersion]:
        """The entry's earlier versions, oldest first (the current one is ``entry``)."""
        with read(self.engine) as session:
            row = incident_store.row(session, number)
            return [] if row is None else incident_store.versions(session, row.id)

    def repeat_refusals(self) -> list[StoredRepeat]:
        with read(self.engine) as session:
            return incident_store.repeats(session)

    def evidence_content(self, evidence_id: int) -> bytes:
        with read(self.engine) as session:
            data = incident_store.evidence_content(session, evidence_id)
        if data is None:
            raise InputRejected([Problem(f"bukti #{evidence_id} tidak ditemukan")])
        return data

    # -- changing --------------------------------------------------------------------------

    def create(self, draft: Incident) -> Incident:
        """Record a new entry (status terbuka) at once; rule 17 applies to objections."""
        draft = replace(draft, origin=Origin.BARU, status=IncidentStatus.TERBUKA, version=1)
        self._check(draft)
        repeat = rules.repeat_of(draft, self.register())
        if repeat is not None:
            self._record_repeat(draft, repeat)
        with self.pleno_service.write() as w:
            stored = incident_store.insert(w.session, draft)
            payload = {"kejadian": [incident_store.content(stored)]}
            w.audit(AuditEvent.INCIDENT_RECORDED, payload, _contests(stored))
        return stored

    def edit(self, number: int, draft: Incident) -> Incident:
        """Complete or change an open entry; the entry as it was is kept as a version."""
        current = self.entry(number)
        revised = rules.revise(current, draft)
        if isinstance(revised, rules.Refusal):
            raise InputRejected([Problem(revised.reason)])
        self._check(revised)
        return self._replace(current, revised, AuditEvent.INCIDENT_EDITED)

    def resolve(
        self,
        number: int,
        resolution: str,
        paraf: tuple[Paraf, ...],
        confirmation: Confirmation | None = None,
    ) -> Incident:
        """Diselesaikan, with the resolution and who initialled it; ``confirmation`` is the
        commissioner who confirmed the closing with their PIN (named in the audit entry)."""
        paraf = tuple(Paraf(" ".join(p.name.split()), p.role) for p in paraf)
        settled = rules.resolve(self.entry(number), resolution, paraf, self.registered_saksi())
        return self._settle(number, settled, AuditEvent.INCIDENT_RESOLVED, confirmation)

    def mark_unresolvable(
        self, number: int, reason: str, confirmation: Confirmation | None = None
    ) -> Incident:
        """Tidak dapat diselesaikan, with the reason; ``confirmation`` as for :meth:`resolve`."""
        settled = rules.mark_unresolvable(self.entry(number), reason)
        return self._settle(number, settled, AuditEvent.INCIDENT_UNRESOLVABLE, confirmation)

    def attach_evidence(self, number: int, path: Path) -> Evidence:
        """Attach a JPG, PNG or PDF (at most 50 MB, recognised by its content) to an entry."""
        entry = self.entry(number)
        data = _read_evidence(path)
        media_type = rules.evidence_type(path.name, data[:16], len(data))
        if isinstance(media_type, rules.Refusal):
            raise InputRejected([Problem(media_type.reason)])
        sha256 = hashlib.sha256(data).hexdigest()
        with self.pleno_service.write() as w:
            row = incident_store.row(w.session, number)
            assert row is not None  # entry() found it; entries are never deleted
            evidence = incident_store.add_evidence(
                w.session, row.id, path.name, media_type, sha256, data
            )
            w.audit(
                AuditEvent.INCIDENT_EVIDENCE_ATTACHED,
                {"nomor": number, "berkas": path.name, "jenis": media_type, "sha256": sha256},
                _contests(entry),
            )
        return evidence

    def import_register(self, path: Path) -> list[Incident]:
        """Carry a kecamatan's register (``rekap-kejadian/1``) in, all-or-nothing (item 6)."""
        carried = parse_carried_incidents(read_input(path), path.name, self.pleno())
        problems = _duplicates(carried, self.register())
        if problems:
            raise InputRejected(problems, path.name)
        with self.pleno_service.write() as w:
            stored = [incident_store.insert(w.session, e) for e in carried]
            w.audit(
                AuditEvent.INCIDENT_RECORDED,
                {"berkas": path.name, "kejadian": [incident_store.content(s) for s in stored]},
            )
        return stored

    # -- helpers ---------------------------------------------------------------------------

    def _check(self, entry: Incident) -> None:
        problems = rules.draft_problems(entry, self.pleno(), self.registered_saksi())
        problems += self._correction_problems(entry)
        if problems:
            raise InputRejected([Problem(p) for p in problems])

    def _correction_problems(self, entry: Incident) -> list[str]:
        problems = []
        for correction in entry.corrections:
            unit = self._correction_unit(correction)
            if unit is None:
                problems.append(f"pembetulan #{correction} tidak ditemukan")
            elif entry.unit is not None and unit != entry.unit:
                problems.append(
                    f"pembetulan #{correction} milik kecamatan {unit}, bukan kecamatan "
                    f"{entry.unit} yang disebut entri ini"
                )
        return problems

    def _settle(
        self,
        number: int,
        settled: Incident | rules.Refusal,
        what: AuditEvent,
        confirmation: Confirmation | None,
    ) -> Incident:
        if isinstance(settled, rules.Refusal):
            raise InputRejected([Problem(settled.reason)])
        return self._replace(self.entry(number), settled, what, confirmation, closing=True)

    def _replace(
        self,
        before: Incident,
        after: Incident,
        what: AuditEvent,
        confirmation: Confirmation | None = None,
        *,
        closing: bool = False,
    ) -> Incident:
        """``closing``: the change closes the entry, which needs a commissioner's confirmation,
        checked under the write lock and named in the audit entry."""
        assert before.number is not None  # read from the register
        with self.pleno_service.write() as w:
            approval = (
                require_confirmation(w.session, confirmation, Action.CLOSE_OBJECTION)
                if closing
                else {}
            )
            row = incident_store.row(w.session, before.number)
            assert row is not None
            incident_store.update(w.session, row, before, after, self.pleno_service.actor)
            payload: dict[str, object] = {
                "nomor": before.number,
                "sebelum": incident_store.content(before),
                "sesudah": incident_store.content(after),
                **approval,
            }
            w.audit(what, payload, _contests(after))
        return self.entry(before.number)

    def _record_repeat(self, draft: Incident, repeat: rules.RepeatRefusal) -> None:
        earlier = repeat.earlier
        assert earlier.number is not None
        with self.pleno_service.write() as w:
            row = incident_store.row(w.session, earlier.number)
            assert row is not None
            incident_store.add_repeat(w.session, row.id, draft, self.pleno_service.actor)
            w.audit(
                AuditEvent.INCIDENT_REPEAT_REFUSED,
                {"entri_kecamatan": earlier.number, "diajukan": incident_store.content(draft)},
                _contests(draft),
            )
        raise RepeatRefused([Problem(self._repeat_message(repeat))], earlier)

    def _repeat_message(self, repeat: rules.RepeatRefusal) -> str:
        earlier = repeat.earlier
        unit = self.pleno().unit(earlier.unit or "")
        where = f"Kecamatan {unit.name}" if unit else "kecamatan"
        return (
            f"{repeat.reason.capitalize()}. Catatan sebelumnya: {where} No. "
            f"{earlier.origin_number} (register ini No. {earlier.number}), diajukan oleh "
            f"{earlier.raised_by}; penyelesaian: {earlier.resolution.rstrip('.') or '–'}. "
            "Penolakan ini dicatat."
        )


def _contests(entry: Incident) -> tuple[str, ...]:
    """The contest an entry is about, for the views (none: the kecamatan as a whole)."""
    return (entry.contest,) if entry.contest else ()


def _duplicates(carried: list[Incident], register: list[Incident]) -> list[Problem]:
    known = {(e.unit, e.origin_number): e.number for e in register if e.origin is Origin.KECAMATAN}
    return [
        Problem(
            f"entri kecamatan {e.unit} No. {e.origin_number} sudah ada dalam register "
            f"(No. {known[(e.unit, e.origin_number)]})"
        )
        for e in carried
        if (e.unit, e.origin_number) in known
    ]


def _read_evidence(path: Path) -> bytes:
    return read_input(
        path,
        what=f"{path.name}: berkas",
        check_size=lambda size: _refuse_too_large(path.name, size),
    )


def _refuse_too_large(name: str, size: int) -> None:
    """Refused before it is read: evidence over the limit is not loaded into memory."""
    if size > rules.MAX_EVIDENCE_BYTES:
        refusal = rules.evidence_type(name, b"", size)
        assert isinstance(refusal, rules.Refusal)
        raise InputRejected([Problem(refusal.reason)])
