"""Result packages across follow-up sessions: the sender's package names the session its result
was determined again in and the earlier penetapan it supersedes; the next level accepts it over
the package of an earlier session (saying so, with every value that changed) and refuses a
package of an older session than the one it holds."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.follow_up import BASIS_DOCUMENTS, FollowUpSession
from rekap_desktop.domain.ids import ContestCode, FieldKey
from rekap_desktop.domain.labels import row_label
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.procedure import MoveKind
from rekap_desktop.domain.sources import PPK
from rekap_desktop.interchange.package import VerifiedPackage
from rekap_desktop.interchange.package_session import PackageSession, session_keys
from rekap_desktop.storage import follow_up_store, meeting_store, packages_store
from rekap_desktop.storage.packages_store import ImportedPackage
from rekap_desktop.storage.unit_of_work import Session
from rekap_desktop.text.numbers import format_day, format_number, format_stored_moment

# -- the sender ------------------------------------------------------------------------------


def follow_up_keys(session: Session, chain: list[dict[str, object]]) -> dict[str, Any]:
    """The manifest keys of the last follow-up session closed (none before any): the session,
    and the penetapan it supersedes by the manifest SHA-256 of the package exported at that
    penetapan (the last one, from ``chain``), else by the digest of its determined values."""
    closed = [s for s in follow_up_store.sessions(session) if not s.is_open]
    if not closed:
        return {}
    latest = closed[-1]
    earlier = latest.number - 1
    digest = _exported_at(session, chain, latest) or follow_up_store.values_digest(session, earlier)
    found = PackageSession(
        latest.number,
        latest.basis,
        latest.document_number,
        latest.document_date,
        latest.units,
        earlier,
        digest or "0" * 64,
    )
    return session_keys(found)


def _exported_at(
    session: Session, chain: list[dict[str, object]], latest: FollowUpSession
) -> str | None:
    """The manifest SHA-256 of the last determined package exported between the earlier
    penetapan and the opening of ``latest``, found by the chain's order (not by its clock: a
    penetapan, an export and an opening may share a second)."""
    found: str | None = None
    for entry in chain:
        payload = json.loads(str(entry["isi"]))
        event = entry["peristiwa"]
        if event == AuditEvent.FOLLOW_UP_OPENED.value and payload.get("sesi_lanjutan") == (
            latest.number
        ):
            return found
        if (
            event == AuditEvent.PROCEDURE_MOVED.value
            and payload.get("langkah") == MoveKind.DETERMINE.value
        ):
            found = None  # a penetapan since: only a package exported after it counts
        if event == AuditEvent.PACKAGE_EXPORTED.value and not payload.get("sementara"):
            found = str(payload.get("manifest_sha256"))
    return None


# -- the next level --------------------------------------------------------------------------


def check_session_order(
    session: Session, verified: VerifiedPackage, unit: str, name: str
) -> ImportedPackage | None:
    """The package this one supersedes (the unit's last, when it is of an earlier session);
    refused when this package is of an older session than the one already imported."""
    earlier = packages_store.packages_for(session, unit)
    if not earlier:
        return None
    last = earlier[-1]
    held = follow_up_store.package_session(session, last.manifest_sha256) or 0
    given = verified.manifest.follow_up.number if verified.manifest.follow_up else 0
    if given < held:
        raise InputRejected(
            [
                Problem(
                    f"paket ini dari {_which(given)}, lebih lama dari paket unit {unit} yang "
                    f"sudah diimpor ({_which(held)}, diimpor {last.imported_at}); paket dari "
                    "sesi yang lebih lama tidak dapat menggantikannya"
                )
            ],
            name,
        )
    return last if given > held else None


def supersession_lines(
    verified: VerifiedPackage, unit: str, unit_name: str, replaced: ImportedPackage | None
) -> list[str]:
    """What the import report says of the package it supersedes."""
    follow_up = verified.manifest.follow_up
    if follow_up is None or replaced is None:
        return []
    lines = [
        f"Paket ini ({_which(follow_up.number)} berdasarkan {BASIS_DOCUMENTS[follow_up.basis]} "
        f"Nomor {follow_up.document_number} tanggal {format_day(follow_up.document_date)}, "
        f"kecamatan {', '.join(follow_up.units)}) MENGGANTIKAN paket unit {unit} {unit_name} "
        f"yang diimpor sebelumnya pada {format_stored_moment(replaced.imported_at)} "
        f"(sidik manifest {replaced.manifest_sha256[:12]}…)"
    ]
    if follow_up.supersedes_digest != replaced.manifest_sha256:
        lines.append(
            f"PERHATIAN: menurut pengirim, paket ini menggantikan penetapan ke-"
            f"{follow_up.supersedes} dengan sidik {follow_up.supersedes_digest[:12]}…, bukan "
            f"paket yang diimpor di sini (sidik {replaced.manifest_sha256[:12]}…); periksa "
            "dengan pengirim"
        )
    return lines


def changed_values(
    session: Session,
    pleno: Pleno,
    unit: str,
    values: Mapping[ContestCode, Mapping[FieldKey, int]],
) -> list[str]:
    """Every value of the unit the package changes, "walikota · IV Suara sah …: 100 → 90", read
    before the package's values are stored."""
    lines: list[str] = []
    for contest_code, new in values.items():
        current = meeting_store.current_tallies(session, contest_code, (PPK.code,))
        old = current.get((contest_code, unit, PPK.code))
        contest = pleno.contest(contest_code)
        for key in sorted(set(new) | set(old or {})):
            before = old.value(key) if old is not None else None
            after = new.get(key)
            if before == after:
                continue
            label = row_label(contest, key, pleno.kind) if contest else key
            lines.append(
                f"{unit} · {contest_code} · {label}: {format_number(before)} → "
                f"{format_number(after)}"
            )
    return lines


def record_session(session: Session, verified: VerifiedPackage, unit: str) -> None:
    follow_up = verified.manifest.follow_up
    number = follow_up.number if follow_up else 0
    follow_up_store.add_package_session(session, verified.manifest_sha256, unit, number)


def _which(number: int) -> str:
    return "penetapan pertama" if number == 0 else f"sesi lanjutan ke-{number}"
