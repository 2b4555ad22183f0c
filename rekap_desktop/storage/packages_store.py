"""Reading and writing the data-exchange tables inside a session the service opened."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.orm import AuditEntryRow
from rekap_desktop.storage.orm_packages import (
    PackageImportRow,
    SirekapProgressRow,
    TrustedKeyRow,
)


@dataclass(frozen=True)
class UnitProgress:
    """The newest Sirekap snapshot imported for one (contest, unit)."""

    contest: str
    unit: str
    ts: str
    done: int | None
    total: int | None


@dataclass(frozen=True)
class ImportedPackage:
    unit: str
    manifest_sha256: str
    created_at: str
    fingerprint: str
    imported_at: str


def add_progress(
    session: Session,
    batch_id: int,
    rows: list[tuple[str, str, str, int | None, int | None]],
) -> None:
    """``rows``: (contest, unit, ts, done, total)."""
    now = now_iso()
    session.add_all(
        SirekapProgressRow(
            batch_id=batch_id, contest=c, unit=u, ts=ts, done=d, total=t, imported_at=now
        )
        for c, u, ts, d, t in rows
    )
    session.flush()


def latest_progress(session: Session) -> list[UnitProgress]:
    newest = (
        select(func.max(SirekapProgressRow.id))
        .group_by(SirekapProgressRow.contest, SirekapProgressRow.unit)
        .scalar_subquery()
    )
    rows = session.scalars(
        select(SirekapProgressRow)
        .where(SirekapProgressRow.id.in_(newest))
        .order_by(SirekapProgressRow.contest, SirekapProgressRow.unit)
    )
    return [UnitProgress(r.contest, r.unit, r.ts, r.done, r.total) for r in rows]


def trusted_key(session: Session, fingerprint: str) -> TrustedKeyRow | None:
    return session.get(TrustedKeyRow, fingerprint)


def keys_for_region(session: Session, region: str) -> list[str]:
    return list(
        session.scalars(select(TrustedKeyRow.fingerprint).where(TrustedKeyRow.region == region))
    )


def trust_key(session: Session, fingerprint: str, public_key: str, region: str, actor: str) -> None:
    session.add(
        TrustedKeyRow(
            fingerprint=fingerprint,
            public_key=public_key,
            region=region,
            trusted_at=now_iso(),
            actor=actor,
        )
    )
    session.flush()


def packages_for(session: Session, unit: str) -> list[ImportedPackage]:
    rows = session.scalars(
        select(PackageImportRow).where(PackageImportRow.unit == unit).order_by(PackageImportRow.id)
    )
    return [
        ImportedPackage(r.unit, r.manifest_sha256, r.created_at, r.fingerprint, r.imported_at)
        for r in rows
    ]


def package_by_hash(session: Session, manifest_sha256: str) -> PackageImportRow | None:
    return session.scalars(
        select(PackageImportRow).where(PackageImportRow.manifest_sha256 == manifest_sha256)
    ).first()


def add_package(session: Session, package: ImportedPackage, batch_id: int, summary: str) -> None:
    session.add(
        PackageImportRow(
            unit=package.unit,
            manifest_sha256=package.manifest_sha256,
            created_at=package.created_at,
            fingerprint=package.fingerprint,
            batch_id=batch_id,
            summary=summary,
            imported_at=package.imported_at,
        )
    )
    session.flush()


def audit_entries(session: Session) -> list[dict[str, object]]:
    """The whole audit chain as plain values (the extract a result package carries)."""
    rows = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id))
    return [
        {
            "id": r.id,
            "waktu": r.at,
            "pelaku": r.actor,
            "peristiwa": r.event,
            "isi": r.payload,
            "hash_sebelumnya": r.prev_hash,
            "hash": r.hash,
        }
        for r in rows
    ]
