"""The optional manifest keys of a result package written after a follow-up session (sesi
lanjutan): ``sesi`` — the session the result was determined again in — and ``menggantikan`` — the
earlier penetapan it supersedes, by its number and a digest:

    "sesi": {"nomor": 1, "dasar": "putusan-mk-rekap-ulang", "nomor_dokumen": "…",
             "tanggal_dokumen": "2025-02-24", "unit": ["990101"]},
    "menggantikan": {"sesi": 0, "sidik": "<64 hex>"}

``menggantikan.sidik`` is the manifest SHA-256 of the package the sender exported at the earlier
penetapan, or, when it exported none, the SHA-256 of that penetapan's determined values (see
``services.packages``). A package without them is of the first penetapan (session 0)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from rekap_desktop.domain.follow_up import Basis
from rekap_desktop.domain.problems import InputRejected, Problem

SESSION, SUPERSEDES = "sesi", "menggantikan"
KEYS = frozenset({SESSION, SUPERSEDES})
_SESSION_KEYS = {"nomor", "dasar", "nomor_dokumen", "tanggal_dokumen", "unit"}
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PackageSession:
    number: int
    basis: Basis
    document_number: str
    document_date: date
    units: tuple[str, ...]
    supersedes: int
    """The penetapan (0: the first, N: the one closing session N) this package supersedes."""
    supersedes_digest: str


def session_keys(found: PackageSession) -> dict[str, Any]:
    """The manifest keys of ``found`` as written."""
    return {
        SESSION: {
            "nomor": found.number,
            "dasar": found.basis.value,
            "nomor_dokumen": found.document_number,
            "tanggal_dokumen": found.document_date.isoformat(),
            "unit": list(found.units),
        },
        SUPERSEDES: {"sesi": found.supersedes, "sidik": found.supersedes_digest},
    }


def read_session(raw: dict[str, Any], name: str) -> PackageSession | None:
    """The session a manifest states (None: none, the first penetapan); refused when the keys
    are not both there or not of the right shape."""
    session, supersedes = raw.get(SESSION), raw.get(SUPERSEDES)
    if session is None and supersedes is None:
        return None
    if not isinstance(session, dict) or not isinstance(supersedes, dict):
        _refuse(name, f"'{SESSION}' dan '{SUPERSEDES}' harus ada bersama")
    if set(session) != _SESSION_KEYS or set(supersedes) != {"sesi", "sidik"}:
        _refuse(name, f"kunci '{SESSION}' atau '{SUPERSEDES}' tidak lengkap atau tidak dikenal")
    number, earlier = session["nomor"], supersedes["sesi"]
    given = session["dasar"]
    known = isinstance(given, str) and given in {b.value for b in Basis}
    basis = Basis(given) if known else None
    units = session["unit"]
    if (
        not _count(number)
        or number < 1
        or not _count(earlier)
        or earlier >= number
        or basis is None
        or not isinstance(session["nomor_dokumen"], str)
        or not isinstance(units, list)
        or not units
        or not all(isinstance(u, str) for u in units)
        or not isinstance(supersedes["sidik"], str)
        or not _HEX64.fullmatch(supersedes["sidik"])
    ):
        _refuse(name, f"isian '{SESSION}' atau '{SUPERSEDES}' tidak sah")
    return PackageSession(
        number,
        basis,
        session["nomor_dokumen"],
        _date(session["tanggal_dokumen"], name),
        tuple(units),
        earlier,
        supersedes["sidik"],
    )


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _date(value: Any, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        _refuse(name, f"{SESSION}.tanggal_dokumen '{value!s:.20}' bukan tanggal")


def _refuse(name: str, message: str) -> NoReturn:
    raise InputRejected([Problem(f"manifest.json: {message}")], name)
