"""Entering what is read aloud (procedure items 8–9): PPK, saksi and Bawaslu values, "sesuai",
and the optional double entry of a paper form before the meeting.

Every accepted value is a new version of that source's form (earlier versions stay). A value that
breaks a rule is accepted — it is evidence — and its findings are returned; an impossible value
(negative, decimal, text) is refused and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.comparison import Comparison
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.misreads import Misread
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.rules import Finding
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.services.concurrency import FormVersions, refuse_if_changed
from rekap_desktop.services.finding_decisions import undecided_in
from rekap_desktop.services.result_lock import ensure_result_open
from rekap_desktop.services.service_base import ServiceBase, Target, source_name
from rekap_desktop.storage import audit, corrections_store, meeting_store
from rekap_desktop.storage.unit_of_work import Session, Write, read
from rekap_desktop.text.numbers import parse_number

ENTRY_KINDS = (SourceKind.PPK, SourceKind.SAKSI, SourceKind.BAWASLU)
PASSES = (1, 2)


@dataclass(frozen=True)
class EntryResult:
    field: FieldKey
    value: int
    version: int | None
    """The new version of the source's form, or None when the value was already recorded."""
    findings: tuple[Finding, ...]
    """Rule findings of the source's form that concern the field (the value is kept as evidence)."""
    misreads: tuple[Misread, ...]


@dataclass(frozen=True)
class PassMismatch:
    """A field the two passes of a double entry keyed differently (or only one keyed)."""

    field: FieldKey
    first: int | None
    second: int | None


