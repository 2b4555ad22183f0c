"""``kursi``: the seats and elected candidates of the legislative contests, the meeting's decision
on a tie the law leaves open, and the record of the seat meeting and its Keputusan (``--tetapkan``)
— each confirmed by a commissioner's ``--user`` with the PIN in REKAP_PIN."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rekap_desktop.cli_trust import confirmation
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.seat_meeting import PartyRepresentative, SeatMeeting
from rekap_desktop.text.numbers import format_number

if TYPE_CHECKING:
    from rekap_desktop.services.seat_service import SeatService


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    seats = sub.add_parser(
        "kursi", parents=[common], help="perolehan kursi dan calon terpilih; putuskan suara sama"
    )
    seats.add_argument("--pemilihan", help="kode pemilihan (mis. dprd_kabko)")
    seats.add_argument("--putuskan", metavar="KUNCI", help="kunci perolehan sama yang diputuskan")
    seats.add_argument(
        "--pilih", type=int, action="append", default=[], metavar="NOMOR", help="nomor terpilih"
    )
    seats.add_argument("--alasan", default="", help="alasan/dasar keputusan rapat")
    seats.add_argument("--user", help="anggota/ketua KPU yang mengonfirmasi (PIN di REKAP_PIN)")
    meeting = seats.add_argument_group(
        "rapat penetapan perolehan kursi (setelah penetapan hasil dan pemberitahuan MK)"
    )
    meeting.add_argument("--tetapkan", action="store_true", help="catat rapat dan keputusannya")
    meeting.add_argument("--nomor", default="", help="nomor Keputusan KPU")
    meeting.add_argument("--waktu", default="", help="waktu rapat, mis. 2024-05-01T10:00+07:00")
    meeting.add_argument("--tempat", default="", help="tempat rapat")
    meeting.add_argument(
        "--pemberitahuan-mk", default="", help="pemberitahuan Mahkamah Konstitusi (nomor, tanggal)"
    )
    meeting.add_argument(
        "--hadir", action="append", default=[], metavar="NAMA", help="anggota KPU yang hadir"
    )
    meeting.add_argument("--bawaslu", action="append", default=[], metavar="NAMA")
    meeting.add_argument(
        "--wakil", action="append", default=[], metavar="NOMOR=NAMA", help="wakil partai politik"
    )


def _seats(args: argparse.Namespace) -> int:
    from rekap_desktop.services.database import open_database
    from rekap_desktop.services.pleno_service import PlenoService
    from rekap_desktop.services.seat_service import SeatService

    seats = SeatService(PlenoService(open_database(args.db)))
    contests = [c.code for c in seats.legislative_contests()]
    if args.pemilihan is not None and args.pemilihan not in contests:
        raise InputRejected(
            [Problem(f"pemilihan '{args.pemilihan}' bukan pemilihan legislatif dalam pleno ini")]
        )
    if args.putuskan:
        if args.pemilihan is None:
            raise InputRejected([Problem("--putuskan perlu --pemilihan")])
        confirmed = confirmation(seats.pleno_service.engine, args.user, Action.DECIDE_TIE)
        seats.decide_tie(args.pemilihan, args.putuskan, tuple(args.pilih), args.alasan, confirmed)
        print(f"Keputusan rapat tercatat untuk {args.putuskan}.")
    if args.tetapkan:
        if args.pemilihan is None:
            raise InputRejected([Problem("--tetapkan perlu --pemilihan")])
        _record_meeting(seats, args)
    for code in [args.pemilihan] if args.pemilihan else contests:
        for line in _lines(seats, code):
            print(line)
    return 0


def _record_meeting(seats: SeatService, args: argparse.Namespace) -> None:
    from rekap_desktop.services.seat_meeting_service import SeatMeetingService

    meeting = SeatMeeting(
        contest=args.pemilihan,
        held_at=_moment(args.waktu),
        place=args.tempat,
        decree_number=args.nomor,
        court_notice=args.pemberitahuan_mk,
        members=tuple(args.hadir),
        bawaslu=tuple(args.bawaslu),
        parties=tuple(_representative(text) for text in args.wakil),
    )
    confirmed = confirmation(seats.pleno_service.engine, args.user, Action.DETERMINE_SEATS)
    SeatMeetingService(seats.pleno_service).record(meeting, confirmed)
    print(f"Rapat penetapan perolehan kursi tercatat: Keputusan Nomor {meeting.decree_number}.")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputRejected(
            [Problem(f"--waktu '{text}' tidak dikenal (contoh: 2024-05-01T10:00+07:00)")]
        ) from None
    if moment.tzinfo is None:
        raise InputRejected([Problem(f"--waktu '{text}' perlu zona waktu (mis. +07:00 untuk WIB)")])
    return moment


def _representative(text: str) -> PartyRepresentative:
    number, _, name = text.partition("=")
    if not number.strip().isdigit() or not name.strip():
        raise InputRejected([Problem(f"--wakil '{text}' harus berbentuk NOMOR=NAMA")])
    return PartyRepresentative(int(number), name.strip())


def _lines(seats: SeatService, code: str) -> list[str]:
    from rekap_desktop.services.seat_meeting_service import SeatMeetingService

    results = seats.results(code)
    lines = [f"{results.contest.title} ({code})"]
    held = SeatMeetingService(seats.pleno_service).meeting(code)
    if held is not None:
        lines.append(
            f"  Ditetapkan dengan Keputusan Nomor {held.decree_number} "
            f"(rapat {held.held_at.isoformat(timespec='minutes')})"
        )
    if results.dpd is not None:
        lines.append(f"  terpilih: {', '.join(str(n) for n in results.dpd.elected) or '–'}")
    for district in results.districts:
        lines.append(f"  Dapil {district.district.code} {district.district.name}:")
        if district.allocation is None:
            lines.append(f"    {district.not_allocated_reason}")
            continue
        for party in district.parties:
            won = district.seats_of(party.party.number) or 0
            elected = ", ".join(str(n) for n in district.elected_of(party.party.number)) or "–"
            if won:
                lines.append(
                    f"    {party.party.number}. {party.party.name}: "
                    f"{format_number(party.total)} suara, {won} kursi, calon terpilih {elected}"
                )
    for tie in results.open_ties:
        lines.append(f"  MENUNGGU KEPUTUSAN RAPAT [{tie.key}]: {tie.message}")
    return lines


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"kursi": _seats}
