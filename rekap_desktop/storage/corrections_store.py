"""Reading and writing the comparison's records (corrections, confirmations, double-entry passes,
pairs read, form photos) inside a session the service opened."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.corrections import Correction, Reason
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode
from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.orm_corrections import (
    CorrectionRow,
    EntryConfirmationRow,
    EntryPassRow,
    FormPhotoRow,
    PairStatusRow,
)

READ = "read"
REOPENED = "reopened"


@dataclass(frozen=True)
class StoredPhoto:
    id: int
    contest: str
    unit: str
    source: str
    file_name: str
    mime: str
    width: int
    height: int
    size_bytes: int
    sha256: str
    at: str


def add_correction(session: Session, correction: Correction, version: int, actor: str) -> int:
    """Store the correction; its id (its number in the ledger)."""
    row = CorrectionRow(
        contest=correction.contest,
        unit=correction.unit,
        field=correction.field,
        before=correction.before,
        after=correction.after,
        reason=correction.reason.value,
        reason_text=correction.reason_text,
        basis=correction.basis,
        proposed_by=correction.proposed_by,
        approved_by=correction.approved_by,
        incident_number=correction.incident_number,
        source_values=json.dumps(dict(correction.sources)) if correction.sources else None,
        pleno_version=version,
        at=correction.at,
        actor=actor,
    )
    session.add(row)
    session.flush()
    return row.id


def correction_unit(session: Session, correction_id: int) -> str | None:
    """The kecamatan a correction was made for, or None when there is no such correction."""
    row = session.get(CorrectionRow, correction_id)
    return row.unit if row is not None else None


def corrections(session: Session, contest: str, unit: str) -> list[Correction]:
    rows = session.scalars(
        select(CorrectionRow)
        .where(CorrectionRow.contest == contest, CorrectionRow.unit == unit)
        .order_by(CorrectionRow.id)
    )
    return [_correction(r) for r in rows]


def all_corrections(session: Session) -> list[tuple[int, Correction]]:
    """(id, correction) of every correction of the meeting, in the order they were made."""
    rows = session.scalars(select(CorrectionRow).order_by(CorrectionRow.id))
    return [(r.id, _correction(r)) for r in rows]


def linked_corrections(
    session: Session, incident_number: int, ids: Collection[int] = ()
) -> list[tuple[int, Correction]]:
    """(id, correction) of every correction made for register entry ``incident_number``, and
    of the correction ``ids`` the entry itself names, in the order they were made."""
    rows = session.scalars(
        select(CorrectionRow)
        .where(
            or_(CorrectionRow.incident_number == incident_number, CorrectionRow.id.in_(list(ids)))
        )
        .order_by(CorrectionRow.id)
    )
    return [(r.id, _correction(r)) for r in rows]


def _correction(r: CorrectionRow) -> Correction:
    return Correction(
        ContestCode(r.contest),
        RegionCode(r.unit),
        FieldKey(r.field),
        r.before,
        r.after,
        Reason(r.reason),
        r.reason_text,
        r.basis,
        r.proposed_by,
        r.approved_by,
        r.at,
        r.incident_number,
        _source_values(r.source_values),
    )


def _source_values(stored: str | None) -> tuple[tuple[str, int], ...]:
    if not stored:
        return ()
    return tuple((str(code), int(value)) for code, value in json.loads(stored).items())


def add_confirmation(
    session: Session, key: tuple[str, str, str], field: str, value: int, actor: str
) -> None:
    contest, unit, source = key
    session.add(
        EntryConfirmationRow(
            contest=contest,
            unit=unit,
            source=source,
            field=field,
            value=value,
            at=now_iso(),
            actor=actor,
        )
    )
    session.flush()


def confirmations(session: Session, contest: str, unit: str) -> dict[tuple[str, str], int]:
    """(source, field) → the value last read aloud as "sesuai"."""
    rows = session.execute(
        select(EntryConfirmationRow.source, EntryConfirmationRow.field, EntryConfirmationRow.value)
        .where(EntryConfirmationRow.contest == contest, EntryConfirmationRow.unit == unit)
        .order_by(EntryConfirmationRow.id)
    )
    return {(source, field): value for source, field, value in rows}


def add_pass_values(
    session: Session, key: tuple[str, str, str], pass_no: int, values: dict[str, int], actor: str
) -> None:
    contest, unit, source = key
    at = now_iso()
    for field, value in values.items():
        session.add(
            EntryPassRow(
                contest=contest,
                unit=unit,
                source=source,
                pass_no=pass_no,
                field=field,
                value=value,
                applied=False,
                at=at,
                actor=actor,
            )
        )
    session.flush()


def pass_values(session: Session, key: tuple[str, str, str]) -> dict[int, dict[str, int]]:
    """Pass number → field → latest keyed value, of the passes not applied yet."""
    contest, unit, source = key
    rows = session.execute(
        select(EntryPassRow.pass_no, EntryPassRow.field, EntryPassRow.value)
        .where(
            EntryPassRow.contest == contest,
            EntryPassRow.unit == unit,
            EntryPassRow.source == source,
            EntryPassRow.applied.is_(False),
        )
        .order_by(EntryPassRow.id)
    )
    passes: dict[int, dict[str, int]] = {}
    for pass_no, field, value in rows:
        passes.setdefault(pass_no, {})[field] = value
    return passes


def mark_passes_applied(session: Session, key: tuple[str, str, str]) -> None:
    contest, unit, source = key
    # Row by row, not one UPDATE: each changed row is recorded in the audit chain (row_records).
    for row in session.scalars(
        select(EntryPassRow).where(
            EntryPassRow.contest == contest,
            EntryPassRow.unit == unit,
            EntryPassRow.source == source,
            EntryPassRow.applied.is_(False),
        )
    ):
        row.applied = True


def set_pair_status(session: Session, contest: str, unit: str, status: str, actor: str) -> None:
    session.add(PairStatusRow(contest=contest, unit=unit, status=status, at=now_iso(), actor=actor))
    session.flush()


def pair_status(session: Session, contest: str, unit: str) -> str | None:
    return session.scalar(
        select(PairStatusRow.status)
        .where(PairStatusRow.contest == contest, PairStatusRow.unit == unit)
        .order_by(PairStatusRow.id.desc())
        .limit(1)
    )


def pairs_read(session: Session) -> set[tuple[str, str]]:
    """Every (contest, unit) whose latest status is "read"."""
    latest = (
        select(func.max(PairStatusRow.id))
        .group_by(PairStatusRow.contest, PairStatusRow.unit)
        .scalar_subquery()
    )
    rows = session.execute(
        select(PairStatusRow.contest, PairStatusRow.unit).where(
            PairStatusRow.id.in_(latest), PairStatusRow.status == READ
        )
    )
    return {(c, u) for c, u in rows}


def add_photo(session: Session, photo: StoredPhoto, data: bytes, actor: str) -> int:
    row = FormPhotoRow(
        contest=photo.contest,
        unit=photo.unit,
        source=photo.source,
        file_name=photo.file_name,
        mime=photo.mime,
        width=photo.width,
        height=photo.height,
        size_bytes=photo.size_bytes,
        sha256=photo.sha256,
        data=data,
        at=photo.at,
        actor=actor,
    )
    session.add(row)
    session.flush()
    return row.id


def photos(session: Session, contest: str, unit: str) -> list[StoredPhoto]:
    columns = [c for c in FormPhotoRow.__table__.columns if c.name not in ("data", "actor")]
    rows = session.execute(
        select(*columns)
        .where(FormPhotoRow.contest == contest, FormPhotoRow.unit == unit)
        .order_by(FormPhotoRow.id)
    )
    return [StoredPhoto(**row._asdict()) for row in rows]


def photo_data(session: Session, photo_id: int) -> bytes | None:
    return session.scalar(select(FormPhotoRow.data).where(FormPhotoRow.id == photo_id))
