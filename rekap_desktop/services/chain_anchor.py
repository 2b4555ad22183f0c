"""The audit chain's head kept outside the database: a small file that the installation key signs,
written on every write that appends to the chain, so a chain cut short or computed again from the
start inside the database file no longer matches it.

Every service built on an engine anchors it (``anchor_engine``), so every write the program makes
keeps the file current. For a SQLite file the head file lies beside it (``pleno.sqlite.kepala``).
A PostgreSQL database is shared by several stations and is not a file on this laptop: each station
keeps the head it wrote last in its own key folder, and a check there vouches for the chain up to
that entry (entries other stations wrote later are anchored by their head files, the prints and
the packages).

Crash consistency: the file is replaced atomically (``os.replace`` after ``fsync``) inside the
write transaction, just before its commit, naming both the head before the transaction (base) and
the head it commits; just after the commit it is replaced again naming the new head alone. A power
cut between the two writes leaves the database at the base or at the new head, and both are
accepted while the file names both, so a good database never looks tampered with; once the second
write is done only the new head is (deleting the newest entry is then found).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.keys import (
    fingerprint,
    installation_fingerprint,
    installation_key,
    key_dir,
    public_raw,
)
from rekap_desktop.storage.audit import NEW_HEAD
from rekap_desktop.storage.commit_hooks import hook_commits
from rekap_desktop.storage.unit_of_work import Engine, Session

FORMAT = "rekap-kepala/1"
SUFFIX = ".kepala"
STATION_FOLDER = "kepala"
Head = tuple[int, str]
"""(entry id, entry hash) of the chain's newest entry; (0, GENESIS) for an empty chain."""


class HeadFileUnreadable(Exception):
    """The head file is there but cannot be trusted (its message says why, in Indonesian)."""


@dataclass(frozen=True)
class HeadRecord:
    base: Head
    """The chain's head before the last write began (what stands if that write never committed)."""
    head: Head
    """The head that write committed."""
    signer: str | None = None
    """Fingerprint of the key that signed it when that is another installation's (a second
    station writing the same file); None for this installation's own."""


def is_shared(engine: Engine) -> bool:
    """A server database several stations write to (not a file on this laptop)."""
    return engine.dialect.name != "sqlite"


def head_file(engine: Engine) -> Path | None:
    """Where this database's head is kept; None for an in-memory database."""
    if not is_shared(engine):
        database = engine.url.database
        if not database or database == ":memory:":
            return None
        return Path(database).with_name(Path(database).name + SUFFIX)
    where = engine.url.set(password=None).render_as_string(hide_password=False)
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:24]
    return key_dir() / STATION_FOLDER / f"{digest}{SUFFIX}"


def head_stamp(engine: Engine) -> bytes | None:
    """The head file as it is now (None: there is none), to tell whether it moved meanwhile."""
    path = head_file(engine)
    try:
        return path.read_bytes() if path is not None else None
    except OSError:
        return None


_ANCHORED: weakref.WeakSet[Engine] = weakref.WeakSet()
"""The engines whose head file is kept. SQLAlchemy's session events belong to the Session class,
not to an engine, so the listeners (registered once) look an engine up here."""
_PENDING = "rekap_anchor_pending"


def anchor_engine(engine: Engine) -> Engine:
    """Keep ``engine``'s chain head in its head file from now on: a transaction that appends to
    the chain writes the file just before it commits (base and new head) and again just after
    (the new head alone)."""
    hook_commits(_before_commit, _after_commit, _forget)
    _ANCHORED.add(engine)
    return engine


def _before_commit(session: Session) -> None:
    noted = session.info.pop(NEW_HEAD, None)
    engine = session.get_bind() if noted is not None else None
    if not isinstance(engine, Engine) or engine not in _ANCHORED:
        return
    path = head_file(engine)
    if noted is None or path is None:
        return  # nothing appended (the head did not move), or no file to keep it beside
    base, head = noted
    write_head(path, HeadRecord(base, head))
    session.info[_PENDING] = (path, head)


