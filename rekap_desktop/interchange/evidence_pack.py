"""Paket bukti (``rekap-bukti/1``): the evidence pack for Bawaslu and the Court, a signed zip
(``signed_zip``) whose manifest also numbers the exhibits.

Members: ``manifest.json`` and ``manifest.sig``; ``00-daftar-bukti.pdf`` (the index),
``PETUNJUK-VERIFIKASI.txt`` (how to check the pack, in Indonesian), ``SHA256SUMS.txt`` (every
other file's SHA-256, for ``sha256sum -c``), and the exhibits in folders (``formulir/``,
``daftar/``, ``cetak/``, ``lampiran/``, ``audit/``).

The manifest names the meeting (``tingkat``, ``wilayah``, ``pemilihan``, ``kontestasi``), the
signer (``penanda_tangan``: public key, its fingerprint, who wrote the pack), the audit chain's
head and state in the pack (``kepala_audit``, ``rantai_audit``), when it was made (``dibuat``)
and the exhibits (``bukti``: ``nomor`` B-1 …, ``judul``, ``berkas``, ``sha256``, ``jenis``,
``halaman``, ``kelompok``). Reading refuses what ``signed_zip`` refuses, and a manifest whose
exhibits are not numbered in order, name a file it does not list, or state another hash.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rekap_desktop.interchange import signed_zip

FORMAT = "rekap-bukti/1"
MANIFEST = signed_zip.MANIFEST
INDEX = "00-daftar-bukti.pdf"
INSTRUCTIONS = "PETUNJUK-VERIFIKASI.txt"
SUMS = "SHA256SUMS.txt"
CHAIN_FILE = "audit/rantai-audit.json"
REQUIRED = (INDEX, INSTRUCTIONS, SUMS, CHAIN_FILE)
MAX_PACK_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
_NAME_RE = re.compile(r"([a-z]+/)?[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
EXHIBIT_KINDS = {
    "formulir": "formulir",
    "daftar": "daftar",
    "cetak": "cetakan",
    "lampiran": "lampiran",
    "audit": "audit",
}
"""Folder of an exhibit → its ``jenis`` in the manifest."""


@dataclass(frozen=True)
class Exhibit:
    number: str
    """B-1, B-2 …"""
    title: str
    file: str
    sha256: str
    kind: str
    pages: int | None
    group: str


@dataclass(frozen=True)
class EvidenceManifest:
    program: str
    created_at: str
    level: str
    region_code: str
    region_name: str
    election: str
    contests: tuple[str, ...]
    determined: bool
    demo: bool
    public_key: bytes
    fingerprint: str
    """The signer's key fingerprint as the manifest states it."""
    written_by: str
    chain_head: tuple[int, str]
    chain_entries: int
    chain_ok: bool
    chain_reason: str
    exhibits: tuple[Exhibit, ...]
    members: dict[str, str]


@dataclass(frozen=True)
class VerifiedEvidence:
    manifest: EvidenceManifest
    manifest_sha256: str
    members: dict[str, bytes]


def exhibit_number(index: int) -> str:
    return f"B-{index}"


def exhibit_kind(file: str) -> str:
    return EXHIBIT_KINDS.get(file.partition("/")[0], "lain")


def exhibit_entry(exhibit: Exhibit) -> dict[str, Any]:
    return {
        "nomor": exhibit.number,
        "judul": exhibit.title,
        "berkas": exhibit.file,
        "sha256": exhibit.sha256,
        "jenis": exhibit.kind,
        "halaman": exhibit.pages,
        "kelompok": exhibit.group,
    }


def sums_text(members: dict[str, bytes]) -> bytes:
    """``sha256sum`` lines of ``members`` (sorted), for ``sha256sum -c SHA256SUMS.txt``."""
    lines = [f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(members.items())]
    return "".join(lines).encode("utf-8")


def write_pack(
    manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey
) -> bytes:
    return signed_zip.write_signed_zip(manifest, members, key)


