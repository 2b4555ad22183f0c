"""Data exchange on the command line: Sirekap JSON and result packages in ``import``, signed
packages in ``export``, and ``verify``."""

from __future__ import annotations

import sys
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import SIREKAP, Source
from rekap_desktop.services.pleno_service import PlenoService

EXIT_OK, EXIT_REFUSED = 0, 2
TABLE_SUFFIXES = (".csv", ".xlsx")


def split_files(files: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(Sirekap JSON files and folders, result packages, rekap-csv/XLSX tables), by format."""
    from rekap_desktop.services.sirekap_import import is_sirekap_path

    sirekap = [p for p in files if is_sirekap_path(p)]
    packages = [p for p in files if p.suffix.lower() == ".rekap"]
    tables = [p for p in files if p not in sirekap and p not in packages]
    return sirekap, packages, tables


def import_sirekap(
    service: PlenoService, paths: list[Path], sumber: str | None, user: str | None = None
) -> int:
    """All the JSON files (and folders) as one all-or-nothing Sirekap import; as another source
    than sirekap only with a commissioner's confirmation (``user``, PIN in REKAP_PIN)."""
    from rekap_desktop.cli_trust import confirmation
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.services.sirekap_import import SirekapImportService

    source = SIREKAP if sumber is None else Source.parse(sumber)
    if source is None:
        raise InputRejected([Problem(f"sumber '{sumber}' tidak dikenal")])
    confirmed = None
    if source != SIREKAP:
        confirmed = confirmation(service.engine, user, Action.IMPORT_SIREKAP_AS_OTHER)
    report = SirekapImportService(service).import_paths(
        paths, source=source, confirmation=confirmed
    )
    print(f"Sirekap: {report.files} berkas diimpor sebagai sumber {source.code}")
    for line in report.lines():
        print(line)
    if report.partial:
        print("Perhatian: progres Sirekap belum 100 % TPS; data ditandai SEBAGIAN.")
    return EXIT_OK


def import_packages(
    service: PlenoService, paths: list[Path], trust: str | None, user: str | None = None
) -> int:
    """Import each package; ``user`` (with REKAP_PIN) is the ketua who confirms, when a package
    carries a key that replaces one confirmed before."""
    from rekap_desktop.cli_trust import confirmation
    from rekap_desktop.domain.roles import Action
    from rekap_desktop.services.package_import import PackageImportService

    importer = PackageImportService(service)
    status = EXIT_OK
    for path in paths:
        try:
            confirmed = (
                confirmation(service.engine, user, Action.CHANGE_SENDER_KEY) if user else None
            )
            report = importer.import_package(path, trust=trust, confirmation=confirmed)
        except InputRejected as error:
            for problem in error.problems:
                print(f"Ditolak: {path.name}: {problem}", file=sys.stderr)
            status = EXIT_REFUSED
            continue
        for line in report.lines():
            print(line)
    return status


def export_package(service: PlenoService, out: Path, sementara: bool) -> int:
    from rekap_desktop.services.packages import (
        PackageService,
        print_log_pdfs,
        service_corrections,
    )

    determined = not sementara and _determined(service)
    if not sementara and not determined:
        raise InputRejected(
            [
                Problem(
                    "hasil belum ditetapkan; paket hasil hanya dibuat setelah penetapan. "
                    "Untuk paket SEMENTARA (skors) gunakan --sementara"
                )
            ]
        )
    packages = PackageService(
        service, corrections=service_corrections(service), printed=print_log_pdfs(service)
    )
    exported = packages.export(out, determined=determined)
    status = "SEMENTARA" if exported.provisional else "hasil ditetapkan"
    print(f"Paket {status} ditulis: {out.name} ({len(exported.members)} anggota)")
    print(f"Sidik kunci instalasi: {exported.fingerprint}")
    return EXIT_OK


def _determined(service: PlenoService) -> bool:
    from rekap_desktop.services.procedure_service import ProcedureService

    return ProcedureService(service).state().determined


def verify(path: Path) -> int:
    from rekap_desktop.services.packages import verify_file

    for line in verify_file(path).lines():
        print(line)
    return EXIT_OK
