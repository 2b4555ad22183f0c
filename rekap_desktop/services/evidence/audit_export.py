"""The audit chain as exhibits: every entry exactly as stored with the chain's verification
(``rekap-audit/1`` JSON, the same entry shape as the result package's ``audit.json``, so a
verifier recomputes each hash), and the same entries as people read them (CSV)."""

from __future__ import annotations

import json
from typing import Any

from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.interchange.evidence_pack import CHAIN_FILE
from rekap_desktop.services.audit_log import ChainExport
from rekap_desktop.services.evidence.context import EvidenceContext, ExhibitFile
from rekap_desktop.services.evidence.tables import csv_bytes
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.storage import audit

AUDIT_FORMAT = "rekap-audit/1"
READABLE_FILE = "audit/jejak-audit.csv"


def chain_document(export: ChainExport, mismatches: tuple[str, ...]) -> dict[str, Any]:
    number, digest = export.head
    return {
        "format": AUDIT_FORMAT,
        "entri": [
            {
                "id": e.id,
                "waktu": e.at,
                "pelaku": e.actor,
                "peristiwa": e.event,
                "isi": e.payload,
                "hash_sebelumnya": e.prev_hash,
                "hash": e.hash,
            }
            for e in export.stored
        ],
        "pemeriksaan": {
            "kepala": {"urutan": number, "hash": digest},
            **chain_state(export.chain),
            "nilai_diubah_di_luar_program": list(mismatches),
        },
    }


def chain_state(chain: ChainReport) -> dict[str, Any]:
    return {"entri": chain.entries, "utuh": chain.ok, "keterangan": chain.reason}


def audit_files(ctx: EvidenceContext) -> list[ExhibitFile]:
    export = ctx.chain
    mismatches = verify_integrity(ctx.pleno_service).mismatches
    document = json.dumps(chain_document(export, mismatches), ensure_ascii=False, indent=1)
    readable = [
        {
            "urutan": e.number,
            "waktu": e.at,
            "siapa": e.actor,
            "dikonfirmasi_oleh": e.confirmed_by,
            "jenis": e.label,
            "kode_jenis": e.event,
            "kecamatan": ", ".join(e.units),
            "kontestasi": ", ".join(e.contests),
            "ringkasan": e.summary,
            "hash": e.hash,
        }
        for e in export.readable
    ]
    return [
        ExhibitFile(
            "Rantai audit: setiap entri sebagaimana tersimpan, dengan hasil pemeriksaannya (JSON)",
            CHAIN_FILE,
            document.encode("utf-8"),
        ),
        ExhibitFile(
            "Jejak audit dalam bahasa sehari-hari: setiap entri dengan ringkasannya (CSV)",
            READABLE_FILE,
            csv_bytes(readable),
        ),
    ]


def recheck_chain(document: Any) -> tuple[ChainReport, tuple[int, str]]:
    """The chain an exported document holds, verified again entry by entry (no database), and
    its head as (id, hash)."""
    prev, count = audit.GENESIS, 0
    entries = document.get("entri") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return ChainReport(0, 0, "daftar entri tidak ada"), (0, audit.GENESIS)
    for expected_id, entry in enumerate(entries, start=1):
        try:
            digest = audit.entry_hash(
                int(entry["id"]),
                str(entry["waktu"]),
                str(entry["pelaku"]),
                str(entry["peristiwa"]),
                str(entry["isi"]),
                str(entry["hash_sebelumnya"]),
            )
            fits = entry["id"] == expected_id and entry["hash_sebelumnya"] == prev
        except (KeyError, TypeError, ValueError):
            return ChainReport(count, expected_id, f"entri #{expected_id} tidak terbaca"), (0, "")
        if not fits or entry["hash"] != digest:
            return ChainReport(count, expected_id, f"entri #{expected_id} tidak utuh"), (0, "")
        prev = entry["hash"]
        count += 1
    return ChainReport(count, None, "utuh"), (count, prev)
