"""Headless subcommands (formats §4) on the same services as the window.

Exit codes: 0 success, 2 bad input or a refused action (Indonesian message on stderr naming what and
where), 1 internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rekap_desktop import (
    cli_copies,
    cli_evidence,
    cli_follow_up,
    cli_seats,
    cli_trust,
    package_version,
)
from rekap_desktop.cli_window_options import DB_HELP, add_window_options

if TYPE_CHECKING:  # the services are loaded by the subcommand that needs them
    from rekap_desktop.services.anchor_check import Anchor

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2
DAMAGED_ADVICE = (
    "Berkas tidak diubah. Pulihkan cadangan baik terakhir: "
    "rekap-desktop restore --db BERKAS --from CADANGAN --user NAMA (PIN di REKAP_PIN)."
)


class Refused(Exception):
    """A refused action that is not about a file's content."""


class _PrintVersion(argparse.Action):
    """``--version``: the version is read only when asked for (not on every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="tampilkan versi"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"rekap-desktop {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=DB_HELP)
    parser = argparse.ArgumentParser(
        prog="rekap-desktop",
        description="Rekap Desktop: rapat pleno terbuka rekapitulasi hasil penghitungan suara.",
    )
    add_window_options(parser)
    parser.add_argument("--version", action=_PrintVersion)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    demo = sub.add_parser("demo", parents=[common], help="buat pleno demo (SIMULASI)")
    demo.add_argument(
        "--pemilu",
        action="store_true",
        help="demo Pemilu (PPWP dan DPRD Kota dengan perolehan kursi) alih-alih Pilkada",
    )
    new = sub.add_parser("new", parents=[common], help="buat pleno dari berkas pleno.json")
    new.add_argument("--setup", required=True, type=Path)
    imp = sub.add_parser(
        "import", parents=[common], help="impor rekap-csv/XLSX, Sirekap JSON atau paket .rekap"
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="BERKAS")
    imp.add_argument("--sumber", help="sumber untuk berkas tanpa kolom sumber")
    imp.add_argument("--percaya-kunci", dest="trust", metavar="SIDIK", help="sidik kunci pengirim")
    imp.add_argument(
        "--user",
        help="anggota/ketua KPU yang mengonfirmasi Sirekap sebagai sumber lain, atau Ketua KPU "
        "untuk penggantian kunci pengirim (PIN di REKAP_PIN)",
    )
    recap = sub.add_parser("recap", parents=[common], help="cetak rekapitulasi")
    recap.add_argument("--pemilihan")
    recap.add_argument("--sumber")
    recap.add_argument("--json", action="store_true", required=True)
    recap.add_argument("--unit", metavar="KODE", help="unit (kecamatan) yang dirinci")
    recap.add_argument(
        "--rinci", action="store_true", help="dengan --unit: baris desa/TPS tiap sumber"
    )
    check = sub.add_parser("check", parents=[common], help="temuan aturan dan selisih antarsumber")
    check.add_argument("--json", action="store_true", required=True)
    export = sub.add_parser("export", parents=[common], help="ekspor rekap-csv (.csv/.xlsx)")
    export.add_argument("--out", required=True, type=Path)
    export.add_argument("--sementara", action="store_true", help="paket SEMENTARA (skors)")
    verify = sub.add_parser(
        "verify", help="periksa tanda tangan dan isi paket .rekap atau paket bukti (.zip)"
    )
    verify.add_argument("file", type=Path, metavar="BERKAS")
    audit = sub.add_parser("audit", parents=[common], help="periksa rantai audit")
    audit_mode = audit.add_mutually_exclusive_group(required=True)
    audit_mode.add_argument("--verify", action="store_true")
    audit_mode.add_argument("--fingerprint", metavar="SIDIK", help="cari sidik data cetakan")
    anchors = "dengan --verify: bandingkan juga rantai dengan"
    audit.add_argument(
        "--kepala",
        metavar="'#N KODE'",
        action="append",
        default=[],
        help=f"{anchors} kepala rantai yang tercetak di kaki halaman formulir",
    )
    audit.add_argument(
        "--paket",
        metavar="BERKAS.rekap",
        type=Path,
        action="append",
        default=[],
        help=f"{anchors} kepala rantai dalam paket hasil yang pernah diekspor",
    )
    audit.add_argument(
        "--cadangan",
        metavar="BERKAS.sqlite",
        type=Path,
        action="append",
        default=[],
        help=f"{anchors} entri terakhir cadangan rapat ini",
    )
    report = sub.add_parser("report", parents=[common], help="cetak formulir ke PDF")
    report.add_argument(
        "kind",
        metavar="JENIS",
        help="d-hasil, kejadian-khusus, pengembalian, daftar-hadir, berita-acara, skors, "
        "pengumuman, perolehan-kursi (pemilihan legislatif), daftar-pembetulan, hitung-ulang, "
        "berita-acara-lanjutan, tanda-terima, daftar-salinan",
    )
    report.add_argument("--out", required=True, type=Path)
    report.add_argument("--pemilihan")
    report.add_argument("--kertas", default="F4", help="F4 (bawaan) atau A4")
    report.add_argument(
        "--nomor", help="nomor resmi yang dicetak pada berita acara atau pengumuman (opsional)"
    )
    cli_trust.add_parsers(sub, common)
    cli_seats.add_parsers(sub, common)
    cli_evidence.add_parsers(sub, common)
    cli_copies.add_parsers(sub, common)
    cli_follow_up.add_parsers(sub, common)
    snapshot = sub.add_parser("snapshot", parents=[common], help="tulis PNG jendela (offscreen)")
    snapshot.add_argument("--out", required=True, type=Path)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser().parse_args(list(argv))
    args.db = getattr(args, "db", None) or args.global_db
    return args


def run(args: argparse.Namespace) -> int:
    handler = _HANDLERS[args.command]
    return _guarded(lambda: handler(args))


def _guarded(action: Callable[[], int]) -> int:
    from rekap_desktop.domain.problems import DamagedDatabase, InputRejected

    try:
        return action()
    except DamagedDatabase as error:
        print(f"Ditolak: {error}.", file=sys.stderr)
        print(DAMAGED_ADVICE, file=sys.stderr)
        return EXIT_REFUSED
    except InputRejected as error:
        head = f"{error.source}: " if error.source else ""
        for problem in error.problems:
            print(f"Ditolak: {head}{problem}", file=sys.stderr)
        return EXIT_REFUSED
    except Refused as error:
        print(f"Ditolak: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # a bug: say so plainly, never a traceback wall for the user
        print(f"Kesalahan internal: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


def _service(args: argparse.Namespace) -> Any:
    from rekap_desktop.services.database import open_database
    from rekap_desktop.services.pleno_service import PlenoService

    return PlenoService(open_database(args.db), actor="cli")


def _print_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _demo(args: argparse.Namespace) -> int:
    from rekap_desktop.services.demo import DemoKind, load_demo

    service = _service(args)
    load_demo(service, DemoKind.PEMILU if args.pemilu else DemoKind.PILKADA)
    print(f"Pleno demo (SIMULASI) dibuat: {service.pleno().region.name}")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    pleno = _service(args).create_from_setup_file(args.setup)
    print(
        f"Pleno dibuat: {pleno.region.name}, {len(pleno.units)} unit, "
        f"{len(pleno.contests)} pemilihan"
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from rekap_desktop import cli_exchange
    from rekap_desktop.domain.problems import InputRejected

    sirekap, packages, tables = cli_exchange.split_files(args.files)
    service = _service(args)
    if args.sumber is not None and tables:
        raise Refused(
            "--sumber hanya berlaku untuk berkas Sirekap; rekap-csv membawa kolom 'sumber'"
        )
    status = EXIT_OK
    if sirekap:
        status = max(
            status,
            _guarded(lambda: cli_exchange.import_sirekap(service, sirekap, args.sumber, args.user)),
        )
    if packages:
        status = max(status, cli_exchange.import_packages(service, packages, args.trust, args.user))
    for path in tables:
        try:
            report = service.import_tally_file(path)
        except InputRejected as error:
            for problem in error.problems:
                print(f"Ditolak: {path.name}: {problem}", file=sys.stderr)
            status = EXIT_REFUSED
            continue
        changed = len(report.changed_forms)
        print(f"{path.name}: {report.rows} baris, {len(report.forms)} formulir, {changed} berubah")
        for form in report.changed_forms:
            contest, unit, source = form.key
            for change in form.changes:
                print(
                    f"  {contest} {unit} {source} {change.field}: {change.before} → {change.after}"
                )
    return status


def _recap(args: argparse.Namespace) -> int:
    from rekap_desktop.domain.sources import Source
    from rekap_desktop.services.places import unit_marks
    from rekap_desktop.services.result_json import kept_rows_json, recap_json
    from rekap_desktop.services.results import recap_contests
    from rekap_desktop.services.seat_service import SeatService

    service = _service(args)
    pleno = service.pleno()
    if args.pemilihan is not None and pleno.contest(args.pemilihan) is None:
        raise Refused(f"pemilihan '{args.pemilihan}' tidak ada dalam pleno ini")
    source = None
    if args.sumber is not None:
        source = Source.parse(args.sumber)
        if source is None:
            raise Refused(f"sumber '{args.sumber}' tidak dikenal")
    if (args.unit is None) != (not args.rinci):
        raise Refused("--unit KODE dan --rinci dipakai bersama (baris desa/TPS satu unit)")
    if args.unit is not None and args.unit not in {u.code for u in pleno.units}:
        raise Refused(f"unit '{args.unit}' tidak ada dalam pleno ini")
    recaps = recap_contests(service, args.pemilihan, source)
    printed = recap_json(pleno, recaps, SeatService(service).results_for(recaps))
    if args.unit is not None:
        for contest in printed["kontestasi"]:
            kept = service.kept_rows(contest["kode"], args.unit)
            marks = unit_marks(service, contest["kode"], args.unit)
            for unit in contest["unit"]:
                if unit["kode_wilayah"] == args.unit:
                    unit["rinci"] = kept_rows_json(kept, marks)
    _print_json(printed)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from rekap_desktop.services.result_json import check_json
    from rekap_desktop.services.results import check

    _print_json(check_json(check(_service(args))))
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    return cli_evidence.verify(args.file)


def _export(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() == ".rekap":
        from rekap_desktop.cli_exchange import export_package

        return export_package(_service(args), args.out, args.sementara)
    count = _service(args).export(args.out)
    print(f"{count} formulir diekspor ke {args.out.name}")
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    if args.fingerprint is not None:
        from rekap_desktop.cli_print import lookup

        return lookup(_service(args), args.fingerprint)
    from rekap_desktop.services.integrity import verify_integrity

    report = verify_integrity(_service(args), _anchors(args))
    if report.ok:
        print(f"Rantai audit utuh: {report.chain.entries} entri; semua nilai sesuai catatan audit.")
        return EXIT_OK
    if not report.chain.ok:
        print(f"Rantai audit RUSAK: {report.chain.reason}.", file=sys.stderr)
    for mismatch in report.mismatches:
        print(f"Nilai diubah di luar program: {mismatch}", file=sys.stderr)
    for anchor in report.anchors:
        print(f"Rantai audit tidak sesuai jangkarnya: {anchor}.", file=sys.stderr)
    return EXIT_REFUSED


def _anchors(args: argparse.Namespace) -> list[Anchor]:
    """The anchors named on the command line: heads read from paper, packages, backups."""
    from rekap_desktop.services import anchor_check, backup_service

    found = [anchor_check.printed_anchor(text) for text in args.kepala]
    found += [anchor_check.package_anchor(path) for path in args.paket]
    found += [backup_service.backup_anchor(path) for path in args.cadangan]
    return found


def _report(args: argparse.Namespace) -> int:
    from rekap_desktop.cli_print import report

    return report(_service(args), args.kind, args.out, args.pemilihan, args.kertas, args.nomor)


def _snapshot(args: argparse.Namespace) -> int:
    from rekap_desktop.gui.snapshot import snapshots_of

    for path in snapshots_of(args.db, args.out):
        print(path)
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _demo,
    "new": _new,
    "import": _import,
    "recap": _recap,
    "check": _check,
    "export": _export,
    "verify": _verify,
    "audit": _audit,
    "report": _report,
    "snapshot": _snapshot,
    **cli_trust.HANDLERS,
    **cli_seats.HANDLERS,
    **cli_evidence.HANDLERS,
    **cli_copies.HANDLERS,
    **cli_follow_up.HANDLERS,
}
