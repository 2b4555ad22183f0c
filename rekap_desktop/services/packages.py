"""Signed result packages (``.rekap``): export this meeting's result, verify a package anywhere.

A determined result is exported as the package the next level imports; before determination only a
SEMENTARA package can be written (the pause snapshot of procedure item 11, for saksi and Bawaslu).
Importing at the next level is in ``services.package_import``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rekap_desktop import package_version
from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import StoredIncident
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import PLENO, PPK
from rekap_desktop.domain.tally import Tally
from rekap_desktop.interchange import package as pkg
from rekap_desktop.interchange.incidents_json import FORMAT as INCIDENTS_FORMAT
from rekap_desktop.interchange.input_file import read_input
from rekap_desktop.interchange.rekap_csv import TallyRecord, write_rekap_csv
from rekap_desktop.interchange.setup import setup_to_dict
from rekap_desktop.services.corrections_service import CorrectionsService
from rekap_desktop.services.integrity import ensure_untampered
from rekap_desktop.services.keys import fingerprint, installation_key, public_raw
from rekap_desktop.services.package_sessions import follow_up_keys
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit, packages_store
from rekap_desktop.storage.unit_of_work import read, write

CORRECTIONS_FORMAT = "rekap-koreksi/1"
AUDIT_FORMAT = "rekap-audit/1"
SEMENTARA = "SEMENTARA"

CorrectionsProvider = Callable[[], list[dict[str, Any]]]
"""The meeting's corrections as plain JSON values (from the corrections service when present)."""
PdfProvider = Callable[[], list[tuple[str, bytes]]]
"""The PDFs printed, as (file name, bytes)."""


def no_corrections() -> list[dict[str, Any]]:
    return []


def no_pdfs() -> list[tuple[str, bytes]]:
    return []


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    provisional: bool
    fingerprint: str
    manifest_sha256: str
    members: tuple[str, ...]


class PackageService:
    """Writes this meeting's package, signed with the installation key."""

    def __init__(
        self,
        pleno: PlenoService,
        *,
        key_folder: Path | None = None,
        corrections: CorrectionsProvider = no_corrections,
        printed: PdfProvider = no_pdfs,
    ) -> None:
        self.pleno_service = pleno
        self.key_folder = key_folder
        self._corrections = corrections
        self._printed = printed

    def fingerprint(self) -> str:
        """This installation's key fingerprint, to be read aloud and printed on the forms."""
        return fingerprint(public_raw(installation_key(self.key_folder)))

    def export(self, path: Path, *, determined: bool) -> ExportedPackage:
        """Write the package; without a determined result it is marked SEMENTARA."""
        if path.suffix.lower() != ".rekap":
            raise InputRejected([Problem("berkas paket harus berakhiran .rekap")], path.name)
        ensure_untampered(self.pleno_service, "paket tidak dibuat")
        key = installation_key(self.key_folder)
        pleno = self.pleno_service.pleno()
        members, head, follow_up = self._members(pleno)
        manifest = _manifest(pleno, provisional=not determined, public_key=public_raw(key))
        manifest[pkg.CHAIN_HEAD] = {"urutan": head[0], "hash": head[1]}
        if determined:
            manifest |= follow_up
        data = pkg.write_package(manifest, members, key)
        verified = pkg.read_package(data, path.name)
        service = self.pleno_service
        # The file is written inside the unit: a package that could not be written is not
        # recorded as exported.
        with write(service.engine, service.actor, service.bus) as w:
            w.audit(
                AuditEvent.PACKAGE_EXPORTED,
                {
                    "berkas": path.name,
                    "manifest_sha256": verified.manifest_sha256,
                    "sementara": not determined,
                    "anggota": sorted(members),
                },
            )
            _write(path, data)
        return ExportedPackage(
            path,
            not determined,
            fingerprint(public_raw(key)),
            verified.manifest_sha256,
            tuple(sorted(members)),
        )

    def _members(self, pleno: Pleno) -> tuple[dict[str, bytes], tuple[int, str], dict[str, Any]]:
        """The package's members, the head of the audit chain they carry, and the manifest
        keys of the follow-up session the result was last determined in (none before one)."""
        with read(self.pleno_service.engine) as session:
            chain = packages_store.audit_entries(session)
            head = audit.head_entry(session)
            follow_up = follow_up_keys(session, chain)
        members = {
            pkg.SETUP: _json(setup_to_dict(pleno)),
            pkg.TALLIES: write_rekap_csv(_determined_records(self.pleno_service, pleno), pleno),
            pkg.INCIDENTS: _json(_register(pleno, self.pleno_service.incidents())),
            pkg.CORRECTIONS: _json({"format": CORRECTIONS_FORMAT, "koreksi": self._corrections()}),
            pkg.AUDIT: _json({"format": AUDIT_FORMAT, "entri": chain}),
        }
        for name, data in self._printed():
            members[f"cetak/{name}"] = data
        return members, head, follow_up


