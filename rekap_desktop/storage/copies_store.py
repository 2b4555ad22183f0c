"""Reading and writing the copies handed (salinan) inside a session the service opened."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.copies import (
    CopyMoment,
    HandedCopy,
    Medium,
    PrintedVersion,
    Receiver,
    ReceiverKind,
)
from rekap_desktop.storage.orm_copies import HandedCopyRow
from rekap_desktop.storage.orm_prints import PrintVersionRow

_VERSION_COLUMNS = (
    PrintVersionRow.id,
    PrintVersionRow.kind,
    PrintVersionRow.contest,
    PrintVersionRow.version,
    PrintVersionRow.fingerprint,
    PrintVersionRow.determined,
    PrintVersionRow.printed_at,
)


def versions(session: Session, ids: Sequence[int] | None = None) -> list[PrintedVersion]:
    """The print versions (those of ``ids``), newest first; their PDFs are not loaded."""
    query = select(*_VERSION_COLUMNS).order_by(PrintVersionRow.id.desc())
    if ids is not None:
        query = query.where(PrintVersionRow.id.in_(list(ids)))
    return [_version(tuple(row)) for row in session.execute(query)]


def last_numbers(session: Session, print_ids: Sequence[int]) -> dict[int, int]:
    """Print id → the highest copy number it has (prints without copies are left out)."""
    query = (
        select(HandedCopyRow.print_id, func.max(HandedCopyRow.number))
        .where(HandedCopyRow.print_id.in_(list(print_ids)))
        .group_by(HandedCopyRow.print_id)
    )
    return {print_id: number for print_id, number in session.execute(query)}


def next_handing(session: Session) -> int:
    return (session.scalar(select(func.max(HandedCopyRow.handing))) or 0) + 1


def add(session: Session, copy: HandedCopy) -> None:
    receiver = copy.receiver
    session.add(
        HandedCopyRow(
            handing=copy.handing,
            print_id=copy.printed.print_id,
            number=copy.number,
            document=copy.document,
            receiver_name=receiver.name,
            receiver_kind=receiver.kind.value,
            contest=receiver.contest,
            choice=receiver.choice,
            receiver_note=receiver.note,
            medium=copy.medium.value,
            moment=copy.moment.value,
            unit=copy.unit,
            handed_by=copy.handed_by,
            handed_at=copy.handed_at,
            actor=copy.recorded_by,
        )
    )
    session.flush()


def copies(session: Session, handing: int | None = None) -> list[HandedCopy]:
    """Every copy handed (of one handing), in the order recorded."""
    query = (
        select(HandedCopyRow, *_VERSION_COLUMNS)
        .join(PrintVersionRow, PrintVersionRow.id == HandedCopyRow.print_id)
        .order_by(HandedCopyRow.id)
    )
    if handing is not None:
        query = query.where(HandedCopyRow.handing == handing)
    return [_copy(row[0], _version(tuple(row[1:]))) for row in session.execute(query)]


def last_handing(session: Session) -> int | None:
    return session.scalar(select(func.max(HandedCopyRow.handing)))


def _version(values: tuple[object, ...]) -> PrintedVersion:
    print_id, kind, contest, version, fingerprint, determined, printed_at = values
    return PrintedVersion(
        int(print_id),  # type: ignore[call-overload]
        str(kind),
        str(contest) or None,
        int(version),  # type: ignore[call-overload]
        str(fingerprint),
        bool(determined),
        str(printed_at),
    )


def _copy(row: HandedCopyRow, printed: PrintedVersion) -> HandedCopy:
    return HandedCopy(
        number=row.number,
        handing=row.handing,
        printed=printed,
        document=row.document,
        receiver=Receiver(
            row.receiver_name,
            ReceiverKind(row.receiver_kind),
            row.contest,
            row.choice,
            row.receiver_note,
        ),
        medium=Medium(row.medium),
        moment=CopyMoment(row.moment),
        unit=row.unit,
        handed_by=row.handed_by,
        handed_at=row.handed_at,
        recorded_by=row.actor,
    )
