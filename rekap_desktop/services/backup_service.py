"""Backups of the meeting's SQLite file (online, with SQLite's backup API), verified after writing,
rotated; restore shows what a backup holds before it replaces anything."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.anchor_check import Anchor
from rekap_desktop.services.chain_anchor import SUFFIX as HEAD_FILE_SUFFIX
from rekap_desktop.services.chain_anchor import anchor_engine
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit
from rekap_desktop.storage.backup_files import (
    BackupContents,
    BackupUnreadable,
    StoredEntry,
    copy_database,
    first_entry_hash,
    meeting_identity,
    read_backup,
)
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.unit_of_work import Engine, write

KEEP = 20
PREFIX = "rekap-cadangan-"


@dataclass(frozen=True)
class BackupPreview:
    """What a backup file holds, shown before restoring it."""

    path: Path
    meeting: str
    audit_entries: int
    last_change: str
    forms: int
    chain_ok: bool
    tag: str = ""
    """Which meeting the backup is of (see :func:`meeting_tag`)."""
    origin: str = ""
    """The hash of the chain's first entry (the meeting's creation): the same meeting's
    databases and backups, and only they, share it."""


def meeting_tag(engine: Engine) -> str | None:
    """The meeting's tag in backup names: its region code and a short hash of its setup and
    creation time, so backups of different meetings in one folder never mix (rotation, the
    backup offered at start). None when the database cannot say (damaged)."""
    identity = meeting_identity(engine)
    return _tag(*identity) if identity is not None else None


def _tag(setup_json: str, created_at: str) -> str:
    try:
        region = str(json.loads(setup_json)["wilayah"]["kode"])
    except (ValueError, KeyError, TypeError):
        region = "pleno"
    digest = hashlib.sha256(f"{setup_json}\n{created_at}".encode()).hexdigest()[:8]
    safe = "".join(c for c in region if c.isalnum()) or "pleno"
    return f"{safe}-{digest}"


def sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise InputRejected(
            [
                Problem(
                    "cadangan berkas hanya untuk basis data SQLite; PostgreSQL dicadangkan "
                    "dengan pg_dump oleh pengelola server"
                )
            ]
        )
    return Path(engine.url.database)


def make_backup(engine: Engine, folder: Path, now: datetime | None = None) -> BackupPreview:
    """Copy the live database into ``folder`` (e.g. a USB stick), verify the copy, rotate."""
    source = sqlite_path(engine)
    tag = meeting_tag(engine)
    if tag is None:
        raise InputRejected([Problem("basis data tidak berisi pleno; tidak ada yang dicadangkan")])
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}{tag}-{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    copy_database(source, partial)
    preview = preview_backup(partial)
    if not preview.chain_ok:
        partial.unlink()
        raise InputRejected([Problem("salinan cadangan tidak lolos pemeriksaan; tidak disimpan")])
    partial.replace(target)
    _rotate(folder, tag)
    return replace(preview, path=target)


def preview_backup(path: Path) -> BackupPreview:
    """Read a backup without changing it: integrity, audit chain, what meeting and how much."""
    if not path.is_file():
        raise InputRejected([Problem(f"berkas cadangan '{path.name}' tidak ada")])
    try:
        contents = read_backup(path)
    except BackupUnreadable as error:
        raise InputRejected(
            [Problem(f"'{path.name}' bukan cadangan Rekap Desktop ({error})")]
        ) from None
    return _preview(path, contents)


def _meeting_name(path: Path, setup_json: str) -> str:
    """'KOTA SAMARINDA — Pemilihan Serentak 2024'; a backup whose stored setup lacks them (or is
    not JSON) is refused, naming what is missing."""
    try:
        document = json.loads(setup_json)
        return f"{document['wilayah']['nama']} — {document['pemilihan']}"
    except (ValueError, RecursionError):
        problem = "data pleno di dalamnya bukan JSON yang sah"
    except KeyError as error:
        problem = f"data pleno di dalamnya tidak memuat {error}"
    except TypeError:
        problem = "data pleno di dalamnya tidak lengkap"
    raise InputRejected([Problem(f"'{path.name}' bukan cadangan pleno yang utuh: {problem}")])


def _preview(path: Path, contents: BackupContents) -> BackupPreview:
    if not contents.intact:
        raise InputRejected([Problem(f"'{path.name}' rusak (integrity_check gagal)")])
    setup = contents.setup
    if setup is None:
        raise InputRejected([Problem(f"'{path.name}' tidak berisi pleno")])
    meeting = _meeting_name(path, setup[0])
    entries = contents.entries
    return BackupPreview(
        path,
        meeting,
        len(entries),
        entries[-1][1] if entries else "-",
        contents.forms,
        _chain_ok(entries),
        _tag(*setup),
        entries[0][6] if entries else "",
    )


def _chain_ok(entries: tuple[StoredEntry, ...]) -> bool:
    previous = audit.GENESIS
    for number, (entry_id, at, actor, event, payload, prev, digest) in enumerate(entries, 1):
        if entry_id != number or prev != previous:
            return False
        if audit.entry_hash(entry_id, at, actor, event, payload, prev) != digest:
            return False
        previous = digest
    return True


def latest_good_backup(folder: Path, tag: str | None = None) -> Path | None:
    """The newest sound backup in ``folder`` of the meeting tagged ``tag`` (any meeting when the
    damaged database cannot say which it is), newest first by the time in its name: its chain
    holds and its rows and values are as its chain recorded."""
    candidates = []
    for path in folder.glob(f"{PREFIX}*.sqlite"):
        try:
            preview = preview_backup(path)
        except InputRejected:
            continue
        if preview.chain_ok and (tag is None or preview.tag == tag):
            candidates.append((path.stem[-15:], path))
    for _, path in sorted(candidates, reverse=True):
        try:
            sound_backup(path)
        except InputRejected:
            continue
        return path
    return None


def _rotate(folder: Path, tag: str) -> None:
    """Keep the newest :data:`KEEP` backups of this meeting; other meetings' are left alone."""
    backups = sorted(folder.glob(f"{PREFIX}{tag}-*.sqlite"))
    for old in backups[:-KEEP]:
        old.unlink()


