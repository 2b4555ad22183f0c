"""Subcommands of the follow-up session (sesi lanjutan): ``sesi-lanjutan`` opens one with its
legal basis and scope (the ketua's PIN from REKAP_PIN), ``cetakan-penetapan`` writes a form as it
was printed while an earlier penetapan was in force."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.domain.follow_up import BASIS_LABELS, Basis, parse_basis
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action

if TYPE_CHECKING:
    from rekap_desktop.services.follow_up_service import FollowUpService

EXIT_OK = 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    kinds = ", ".join(f"{b.value} ({BASIS_LABELS[b]})" for b in Basis)
    opening = sub.add_parser(
        "sesi-lanjutan",
        parents=[common],
        help="buka sesi lanjutan atas hasil yang sudah ditetapkan (PIN ketua di REKAP_PIN)",
    )
    opening.add_argument("--dasar", required=True, help=f"dasar sesi: {kinds}")
    opening.add_argument("--nomor-dokumen", required=True, help="nomor putusan/rekomendasi")
    opening.add_argument("--tanggal", required=True, help="tanggal dokumen (TTTT-BB-HH)")
    opening.add_argument(
        "--unit", action="append", default=[], metavar="KODE", help="kecamatan yang dibuka"
    )
    opening.add_argument(
        "--pemilihan",
        action="append",
        default=[],
        metavar="KODE",
        help="pemilihan yang dibuka (bawaan: semua pemilihan)",
    )
    opening.add_argument("--uraian", default="", help="uraian singkat")
    opening.add_argument("--user", help="ketua KPU yang mengonfirmasi (PIN di REKAP_PIN)")
    frozen = sub.add_parser(
        "cetakan-penetapan",
        parents=[common],
        help="tulis formulir persis seperti dicetak pada penetapan terdahulu (mis. penetapan 0)",
    )
    frozen.add_argument("--penetapan", required=True, type=int, help="0: penetapan pertama")
    frozen.add_argument("--jenis", default="d-hasil", help="jenis formulir (bawaan: d-hasil)")
    frozen.add_argument("--pemilihan")
    frozen.add_argument("--out", required=True, type=Path)


def _service(args: argparse.Namespace) -> FollowUpService:
    from rekap_desktop.services.database import open_database
    from rekap_desktop.services.follow_up_service import FollowUpService
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.procedure_service import ProcedureService

    return FollowUpService(ProcedureService(PlenoService(open_database(args.db), actor="cli")))


def _open(args: argparse.Namespace) -> int:
    from rekap_desktop.cli_trust import confirmation
    from rekap_desktop.domain.follow_up import FollowUpRequest

    basis = parse_basis(args.dasar)
    if basis is None:
        known = ", ".join(b.value for b in Basis)
        raise InputRejected([Problem(f"dasar '{args.dasar}' tidak dikenal (pilihan: {known})")])
    request = FollowUpRequest(
        basis,
        args.nomor_dokumen,
        _date(args.tanggal),
        tuple(args.unit),
        tuple(args.pemilihan),
        args.uraian,
    )
    service = _service(args)
    service.check_open(request)
    engine = service.pleno_service.engine
    opened = service.open(request, confirmation(engine, args.user, Action.OPEN_FOLLOW_UP))
    print(f"{opened.basis_line()} dibuka.")
    print(service.status_line())
    return EXIT_OK


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputRejected(
            [Problem(f"tanggal '{text}' tidak sah; tulis TTTT-BB-HH, mis. 2025-02-24")]
        ) from None


def _frozen(args: argparse.Namespace) -> int:
    if not args.out.parent.is_dir():
        raise InputRejected([Problem(f"folder '{args.out.parent}' tidak ada")], str(args.out))
    stored, pdf = _service(args).frozen_print(args.jenis, args.pemilihan, args.penetapan)
    try:
        args.out.write_bytes(pdf)
    except OSError as error:
        raise InputRejected(
            [Problem(f"berkas tidak dapat ditulis: {error.strerror}")], str(args.out)
        ) from None
    print(
        f"Cetakan #{stored.id} ({stored.kind} versi {stored.version}, dicetak {stored.printed_at} "
        f"oleh {stored.actor}), sidik data {stored.fingerprint} → {args.out.name}"
    )
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "sesi-lanjutan": _open,
    "cetakan-penetapan": _frozen,
}
