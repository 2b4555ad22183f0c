"""One unit of work per user intent: the only way anything is written.

``with write(engine, actor, hub) as w:`` takes the write lock first (two stations never take the
same audit number), lets the caller check its guards and validate on ``w.session``, write, and
append to the audit chain with ``w.audit`` — the only way to append. The block commits as one
transaction or changes nothing; a storage refusal (disk full, read-only media, another station
holding the lock) becomes an Indonesian message. After the commit, what changed is published
once to ``hub``.

``read(engine)`` is the session for reading; services name sessions through :data:`Session`
and never import SQLAlchemy themselves."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Change, ChangeHub, Changes, What, merged
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.storage import audit
from rekap_desktop.storage.orm import AuditEntryRow

__all__ = [
    "AUDIT_LOCK_KEY",
    "Engine",
    "Session",
    "Write",
    "read",
    "snapshot",
    "storage_refusal",
    "write",
]

AUDIT_LOCK_KEY = 7_240_001
"""PostgreSQL advisory lock serialising the audit chain's appends across stations."""

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


def storage_refusal(error: OperationalError) -> InputRejected | None:
    text_ = str(error.orig).lower()
    for needle, message in _STORAGE_REFUSALS:
        if needle in text_:
            return InputRejected([Problem(message)])
    return None


class Write:
    """The open unit of work: its session, its audit appends and what it changed."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor
        self._changes: list[Change] = []

    def audit(
        self,
        event: AuditEvent,
        payload: object,
        contests: Iterable[str] = (),
        *,
        actor: str | None = None,
    ) -> AuditEntryRow:
        """Append the next entry of the audit chain (committed with the change it records) and
        note the change for the views."""
        row = audit.append(self.session, actor or self.actor, event, payload)
        self.changed(event, contests)
        return row

    def changed(self, what: What, contests: Iterable[str] = ()) -> None:
        """Note a change the views must hear of besides the audited ones."""
        self._changes.append(Change(what, frozenset(contests)))

    @property
    def changes(self) -> Changes:
        return merged(self._changes)


@contextmanager
def write(engine: Engine, actor: str, hub: ChangeHub | None = None) -> Iterator[Write]:
    """The unit of work: committed when the block ends, rolled back on any error; its changes
    are published to ``hub`` once, after the commit."""
    try:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            _take_write_lock(session, engine)
            unit = Write(session, actor)
            yield unit
    except OperationalError as error:
        refusal = storage_refusal(error)
        if refusal is None:
            raise
        raise refusal from None
    if hub is not None and unit.changes:
        hub.publish(unit.changes)


def _take_write_lock(session: Session, engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        # Two stations must never both take the next audit entry number.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    elif engine.dialect.name == "sqlite":
        # SQLite's write lock taken before anything is read, so that what the block reads (the
        # PIN failures so far, the newest audit entry…) cannot change before it writes: a write
        # statement takes it, waiting up to busy_timeout, even if it changes no row.
        session.execute(text(f"UPDATE {AuditEntryRow.__tablename__} SET id = id WHERE 0"))


@contextmanager
def read(engine: Engine) -> Iterator[Session]:
    """A session for reading committed state, in one transaction: what it reads belongs
    together (nothing it does is written)."""
    with Session(engine) as session, session.begin():
        yield session


@contextmanager
def snapshot(engine: Engine) -> Iterator[Session]:
    """A session for reading in which every read sees the same committed state. Checks that
    compare one table with another (the audit chain against the stored rows) must not see
    another station's write land between two of their reads."""
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        elif engine.dialect.name == "sqlite":
            # The driver begins no transaction for reads, so each read would see the newest
            # state; one deferred transaction holds WAL's snapshot from the first read on.
            session.connection().exec_driver_sql("BEGIN")
        yield session
