"""The printing subcommands of the command line: ``report KIND`` and ``audit --fingerprint``."""

from __future__ import annotations

import sys
from pathlib import Path

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import (
    FORM_LABELS,
    parse_kind,
    parse_paper,
)

EXIT_OK = 0


def report(
    service: PlenoService,
    kind: str,
    out: Path,
    contest: str | None,
    paper: str,
    number: str | None = None,
) -> int:
    """Print a form to ``out`` (recorded as a numbered print version), with its official
    ``number`` (Nomor) where the form has one."""
    if not out.parent.is_dir():
        raise InputRejected([Problem(f"folder '{out.parent}' tidak ada")], str(out))
    printer = meeting_print_service(service)
    record, pdf = printer.print_form(parse_kind(kind), contest, parse_paper(paper), number)
    try:
        out.write_bytes(pdf)
    except OSError as error:
        raise InputRejected(
            [Problem(f"berkas tidak dapat ditulis: {error.strerror}")], str(out)
        ) from None
    stored = record.stored
    which = f" ({stored.contest})" if stored.contest else ""
    print(
        f"{FORM_LABELS[parse_kind(kind)]}{which}: versi {stored.version}, {stored.pages} halaman, "
        f"sidik data {stored.fingerprint} → {out.name}"
    )
    return EXIT_OK


def lookup(service: PlenoService, code: str) -> int:
    """Which form and print version carry a sidik data, and whether the data changed since."""
    matches = meeting_print_service(service).lookup(code)
    if not matches:
        raise InputRejected(
            [Problem(f"sidik data '{code}' tidak ditemukan di antara cetakan pleno ini")]
        )
    for match in matches:
        stored = match.record.stored
        which = f" ({stored.contest})" if stored.contest else ""
        final = ", FINAL" if match.record.final else ""
        print(
            f"{FORM_LABELS[parse_kind(stored.kind)]}{which}: versi {stored.version}{final}, "
            f"dicetak {stored.printed_at} oleh {stored.actor}, "
            f"kertas {stored.paper}, {stored.pages} halaman"
        )
        if match.changed:
            now = match.current_fingerprint or "tidak dapat dibuat"
            print(
                f"  DATA TELAH BERUBAH sejak dicetak (sidik data sekarang: {now})", file=sys.stdout
            )
        else:
            print("  Data tidak berubah sejak dicetak.")
    return EXIT_OK
