"""``evidence``: the signed, indexed evidence pack for Bawaslu and the Court; and ``verify`` of a
file that may be a result package or an evidence pack (the format is read from its manifest)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

EXIT_OK = 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    evidence = sub.add_parser(
        "evidence",
        parents=[common],
        help="tulis paket bukti bertanda tangan untuk Bawaslu dan MK (.zip)",
    )
    evidence.add_argument("--out", required=True, type=Path, metavar="BERKAS.zip")
    evidence.add_argument("--kertas", default="F4", help="F4 (bawaan) atau A4 untuk formulir")


def _evidence(args: argparse.Namespace) -> int:
    from rekap_desktop.services.database import open_database
    from rekap_desktop.services.evidence.pack import EvidenceService
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.printing.meeting import meeting_print_service
    from rekap_desktop.services.printing.service import parse_paper

    pleno = PlenoService(open_database(args.db), actor="cli")
    service = EvidenceService(pleno, meeting_print_service(pleno))
    written = service.write(args.out, paper=parse_paper(args.kertas))
    print(f"Paket bukti ditulis: {written.path.name} ({written.exhibits} bukti)")
    print(f"Sidik kunci instalasi: {written.fingerprint}")
    head, digest = written.chain_head
    state = "utuh" if written.chain_ok else "RUSAK (dicatat dalam paket)"
    print(f"Rantai audit dalam paket: sampai entri #{head} ({digest[:16]}…), {state}")
    return EXIT_OK


def verify(path: Path) -> int:
    """Verify a result package or an evidence pack, whichever ``path`` is."""
    if path.suffix.lower() == ".rekap" or not _is_evidence(path):
        from rekap_desktop.cli_exchange import verify as verify_package

        return verify_package(path)
    from rekap_desktop.services.evidence.verify import verify_evidence_file

    for line in verify_evidence_file(path).lines():
        print(line)
    return EXIT_OK


def _is_evidence(path: Path) -> bool:
    from rekap_desktop.services.evidence.detect import is_evidence_file

    return path.suffix.lower() == ".zip" or is_evidence_file(path)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"evidence": _evidence}
