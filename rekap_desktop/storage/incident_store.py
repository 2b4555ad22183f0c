"""Reading and writing the Kejadian Khusus / Keberatan register inside a session the service
opened. An edit never overwrites: the entry as it was is kept as a numbered version first."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.incidents import (
    Evidence,
    Incident,
    IncidentKind,
    IncidentStatus,
    Origin,
    Paraf,
    ParafRole,
    Raiser,
    RaiserRole,
    Subject,
)
from rekap_desktop.storage.audit import canonical_json, now_iso
from rekap_desktop.storage.orm import IncidentRow
from rekap_desktop.storage.orm_incidents import (
    IncidentCorrectionRow,
    IncidentEvidenceRow,
    IncidentParafRow,
    IncidentRepeatRow,
    IncidentVersionRow,
)


@dataclass(frozen=True)
class StoredVersion:
    version: int
    content: dict[str, Any]
    replaced_at: str
    actor: str


@dataclass(frozen=True)
class StoredRepeat:
    """A rule-17 refusal as recorded: what was attempted and the earlier entry's number."""

    refused_at: str
    actor: str
    earlier_number: int
    attempted: dict[str, Any]


def content(entry: Incident) -> dict[str, Any]:
    """Every field of an entry as plain JSON values (audit payloads and kept versions)."""
    raiser = entry.raiser
    return {
        "nomor": entry.number,
        "waktu": entry.recorded_at,
        "butir": entry.procedure_item,
        "jenis": entry.kind.value,
        "diajukan_oleh": entry.raised_by,
        "pengaju": None
        if raiser is None
        else {
            "peran": raiser.role.value,
            "nama": raiser.name,
            "pemilihan": raiser.contest,
            "nomor_urut": raiser.choice,
        },
        "tentang": entry.subject.value,
        "kode_wilayah": entry.unit,
        "pemilihan": entry.contest,
        "rincian": entry.field,
        "uraian": entry.description,
        "pendapat_bawaslu": entry.bawaslu_opinion,
        "penyelesaian": entry.resolution,
        "status": entry.status.value,
        "asal": entry.origin.value,
        "nomor_kecamatan": entry.origin_number,
        "status_kecamatan": None if entry.origin_status is None else entry.origin_status.value,
        "paraf": [{"nama": p.name, "peran": p.role.value} for p in entry.paraf],
        "pembetulan": list(entry.corrections),
        "bukti": [{"berkas": e.file_name, "sha256": e.sha256} for e in entry.evidence],
        "versi": entry.version,
    }


# -- reading --------------------------------------------------------------------------------


def entries(session: Session) -> list[Incident]:
    rows = list(session.scalars(select(IncidentRow).order_by(IncidentRow.number)))
    ids = [r.id for r in rows]
    paraf: dict[int, list[Paraf]] = defaultdict(list)
    for p in session.scalars(
        select(IncidentParafRow)
        .where(IncidentParafRow.incident_id.in_(ids))
        .order_by(IncidentParafRow.position)
    ):
        paraf[p.incident_id].append(Paraf(p.name, ParafRole(p.role)))
    corrections: dict[int, list[int]] = defaultdict(list)
    for c in session.scalars(
        select(IncidentCorrectionRow)
        .where(IncidentCorrectionRow.incident_id.in_(ids))
        .order_by(IncidentCorrectionRow.correction_id)
    ):
        corrections[c.incident_id].append(c.correction_id)
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    meta = select(
        IncidentEvidenceRow.incident_id,
        IncidentEvidenceRow.id,
        IncidentEvidenceRow.file_name,
        IncidentEvidenceRow.media_type,
        IncidentEvidenceRow.size,
        IncidentEvidenceRow.sha256,
    ).where(IncidentEvidenceRow.incident_id.in_(ids))
    for incident_id, evidence_id, name, media_type, size, sha256 in session.execute(
        meta.order_by(IncidentEvidenceRow.id)
    ):
        evidence[incident_id].append(Evidence(evidence_id, name, media_type, size, sha256))
    return [
        _domain(r, tuple(paraf[r.id]), tuple(corrections[r.id]), tuple(evidence[r.id]))
        for r in rows
    ]


def row(session: Session, number: int) -> IncidentRow | None:
    return session.scalars(select(IncidentRow).where(IncidentRow.number == number)).first()


def _domain(
    r: IncidentRow,
    paraf: tuple[Paraf, ...],
    corrections: tuple[int, ...],
    evidence: tuple[Evidence, ...],
) -> Incident:
    raiser = None
    if r.raiser_role is not None:
        raiser = Raiser(RaiserRole(r.raiser_role), r.raiser_name, r.raiser_contest, r.raiser_choice)
    return Incident(
        kind=IncidentKind(r.kind),
        raised_by=r.raised_by,
        description=r.description,
        status=IncidentStatus(r.status),
        unit=r.unit,
        contest=r.contest,
        resolution=r.resolution,
        origin=Origin(r.origin),
        origin_number=r.origin_number,
        number=r.number,
        raiser=raiser,
        subject=Subject(r.subject),
        field=r.field,
        procedure_item=r.procedure_item,
        recorded_at=r.created_at,
        bawaslu_opinion=r.bawaslu_opinion,
        origin_status=None if r.origin_status is None else IncidentStatus(r.origin_status),
        paraf=paraf,
        corrections=corrections,
        evidence=evidence,
        version=r.version,
    )


