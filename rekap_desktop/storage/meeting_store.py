"""Reading and writing the meeting's records inside a session the service opened."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.incidents import StoredIncident
from rekap_desktop.domain.kept_rows import KeptRows
from rekap_desktop.domain.tally import Tally
from rekap_desktop.storage import kept_rows_store
from rekap_desktop.storage.audit import form_writer, now_iso
from rekap_desktop.storage.orm import (
    ImportBatchRow,
    IncidentRow,
    MeetingRow,
    TallyRow,
    TallyValueRow,
)

TallyKey = tuple[str, str, str]
"""(contest, unit, source code)."""


def meeting(session: Session) -> MeetingRow | None:
    return session.scalars(select(MeetingRow).limit(1)).first()


def add_meeting(session: Session, setup_json: str, is_demo: bool) -> MeetingRow:
    row = MeetingRow(id=1, setup_json=setup_json, is_demo=is_demo, created_at=now_iso())
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class PackedFile:
    """An imported file as the batch keeps it: its SHA-256 and its compressed bytes."""

    sha256: str
    content_zlib: bytes


def pack_file(content: bytes) -> PackedFile:
    """Both steps let go of Python's interpreter lock on a large file: a caller may pack the
    file on a worker thread while it reads it (a national file: about a second saved)."""
    return PackedFile(hashlib.sha256(content).hexdigest(), zlib.compress(content, 1))


def add_batch(
    session: Session,
    file_name: str,
    file_format: str,
    sha256: str,
    content: bytes,
    rows: int,
    actor: str,
    packed: bytes | None = None,
) -> ImportBatchRow:
    """``packed``: the content already compressed (see ``pack_file``)."""
    row = ImportBatchRow(
        file_name=file_name,
        file_format=file_format,
        sha256=sha256,
        row_count=rows,
        content_zlib=packed if packed is not None else zlib.compress(content, 1),
        imported_at=now_iso(),
        actor=actor,
    )
    session.add(row)
    session.flush()
    return row


_CURRENT = (
    select(
        TallyRow.contest, TallyRow.unit, TallyRow.source, TallyValueRow.field, TallyValueRow.value
    )
    .join(TallyValueRow, TallyValueRow.tally_id == TallyRow.id, isouter=True)
    .where(TallyRow.is_current.is_(True))
)
_OF_CONTEST = TallyRow.contest == bindparam("contest")
_OF_SOURCES = TallyRow.source.in_(bindparam("sources", expanding=True))
_CURRENT_QUERIES = {
    (False, False): _CURRENT,
    (True, False): _CURRENT.where(_OF_CONTEST),
    (False, True): _CURRENT.where(_OF_SOURCES),
    (True, True): _CURRENT.where(_OF_CONTEST, _OF_SOURCES),
}
"""current_tallies' statements, built once (by whether a contest, sources are named)."""


def current_tallies(
    session: Session, contest: str | None = None, sources: Collection[str] | None = None
) -> dict[TallyKey, Tally]:
    """The current version of every (contest, unit, source) form, or of the sources named.

    Plain Core rows of the five columns needed, from a statement built once: a recapitulation
    reads this after every change, on every station."""
    query = _CURRENT_QUERIES[(contest is not None, sources is not None)]
    parameters: dict[str, object] = {}
    if contest is not None:
        parameters["contest"] = contest
    if sources is not None:
        parameters["sources"] = sorted(sources)
    session.flush()  # a Core read sees what this session wrote, as the ORM's autoflush would
    values: dict[TallyKey, dict[FieldKey, int]] = {}
    for c, unit, source, key, value in session.connection().execute(query, parameters).all():
        form = values.get((c, unit, source))
        if form is None:
            form = values[(c, unit, source)] = {}
        if key is not None:
            form[FieldKey(key)] = value
    return {k: Tally(v) for k, v in values.items()}


_CURRENT_FORMS = "SELECT id, contest, unit, source FROM tally WHERE is_current"
_CURRENT_VALUES = (
    "SELECT v.tally_id, v.field, v.value FROM tally_value v "
    "JOIN tally t ON t.id = v.tally_id WHERE t.is_current"
)


