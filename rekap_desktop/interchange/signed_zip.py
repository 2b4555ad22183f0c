"""A signed zip: the mechanics shared by the result package (``.rekap``) and the evidence pack.

``manifest.json`` lists every other member with its SHA-256 and size (``anggota``) and names the
signer's Ed25519 public key (``kunci_publik``); ``manifest.sig`` is the hex signature of the
manifest's bytes. The zip itself has one canonical layout (stored, fixed time stamps, manifest
first, members sorted), so any byte changed anywhere in the file is found.

Reading refuses, with the reason and before anything is used: a file that is not a sane zip, an
unsafe or duplicate member name, a member whose declared or real size is over the bound, a missing
or extra member, a changed byte (hash), a bad signature, a listing of the wrong shape. What else a
manifest must hold is the format's own business (``package``, ``evidence_pack``).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.json_input import load_json

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MEMBERS_KEY, PUBLIC_KEY = "anggota", "kunci_publik"
HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class ZipKind:
    """What one format of signed zip allows, and how its refusals name it."""

    noun: str
    """How a refusal names the file, e.g. "paket" ("berkas paket terlalu besar")."""
    title: str
    """What the file is, e.g. "paket hasil" ("bukan paket hasil: …")."""
    file_kind: str
    """What a damaged zip is not, e.g. "paket .rekap"."""
    names: re.Pattern[str]
    """The member names allowed (a path never climbs: ".." is refused as well)."""
    max_file_bytes: int
    max_member_bytes: int
    max_total_bytes: int
    max_members: int
    required: tuple[str, ...] = ()
    """Members the manifest must list."""


@dataclass(frozen=True)
class VerifiedZip:
    manifest_sha256: str
    members: dict[str, bytes]
    """Every member but the manifest and its signature, by name (sorted)."""


def write_signed_zip(
    manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey
) -> bytes:
    """The zip: ``manifest`` (without ``anggota``) gets every member's hash, then is signed."""
    listed = [
        {"nama": n, "sha256": hashlib.sha256(d).hexdigest(), "ukuran": len(d)}
        for n, d in sorted(members.items())
    ]
    text = json.dumps(
        {**manifest, MEMBERS_KEY: listed}, ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")
    return canonical_zip(text, key.sign(text).hex().encode("ascii"), members)


def canonical_zip(manifest: bytes, signature: bytes, members: dict[str, bytes]) -> bytes:
    """The one byte sequence a signed zip with these members has: stored (not compressed, so no
    compressor version can change it), fixed time stamps, manifest first, members sorted."""
    out = io.BytesIO()
    entries = [(MANIFEST, manifest), (SIGNATURE, signature), *sorted(members.items())]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def unpack(data: bytes, name: str, kind: ZipKind) -> dict[str, bytes]:
    """Every member of a sane zip holding a manifest and its signature; nothing verified yet."""
    if len(data) > kind.max_file_bytes:
        refuse(name, f"berkas {kind.noun} terlalu besar")
    members = _unzip(data, name, kind)
    if MANIFEST not in members or SIGNATURE not in members:
        refuse(name, f"bukan {kind.title}: {MANIFEST} atau {SIGNATURE} tidak ada")
    return members


def load_manifest(data: bytes, name: str) -> Any:
    """The manifest's JSON value (its shape is checked by the format)."""
    try:
        return load_json(data.decode("utf-8"), name)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputRejected([Problem(f"{MANIFEST} bukan JSON UTF-8 yang sah")], name) from None


def public_key(raw: Any, name: str) -> bytes:
    """The signer's Ed25519 public key from the manifest's hex text."""
    try:
        key = bytes.fromhex(raw) if isinstance(raw, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32:
        refuse(name, f"{MANIFEST}: {PUBLIC_KEY} bukan kunci Ed25519")
    return key


def listed(raw: Any, name: str) -> dict[str, str]:
    """The manifest's ``anggota``: member name → SHA-256 (hex)."""
    found: dict[str, str] = {}
    entries = raw if isinstance(raw, list) else [None]
    for entry in entries:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("nama"), str)
            or not isinstance(entry.get("sha256"), str)
            or not HEX64.fullmatch(entry["sha256"])
            or entry["nama"] in found
            or entry["nama"] in (MANIFEST, SIGNATURE)
        ):
            refuse(name, f"{MANIFEST}: daftar '{MEMBERS_KEY}' tidak sah")
        found[entry["nama"]] = entry["sha256"]
    return found