class EntryService(ServiceBase):
    def enter(
        self,
        contest: str,
        unit: str,
        source: str,
        field: str,
        text: str,
        seen: FormVersions | None = None,
    ) -> EntryResult:
        """Enter the value read for one field of a PPK, saksi or Bawaslu form; with ``seen`` (the
        form versions the station's view showed) refused when another station changed the field
        since (:class:`~rekap_desktop.services.concurrency.ConcurrentEdit`)."""
        target = self.target(contest, unit)
        key = target.field(field)
        who = self._source(target, source)
        value = parse_number(text)
        if value is None:
            raise InputRejected(
                [
                    Problem(
                        f"'{text}' bukan angka yang sah untuk {target.label(key)} "
                        f"({source_name(who)}, {target.where()}): isi bilangan bulat ≥ 0, "
                        "titik hanya sebagai pemisah ribuan"
                    )
                ]
            )
        return self._write(target, who, {key: value}, AuditEvent.VALUE_ENTERED, seen=seen)

    def confirm(
        self,
        contest: str,
        unit: str,
        source: str,
        field: str,
        shown: int,
        seen: FormVersions | None = None,
    ) -> EntryResult:
        """ "Sesuai": the field was read aloud equal to the value shown (written when different);
        ``seen`` as for :meth:`enter`."""
        target = self.target(contest, unit)
        key = target.field(field)
        who = self._source(target, source)
        if shown < 0:
            raise InputRejected([Problem("nilai yang ditampilkan tidak sah (negatif)")])
        return self._write(target, who, {key: shown}, AuditEvent.VALUE_CONFIRMED, seen=seen)

    def record_pass(
        self, contest: str, unit: str, source: str, pass_no: int, values: Mapping[str, str]
    ) -> list[PassMismatch]:
        """Key one pass of a double entry; returns the mismatches with the other pass so far."""
        target = self.target(contest, unit)
        who = self._source(target, source)
        if pass_no not in PASSES:
            raise InputRejected([Problem(f"putaran entri {pass_no} tidak dikenal (1 atau 2)")])
        parsed = self._parse_all(target, values)
        form = (target.contest.code, target.unit.code, who.code)
        with self.pleno_service.write() as w:
            ensure_result_open(w.session, target.pleno, form[:2])
            corrections_store.add_pass_values(
                w.session, form, pass_no, {str(k): v for k, v in parsed.items()}, self.actor
            )
            w.audit(
                AuditEvent.ENTRY_PASS_RECORDED,
                {**_where(form), "putaran": pass_no, "nilai": dict(sorted(parsed.items()))},
            )
            return _mismatches(corrections_store.pass_values(w.session, form))

    def pass_mismatches(self, contest: str, unit: str, source: str) -> list[PassMismatch]:
        target = self.target(contest, unit)
        form = (target.contest.code, target.unit.code, self._source(target, source).code)
        with read(self.pleno_service.engine) as session:
            return _mismatches(corrections_store.pass_values(session, form))

    def apply_passes(self, contest: str, unit: str, source: str) -> EntryResult | None:
        """Take two matching passes as the source's form; refused while they do not match. The
        passes are read under the write lock: a pass another station keys meanwhile is never
        missed (the form gets the values both passes hold when it is written)."""
        target = self.target(contest, unit)
        who = self._source(target, source)
        form = (target.contest.code, target.unit.code, who.code)

        def agreed(session: Session) -> dict[FieldKey, int]:
            passes = corrections_store.pass_values(session, form)
            if set(passes) != set(PASSES):
                where = f"{source_name(who)} {target.where()}"
                raise InputRejected([Problem(f"entri ganda {where} belum dua putaran")])
            mismatches = _mismatches(passes)
            if mismatches:
                fields = ", ".join(target.label(m.field) for m in mismatches)
                raise InputRejected(
                    [Problem(f"kedua putaran entri belum sama pada: {fields}; selesaikan dahulu")]
                )
            return {FieldKey(k): v for k, v in passes[1].items()}

        return self._write(target, who, agreed, AuditEvent.ENTRY_PASSES_APPLIED, applied=True)

    # -- helpers ---------------------------------------------------------------------------

    def _source(self, target: Target, code: str) -> Source:
        source = Source.parse(code)
        if source is None or source.kind not in ENTRY_KINDS:
            raise InputRejected(
                [Problem(f"sumber '{code}' tidak dapat diisi di sini (ppk, saksi_NN, bawaslu)")]
            )
        if source.kind is SourceKind.SAKSI and target.contest.choice(source.choice or 0) is None:
            raise InputRejected(
                [Problem(f"{target.contest.code} tidak punya pilihan nomor urut {source.choice}")]
            )
        return source

    def _parse_all(self, target: Target, values: Mapping[str, str]) -> dict[FieldKey, int]:
        parsed: dict[FieldKey, int] = {}
        problems: list[Problem] = []
        for field, text in values.items():
            value = parse_number(text)
            if value is None:
                problems.append(
                    Problem(f"{target.label(field)}: '{text}' bukan bilangan bulat ≥ 0")
                )
            else:
                parsed[target.field(field)] = value
        if problems:
            raise InputRejected(problems)
        return parsed

    def _write(
        self,
        target: Target,
        who: Source,
        values: dict[FieldKey, int] | Callable[[Session], dict[FieldKey, int]],
        event: AuditEvent,
        applied: bool = False,
        seen: FormVersions | None = None,
    ) -> EntryResult:
        form = (target.contest.code, target.unit.code, who.code)
        with self.pleno_service.write() as w:
            session = w.session
            ensure_result_open(session, target.pleno, form[:2])
            if callable(values):
                values = values(session)
            ((field, value), *_) = values.items()
            refuse_if_changed(session, target, (who,), field, seen)
            current = meeting_store.current_tallies(session, target.contest.code).get(form)
            merged = {**dict(current or {}), **values}
            version = None
            if current is None or dict(current) != merged:
                version = meeting_store.save_tally(session, form, merged, None)
            if applied:
                corrections_store.mark_passes_applied(session, form)
            if event is AuditEvent.VALUE_CONFIRMED:
                corrections_store.add_confirmation(session, form, field, value, self.actor)
            if version is not None or event is not AuditEvent.VALUE_ENTERED:
                self._audit(w, event, form, values, version, merged)
            comparison = self.compare_in(session, target)
            self._reopen_if_needed(w, target, comparison)
        row = comparison.row(field)
        cell = row.cell(who) if row else None
        findings = cell.findings if cell else ()
        return EntryResult(field, value, version, findings, cell.misreads if cell else ())

    def _audit(
        self,
        w: Write,
        event: AuditEvent,
        form: tuple[str, str, str],
        values: dict[FieldKey, int],
        version: int | None,
        merged: dict[FieldKey, int],
    ) -> None:
        payload: dict[str, object] = {**_where(form), "nilai": dict(sorted(values.items()))}
        if version is not None:
            payload[audit.FORMS] = [
                audit.form_record(*form, version, {str(k): v for k, v in merged.items()})
            ]
        w.audit(event, payload, {form[0]})

    def _reopen_if_needed(self, w: Write, target: Target, comparison: Comparison) -> None:
        session = w.session
        contest, unit = target.contest.code, target.unit.code
        was_read = corrections_store.pair_status(session, contest, unit) == corrections_store.READ
        # A new difference, or a new error of the determined values no decision covers, takes
        # the pair back to reading: the room is not told it is read while it is open.
        if was_read and (not comparison.is_complete or undecided_in(session, comparison)):
            corrections_store.set_pair_status(
                session, contest, unit, corrections_store.REOPENED, self.actor
            )
            w.audit(
                AuditEvent.PAIR_READ,
                {"pemilihan": contest, "kode_wilayah": unit, "status": "dibuka kembali"},
                {contest},
            )


def _where(form: tuple[str, str, str]) -> dict[str, str]:
    contest, unit, source = form
    return {"pemilihan": contest, "kode_wilayah": unit, "sumber": source}


def _mismatches(passes: dict[int, dict[str, int]]) -> list[PassMismatch]:
    first, second = passes.get(1, {}), passes.get(2, {})
    if not first or not second:
        return []
    return [
        PassMismatch(FieldKey(k), first.get(k), second.get(k))
        for k in sorted(set(first) | set(second))
        if first.get(k) != second.get(k)
    ]