def versions(session: Session, incident_id: int) -> list[StoredVersion]:
    rows = session.scalars(
        select(IncidentVersionRow)
        .where(IncidentVersionRow.incident_id == incident_id)
        .order_by(IncidentVersionRow.version)
    )
    return [
        StoredVersion(v.version, json.loads(v.content_json), v.replaced_at, v.actor) for v in rows
    ]


def evidence_content(session: Session, evidence_id: int) -> bytes | None:
    return session.scalar(
        select(IncidentEvidenceRow.content).where(IncidentEvidenceRow.id == evidence_id)
    )


def repeats(session: Session) -> list[StoredRepeat]:
    query = (
        select(IncidentRepeatRow, IncidentRow.number)
        .join(IncidentRow, IncidentRow.id == IncidentRepeatRow.earlier_incident_id)
        .order_by(IncidentRepeatRow.id)
    )
    return [
        StoredRepeat(r.refused_at, r.actor, number, json.loads(r.content_json))
        for r, number in session.execute(query)
    ]


# -- writing --------------------------------------------------------------------------------


def next_number(session: Session) -> int:
    return (session.scalar(select(func.max(IncidentRow.number))) or 0) + 1


def insert(session: Session, entry: Incident) -> Incident:
    """Store a new entry under the next number; returns it as stored."""
    now = now_iso()
    r = IncidentRow(number=next_number(session), origin=entry.origin.value, created_at=now)
    _write(r, entry)
    session.add(r)
    session.flush()
    _replace_links(session, r.id, entry)
    return _domain(r, entry.paraf, entry.corrections, ())


def update(session: Session, r: IncidentRow, before: Incident, after: Incident, actor: str) -> None:
    """Keep ``before`` as a version, then make ``after`` the entry's current content."""
    session.add(
        IncidentVersionRow(
            incident_id=r.id,
            version=before.version,
            content_json=canonical_json(content(before)),
            replaced_at=now_iso(),
            actor=actor,
        )
    )
    _write(r, after)
    _replace_links(session, r.id, after)
    session.flush()


def _write(r: IncidentRow, entry: Incident) -> None:
    raiser = entry.raiser
    r.kind = entry.kind.value
    r.raised_by = raiser.label() if raiser is not None else entry.raised_by
    r.raiser_role = None if raiser is None else raiser.role.value
    r.raiser_name = "" if raiser is None else raiser.name
    r.raiser_contest = None if raiser is None else raiser.contest
    r.raiser_choice = None if raiser is None else raiser.choice
    r.description = entry.description
    r.status = entry.status.value
    r.unit = entry.unit
    r.contest = entry.contest
    r.field = entry.field
    r.subject = entry.subject.value
    r.procedure_item = entry.procedure_item
    r.resolution = entry.resolution
    r.bawaslu_opinion = entry.bawaslu_opinion
    r.origin_number = entry.origin_number
    r.origin_status = None if entry.origin_status is None else entry.origin_status.value
    r.version = entry.version


def _replace_links(session: Session, incident_id: int, entry: Incident) -> None:
    for old in session.scalars(
        select(IncidentParafRow).where(IncidentParafRow.incident_id == incident_id)
    ):
        session.delete(old)
    for link in session.scalars(
        select(IncidentCorrectionRow).where(IncidentCorrectionRow.incident_id == incident_id)
    ):
        session.delete(link)
    session.flush()
    for position, p in enumerate(entry.paraf):
        session.add(
            IncidentParafRow(
                incident_id=incident_id, position=position, name=p.name, role=p.role.value
            )
        )
    for correction in sorted(set(entry.corrections)):
        session.add(IncidentCorrectionRow(incident_id=incident_id, correction_id=correction))


def add_evidence(
    session: Session, incident_id: int, file_name: str, media_type: str, sha256: str, data: bytes
) -> Evidence:
    r = IncidentEvidenceRow(
        incident_id=incident_id,
        file_name=file_name,
        media_type=media_type,
        size=len(data),
        sha256=sha256,
        content=data,
        attached_at=now_iso(),
    )
    session.add(r)
    session.flush()
    return Evidence(r.id, file_name, media_type, len(data), sha256)


def add_repeat(session: Session, earlier_id: int, attempted: Incident, actor: str) -> None:
    session.add(
        IncidentRepeatRow(
            refused_at=now_iso(),
            actor=actor,
            earlier_incident_id=earlier_id,
            content_json=canonical_json(content(attempted)),
        )
    )
    session.flush()