def restore_over_damaged(
    live: Path, backup: Path, confirm: Callable[[Engine], Confirmation | None]
) -> BackupPreview | None:
    """Put a verified backup in place of a damaged database file that cannot be opened.

    The damaged file (with its WAL and shared-memory files) is set aside under a new name, never
    deleted; ``confirm`` is asked on the restored meeting (its users and PINs are the backup's,
    the damaged file's cannot be read). Without a confirmation everything is put back as it was
    and None is returned; with one, the restore is recorded in the restored chain."""
    preview = sound_backup(backup)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    kept = live.with_name(f"{live.stem}-rusak-{stamp}{live.suffix}")
    moved = _set_aside(live, kept)
    engine: Engine | None = None
    restored = False
    try:
        copy_database(backup, live)
        engine = open_engine(str(live))
        confirmation = confirm(engine)
        if confirmation is not None:
            # The damaged file's users cannot be read: the confirmer is one of the backup's,
            # checked in the restored file as the restore is recorded.
            _record_restore(engine, backup, kept, confirmation, {"berkas_rusak": True}, check=True)
            restored = True
    finally:
        if engine is not None:
            engine.dispose()
        if not restored:  # cancelled, refused or failed: everything as it was
            _put_back(live, moved)
    return preview if restored else None


_COMPANIONS = ("", "-wal", "-shm", "-journal", HEAD_FILE_SUFFIX)
"""A SQLite file and the files beside it that belong to it (its audit chain's head file too)."""


def _set_aside(live: Path, kept: Path) -> list[tuple[Path, Path]]:
    moved = []
    for ending in _COMPANIONS:
        origin = live.with_name(live.name + ending)
        if origin.exists():
            target = kept.with_name(kept.name + ending)
            origin.replace(target)
            moved.append((origin, target))
    return moved


