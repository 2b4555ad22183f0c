"""The pack's index (00-daftar-bukti.pdf) from its manifest and numbered exhibits."""

from __future__ import annotations

from typing import Any

from rekap_desktop.documents.daftar_bukti import EvidenceIndexData, IndexLine, render_evidence_index
from rekap_desktop.documents.fingerprint import short_code
from rekap_desktop.domain.election import CONTEST_OFFICES
from rekap_desktop.interchange.evidence_pack import Exhibit
from rekap_desktop.services.evidence.context import EvidenceContext, ExhibitFile
from rekap_desktop.services.printing.recap_forms import meeting_header
from rekap_desktop.text.numbers import format_number, format_stored_moment

FORM_NAME = "DAFTAR BUKTI"


def index_pdf(
    ctx: EvidenceContext, manifest: dict[str, Any], numbered: list[tuple[Exhibit, ExhibitFile]]
) -> bytes:
    head = manifest["kepala_audit"]
    head_text = f"#{head['urutan']} {short_code(head['hash'])}"
    watermark = "SIMULASI" if manifest["simulasi"] else None
    data = EvidenceIndexData(
        meeting_header(ctx.pleno, FORM_NAME, watermark),
        facts(manifest, head_text),
        tuple(
            IndexLine(e.number, e.title, e.file, e.pages, e.sha256, e.group) for e, _ in numbered
        ),
    )
    signer = manifest["penanda_tangan"]["sidik"]
    return render_evidence_index(data, ctx.paper, installation_key=signer, chain_head=head_text).pdf


def facts(manifest: dict[str, Any], head_text: str) -> tuple[tuple[str, str], ...]:
    region = manifest["wilayah"]
    chain = manifest["rantai_audit"]
    count = format_number(chain["entri"])
    state = f"utuh ({count} entri)" if chain["utuh"] else f"RUSAK: {chain['keterangan']}"
    status = "DITETAPKAN" if manifest["ditetapkan"] else "BELUM DITETAPKAN"
    if manifest["simulasi"]:
        status += " — SIMULASI (data demo, bukan hasil resmi)"
    exhibits = manifest["bukti"]
    return (
        ("Wilayah", f"{region['kode']} {region['nama']} (tingkat {manifest['tingkat']})"),
        ("Pemilihan", manifest["pemilihan"]),
        ("Kontestasi", ", ".join(CONTEST_OFFICES.get(c, c) for c in manifest["kontestasi"])),
        ("Status hasil", status),
        ("Paket dibuat", format_stored_moment(manifest["dibuat"])),
        ("Ditulis oleh", manifest["penanda_tangan"]["ditulis_oleh"]),
        ("Program", manifest["program"]),
        ("Sidik kunci penanda tangan", manifest["penanda_tangan"]["sidik"]),
        ("Kunci publik (Ed25519)", manifest["kunci_publik"]),
        (
            "Kepala rantai audit dalam paket",
            f"{head_text} (hash {manifest['kepala_audit']['hash']})",
        ),
        ("Keadaan rantai audit", state),
        ("Jumlah bukti", f"{len(exhibits)} (B-1 sampai B-{len(exhibits)})"),
    )
