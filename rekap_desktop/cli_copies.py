"""``salinan``: record a copy of a printed form version handed to a saksi, Bawaslu or another
receiver (numbered per version, audited); with ``--keluar DIR`` the tanda terima is saved there
and, for ``--media usb``, the signed PDF copy with its ``.sig`` and ``.txt``. ``--periksa`` checks
such a signed PDF; ``--daftar`` lists every copy handed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rekap_desktop.domain.copies import (
    MEDIUM_LABELS,
    MOMENT_LABELS,
    CopyMoment,
    HandRequest,
    Medium,
    Receiver,
    ReceiverKind,
)
from rekap_desktop.domain.problems import InputRejected, Problem

if TYPE_CHECKING:
    from rekap_desktop.services.copies_service import CopiesService, Handing

EXIT_OK, EXIT_REFUSED = 0, 2
KINDS = {kind.value.replace("_", "-"): kind for kind in ReceiverKind}
MEDIA = {medium.value.replace("_", "-"): medium for medium in Medium}
MOMENTS = {moment.value.replace("_", "-"): moment for moment in CopyMoment}


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    copies = sub.add_parser(
        "salinan",
        parents=[common],
        help="catat salinan formulir yang diserahkan (tanda terima); periksa salinan PDF",
    )
    copies.add_argument(
        "--cetakan",
        action="append",
        default=[],
        metavar="NOMOR_ATAU_SIDIK",
        help="cetakan yang disalin: nomor riwayat cetak (mis. 12) atau sidik data",
    )
    copies.add_argument("--penerima", metavar="NAMA", help="nama penerima salinan")
    copies.add_argument("--sebagai", choices=sorted(KINDS), help="penerima sebagai apa")
    copies.add_argument("--pemilihan", help="saksi: kode pemilihan (bawaan: pemilihan cetakan)")
    copies.add_argument("--nomor-urut", type=int, help="saksi: nomor urut/partai yang diwakili")
    copies.add_argument("--keterangan", default="", help="lembaga pemantau / sebagai apa / catatan")
    copies.add_argument("--media", choices=sorted(MEDIA), default="kertas")
    copies.add_argument("--saat", choices=sorted(MOMENTS), help="bawaan: menurut keadaan rapat")
    copies.add_argument("--kecamatan", metavar="KODE", help="kecamatan yang ditutup")
    copies.add_argument("--diserahkan-oleh", default="", metavar="NAMA", help="anggota KPU")
    copies.add_argument(
        "--keluar",
        type=Path,
        metavar="FOLDER",
        help="folder untuk tanda terima (PDF) dan, dengan --media usb, salinan PDF bertanda tangan",
    )
    copies.add_argument(
        "--periksa", type=Path, metavar="BERKAS.pdf", help="periksa salinan PDF bertanda tangan"
    )
    copies.add_argument("--daftar", action="store_true", help="tampilkan semua salinan")


def _copies(args: argparse.Namespace) -> int:
    if args.periksa is not None:
        return _check(args.periksa)
    service = _service(args.db)
    if args.daftar:
        for line in _log_lines(service):
            print(line)
        return EXIT_OK
    handing = service.hand(_request(service, args))
    for copy in handing.copies:
        print(
            f"{copy.copy_label}: {copy.document}, versi {copy.printed.version} "
            f"(sidik data {copy.printed.fingerprint}) → {copy.receiver.name} "
            f"({service.role(copy.receiver)}); penyerahan {handing.number}"
        )
    for files in handing.files:
        print(f"PDF bertanda tangan: {files.pdf} (+ {files.signature.name}, {files.note.name})")
    if args.keluar is not None:
        print(f"Tanda terima: {_save_receipt(service, handing, args.keluar)}")
    return EXIT_OK


def _service(db: str | None) -> CopiesService:
    from rekap_desktop.services.copies_service import CopiesService
    from rekap_desktop.services.database import open_database
    from rekap_desktop.services.pleno_service import PlenoService

    return CopiesService(PlenoService(open_database(db), actor="cli"))


def _request(service: CopiesService, args: argparse.Namespace) -> HandRequest:
    missing = [
        option
        for option, value in (
            ("--cetakan", args.cetakan),
            ("--penerima", args.penerima),
            ("--sebagai", args.sebagai),
        )
        if not value
    ]
    if missing:
        raise InputRejected([Problem(f"salinan perlu {', '.join(missing)}")])
    printed = [service.version(text) for text in args.cetakan]
    receiver = Receiver(
        args.penerima, KINDS[args.sebagai], args.pemilihan, args.nomor_urut, args.keterangan
    )
    suggestion = service.suggestion(printed[0])
    moment = MOMENTS[args.saat] if args.saat else suggestion.moment
    unit = args.kecamatan if args.saat or args.kecamatan else suggestion.unit
    return HandRequest(
        print_ids=tuple(p.print_id for p in printed),
        receivers=(receiver,),
        medium=MEDIA[args.media],
        moment=moment,
        unit=unit if moment is CopyMoment.PENUTUPAN_KECAMATAN else None,
        handed_by=args.diserahkan_oleh,
        folder=str(args.keluar) if args.keluar is not None else None,
    )


def _save_receipt(service: CopiesService, handing: Handing, folder: Path) -> Path:
    from rekap_desktop.domain.paper import Paper
    from rekap_desktop.services.printing.kinds import FormKind
    from rekap_desktop.services.printing.meeting import meeting_print_service

    if not folder.is_dir():
        raise InputRejected([Problem(f"folder '{folder}' tidak ada")])
    printing = meeting_print_service(service.pleno_service)
    _record, pdf = printing.print_form(FormKind.TANDA_TERIMA, None, Paper.F4)
    path = folder / f"tanda-terima-penyerahan-{handing.number}.pdf"
    try:
        path.write_bytes(pdf)
    except OSError as error:
        raise InputRejected(
            [Problem(f"tanda terima tidak dapat ditulis: {error.strerror}")], str(path)
        ) from None
    return path


def _check(pdf: Path) -> int:
    from rekap_desktop.services.signed_copy import check_signed

    result = check_signed(pdf)
    line = f"{pdf.name}: {result.message}. Sidik kunci penanda tangan: {result.signer}"
    if not result.intact:
        print(f"Ditolak: {line}", file=sys.stderr)
        return EXIT_REFUSED
    print(line)
    return EXIT_OK


def _log_lines(service: CopiesService) -> list[str]:
    lines = []
    for copy in service.handed():
        where = f" {copy.unit}" if copy.unit else ""
        lines.append(
            f"{copy.handing}. {copy.copy_label} {copy.document} v{copy.printed.version} "
            f"{copy.printed.fingerprint} → {copy.receiver.name} ({service.role(copy.receiver)}); "
            f"{MEDIUM_LABELS[copy.medium]}; {MOMENT_LABELS[copy.moment]}{where}; {copy.handed_at}"
        )
    return lines or ["Belum ada salinan yang diserahkan."]


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"salinan": _copies}
