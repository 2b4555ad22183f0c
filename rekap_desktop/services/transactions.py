"""One write transaction per user intent, and what the operator is told when the storage itself
refuses (disk full, read-only media, another station holding the lock): nothing was changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from rekap_desktop.interchange.problems import InputRejected, Problem
from rekap_desktop.storage.orm import AuditEntryRow

_STORAGE_REFUSALS = (
    (
        "disk is full",
        "Penyimpanan penuh: perubahan dibatalkan dan tidak ada yang berubah. "
        "Kosongkan ruang disk (atau ganti media), lalu ulangi.",
    ),
    (
        "readonly",
        "Media penyimpanan hanya-baca: perubahan dibatalkan dan tidak ada yang berubah. "
        "Pindahkan basis data ke media yang dapat ditulis.",
    ),
    (
        "database is locked",
        "Basis data sedang dipakai stasiun lain: perubahan dibatalkan; ulangi sebentar lagi.",
    ),
)
AUDIT_LOCK_KEY = 7_240_001
"""PostgreSQL advisory lock serialising the audit chain's appends across stations."""


def storage_refusal(error: OperationalError) -> InputRejected | None:
    text_ = str(error.orig).lower()
    for needle, message in _STORAGE_REFUSALS:
        if needle in text_:
            return InputRejected([Problem(message)])
    return None


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed when the block ends, rolled back on any error."""
    try:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            if engine.dialect.name == "postgresql":
                # Two stations must never both take the next audit entry number.
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
            elif engine.dialect.name == "sqlite":
                # SQLite's write lock taken before anything is read, so that what the block reads
                # (the PIN failures so far, the newest audit entry…) cannot change before it
                # writes: a write statement takes it, waiting up to busy_timeout, even if it
                # changes no row.
                session.execute(text(f"UPDATE {AuditEntryRow.__tablename__} SET id = id WHERE 0"))
            yield session
    except OperationalError as error:
        refusal = storage_refusal(error)
        if refusal is None:
            raise
        raise refusal from None
