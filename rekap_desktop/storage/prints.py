"""Reading and writing print versions inside a session the service opened."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.orm_prints import PrintVersionRow


@dataclass(frozen=True)
class NewPrint:
    kind: str
    contest: str
    paper: str
    fingerprint: str
    content_hash: str
    watermark: str
    determined: bool
    pages: int
    pdf: bytes
    actor: str


@dataclass(frozen=True)
class StoredPrint:
    id: int
    kind: str
    contest: str
    version: int
    paper: str
    fingerprint: str
    content_hash: str
    watermark: str
    determined: bool
    pages: int
    printed_at: str
    actor: str


_COLUMNS = (
    PrintVersionRow.id,
    PrintVersionRow.kind,
    PrintVersionRow.contest,
    PrintVersionRow.version,
    PrintVersionRow.paper,
    PrintVersionRow.fingerprint,
    PrintVersionRow.content_hash,
    PrintVersionRow.watermark,
    PrintVersionRow.determined,
    PrintVersionRow.pages,
    PrintVersionRow.printed_at,
    PrintVersionRow.actor,
)


def add_print(session: Session, new: NewPrint) -> StoredPrint:
    """Store ``new`` as the next version of its (form, contest)."""
    last = session.scalar(
        select(func.max(PrintVersionRow.version)).where(
            PrintVersionRow.kind == new.kind, PrintVersionRow.contest == new.contest
        )
    )
    row = PrintVersionRow(
        kind=new.kind,
        contest=new.contest,
        version=(last or 0) + 1,
        paper=new.paper,
        fingerprint=new.fingerprint,
        content_hash=new.content_hash,
        watermark=new.watermark,
        determined=new.determined,
        pages=new.pages,
        pdf=new.pdf,
        printed_at=now_iso(),
        actor=new.actor,
    )
    session.add(row)
    session.flush()
    return _stored(tuple(getattr(row, c.key) for c in _COLUMNS))


def prints(session: Session, fingerprint: str | None = None) -> list[StoredPrint]:
    """Every print, oldest first (or those carrying ``fingerprint``); the PDFs are not loaded."""
    query = select(*_COLUMNS).order_by(PrintVersionRow.id)
    if fingerprint is not None:
        query = query.where(PrintVersionRow.fingerprint == fingerprint)
    return [_stored(tuple(row)) for row in session.execute(query)]


def pdf(session: Session, print_id: int) -> bytes | None:
    return session.scalar(select(PrintVersionRow.pdf).where(PrintVersionRow.id == print_id))


def _stored(values: tuple[object, ...]) -> StoredPrint:
    return StoredPrint(*values)  # type: ignore[arg-type]
