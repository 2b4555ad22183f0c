"""Settling differences (procedure item 10): corrections written as the determined (pleno) value,
and a kecamatan × contest marked read once every field agrees or is settled.

The original values of every source stay; a correction adds a new version of the pleno form and
its record, audited in the same transaction. The recapitulation then uses the determined value.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.comparison import Comparison
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import (
    Correction,
    Reason,
    correction_problems,
    entry_problems,
)
from rekap_desktop.domain.finding_decisions import open_error_text
from rekap_desktop.domain.ids import ContestCode, RegionCode
from rekap_desktop.domain.incidents import IncidentStatus, StoredIncident
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PLENO, PPK, Source
from rekap_desktop.services.concurrency import FormVersions, refuse_if_changed
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.finding_decisions import undecided_in
from rekap_desktop.services.pair_view import PairView
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.services.service_base import ServiceBase, Target
from rekap_desktop.storage import audit, corrections_store, meeting_store, recounts_store
from rekap_desktop.storage.unit_of_work import Session, Write, read


@dataclass(frozen=True)
class SettleRequest:
    """What the correction dialog asks for one field."""

    field: str
    after: int
    reason: Reason
    basis: str
    proposed_by: str
    approved_by: str
    reason_text: str = ""
    incident_number: int | None = None
    seen: FormVersions | None = None
    """The pair's form versions the dialog was opened on; the correction is refused when the
    field's determined (pleno) or PPK value changed since. None: not checked."""
    confirmation: Confirmation | None = None
    """The approving commissioner's own PIN confirmation (Action.APPROVE_CORRECTION)."""
    recount_number: int | None = None
    """The berita acara of the pencocokan/penghitungan ulang this correction rests on."""

    def problems(self, commissioners: Collection[str]) -> list[str]:
        """What the dialog must have fixed before a commissioner is asked for their PIN."""
        return entry_problems(
            self.after,
            self.reason,
            self.reason_text,
            self.basis,
            self.proposed_by,
            self.approved_by,
            commissioners,
        )


@dataclass(frozen=True)
class SettleResult:
    correction: Correction
    pleno_version: int
    pair_read: bool
    """Whether this correction settled the last open field, so the pair was marked read."""


def finished_pairs(pleno_service: PlenoService) -> frozenset[tuple[str, str]]:
    """(contest, unit) of every pair the room may be told is read (see
    ``CorrectionsService.pairs_finished``): what the cockpit counts and the projector ticks."""
    return frozenset(CorrectionsService(pleno_service).pairs_finished())