def _put_back(live: Path, moved: list[tuple[Path, Path]]) -> None:
    for ending in _COMPANIONS:
        live.with_name(live.name + ending).unlink(missing_ok=True)
    for origin, target in moved:
        target.replace(origin)


def restore_backup(engine: Engine, backup: Path, confirmation: Confirmation) -> BackupPreview:
    """Replace the live database with a verified backup; the replaced file is kept beside it and
    the restore is recorded in the restored chain, naming who confirmed."""
    preview = sound_backup(backup, engine)
    live = sqlite_path(engine)
    with write(engine, confirmation.user.name) as w:
        # The confirmer is a user of the meeting being replaced, with their role as stored now.
        require_confirmation(w.session, confirmation, Action.RESTORE_BACKUP)
    engine.dispose()
    kept = live.with_name(f"{live.stem}-sebelum-pemulihan-{clock.now():%Y%m%d-%H%M%S}.sqlite")
    copy_database(live, kept)
    copy_database(backup, live)
    _record_restore(engine, backup, kept, confirmation)
    return preview


def sound_backup(backup: Path, live: Engine | None = None) -> BackupPreview:
    """The backup's preview when it may be restored: its chain holds, every stored row and value
    is as its chain recorded, and (when the live database can say) it is of the same meeting.
    Refused otherwise, naming why."""
    preview = preview_backup(backup)
    if not preview.chain_ok:
        raise InputRejected([Problem(f"rantai audit '{backup.name}' rusak; tidak dipulihkan")])
    if live is not None:
        origin = first_entry_hash(live)
        if origin and origin != preview.origin:
            raise InputRejected(
                [
                    Problem(
                        f"'{backup.name}' adalah cadangan pleno lain ({preview.meeting}); "
                        "tidak dipulihkan"
                    )
                ]
            )
    mismatches = _value_check(backup)
    if mismatches:
        raise InputRejected(
            [
                Problem(f"'{backup.name}' tidak lolos pemeriksaan nilai: {m}; tidak dipulihkan")
                for m in mismatches[:10]
            ]
        )
    return preview


def _value_check(backup: Path) -> tuple[str, ...]:
    """The backup's rows and values against its own chain, on a copy (opening a database may
    bring its schema up to date; the backup itself is never written)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / backup.name
        copy_database(backup, copy)
        engine = open_engine(str(copy))
        try:
            report = verify_integrity(PlenoService(engine))
        finally:
            engine.dispose()
    reasons = () if report.chain.ok else (f"rantai audit rusak: {report.chain.reason}",)
    return reasons + report.mismatches


def _record_restore(
    engine: Engine,
    backup: Path,
    kept: Path,
    confirmation: Confirmation,
    more: dict[str, object] | None = None,
    *,
    check: bool = False,
) -> None:
    """The restore in the restored chain, naming the backup, where the replaced file went and
    who confirmed (``check``: their confirmation is checked against the restored users)."""
    payload = {"berkas": backup.name, "disimpan_sebagai": kept.name, **(more or {})}
    with write(anchor_engine(engine), confirmation.user.name) as w:
        if check:
            require_confirmation(w.session, confirmation, Action.RESTORE_BACKUP)
        w.audit(AuditEvent.BACKUP_RESTORED, {**payload, **confirmation.audit_fields()})


def backup_anchor(path: Path) -> Anchor:
    """The newest entry of a backup's own (verified) chain."""
    preview = preview_backup(path)
    name = f"cadangan {path.name}"
    if not preview.chain_ok:
        raise InputRejected([Problem("rantai audit cadangan itu sendiri rusak")], name)
    entries = read_backup(path).entries  # readable: its preview was just made
    if not entries:
        raise InputRejected([Problem("cadangan tidak memuat entri audit")], name)
    return Anchor(name, entries[-1][0], entries[-1][6])
