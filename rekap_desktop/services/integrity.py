"""Does the database still hold what the program wrote? The audit chain must verify, every
current value must equal the last value the chain recorded for it, every other stored row must
be as the chain last recorded it, and the chain must not show the result changed while it was
determined (an edit made directly in the database file, behind the program's back, is found and
named by table, row and column)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services import chain_anchor
from rekap_desktop.services.anchor_check import Anchor, disagreement, head_file_problems
from rekap_desktop.services.meeting_access import MeetingAccess
from rekap_desktop.storage import audit, audit_records, meeting_store, row_records
from rekap_desktop.storage.audit_records import ChainRecords, LockedChange
from rekap_desktop.storage.unit_of_work import Engine, Session, snapshot
from rekap_desktop.text.numbers import format_number


@dataclass(frozen=True)
class IntegrityReport:
    chain: ChainReport
    mismatches: tuple[str, ...]
    """One Indonesian sentence per value that differs from the chain's record."""
    anchors: tuple[str, ...] = ()
    """One Indonesian sentence per anchor outside the database that the chain does not hold."""

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.mismatches and not self.anchors


def verify_integrity(service: MeetingAccess, anchors: Sequence[Anchor] = ()) -> IntegrityReport:
    """The chain, every value against it, and the chain against the head file and ``anchors``."""
    engine = service.engine
    with snapshot(engine) as session:  # the chain and the rows as of one moment
        stamp = chain_anchor.head_stamp(engine)  # before the snapshot's first read
        chain = audit.verify(session)
        records = audit_records.read(session)
        current = meeting_store.current_values(session)
        mismatches = _meeting_mismatches(session, records.created)
        stored = row_records.all_stored_rows(session.connection())
        outside = head_file_problems(engine, session)
        outside += [d for d in (disagreement(session, a) for a in anchors) if d]
    outside = _settled_head_problems(engine, outside, stamp)
    mismatches += _form_mismatches(records.forms, current)
    mismatches += _row_mismatches(records, stored)
    mismatches += _locked_changes(records)
    return IntegrityReport(chain, tuple(mismatches), tuple(outside))


HEAD_RECHECKS = 3


def _settled_head_problems(engine: Engine, found: list[str], stamp: bytes | None) -> list[str]:
    """A write that committed while the snapshot was read has moved the head file past it
    (another thread of this station, or a station sharing the key folder): the file is checked
    again against a newer snapshot, until it stood still while it was compared."""
    for _ in range(HEAD_RECHECKS):
        later = chain_anchor.head_stamp(engine)
        if not found or later == stamp:
            return found
        stamp = later
        with snapshot(engine) as session:
            found = head_file_problems(engine, session)
    return found


def _meeting_mismatches(session: Session, created: dict[str, Any] | None) -> list[str]:
    """The stored setup (contests, choices, names, the kolom kosong) and the demo flag against
    what the chain recorded when the meeting was created."""
    meeting = meeting_store.meeting(session)
    if meeting is None:
        return []
    where = "tabel meeting baris 1"
    if created is None:
        return [f"{where}: pleno ada di basis data tetapi pembuatannya tidak tercatat di audit"]
    found: list[str] = []
    if meeting.setup_json != audit.canonical_json(created.get("setup")):
        found.append(f"{where} kolom setup_json: susunan pleno berbeda dari yang tercatat di audit")
    if bool(meeting.is_demo) != bool(created.get("demo")):
        shown = {True: "SIMULASI", False: "bukan SIMULASI"}
        found.append(
            f"{where} kolom is_demo: basis data {shown[bool(meeting.is_demo)]}, "
            f"tercatat di audit {shown[bool(created.get('demo'))]}"
        )
    return found


def _form_mismatches(
    recorded: dict[tuple[str, str, str], dict[str, int]],
    current: dict[tuple[str, str, str], dict[str, int]],
) -> list[str]:
    mismatches: list[str] = []
    for key in sorted(set(recorded) | set(current)):
        stored, then = current.get(key, {}), recorded.get(key)
        if stored == then:  # the usual case, compared whole
            continue
        contest, unit, source = key
        where = f"{contest} {unit} {source}"
        if then is None:
            mismatches.append(f"{where}: formulir ada di basis data tetapi tidak tercatat di audit")
            continue
        for field in sorted(set(stored) | set(then)):
            now, was = stored.get(field), then.get(field)
            if now != was:
                mismatches.append(
                    f"{where} {field}: basis data {format_number(now)}, "
                    f"tercatat di audit {format_number(was)}"
                )
    return mismatches


def _row_mismatches(
    records: ChainRecords, stored: dict[str, row_records.TableRecords]
) -> list[str]:
    found: list[str] = []
    for table, rows in stored.items():
        recorded = records.rows.get(table, {})
        for key in sorted(set(rows) | set(recorded), key=_natural):
            found += _row_mismatch(f"tabel {table} baris {key}", rows.get(key), key, recorded)
    return found


def _row_mismatch(
    where: str,
    now: row_records.Record | None,
    key: str,
    recorded: row_records.TableRecords,
) -> list[str]:
    if key not in recorded:
        return [f"{where}: ada di basis data tetapi tidak tercatat di audit"]
    then = recorded[key]
    if then is None:
        return [] if now is None else [f"{where}: tercatat di audit sebagai dihapus, tetapi ada"]
    if now is None:
        return [f"{where}: tercatat di audit, tetapi tidak ada lagi di basis data"]
    # Only the columns recorded: a column added later by a migration is not in older records.
    return [
        f"{where} kolom {column}: {_difference(now.get(column), value)}"
        for column, value in sorted(then.items())
        if now.get(column) != value
    ]


def _difference(now: object, then: object) -> str:
    if isinstance(now, dict) or isinstance(then, dict):
        return "isi berbeda dari yang tercatat di audit"
    return f"basis data {_shown(now)}, tercatat di audit {_shown(then)}"


def _shown(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return {True: "ya", False: "tidak", None: "kosong"}[value]
    return format_number(value) if isinstance(value, int) else f"'{value}'"


def _natural(key: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in key.split("/"))


def _locked_changes(records: ChainRecords) -> list[str]:
    return [_locked_text(c) for c in records.locked_changes]


def _locked_text(change: LockedChange) -> str:
    if change.event == AuditEvent.SEAT_TIE_DECIDED:
        return (
            f"entri audit #{change.entry} ({change.event}) mengubah perolehan kursi sesudah rapat "
            f"penetapan kursi di entri #{change.determined_by}: catatan rapat itu (tabel "
            "seat_meeting) dihapus atau diubah di luar program selama perubahan itu"
        )
    return (
        f"entri audit #{change.entry} ({change.event}) mengubah hasil sesudah penetapan di entri "
        f"#{change.determined_by} tanpa dibuka kembali: catatan penetapan (tabel procedure_move) "
        "dihapus atau diubah di luar program selama perubahan itu"
    )


def ensure_untampered(service: MeetingAccess, refused: str) -> None:
    """Refuse (``refused``: what is not done, e.g. "formulir tidak dicetak") when the database no
    longer holds what the program wrote: nothing edited behind its back is printed or signed."""
    report = verify_integrity(service)
    if report.ok:
        return
    reasons = [] if report.chain.ok else [f"rantai audit rusak: {report.chain.reason}"]
    reasons += [f"nilai diubah di luar program: {m}" for m in report.mismatches[:10]]
    reasons += [f"rantai audit tidak sesuai jangkarnya: {a}" for a in report.anchors]
    raise InputRejected([Problem(f"{refused}; {reason}") for reason in reasons])
