"""Checking an evidence pack anywhere, without the meeting's database: the signature, every file,
the exhibit list, and the audit chain it carries recomputed entry by entry against what its
manifest states. What a saksi or Bawaslu is told: intact or not (and which file), how many
exhibits, which installation signed it (its key fingerprint, its wilayah) and when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange import evidence_pack as fmt
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.services.evidence.audit_export import recheck_chain
from rekap_desktop.services.keys import fingerprint
from rekap_desktop.text.numbers import format_number, format_stored_moment


@dataclass(frozen=True)
class EvidenceReport:
    pack: fmt.VerifiedEvidence
    fingerprint: str

    def lines(self) -> list[str]:
        m = self.pack.manifest
        count = len(m.exhibits)
        status = "DITETAPKAN" if m.determined else "BELUM DITETAPKAN"
        if m.demo:
            status += " (SIMULASI: data demo, bukan hasil resmi)"
        chain = f"utuh, {format_number(m.chain_entries)} entri"
        if not m.chain_ok:
            chain = f"RUSAK sejak dibuat ({m.chain_reason}); paket mencatatnya apa adanya"
        return [
            f"Paket bukti utuh: tanda tangan dan {len(m.members)} berkas cocok.",
            f"Jumlah bukti: {count} (B-1 sampai B-{count}); daftar: {fmt.INDEX}",
            f"Wilayah: {m.region_code} {m.region_name} (tingkat {m.level})",
            f"Pemilihan: {m.election}; status hasil: {status}",
            f"Ditandatangani instalasi dengan sidik kunci: {self.fingerprint}",
            f"Dibuat: {format_stored_moment(m.created_at)} oleh {m.written_by} ({m.program})",
            f"Rantai audit dalam paket: {chain}; kepala #{m.chain_head[0]} {m.chain_head[1]}",
        ]


def verify_evidence_file(path: Path) -> EvidenceReport:
    return verify_evidence_bytes(read_input(path, path.name), path.name)


def verify_evidence_bytes(data: bytes, name: str) -> EvidenceReport:
    pack = fmt.read_pack(data, name)
    manifest = pack.manifest
    key_fingerprint = fingerprint(manifest.public_key)
    if manifest.fingerprint != key_fingerprint:
        _refuse(name, "manifest.json: sidik kunci penanda tangan tidak sesuai kuncinya")
    _check_chain(pack, name)
    return EvidenceReport(pack, key_fingerprint)


def _check_chain(pack: fmt.VerifiedEvidence, name: str) -> None:
    """The chain in the pack, recomputed, must be what the manifest says it is: its state, its
    length and its head."""
    manifest = pack.manifest
    try:
        document = json.loads(pack.members[fmt.CHAIN_FILE].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        _refuse(name, f"{fmt.CHAIN_FILE}: bukan JSON yang sah")
    report, head = recheck_chain(document)
    claimed = (manifest.chain_ok, manifest.chain_entries)
    if (report.ok, report.entries) != claimed or (report.ok and head != manifest.chain_head):
        _refuse(
            name,
            f"{fmt.CHAIN_FILE}: rantai audit dalam paket tidak sesuai yang dinyatakan manifest "
            f"({report.reason})",
        )


def _refuse(name: str, message: str) -> NoReturn:
    raise InputRejected([Problem(message)], name)
