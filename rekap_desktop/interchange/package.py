"""Signed result package ``.rekap``: a zip whose manifest lists every member with its SHA-256 and
is signed with the sending installation's Ed25519 key.

Members: ``manifest.json`` and ``manifest.sig`` (hex signature of the manifest's bytes), then the
members the manifest lists: ``pleno.json`` (the sender's setup), ``hasil.csv`` (rekap-csv),
``kejadian.json`` (rekap-kejadian/1), ``koreksi.json``, ``audit.json`` and ``cetak/*.pdf``.

Reading refuses, with the reason and before anything is used: a file that is not a sane zip, an
unsafe or duplicate member name, a member whose declared or real size is over the bound, a missing
or extra member, a changed byte (hash), a bad signature, a manifest of the wrong shape. The zip's
mechanics (listing, signature, canonical layout, the safety checks) are ``signed_zip``'s, shared
with the evidence pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rekap_desktop.interchange import package_session, signed_zip
from rekap_desktop.interchange.package_session import PackageSession

FORMAT = "rekap-paket/1"
MANIFEST, SIGNATURE = signed_zip.MANIFEST, signed_zip.SIGNATURE
SETUP, TALLIES, INCIDENTS = "pleno.json", "hasil.csv", "kejadian.json"
CORRECTIONS, AUDIT = "koreksi.json", "audit.json"
REQUIRED = (SETUP, TALLIES, INCIDENTS, CORRECTIONS, AUDIT)
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 2000
_NAME_RE = re.compile(r"(cetak/)?[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
_HEX64 = signed_zip.HEX64
_MANIFEST_KEYS = {
    "format",
    "program",
    "dibuat",
    "sementara",
    "tingkat",
    "wilayah",
    "pemilihan",
    "kontestasi",
    "kunci_publik",
    "anggota",
}
CHAIN_HEAD = "kepala_audit"
"""Optional manifest key: the sender's audit chain head when the package was written,
``{"urutan": N, "hash": "…"}`` — an anchor of that chain outside the sender's database."""


@dataclass(frozen=True)
class Manifest:
    program: str
    created_at: str
    provisional: bool
    """SEMENTARA: a pause snapshot (procedure item 11), not a determined result."""
    level: str
    region_code: str
    region_name: str
    election: str
    contests: tuple[str, ...]
    public_key: bytes
    members: dict[str, str]
    """Member name → SHA-256 (hex)."""
    chain_head: tuple[int, str] | None = None
    """(entry id, hash) of the sender's audit chain head; None in packages from before it."""
    follow_up: PackageSession | None = None
    """The follow-up session the result was determined again in (None: the first penetapan)."""


@dataclass(frozen=True)
class VerifiedPackage:
    manifest: Manifest
    manifest_sha256: str
    members: dict[str, bytes]


def write_package(
    manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey
) -> bytes:
    """The zip: ``manifest`` (without ``anggota``) gets every member's hash, then is signed."""
    return signed_zip.write_signed_zip(manifest, members, key)


def _kind() -> signed_zip.ZipKind:
    # Built per read: the bounds are module constants a test may lower.
    return signed_zip.ZipKind(
        noun="paket",
        title="paket hasil",
        file_kind="paket .rekap",
        names=_NAME_RE,
        max_file_bytes=MAX_PACKAGE_BYTES,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_TOTAL_BYTES,
        max_members=MAX_MEMBERS,
        required=REQUIRED,
    )


def read_package(data: bytes, name: str) -> VerifiedPackage:
    """The package's members once every check passed; ``InputRejected`` with the reason."""
    kind = _kind()
    members = signed_zip.unpack(data, name, kind)
    manifest = _manifest(members[MANIFEST], name)
    verified = signed_zip.verify(data, members, manifest.public_key, manifest.members, name, kind)
    return VerifiedPackage(manifest, verified.manifest_sha256, verified.members)


def _refuse(name: str, message: str) -> NoReturn:
    signed_zip.refuse(name, message)


def _manifest(data: bytes, name: str) -> Manifest:
    raw = signed_zip.load_manifest(data, name)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        _refuse(name, f"manifest.json: format harus '{FORMAT}'")
    if set(raw) - {CHAIN_HEAD} - package_session.KEYS != _MANIFEST_KEYS:
        _refuse(name, "manifest.json: kunci tidak lengkap atau tidak dikenal")
    region = raw["wilayah"]
    texts = (raw["program"], raw["dibuat"], raw["tingkat"], raw["pemilihan"], raw["kunci_publik"])
    if (
        not all(isinstance(t, str) for t in texts)
        or not isinstance(raw["sementara"], bool)
        or not isinstance(region, dict)
        or not isinstance(region.get("kode"), str)
        or not isinstance(region.get("nama"), str)
        or not isinstance(raw["kontestasi"], list)
        or not all(isinstance(c, str) for c in raw["kontestasi"])
    ):
        _refuse(name, "manifest.json: isian berjenis salah")
    public_key = signed_zip.public_key(raw["kunci_publik"], name)
    return Manifest(
        raw["program"],
        raw["dibuat"],
        raw["sementara"],
        raw["tingkat"],
        region["kode"],
        region["nama"],
        raw["pemilihan"],
        tuple(raw["kontestasi"]),
        public_key,
        signed_zip.listed(raw["anggota"], name),
        _chain_head(raw.get(CHAIN_HEAD), name),
        package_session.read_session(raw, name),
    )


def _chain_head(raw: Any, name: str) -> tuple[int, str] | None:
    if raw is None:
        return None
    number = raw.get("urutan") if isinstance(raw, dict) else None
    digest = raw.get("hash") if isinstance(raw, dict) else None
    if (
        set(raw) != {"urutan", "hash"}
        or not isinstance(number, int)
        or isinstance(number, bool)
        or number < 0
        or not isinstance(digest, str)
        or not _HEX64.fullmatch(digest)
    ):
        _refuse(name, f"manifest.json: {CHAIN_HEAD} tidak sah")
    return number, digest