def current_values(session: Session) -> dict[TallyKey, dict[str, int]]:
    """Every current form's values as plain dicts, read with the driver's own cursor: the check
    of every value against the audit chain reads them all (400,000 in a large meeting), and
    rows built by SQLAlchemy cost more than the reading itself."""
    session.flush()
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_CURRENT_FORMS)
        forms: dict[int, dict[str, int]] = {}
        keys: dict[TallyKey, dict[str, int]] = {}
        for tally_id, contest, unit, source in cursor.fetchall():
            forms[tally_id] = keys[(contest, unit, source)] = {}
        cursor.execute(_CURRENT_VALUES)
        for tally_id, field, value in cursor.fetchall():
            forms[tally_id][field] = value
    finally:
        cursor.close()
    return keys


def save_tally(
    session: Session,
    key: TallyKey,
    values: dict[FieldKey, int],
    batch_id: int | None,
    kept: KeptRows | None = None,
) -> int:
    """Add a new current version of one form; the earlier versions stay as history. ``kept``:
    the desa/TPS rows the values were summed from, stored with this version."""
    contest, unit, source = key
    where = (TallyRow.contest == contest, TallyRow.unit == unit, TallyRow.source == source)
    latest = session.scalar(select(func.max(TallyRow.version)).where(*where)) or 0
    session.execute(update(TallyRow).where(*where).values(is_current=False))
    row = TallyRow(
        contest=contest,
        unit=unit,
        source=source,
        version=latest + 1,
        is_current=True,
        batch_id=batch_id,
        created_at=now_iso(),
    )
    row.values = [TallyValueRow(field=k, value=v) for k, v in values.items()]
    session.add(row)
    session.flush()
    if kept is not None:
        kept_rows_store.add(session, row.id, kept)
    return row.version


@dataclass(frozen=True)
class FieldWrite:
    """The latest write of one field of a form after a given version: what, when and by whom."""

    version: int
    value: int | None
    at: str
    actor: str | None


def form_versions(session: Session, contest: str, unit: str) -> dict[str, int]:
    """Source code → current version of each form of one (contest, unit)."""
    rows = session.execute(
        select(TallyRow.source, TallyRow.version).where(
            TallyRow.contest == contest, TallyRow.unit == unit, TallyRow.is_current.is_(True)
        )
    )
    return {source: version for source, version in rows}


def field_written_since(
    session: Session, key: TallyKey, field: str, seen_version: int
) -> FieldWrite | None:
    """The latest version after ``seen_version`` that changed ``field`` of the form ``key``
    (a value set, altered or removed), or None when the field is as it was in that version."""
    contest, unit, source = key
    versions = session.execute(
        select(TallyRow.version, TallyRow.created_at, TallyValueRow.value)
        .join(
            TallyValueRow,
            (TallyValueRow.tally_id == TallyRow.id) & (TallyValueRow.field == field),
            isouter=True,
        )
        .where(
            TallyRow.contest == contest,
            TallyRow.unit == unit,
            TallyRow.source == source,
            TallyRow.version >= seen_version,
        )
        .order_by(TallyRow.version)
    ).all()
    rows: list[tuple[int, str, int | None]] = [(v, at, value) for v, at, value in versions]
    seen = [value for version, _, value in rows if version == seen_version]
    previous = seen[0] if seen else None
    changed: tuple[int, str, int | None] | None = None
    for version, at, value in rows:
        if version > seen_version and value != previous:
            changed = (version, at, value)
        previous = value
    if changed is None:
        return None
    version, at, value = changed
    return FieldWrite(version, value, at, form_writer(session, key, version))


def incidents(session: Session) -> list[StoredIncident]:
    rows = session.scalars(select(IncidentRow).order_by(IncidentRow.number))
    return [
        StoredIncident(
            r.number,
            r.kind,
            r.unit,
            r.contest,
            r.raised_by,
            r.description,
            r.status,
            r.resolution,
            r.origin,
            r.origin_number,
        )
        for r in rows
    ]
