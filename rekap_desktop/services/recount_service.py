"""Pencocokan dan penghitungan suara ulang: the meeting records, for chosen TPS or desa of a
kecamatan, the proposal, its decision, the box, who counted and witnessed, and the values found
(domain/recounts.py); the corrections it leads to are made in the comparison and name it.

The value recorded at each place is taken here, inside the write, from the reference source's
kept rows (the PPK's where it gave the place, else the first source that did), so the record says
what the paper was checked against, whatever the dialog showed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.drill_down import DESA_CODE, drill_down
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptForm
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.recounts import (
    Recount,
    RecountEntry,
    entry_problems,
    kecamatan_value,
)
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PPK
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.services.service_base import ServiceBase, Target
from rekap_desktop.storage import (
    audit,
    corrections_store,
    kept_rows_store,
    meeting_store,
    recounts_store,
)
from rekap_desktop.storage.unit_of_work import read

TITLE = "Pencocokan / penghitungan suara ulang"


@dataclass(frozen=True)
class RecountRecord:
    """A recorded check and the corrections made on its strength (ledger number, correction)."""

    recount: Recount
    corrections: tuple[tuple[int, Correction], ...] = ()


class RecountService(ServiceBase):
    # -- reading ---------------------------------------------------------------------------

    def records(self, contest: str | None = None) -> list[RecountRecord]:
        """Every record (of one contest) with its corrections, in the order recorded."""
        with read(self.pleno_service.engine) as session:
            found = recounts_store.recounts(session, contest)
            linked = recounts_store.corrections_of(session)
            ledger = dict(corrections_store.all_corrections(session))
        return [
            RecountRecord(r, tuple((n, ledger[n]) for n in linked.get(r.number, ()) if n in ledger))
            for r in found
        ]

    def suggested_value(self, recount: Recount, field: str) -> int | None:
        """The kecamatan's value for ``field`` once the places checked carry the values found
        (the reference source's kecamatan value corrected place by place)."""
        entry = recount.entry
        with read(self.pleno_service.engine) as session:
            tallies = meeting_store.current_tallies(session, entry.contest)
        form = tallies.get((entry.contest, entry.unit, entry.reference_source))
        total = form.value(FieldKey(field)) if form else None
        return kecamatan_value(FieldKey(field), entry.found, total)

    # -- changing --------------------------------------------------------------------------

    def record(self, entry: RecountEntry, confirmation: Confirmation | None) -> Recount:
        """Record the check under the next Nomor, confirmed by a commissioner's PIN; refused
        (nothing written) when an entry is missing or wrong, or the result is determined."""
        target = self.target(entry.contest, entry.unit)
        for value in entry.found:
            target.field(value.field)
        with self.pleno_service.write() as w:
            session = w.session
            ensure_result_open(session, target.pleno, (entry.contest, entry.unit))
            approval = require_confirmation(session, confirmation, Action.RECORD_RECOUNT)
            assert confirmation is not None
            forms = kept_rows_store.current(session, entry.contest, entry.unit)
            checked = _with_recorded(entry, forms)
            incidents = {i.number for i in meeting_store.incidents(session)}
            labels = {v.field: target.label(v.field) for v in entry.found}
            problems = entry_problems(checked, _places(forms), incidents, labels)
            if problems:
                raise InputRejected([Problem(f"{target.where()}: {p}") for p in problems], TITLE)
            recount = recounts_store.add(
                session, checked, confirmation.user.name, audit.now_iso(), self.actor
            )
            w.audit(
                AuditEvent.RECOUNT_RECORDED,
                {**_payload(recount, target), **approval},
                {entry.contest},
            )
        return recount


def _places(forms: list[KeptForm]) -> set[str]:
    """Every TPS and desa the kept rows name (a TPS's desa included)."""
    codes = {code for form in forms for code in form.rows.codes}
    return codes | {code[:DESA_CODE] for code in codes}


def _with_recorded(entry: RecountEntry, forms: list[KeptForm]) -> RecountEntry:
    """The entry with each value's recorded value taken from the reference source's rows."""
    sources = [form.source for form in forms]
    reference = PPK.code if PPK.code in sources else (sources[0] if sources else PPK.code)
    found = []
    for value in entry.found:
        places = drill_down(value.field, [(f.source, f.rows) for f in forms], reference)
        line = next((ln for ln in places.lines if ln.code == value.place), None)
        recorded = line.values[places.reference] if line is not None else None
        found.append(replace(value, recorded=recorded))
    return replace(entry, found=tuple(found), reference_source=reference)


def _payload(recount: Recount, target: Target) -> dict[str, object]:
    return {"nomor": recount.number, **recount_facts(recount), "wilayah": target.where()}


def recount_facts(recount: Recount) -> dict[str, object]:
    """What a recorded check states, under the keys of its audit entry (the evidence pack's
    ledger lists the same)."""
    entry = recount.entry
    return {
        "kode_wilayah": entry.unit,
        "pemilihan": entry.contest,
        "jenis": entry.kind.value,
        "tempat": list(entry.places),
        "diusulkan_oleh": entry.proposed_by,
        "alasan": entry.reason,
        "nomor_kejadian": entry.incident_number,
        "keputusan": entry.decision.value,
        "diputuskan_oleh": recount.decided_by,
        "kotak": entry.box_state.value,
        "catatan_kotak": entry.box_note,
        "dihitung_oleh": entry.counted_by,
        "saksi": list(entry.witnesses),
        "sumber_acuan": entry.reference_source,
        "ditemukan": [
            {"tempat": v.place, "rincian": v.field, "tercatat": v.recorded, "ditemukan": v.found}
            for v in entry.found
        ],
        "hasil": recount.outcome.value,
    }