def _after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    path, head = pending
    try:  # only its number matters here: the file is checked when the chain is
        recorded: HeadRecord | None = _parse(path.read_bytes())[0]
    except (OSError, HeadFileUnreadable):
        recorded = None
    # Another process may have written a newer head meanwhile: the file only moves forward.
    if recorded is None or recorded.head[0] <= head[0]:
        with contextlib.suppress(InputRejected):  # committed already; the pending record holds
            write_head(path, HeadRecord(head, head), durable_rename=False)


def _forget(session: Session, _previous: object) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(NEW_HEAD, None)


def _signed_text(record: HeadRecord, public_key: bytes) -> bytes:
    body = {
        "format": FORMAT,
        "dasar": {"urutan": record.base[0], "hash": record.base[1]},
        "kepala": {"urutan": record.head[0], "hash": record.head[1]},
        "kunci_publik": public_key.hex(),
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def write_head(path: Path, record: HeadRecord, *, durable_rename: bool = True) -> None:
    """Sign ``record`` and put it in place atomically; refused (nothing is committed then) when
    the file cannot be written. Without ``durable_rename`` the folder is not synced: after a power
    cut the file may still be the one before (the pending record, which holds either way)."""
    key = installation_key()
    text = _signed_text(record, public_raw(key))
    document = {**json.loads(text), "tanda_tangan": key.sign(text).hex()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_durably(path, document)
        if durable_rename:
            _sync_folder(path.parent)
    except OSError as error:
        raise InputRejected(
            [
                Problem(
                    f"kepala rantai audit tidak dapat ditulis ke {path.name} "
                    f"({error.strerror}): perubahan dibatalkan dan tidak ada yang berubah"
                )
            ]
        ) from None


def _replace_durably(path: Path, document: dict[str, object]) -> None:
    """Write ``document`` beside ``path`` and rename it into place. Each writer has a partial
    file of its own: two writes at once (a background job and the window, or two stations
    keeping one head file) must not rename each other's half-written file away."""
    descriptor, name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".baru", dir=path.parent)
    partial = Path(name)
    try:
        with open(descriptor, "w", encoding="ascii") as out:
            json.dump(document, out, sort_keys=True, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """The rename itself made durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_head(path: Path) -> HeadRecord | None:
    """The head recorded in ``path``; None when there is none yet. Raises HeadFileUnreadable when
    the file is damaged or its signature does not hold. Signed by another installation (a second
    station on the same file), it is returned with that key's fingerprint as ``signer``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise HeadFileUnreadable(f"tidak dapat dibaca ({error.strerror})") from None
    record, public_key, signature = _parse(raw)
    # The remembered fingerprint, not the private key: loading that costs the start-up check
    # a tenth of a second.
    signer = fingerprint(public_key)
    if signer != installation_fingerprint():
        record = HeadRecord(record.base, record.head, signer)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(public_key)
        key.verify(signature, _signed_text(record, public_key))
    except (InvalidSignature, ValueError):
        raise HeadFileUnreadable("tanda tangannya tidak sah: berkas ini telah diubah") from None
    return record


def _parse(raw: bytes) -> tuple[HeadRecord, bytes, bytes]:
    try:
        document = json.loads(raw.decode("ascii"))
        if document["format"] != FORMAT:
            raise ValueError(document["format"])
        base, head = document["dasar"], document["kepala"]
        record = HeadRecord(
            (_number(base["urutan"]), _hex(base["hash"])),
            (_number(head["urutan"]), _hex(head["hash"])),
        )
        return (
            record,
            bytes.fromhex(document["kunci_publik"]),
            bytes.fromhex(document["tanda_tangan"]),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise HeadFileUnreadable("isinya tidak berbentuk kepala rantai audit") from None


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(value)
    return value


def _hex(value: object) -> str:
    if not isinstance(value, str) or len(value) != 64:
        raise ValueError(value)
    int(value, 16)
    return value
