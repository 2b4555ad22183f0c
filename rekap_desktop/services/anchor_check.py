"""The audit chain against its anchors outside the database: the head file beside it (checked on
every verification), and — when given — a page printed by the program, a result package it wrote
or a backup it made (read by ``backup_service.backup_anchor``: a backup is verified first). Each
anchor names an entry of the chain and its hash; a chain whose newest entries were deleted, or
that was computed again from the start after an edit, no longer has it. Every disagreement names
the anchor that disagrees."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rekap_desktop.documents.fingerprint import short_code
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.services import chain_anchor
from rekap_desktop.storage import audit
from rekap_desktop.storage.unit_of_work import Engine, Session

PRINTED = re.compile(r"^\s*#?\s*(\d{1,12})[\s:·,]+([0-9A-Fa-f][0-9A-Fa-f\s-]*)$")


@dataclass(frozen=True)
class Anchor:
    name: str
    """What holds it, in Indonesian: "kertas cetakan", "paket HASIL.rekap", …"""
    entry_id: int
    digest: str
    """The entry's hash, or its first hex digits (as printed on paper)."""


def disagreement(session: Session, anchor: Anchor) -> str | None:
    """Why the stored chain does not hold ``anchor`` (Indonesian, naming it), or None."""
    stored = audit.hash_at(session, anchor.entry_id)
    if stored is None:
        newest = audit.head_entry(session)[0]
        return (
            f"{anchor.name} mencatat entri audit #{anchor.entry_id}, tetapi rantai di basis data "
            f"hanya sampai entri #{newest}: entri terbaru telah dihapus"
        )
    if not stored.startswith(anchor.digest.lower()):
        return (
            f"{anchor.name} mencatat entri audit #{anchor.entry_id} dengan hash "
            f"{short_code(anchor.digest)}, di basis data {short_code(stored)}: rantai audit "
            "telah diubah dan dihitung ulang"
        )
    return None


def head_file_problems(engine: Engine, session: Session) -> list[str]:
    """The chain against the head file (none yet is no disagreement: it is written at the next
    change)."""
    path = chain_anchor.head_file(engine)
    if path is None:
        return []
    name = f"berkas kepala rantai {path.name}"
    try:
        record = chain_anchor.read_head(path)
    except chain_anchor.HeadFileUnreadable as error:
        return [f"{name} {error}"]
    if record is None:
        return []
    if record.signer is not None:
        name += f" (kunci instalasi lain {record.signer})"
    if chain_anchor.is_shared(engine) or record.signer is not None:
        return _station_problems(session, record, name)
    newest = audit.head_entry(session)
    if newest in (record.head, record.base):
        return []
    if newest[0] > record.head[0] and audit.hash_at(session, record.head[0]) == record.head[1]:
        return [
            f"{name} mencatat entri audit terakhir #{record.head[0]}, tetapi rantai di basis data "
            f"sampai entri #{newest[0]}: entri ditambahkan di luar program"
        ]
    found = disagreement(session, Anchor(name, *record.head))
    return [found] if found else []


def _station_problems(session: Session, record: chain_anchor.HeadRecord, name: str) -> list[str]:
    """A database several stations write (a server's, or a file another installation wrote
    last): the entries the head names must still be there; others may have written after it,
    and a write that never committed may have lost its number to another station's entry."""
    if audit.hash_at(session, record.head[0]) == record.head[1]:
        return []
    found = disagreement(session, Anchor(name, *record.base))
    return [found] if found else []


def printed_anchor(text: str) -> Anchor:
    """The chain head as read from a printed page's footer, e.g. "#123 9F3A-0C21-04BD"."""
    match = PRINTED.match(text)
    digits = "".join(ch for ch in match.group(2) if ch.isalnum()) if match else ""
    if match is None or len(digits) < 8:
        raise InputRejected(
            [
                Problem(
                    f"kepala rantai '{text}' tidak dikenali: tulis nomor entri dan kodenya seperti "
                    'tercetak, mis. "#123 9F3A-0C21-04BD"'
                )
            ]
        )
    return Anchor("kertas cetakan", int(match.group(1)), digits.lower())


def package_anchor(path: Path) -> Anchor:
    """The chain head a result package of this meeting carries (its signed manifest's, or the
    newest entry of the chain extract it holds)."""
    name = f"paket {path.name}"
    # Loaded here: reading packages (and their signatures) is not needed to open the meeting.
    from rekap_desktop.interchange import package as pkg

    verified = pkg.read_package(read_input(path, name), path.name)
    if verified.manifest.chain_head is not None:
        return Anchor(name, *verified.manifest.chain_head)
    entries = _json_entries(verified.members[pkg.AUDIT], name)
    if not entries:
        raise InputRejected([Problem("paket tidak memuat entri audit")], name)
    return Anchor(name, entries[-1][0], entries[-1][1])


def _json_entries(data: bytes, name: str) -> list[tuple[int, str]]:
    import json

    try:
        entries = json.loads(data)["entri"]
        return [(int(e["id"]), str(e["hash"])) for e in entries]
    except (ValueError, KeyError, TypeError):
        raise InputRejected([Problem("audit.json dalam paket tidak terbaca")], name) from None
