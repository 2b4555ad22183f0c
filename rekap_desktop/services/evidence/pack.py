"""Writing the evidence pack: every exhibit of ``exhibits.EXHIBITS`` numbered B-1 …, the index
PDF, the verifier's instructions and SHA256SUMS, signed with this installation's key.

The pack is written even when the database no longer holds what the program wrote (unlike a
print or a result package): that is when Bawaslu and the Court need it most. The chain's state
and every value found changed are then in the pack, on the index's title page and in the audit
exhibit, for everyone to see.

Its writing is audited after the pack is made and inside the same unit of work as the file is
written (as a result package's export): the entry names the pack by the SHA-256 of its signed
manifest and the chain head the pack carries. The pack cannot carry the entry that records it;
that entry is the next one of the chain, so the meeting's chain proves which pack was written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rekap_desktop import package_version
from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange import evidence_pack as fmt
from rekap_desktop.services.evidence.audit_export import chain_state
from rekap_desktop.services.evidence.context import EvidenceContext, ExhibitFile
from rekap_desktop.services.evidence.exhibits import EXHIBITS
from rekap_desktop.services.evidence.index import index_pdf
from rekap_desktop.services.evidence.instructions import instructions
from rekap_desktop.services.keys import fingerprint, installation_key, public_raw
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import PrintService
from rekap_desktop.storage.unit_of_work import write

SUFFIX = ".zip"
Progress = Callable[[int, int], None]


def no_progress(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class WrittenPack:
    path: Path
    exhibits: int
    fingerprint: str
    manifest_sha256: str
    chain_head: tuple[int, str]
    chain_ok: bool


class EvidenceService:
    """Writes this meeting's evidence pack; ``prints`` is the meeting's print service (the
    forms render as the print centre renders them)."""

    def __init__(
        self, pleno: PlenoService, prints: PrintService, *, key_folder: Path | None = None
    ) -> None:
        self.pleno_service = pleno
        self.prints = prints.bound_to(pleno)
        self.key_folder = key_folder

    def write(
        self, path: Path, *, paper: Paper = Paper.F4, progress: Progress = no_progress
    ) -> WrittenPack:
        if path.suffix.lower() != SUFFIX:
            raise InputRejected([Problem("berkas paket bukti harus berakhiran .zip")], path.name)
        if not path.parent.is_dir():
            raise InputRejected([Problem(f"folder '{path.parent}' tidak ada")], path.name)
        key = installation_key(self.key_folder)
        ctx = EvidenceContext(self.pleno_service, self.prints, paper)
        numbered = self._exhibits(ctx, progress)
        manifest = self._manifest(ctx, numbered, public_raw(key))
        members = {e.file: e.data for _, e in numbered}
        members[fmt.INDEX] = index_pdf(ctx, manifest, numbered)
        members[fmt.INSTRUCTIONS] = instructions(
            f"{ctx.pleno.region.code} {ctx.pleno.region.name}",
            manifest["penanda_tangan"]["sidik"],
            public_raw(key).hex(),
            len(numbered),
        )
        members[fmt.SUMS] = fmt.sums_text(members)
        data = fmt.write_pack(manifest, members, key)
        verified = fmt.read_pack(data, path.name)
        head = ctx.chain.head
        service = self.pleno_service
        with write(service.engine, service.actor, service.bus) as w:
            w.audit(
                AuditEvent.EVIDENCE_WRITTEN,
                {
                    "berkas": path.name,
                    "manifest_sha256": verified.manifest_sha256,
                    "bukti": len(numbered),
                    "kepala_audit": {"urutan": head[0], "hash": head[1]},
                },
            )
            _write(path, data)
        progress(len(EXHIBITS) + 1, len(EXHIBITS) + 1)
        return WrittenPack(
            path,
            len(numbered),
            verified.manifest.fingerprint,
            verified.manifest_sha256,
            head,
            ctx.chain.chain.ok,
        )

    def _exhibits(
        self, ctx: EvidenceContext, progress: Progress
    ) -> list[tuple[fmt.Exhibit, ExhibitFile]]:
        numbered: list[tuple[fmt.Exhibit, ExhibitFile]] = []
        for done, group in enumerate(EXHIBITS):
            progress(done, len(EXHIBITS) + 1)
            for file in group.files(ctx):
                exhibit = fmt.Exhibit(
                    fmt.exhibit_number(len(numbered) + 1),
                    file.title,
                    file.file,
                    hashlib.sha256(file.data).hexdigest(),
                    fmt.exhibit_kind(file.file),
                    file.pages,
                    group.heading,
                )
                numbered.append((exhibit, file))
        return numbered

    def _manifest(
        self,
        ctx: EvidenceContext,
        numbered: list[tuple[fmt.Exhibit, ExhibitFile]],
        public_key: bytes,
    ) -> dict[str, Any]:
        pleno, chain = ctx.pleno, ctx.chain
        number, digest = chain.head
        return {
            "format": fmt.FORMAT,
            "program": f"rekap-desktop {package_version()}",
            "dibuat": clock.now().isoformat(timespec="seconds"),
            "tingkat": pleno.level.value,
            "wilayah": {"kode": pleno.region.code, "nama": pleno.region.name},
            "pemilihan": pleno.name,
            "kontestasi": [c.code for c in pleno.contests],
            "ditetapkan": self.prints.determined(None),
            "simulasi": self.pleno_service.is_demo(),
            "kunci_publik": public_key.hex(),
            "penanda_tangan": {
                "kunci_publik": public_key.hex(),
                "sidik": fingerprint(public_key),
                "ditulis_oleh": self.pleno_service.actor,
            },
            "kepala_audit": {"urutan": number, "hash": digest},
            "rantai_audit": chain_state(chain.chain),
            "daftar_bukti": fmt.INDEX,
            "bukti": [fmt.exhibit_entry(exhibit) for exhibit, _ in numbered],
        }


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InputRejected(
            [Problem(f"berkas tidak dapat ditulis: {error.strerror}")], path.name
        ) from None
