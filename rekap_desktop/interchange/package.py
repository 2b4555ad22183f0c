"""Signed result package ``.rekap``: a zip whose manifest lists every member with its SHA-256 and
is signed with the sending installation's Ed25519 key.

Members: ``manifest.json`` and ``manifest.sig`` (hex signature of the manifest's bytes), then the
members the manifest lists: ``pleno.json`` (the sender's setup), ``hasil.csv`` (rekap-csv),
``kejadian.json`` (rekap-kejadian/1), ``koreksi.json``, ``audit.json`` and ``cetak/*.pdf``.

Reading refuses, with the reason and before anything is used: a file that is not a sane zip, an
unsafe or duplicate member name, a member whose declared or real size is over the bound, a missing
or extra member, a changed byte (hash), a bad signature, a manifest of the wrong shape.
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

FORMAT = "rekap-paket/1"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
SETUP, TALLIES, INCIDENTS = "pleno.json", "hasil.csv", "kejadian.json"
CORRECTIONS, AUDIT = "koreksi.json", "audit.json"
REQUIRED = (SETUP, TALLIES, INCIDENTS, CORRECTIONS, AUDIT)
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 2000
_NAME_RE = re.compile(r"(cetak/)?[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
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


@dataclass(frozen=True)
class VerifiedPackage:
    manifest: Manifest
    manifest_sha256: str
    members: dict[str, bytes]


def write_package(
    manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey
) -> bytes:
    """The zip: ``manifest`` (without ``anggota``) gets every member's hash, then is signed."""
    listed = [
        {"nama": n, "sha256": hashlib.sha256(d).hexdigest(), "ukuran": len(d)}
        for n, d in sorted(members.items())
    ]
    text = json.dumps(
        {**manifest, "anggota": listed}, ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")
    return _canonical_zip(text, key.sign(text).hex().encode("ascii"), members)


def _canonical_zip(manifest: bytes, signature: bytes, members: dict[str, bytes]) -> bytes:
    """The one byte sequence a package with these members has: stored (not compressed, so no
    compressor version can change it), fixed time stamps, manifest first, members sorted."""
    out = io.BytesIO()
    entries = [(MANIFEST, manifest), (SIGNATURE, signature), *sorted(members.items())]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def read_package(data: bytes, name: str) -> VerifiedPackage:
    """The package's members once every check passed; ``InputRejected`` with the reason."""
    if len(data) > MAX_PACKAGE_BYTES:
        _refuse(name, "berkas paket terlalu besar")
    members = _unzip(data, name)
    if MANIFEST not in members or SIGNATURE not in members:
        _refuse(name, "bukan paket hasil: manifest.json atau manifest.sig tidak ada")
    manifest = _manifest(members[MANIFEST], name)
    _check_signature(manifest, members[MANIFEST], members[SIGNATURE], name)
    present = set(members) - {MANIFEST, SIGNATURE}
    for missing in sorted(set(manifest.members) - present):
        _refuse(name, f"anggota '{missing}' yang tercantum di manifest tidak ada")
    for extra in sorted(present - set(manifest.members)):
        _refuse(name, f"anggota '{extra}' tidak tercantum di manifest (tambahan)")
    for member, expected in sorted(manifest.members.items()):
        if hashlib.sha256(members[member]).hexdigest() != expected:
            _refuse(name, f"isi '{member}' telah diubah (sidik SHA-256 tidak cocok)")
    for required in REQUIRED:
        if required not in manifest.members:
            _refuse(name, f"anggota wajib '{required}' tidak ada")
    content = {n: members[n] for n in sorted(present)}
    if _canonical_zip(members[MANIFEST], members[SIGNATURE], content) != data:
        _refuse(name, "berkas paket telah diubah: susunan zip tidak sesuai isi yang ditandatangani")
    digest = hashlib.sha256(members[MANIFEST]).hexdigest()
    return VerifiedPackage(manifest, digest, content)


def _refuse(name: str, message: str) -> NoReturn:
    raise InputRejected([Problem(message)], name)


def _unzip(data: bytes, name: str) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_infos(infos, name)
            return {info.filename: _member(archive, info, name) for info in infos}
    except InputRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as error:
        raise InputRejected(
            [Problem(f"bukan berkas zip yang utuh: {_zip_damage(error)}")], name
        ) from None
    except (NotImplementedError, RuntimeError, OSError, KeyError):
        # An unsupported compression, an encrypted member, a damaged entry (Python says which
        # in English).
        problem = (
            "isi zip tidak dapat dibaca: dikompresi dengan cara lain, berkata sandi, atau rusak"
        )
        raise InputRejected([Problem(problem)], name) from None


def _zip_damage(error: Exception) -> str:
    """What is wrong with a damaged zip, in the operator's words (Python's are English)."""
    if isinstance(error, zipfile.LargeZipFile):
        return "arsip terlalu besar"
    if isinstance(error, (zlib.error, EOFError)):
        return "isinya terpotong atau rusak"
    return "berkas rusak, terpotong, atau bukan paket .rekap"


def _check_infos(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_MEMBERS:
        _refuse(name, f"terlalu banyak anggota ({len(infos)})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        member = info.filename
        if not _NAME_RE.fullmatch(member) or ".." in member:
            _refuse(name, f"nama anggota tidak aman: {member!r:.80}")
        if member in seen:
            _refuse(name, f"anggota '{member}' ada dua kali")
        seen.add(member)
        if info.file_size > MAX_MEMBER_BYTES:
            _refuse(name, f"anggota '{member}' menyatakan ukuran terlalu besar ({info.file_size})")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        _refuse(name, "jumlah ukuran anggota terlalu besar")


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    # The declared size may lie: read at most one byte over the bound and refuse if it is there.
    try:
        with archive.open(info) as stream:
            content = stream.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        _refuse(name, f"anggota '{info.filename}' tidak utuh: isinya rusak atau telah diubah")
    if len(content) > MAX_MEMBER_BYTES or len(content) != info.file_size:
        _refuse(name, f"ukuran nyata anggota '{info.filename}' tidak sesuai ukuran yang dinyatakan")
    return content


def _manifest(data: bytes, name: str) -> Manifest:
    try:
        raw = load_json(data.decode("utf-8"), name)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputRejected([Problem("manifest.json bukan JSON UTF-8 yang sah")], name) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        _refuse(name, f"manifest.json: format harus '{FORMAT}'")
    if set(raw) - {CHAIN_HEAD} != _MANIFEST_KEYS:
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
    try:
        public_key = bytes.fromhex(raw["kunci_publik"])
    except ValueError:
        public_key = b""
    if len(public_key) != 32:
        _refuse(name, "manifest.json: kunci_publik bukan kunci Ed25519")
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
        _listed(raw["anggota"], name),
        _chain_head(raw.get(CHAIN_HEAD), name),
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


def _listed(raw: Any, name: str) -> dict[str, str]:
    listed: dict[str, str] = {}
    entries = raw if isinstance(raw, list) else [None]
    for entry in entries:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("nama"), str)
            or not isinstance(entry.get("sha256"), str)
            or not _HEX64.fullmatch(entry["sha256"])
            or entry["nama"] in listed
            or entry["nama"] in (MANIFEST, SIGNATURE)
        ):
            _refuse(name, "manifest.json: daftar 'anggota' tidak sah")
        listed[entry["nama"]] = entry["sha256"]
    return listed


def _check_signature(manifest: Manifest, text: bytes, signature: bytes, name: str) -> None:
    try:
        raw = bytes.fromhex(signature.decode("ascii").strip())
        Ed25519PublicKey.from_public_bytes(manifest.public_key).verify(raw, text)
    except (UnicodeDecodeError, ValueError, InvalidSignature):
        _refuse(name, "tanda tangan manifest tidak sah: paket telah diubah atau rusak")