def _manifest(pleno: Pleno, *, provisional: bool, public_key: bytes) -> dict[str, Any]:
    return {
        "format": pkg.FORMAT,
        "program": f"rekap-desktop {package_version()}",
        "dibuat": clock.now().isoformat(timespec="microseconds"),
        "sementara": provisional,
        "tingkat": pleno.level.value,
        "wilayah": {"kode": pleno.region.code, "nama": pleno.region.name},
        "pemilihan": pleno.name,
        "kontestasi": [c.code for c in pleno.contests],
        "kunci_publik": public_key.hex(),
    }


def _determined_records(service: PlenoService, pleno: Pleno) -> list[TallyRecord]:
    """Per unit and contest: the determined (pleno) values over the PPK form, as the next level's
    ``ppk`` source."""
    tallies = service.tallies()
    records: list[TallyRecord] = []
    for contest in pleno.contests:
        for unit in pleno.units:
            base = tallies.get((contest.code, unit.code, PPK.code), Tally())
            determined = tallies.get((contest.code, unit.code, PLENO.code))
            values = base.overlay(determined) if determined else base
            if values:
                records.append(TallyRecord(contest.code, unit.code, PPK, dict(values), ()))
    return records


def _register(pleno: Pleno, entries: list[StoredIncident]) -> dict[str, Any]:
    """The register as ``rekap-kejadian/1``, every entry under this meeting's own region code
    (a unit of the next level); the lower unit an entry was about is kept in its text."""
    return {
        "format": INCIDENTS_FORMAT,
        "kejadian": [
            {
                "kode_wilayah": pleno.region.code,
                "nomor": str(e.number),
                "jenis": e.kind,
                "pemilihan": e.contest,
                "diajukan_oleh": e.raised_by,
                "uraian": f"[{_unit_label(pleno, e.unit)}] {e.description}"
                if e.unit
                else e.description,
                "status": e.status,
                "penyelesaian": e.resolution,
            }
            for e in entries
        ],
    }


def _unit_label(pleno: Pleno, code: str | None) -> str:
    unit = pleno.unit(code or "")
    return f"{code} {unit.name}" if unit else str(code)


def _json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InputRejected(
            [Problem(f"berkas tidak dapat ditulis: {error.strerror}")], path.name
        ) from None


# --- verify anywhere ------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyReport:
    package: pkg.VerifiedPackage
    fingerprint: str

    def lines(self) -> list[str]:
        m = self.package.manifest
        status = SEMENTARA + " (bukan hasil yang ditetapkan)" if m.provisional else "DITETAPKAN"
        return [
            f"Paket sah: tanda tangan dan {len(m.members)} anggota cocok.",
            f"Wilayah: {m.region_code} {m.region_name} (tingkat {m.level})",
            f"Pemilihan: {', '.join(m.contests)}",
            f"Status: {status}",
            f"Dibuat: {m.created_at} oleh {m.program}",
            f"Sidik kunci pengirim: {self.fingerprint}",
        ]


def verify_file(path: Path) -> VerifyReport:
    """Check a package's signature, every member's hash and its audit extract; no database."""
    return verify_bytes(read_input(path, path.name), path.name)


def verify_bytes(data: bytes, name: str) -> VerifyReport:
    verified = pkg.read_package(data, name)
    _check_audit_extract(verified.members[pkg.AUDIT], name)
    return VerifyReport(verified, fingerprint(verified.manifest.public_key))


def _check_audit_extract(data: bytes, name: str) -> None:
    problem = Problem("audit.json: rantai audit dalam paket tidak utuh")
    try:
        document = json.loads(data.decode("utf-8"))
        entries = document["entri"]
        prev = audit.GENESIS
        for entry in entries:
            expected = audit.entry_hash(
                int(entry["id"]),
                str(entry["waktu"]),
                str(entry["pelaku"]),
                str(entry["peristiwa"]),
                str(entry["isi"]),
                str(entry["hash_sebelumnya"]),
            )
            if entry["hash_sebelumnya"] != prev or entry["hash"] != expected:
                raise InputRejected([problem], name)
            prev = entry["hash"]
    except (ValueError, TypeError, KeyError, RecursionError):
        raise InputRejected([problem], name) from None


def print_log_pdfs(service: PlenoService) -> PdfProvider:
    """The PDFs of the print log (every printed version), for the package's ``cetak/`` folder."""

    def collect() -> list[tuple[str, bytes]]:
        from rekap_desktop.services.printing.service import PrintService

        prints = PrintService(service)
        return [
            (
                f"{r.stored.kind}-{r.stored.contest or 'pleno'}-v{r.stored.version}.pdf",
                prints.pdf(r),
            )
            for r in prints.log()
        ]

    return collect


def service_corrections(service: PlenoService) -> CorrectionsProvider:
    """Every correction of the meeting, read through the corrections service (procedure item 10)."""

    def collect() -> list[dict[str, Any]]:
        corrections = CorrectionsService(service)
        pleno = service.pleno()
        return [
            {k: (v.value if hasattr(v, "value") else v) for k, v in asdict(c).items()}
            for contest in pleno.contests
            for unit in pleno.units
            for c in corrections.corrections(contest.code, unit.code)
        ]

    return collect