def _kind() -> signed_zip.ZipKind:
    return signed_zip.ZipKind(
        noun="paket bukti",
        title="paket bukti",
        file_kind="paket bukti (.zip)",
        names=_NAME_RE,
        max_file_bytes=MAX_PACK_BYTES,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_PACK_BYTES,
        max_members=MAX_MEMBERS,
        required=REQUIRED,
    )


def is_evidence_pack(data: bytes) -> bool:
    """Whether ``data`` is a zip whose manifest says it is an evidence pack (nothing verified:
    only which reader to hand it to)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            raw = json.loads(archive.read(info).decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, RuntimeError, EOFError):
        return False
    return isinstance(raw, dict) and raw.get("format") == FORMAT


def read_pack(data: bytes, name: str) -> VerifiedEvidence:
    """The pack's members once the signature, every member and the exhibit list hold."""
    kind = _kind()
    members = signed_zip.unpack(data, name, kind)
    raw = signed_zip.load_manifest(members[MANIFEST], name)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        _refuse(name, f"manifest.json: format harus '{FORMAT}'")
    key = signed_zip.public_key(raw.get(signed_zip.PUBLIC_KEY), name)
    listed = signed_zip.listed(raw.get(signed_zip.MEMBERS_KEY), name)
    verified = signed_zip.verify(data, members, key, listed, name, kind)
    manifest = _manifest(raw, key, listed, name)
    return VerifiedEvidence(manifest, verified.manifest_sha256, verified.members)


def _refuse(name: str, message: str) -> NoReturn:
    signed_zip.refuse(name, message)


def _manifest(
    raw: dict[str, Any], key: bytes, listed: dict[str, str], name: str
) -> EvidenceManifest:
    try:
        signer, head, chain, region = (
            raw["penanda_tangan"],
            raw["kepala_audit"],
            raw["rantai_audit"],
            raw["wilayah"],
        )
        manifest = EvidenceManifest(
            _text(raw["program"]),
            _text(raw["dibuat"]),
            _text(raw["tingkat"]),
            _text(region["kode"]),
            _text(region["nama"]),
            _text(raw["pemilihan"]),
            tuple(_text(c) for c in raw["kontestasi"]),
            _flag(raw["ditetapkan"]),
            _flag(raw["simulasi"]),
            key,
            _text(signer["sidik"]),
            _text(signer["ditulis_oleh"]),
            (_count(head["urutan"]), _text(head["hash"])),
            _count(chain["entri"]),
            _flag(chain["utuh"]),
            _text(chain["keterangan"]),
            tuple(_exhibit(e) for e in raw["bukti"]),
            listed,
        )
    except (KeyError, TypeError, ValueError):
        _refuse(name, "manifest.json: isian paket bukti tidak lengkap atau berjenis salah")
    if signer.get("kunci_publik") != key.hex():
        _refuse(name, "manifest.json: kunci penanda tangan tidak sama dengan kunci tanda tangan")
    _check_exhibits(manifest, name)
    return manifest


def _check_exhibits(manifest: EvidenceManifest, name: str) -> None:
    files: set[str] = set()
    for index, exhibit in enumerate(manifest.exhibits, start=1):
        where = f"manifest.json: bukti {exhibit.number}"
        if exhibit.number != exhibit_number(index):
            _refuse(name, f"{where}: nomor tidak berurutan (seharusnya {exhibit_number(index)})")
        if manifest.members.get(exhibit.file) != exhibit.sha256:
            _refuse(name, f"{where}: berkas '{exhibit.file}' tidak ada atau sidiknya lain")
        if exhibit.file in files:
            _refuse(name, f"{where}: berkas '{exhibit.file}' disebut dua kali")
        files.add(exhibit.file)


def _exhibit(raw: Any) -> Exhibit:
    pages = raw["halaman"]
    return Exhibit(
        _text(raw["nomor"]),
        _text(raw["judul"]),
        _text(raw["berkas"]),
        _text(raw["sha256"]),
        _text(raw["jenis"]),
        None if pages is None else _count(pages),
        _text(raw["kelompok"]),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a flag")
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("not a count")
    return value