class CorrectionsService(ServiceBase):
    # -- reading ---------------------------------------------------------------------------

    def comparison(self, contest: str, unit: str) -> Comparison:
        return self.view(contest, unit).comparison

    def view(self, contest: str, unit: str) -> PairView:
        """The pair with the form versions it was read from (shared with the projector: read
        once per committed change)."""
        return self.pleno_service.pairs.view(contest, unit)

    def corrections(self, contest: str, unit: str) -> list[Correction]:
        with read(self.pleno_service.engine) as session:
            return corrections_store.corrections(session, contest, unit)

    def confirmations(self, contest: str, unit: str) -> dict[tuple[str, str], int]:
        """(source code, field) → the value read aloud as "sesuai"."""
        with read(self.pleno_service.engine) as session:
            return corrections_store.confirmations(session, contest, unit)

    def unit_of(self, correction_id: int) -> str | None:
        """The kecamatan of a correction (for links from the incident register)."""
        with read(self.pleno_service.engine) as session:
            return corrections_store.correction_unit(session, correction_id)

    def is_read(self, contest: str, unit: str) -> bool:
        with read(self.pleno_service.engine) as session:
            status = corrections_store.pair_status(session, contest, unit)
        return status == corrections_store.READ

    def pairs_read(self) -> set[tuple[str, str]]:
        with read(self.pleno_service.engine) as session:
            return corrections_store.pairs_read(session)

    def pairs_finished(self) -> set[tuple[str, str]]:
        """(contest, unit) of every pair the room may be told is read ("sudah dibacakan"):
        marked selesai dibaca, and no register entry about it open since."""
        with read(self.pleno_service.engine) as session:
            marked = corrections_store.pairs_read(session)
            entries = meeting_store.incidents(session)
        return {
            (contest, unit)
            for contest, unit in marked
            if not any(_open_about(entry, contest, unit) for entry in entries)
        }

    def unsettled(self, contest: str, unit: str) -> list[str]:
        """Why the pair may not be marked selesai dibaca now, in Indonesian: the PPK form
        missing, each field still differing, each register entry about it still open (empty:
        it may)."""
        target = self.target(contest, unit)
        with read(self.pleno_service.engine) as session:
            return self._unsettled(session, target)

    def commissioners(self) -> tuple[str, ...]:
        """Names of the KPU members (anggota) of the meeting who may approve a correction."""
        return tuple(m.name for m in self.pleno_service.pleno().members)

    # -- changing --------------------------------------------------------------------------

    def check_current(self, contest: str, unit: str, request: SettleRequest) -> None:
        """Before the commissioner's PIN is asked: refuse (as :meth:`settle` would) a correction
        made on a view another station has since changed, or on a locked result, so no one types
        a PIN for a correction that cannot be written. Nothing is written; :meth:`settle` checks
        again inside its write transaction."""
        target = self.target(contest, unit)
        key = target.field(request.field)
        self._check_incident(request.incident_number)
        with read(self.pleno_service.engine) as session:
            ensure_result_open(session, target.pleno, (contest, unit))
            refuse_if_changed(session, target, (PLENO, PPK), key, request.seen)

    def settle(self, contest: str, unit: str, request: SettleRequest) -> SettleResult:
        """Record a correction and write its value as the determined (pleno) value."""
        target = self.target(contest, unit)
        key = target.field(request.field)
        self._check_incident(request.incident_number)
        with self.pleno_service.write() as w:
            session = w.session
            ensure_result_open(session, target.pleno, (contest, unit))
            refuse_if_changed(session, target, (PLENO, PPK), key, request.seen)
            tallies = meeting_store.current_tallies(session, target.contest.code)
            ppk = tallies.get((contest, unit, PPK.code))
            pleno_form = dict(tallies.get((contest, unit, PLENO.code)) or {})
            before = pleno_form.get(key, ppk.value(key) if ppk else None)
            said = tuple(
                sorted(
                    (
                        (source, value)
                        for (c, u, source), tally in tallies.items()
                        if (c, u) == (contest, unit)
                        and source != PLENO.code
                        and (value := tally.value(key)) is not None
                    ),
                    key=lambda pair: Source.stored(pair[0]).sort_key,
                )
            )
            correction = Correction(
                ContestCode(contest),
                RegionCode(unit),
                key,
                before,
                request.after,
                request.reason,
                request.reason_text.strip(),
                request.basis.strip(),
                request.proposed_by.strip(),
                request.approved_by,
                audit.now_iso(),
                request.incident_number,
                said,
            )
            problems = correction_problems(correction, self.commissioners())
            if problems:
                raise InputRejected([Problem(f"{target.label(key)}: {p}") for p in problems])
            approval = _approval(session, request)
            pleno_form[key] = request.after
            form = (contest, unit, PLENO.code)
            version = meeting_store.save_tally(session, form, pleno_form, None)
            number = corrections_store.add_correction(session, correction, version, self.actor)
            if request.recount_number is not None:
                _link_recount(session, target, number, request.recount_number)
            w.audit(
                AuditEvent.CORRECTION_MADE,
                {
                    **_correction_payload(correction),
                    "nomor_hitung_ulang": request.recount_number,
                    **approval,
                    audit.FORMS: [
                        audit.form_record(
                            *form, version, {str(k): v for k, v in pleno_form.items()}
                        )
                    ],
                },
                {contest},
            )
            now_read = self._mark_if_complete(w, target)
        return SettleResult(correction, version, now_read)

    def mark_read(self, contest: str, unit: str) -> None:
        """Mark the pair read; refused while a field still differs (or the PPK form is absent)."""
        target = self.target(contest, unit)
        with self.pleno_service.write() as w:
            ensure_result_open(w.session, target.pleno, (contest, unit))
            reasons = self._unsettled(w.session, target)
            if reasons:
                raise InputRejected([Problem(f"{target.where()}: {r}") for r in reasons])
            self._set_read(w, target)

    def _unsettled(self, session: Session, target: Target) -> list[str]:
        comparison = self.compare_in(session, target)
        if not comparison.has_reference:
            return ["formulir D.Hasil PPK belum tercatat"]
        reasons = [f"masih ada selisih pada {row.label}" for row in comparison.rows if row.is_open]
        reasons.extend(open_error_text(f) for f in undecided_in(session, comparison))
        contest, unit = target.contest.code, target.unit.code
        reasons.extend(
            f"{ENTRY_KINDS.get(entry.kind, 'entri')} nomor {entry.number} masih terbuka; "
            "selesaikan dahulu (register kejadian khusus/keberatan)"
            for entry in meeting_store.incidents(session)
            if _open_about(entry, contest, unit)
        )
        return reasons

    def _mark_if_complete(self, w: Write, target: Target) -> bool:
        """A correction that settles the last difference marks the pair read, unless a register
        entry about it is still open (the room is not told it is read while it is disputed)."""
        contest, unit = target.contest.code, target.unit.code
        if corrections_store.pair_status(w.session, contest, unit) == corrections_store.READ:
            return False
        if self._unsettled(w.session, target):
            return False
        self._set_read(w, target)
        return True

    def _set_read(self, w: Write, target: Target) -> None:
        contest, unit = target.contest.code, target.unit.code
        corrections_store.set_pair_status(
            w.session, contest, unit, corrections_store.READ, self.actor
        )
        w.audit(
            AuditEvent.PAIR_READ,
            {"pemilihan": contest, "kode_wilayah": unit, "status": "selesai dibaca"},
            {contest},
        )

    def _check_incident(self, number: int | None) -> None:
        if number is None:
            return
        if number not in {i.number for i in self.pleno_service.incidents()}:
            raise InputRejected(
                [Problem(f"nomor {number} tidak ada dalam daftar kejadian khusus/keberatan")]
            )


