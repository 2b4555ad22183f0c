"""Every row the program writes is recorded in the audit chain with what it wrote, so a row
changed, removed or slipped in behind the program's back is found (services/integrity.py).

The rows a session flushes are noted as they are flushed (an ORM event); the next audit entry
the session appends records them as they then stand, under :data:`ROWS`. Rows written after a
transaction's last entry are recorded by one more entry when it commits. Tally values are not
recorded here: entries already list every written form with its values (``audit.FORMS``), and
the meeting row is checked against the entry that created it.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Delete, Insert, Table, Update, and_, event, or_, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session

from rekap_desktop import storage
from rekap_desktop.storage.orm import AuditEntryRow, Base, MeetingRow, TallyRow, TallyValueRow

for _module in pkgutil.iter_modules(storage.__path__, f"{storage.__name__}."):
    if _module.name.rsplit(".", 1)[1].startswith("orm"):  # every table, a new one included
        importlib.import_module(_module.name)

ROWS = "baris"
"""Payload key under which an entry records rows it wrote: table → row key → columns (None when
the row was deleted)."""

RowKey = str
"""The row's primary key values joined with "/" (e.g. "12", or "3/7" for a pair)."""
Record = dict[str, Any]
"""Column → value as recorded: numbers, booleans, None and short texts as they are; bytes,
secrets and long texts as ``{"sha256": …}``."""
TableRecords = dict[RowKey, Record | None]

_NOT_HERE = frozenset(t.__tablename__ for t in (AuditEntryRow, MeetingRow, TallyRow, TallyValueRow))
"""Covered elsewhere: the chain itself, the meeting (its creating entry), the forms (FORMS)."""

COVERED: tuple[Table, ...] = tuple(
    t for t in Base.metadata.sorted_tables if t.name not in _NOT_HERE
)
"""Every other table the program writes."""

_MAPPERS = {
    mapper.class_: (mapper, table)
    for mapper in Base.registry.mappers
    for table in COVERED
    if mapper.local_table is table
}
_SECRETS = frozenset({("app_user", "pin_hash")})
"""Recorded only by their digest: the chain need not carry what a PIN hash is."""
_LONG = 200
"""Texts longer than this are recorded by their digest (a register entry's description, the
text of a form), keeping the chain small; short ones as they are, to be named when they differ."""

_TOUCHED = "rekap_rows_touched"
_APPENDED = "rekap_audit_appended"


def digest(value: bytes | memoryview | str) -> dict[str, str]:
    data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    return {"sha256": hashlib.sha256(data).hexdigest()}


def record(table: Table, row: Mapping[Any, Any]) -> Record:
    """How one stored row is recorded in (and compared with) the chain."""
    out: Record = {}
    for name, value in row.items():
        if isinstance(value, bytes | memoryview):
            out[name] = digest(value)
        elif isinstance(value, str) and ((table.name, name) in _SECRETS or len(value) > _LONG):
            out[name] = digest(value)
        else:
            out[name] = value
    return out


def row_key(values: Iterable[object]) -> RowKey:
    return "/".join(str(v) for v in values)


def all_stored_rows(connection: Connection) -> dict[str, TableRecords]:
    """Every row of every covered table as it is recorded, read with the driver's own cursor
    (this runs at every start: no statement to build per table). Booleans come back as 0/1 from
    SQLite, equal to the True/False recorded when they were written."""
    cursor = connection.connection.cursor()
    try:
        return {table.name: _table_rows(cursor, table) for table in COVERED}
    finally:
        cursor.close()


def _table_rows(cursor: Any, table: Table) -> TableRecords:
    cursor.execute(f"SELECT * FROM {table.name}")  # noqa: S608 (names from the schema)
    names = [column[0] for column in cursor.description]
    keys = [names.index(c.name) for c in table.primary_key.columns]
    return {
        row_key(row[i] for i in keys): record(table, dict(zip(names, row, strict=True)))
        for row in cursor.fetchall()
    }


def _rows_now(connection: Connection, table: Table, keys: set[tuple[object, ...]]) -> TableRecords:
    """The rows of ``table`` with these primary keys as they now stand (None: not there)."""
    columns = list(table.primary_key.columns)
    found: TableRecords = dict.fromkeys((row_key(k) for k in keys), None)
    listed = sorted(keys, key=str)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        where = or_(*(and_(*(c == v for c, v in zip(columns, k, strict=True))) for k in chunk))
        for row in connection.execute(select(table).where(where)).mappings():
            found[row_key(row[c.name] for c in columns)] = record(table, row)
    return found


def take(session: Session) -> dict[str, TableRecords]:
    """The rows this session wrote since the last entry recorded them, as they now stand; they
    count as recorded from here on."""
    session.flush()
    touched: dict[Table, set[tuple[object, ...]]] = session.info.pop(_TOUCHED, {})
    connection = session.connection()
    return {
        table.name: _rows_now(connection, table, keys)
        for table, keys in sorted(touched.items(), key=lambda item: item[0].name)
        if keys
    }


def mark_appended(session: Session, actor: str) -> None:
    session.info[_APPENDED] = actor


def untaken(session: Session) -> str | None:
    """Who appended this transaction's last entry, when rows were written after it and are not
    yet recorded. None otherwise (and when no entry was appended: rows written without an audit
    entry stay unrecorded, as anything written behind the program's back)."""
    actor: str | None = session.info.get(_APPENDED)
    if actor is None:
        return None
    session.flush()
    return actor if any(session.info.get(_TOUCHED, {}).values()) else None


def _note_written(mapper: Mapper[Any], _connection: Connection, instance: object) -> None:
    """A covered row was inserted, updated or deleted by a flush: noted for the next entry."""
    session = object_session(instance)
    if session is not None:
        touched: dict[Table, set[tuple[object, ...]]] = session.info.setdefault(_TOUCHED, {})
        table = _MAPPERS[type(instance)][1]
        touched.setdefault(table, set()).add(tuple(mapper.primary_key_from_instance(instance)))


# Per covered class, not per flush: only rows actually written are looked at (a flush of many
# tally values does not walk the session's objects).
for _class in _MAPPERS:
    for _what in ("after_insert", "after_update", "after_delete"):
        event.listen(_class, _what, _note_written)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, *_: object) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_APPENDED, None)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_writes(state: ORMExecuteState) -> None:
    """A bulk INSERT/UPDATE/DELETE bypasses the flush the rows are noted in: on a covered table
    it is a program error (write through the ORM objects instead)."""
    statement = state.statement
    if isinstance(statement, Insert | Update | Delete) and statement.table in COVERED:
        raise RuntimeError(
            f"bulk write to '{statement.table}' bypasses the audit record of rows; "
            "change the ORM objects instead"
        )