def verify(
    data: bytes,
    members: dict[str, bytes],
    key: bytes,
    expected: dict[str, str],
    name: str,
    kind: ZipKind,
) -> VerifiedZip:
    """The signature over the manifest, then every member against the listing (``expected``),
    then the zip's layout; refused naming the first member that does not hold."""
    _check_signature(key, members[MANIFEST], members[SIGNATURE], name, kind)
    present = set(members) - {MANIFEST, SIGNATURE}
    for missing in sorted(set(expected) - present):
        refuse(name, f"anggota '{missing}' yang tercantum di manifest tidak ada")
    for extra in sorted(present - set(expected)):
        refuse(name, f"anggota '{extra}' tidak tercantum di manifest (tambahan)")
    for member, digest in sorted(expected.items()):
        if hashlib.sha256(members[member]).hexdigest() != digest:
            refuse(name, f"isi '{member}' telah diubah (sidik SHA-256 tidak cocok)")
    for required in kind.required:
        if required not in expected:
            refuse(name, f"anggota wajib '{required}' tidak ada")
    content = {n: members[n] for n in sorted(present)}
    if canonical_zip(members[MANIFEST], members[SIGNATURE], content) != data:
        refuse(
            name,
            f"berkas {kind.noun} telah diubah: susunan zip tidak sesuai isi yang ditandatangani",
        )
    return VerifiedZip(hashlib.sha256(members[MANIFEST]).hexdigest(), content)


def refuse(name: str, message: str) -> NoReturn:
    raise InputRejected([Problem(message)], name)


def _check_signature(key: bytes, text: bytes, signature: bytes, name: str, kind: ZipKind) -> None:
    try:
        raw = bytes.fromhex(signature.decode("ascii").strip())
        Ed25519PublicKey.from_public_bytes(key).verify(raw, text)
    except (UnicodeDecodeError, ValueError, InvalidSignature):
        refuse(name, f"tanda tangan manifest tidak sah: {kind.noun} telah diubah atau rusak")


def _unzip(data: bytes, name: str, kind: ZipKind) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_infos(infos, name, kind)
            return {info.filename: _member(archive, info, name, kind) for info in infos}
    except InputRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as error:
        raise InputRejected(
            [Problem(f"bukan berkas zip yang utuh: {_zip_damage(error, kind)}")], name
        ) from None
    except (NotImplementedError, RuntimeError, OSError, KeyError):
        # An unsupported compression, an encrypted member, a damaged entry (Python says which
        # in English).
        problem = (
            "isi zip tidak dapat dibaca: dikompresi dengan cara lain, berkata sandi, atau rusak"
        )
        raise InputRejected([Problem(problem)], name) from None


def _zip_damage(error: Exception, kind: ZipKind) -> str:
    """What is wrong with a damaged zip, in the operator's words (Python's are English)."""
    if isinstance(error, zipfile.LargeZipFile):
        return "arsip terlalu besar"
    if isinstance(error, (zlib.error, EOFError)):
        return "isinya terpotong atau rusak"
    return f"berkas rusak, terpotong, atau bukan {kind.file_kind}"


def _check_infos(infos: list[zipfile.ZipInfo], name: str, kind: ZipKind) -> None:
    if len(infos) > kind.max_members:
        refuse(name, f"terlalu banyak anggota ({len(infos)})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        member = info.filename
        if not kind.names.fullmatch(member) or ".." in member:
            refuse(name, f"nama anggota tidak aman: {member!r:.80}")
        if member in seen:
            refuse(name, f"anggota '{member}' ada dua kali")
        seen.add(member)
        if info.file_size > kind.max_member_bytes:
            refuse(name, f"anggota '{member}' menyatakan ukuran terlalu besar ({info.file_size})")
        total += info.file_size
    if total > kind.max_total_bytes:
        refuse(name, "jumlah ukuran anggota terlalu besar")


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, kind: ZipKind) -> bytes:
    # The declared size may lie: read at most one byte over the bound and refuse if it is there.
    bound = kind.max_member_bytes
    try:
        with archive.open(info) as stream:
            content = stream.read(bound + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        refuse(name, f"anggota '{info.filename}' tidak utuh: isinya rusak atau telah diubah")
    if len(content) > bound or len(content) != info.file_size:
        refuse(name, f"ukuran nyata anggota '{info.filename}' tidak sesuai ukuran yang dinyatakan")
    return content
