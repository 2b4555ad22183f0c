"""Reading and writing the follow-up sessions, the determined values of each penetapan and the
session of each imported package, inside a session the service opened."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.follow_up import Basis, FollowUpRequest, FollowUpSession, Values
from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.orm_follow_up import (
    DeterminedValuesRow,
    FollowUpSessionRow,
    PackageSessionRow,
)
from rekap_desktop.storage.orm_prints import PrintVersionRow


def sessions(session: Session) -> list[FollowUpSession]:
    rows = session.scalars(select(FollowUpSessionRow).order_by(FollowUpSessionRow.number))
    return [_session(row) for row in rows]


def open_session(session: Session) -> FollowUpSession | None:
    row = session.scalars(
        select(FollowUpSessionRow).where(FollowUpSessionRow.closed_at == "")
    ).first()
    return _session(row) if row is not None else None


def add_session(session: Session, request: FollowUpRequest, actor: str) -> FollowUpSession:
    assert request.document_date is not None
    number = (session.scalar(select(func.max(FollowUpSessionRow.number))) or 0) + 1
    row = FollowUpSessionRow(
        number=number,
        basis=request.basis.value,
        document_number=request.document_number.strip(),
        document_date=request.document_date.isoformat(),
        units=",".join(request.units),
        contests=",".join(request.contests),
        description=request.description.strip(),
        opened_by=actor,
        opened_at=now_iso(),
        closed_by="",
        closed_at="",
        last_print=last_print(session),
    )
    session.add(row)
    session.flush()
    return _session(row)


def close_session(session: Session, number: int, actor: str) -> None:
    # Through the ORM object: the changed row is recorded in the audit chain.
    row = session.get(FollowUpSessionRow, number)
    if row is not None and not row.closed_at:
        row.closed_by = actor
        row.closed_at = now_iso()


def _session(row: FollowUpSessionRow) -> FollowUpSession:
    return FollowUpSession(
        row.number,
        Basis(row.basis),
        row.document_number,
        date.fromisoformat(row.document_date),
        tuple(c for c in row.units.split(",") if c),
        tuple(c for c in row.contests.split(",") if c),
        row.description,
        row.opened_by,
        row.opened_at,
        row.closed_by,
        row.closed_at,
    )


# -- determined values of each penetapan ------------------------------------------------------


def determined_values(session: Session, penetapan: int) -> dict[tuple[str, str, str], int | None]:
    row = session.get(DeterminedValuesRow, penetapan)
    if row is None:
        return {}
    return {(c, u, f): v for c, u, f, v in json.loads(row.entries)}


def penetapan_numbers(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(DeterminedValuesRow.penetapan).order_by(DeterminedValuesRow.penetapan)
        )
    )


def last_print(session: Session) -> int:
    """The id of the newest print (0: none yet)."""
    return session.scalar(select(func.max(PrintVersionRow.id))) or 0


def prints_of(session: Session, penetapan: int) -> tuple[int, int | None]:
    """The print ids made while ``penetapan`` was in force: after the first (exclusive), up to
    the second (inclusive; None: up to now)."""
    row = session.get(DeterminedValuesRow, penetapan)
    following = session.scalars(
        select(FollowUpSessionRow.last_print)
        .where(FollowUpSessionRow.number > penetapan)
        .order_by(FollowUpSessionRow.number)
    ).first()
    return (row.last_print if row is not None else 0), following


def determined_at(session: Session, penetapan: int) -> str:
    row = session.get(DeterminedValuesRow, penetapan)
    return row.determined_at if row is not None else ""


def values_digest(session: Session, penetapan: int) -> str | None:
    """SHA-256 of the determined values of ``penetapan`` as kept (canonical JSON)."""
    row = session.get(DeterminedValuesRow, penetapan)
    return hashlib.sha256(row.entries.encode("utf-8")).hexdigest() if row is not None else None


def has_values(session: Session, penetapan: int) -> bool:
    return session.get(DeterminedValuesRow, penetapan) is not None


def save_values(
    session: Session,
    penetapan: int,
    values: Values,
    determined_at: str,
    prints_after: int | None = None,
) -> None:
    """Keep the determined values of ``penetapan`` (replacing those kept before for it);
    ``prints_after``: the last print made before that penetapan (None: the newest now)."""
    entries = [[c, u, f, v] for (c, u, f), v in sorted(values.items())]
    row = session.get(DeterminedValuesRow, penetapan)
    if row is None:
        row = DeterminedValuesRow(penetapan=penetapan)
        session.add(row)
    # Through the ORM object: the written row is recorded in the audit chain.
    row.taken_at = now_iso()
    row.determined_at = determined_at
    row.entries = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    row.last_print = last_print(session) if prints_after is None else prints_after
    session.flush()


# -- packages imported from the level below ---------------------------------------------------


def package_session(session: Session, manifest_sha256: str) -> int | None:
    row = session.get(PackageSessionRow, manifest_sha256)
    return row.session if row is not None else None


def add_package_session(session: Session, manifest_sha256: str, unit: str, number: int) -> None:
    session.add(PackageSessionRow(manifest_sha256=manifest_sha256, unit=unit, session=number))
    session.flush()