ENTRY_KINDS = {
    "kejadian_khusus": "kejadian khusus",
    "keberatan_saksi": "keberatan saksi",
    "keberatan_bawaslu": "keberatan Bawaslu",
    "masalah_lain": "masalah",
}


def _open_about(entry: StoredIncident, contest: str, unit: str) -> bool:
    """An open register entry about this pemilihan in this kecamatan (or a desa/TPS in it), or
    about the kecamatan as a whole (no pemilihan named)."""
    return (
        entry.status == IncidentStatus.TERBUKA.value
        and entry.unit is not None
        and entry.unit.startswith(unit)
        and entry.contest in (None, contest)
    )


def _link_recount(session: Session, target: Target, correction_id: int, number: int) -> None:
    """The correction rests on recount ``number``, which must be of the same kecamatan and
    pemilihan."""
    found = recounts_store.recount(session, number)
    if found is None or (found.entry.contest, found.entry.unit) != (
        target.contest.code,
        target.unit.code,
    ):
        raise InputRejected(
            [
                Problem(
                    f"{target.where()}: berita acara pencocokan/penghitungan ulang nomor "
                    f"{number} tidak ada untuk kecamatan dan pemilihan ini"
                )
            ]
        )
    recounts_store.link_correction(session, correction_id, number)


def _approval(session: Session, request: SettleRequest) -> dict[str, str]:
    """The approving commissioner's confirmation, checked in the correction's transaction: it
    must be theirs (the one named as approving), not another user's PIN."""
    approval = require_confirmation(session, request.confirmation, Action.APPROVE_CORRECTION)
    assert request.confirmation is not None
    confirmer = request.confirmation.user.name
    if confirmer != request.approved_by:
        raise InputRejected(
            [
                Problem(
                    f"pembetulan disetujui {request.approved_by}, tetapi PIN yang dimasukkan "
                    f"milik {confirmer}; yang menyetujui mengonfirmasi dengan PIN-nya sendiri"
                )
            ]
        )
    return approval


def _correction_payload(correction: Correction) -> dict[str, object]:
    return {
        "pemilihan": correction.contest,
        "kode_wilayah": correction.unit,
        "rincian": correction.field,
        "sebelum": correction.before,
        "sesudah": correction.after,
        "alasan": correction.reason.value,
        "keterangan": correction.reason_text,
        "dasar": correction.basis,
        "diusulkan_oleh": correction.proposed_by,
        "disetujui_oleh": correction.approved_by,
        "nomor_kejadian": correction.incident_number,
        "nilai_sumber": dict(correction.sources),
    }
