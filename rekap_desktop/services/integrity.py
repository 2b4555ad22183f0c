"""Does the database still hold what the program wrote? The audit chain must verify, and every
current value must equal the last value the chain recorded for it (an edit made directly in the
database file, behind the program's back, is found and named)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.interchange.problems import InputRejected, Problem
from rekap_desktop.services.anchor_check import Anchor, disagreement, head_file_problems
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit, repository
from rekap_desktop.text.numbers import format_number


@dataclass(frozen=True)
class IntegrityReport:
    chain: audit.ChainReport
    mismatches: tuple[str, ...]
    """One Indonesian sentence per value that differs from the chain's record."""
    anchors: tuple[str, ...] = ()
    """One Indonesian sentence per anchor outside the database that the chain does not hold."""

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.mismatches and not self.anchors


def verify_integrity(service: PlenoService, anchors: Sequence[Anchor] = ()) -> IntegrityReport:
    """The chain, every value against it, and the chain against the head file and ``anchors``."""
    with Session(service.engine) as session:
        chain = audit.verify(session)
        recorded = audit.recorded_forms(session)
        current = repository.current_tallies(session)
        mismatches = _meeting_mismatches(session)
        outside = head_file_problems(service.engine, session)
        outside += [d for d in (disagreement(session, a) for a in anchors) if d]
    mismatches += _form_mismatches(recorded, current)
    return IntegrityReport(chain, tuple(mismatches), tuple(outside))


def _meeting_mismatches(session: Session) -> list[str]:
    """The stored setup (contests, choices, names, the kolom kosong) and the demo flag against
    what the chain recorded when the meeting was created."""
    meeting = repository.meeting(session)
    if meeting is None:
        return []
    created = audit.recorded_meeting(session, AuditEvent.PLENO_CREATED)
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
    current: dict[tuple[str, str, str], Any],
) -> list[str]:
    mismatches: list[str] = []
    for key in sorted(set(recorded) | set(current)):
        contest, unit, source = key
        where = f"{contest} {unit} {source}"
        if key not in recorded:
            mismatches.append(f"{where}: formulir ada di basis data tetapi tidak tercatat di audit")
            continue
        stored: dict[str, int] = {str(k): v for k, v in current.get(key, {}).items()}
        for field in sorted(set(stored) | set(recorded[key])):
            now, then = stored.get(field), recorded[key].get(field)
            if now != then:
                mismatches.append(
                    f"{where} {field}: basis data {format_number(now)}, "
                    f"tercatat di audit {format_number(then)}"
                )
    return mismatches


def ensure_untampered(service: PlenoService, refused: str) -> None:
    """Refuse (``refused``: what is not done, e.g. "formulir tidak dicetak") when the database no
    longer holds what the program wrote: nothing edited behind its back is printed or signed."""
    report = verify_integrity(service)
    if report.ok:
        return
    reasons = [] if report.chain.ok else [f"rantai audit rusak: {report.chain.reason}"]
    reasons += [f"nilai diubah di luar program: {m}" for m in report.mismatches[:10]]
    reasons += [f"rantai audit tidak sesuai jangkarnya: {a}" for a in report.anchors]
    raise InputRejected([Problem(f"{refused}; {reason}") for reason in reasons])
