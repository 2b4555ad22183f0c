"""The seat meeting of the Pemilu demo's DPRD Kota as a test records it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rekap_desktop.domain.seat_meeting import PartyRepresentative, SeatMeeting
from rekap_desktop.services.pleno_service import PlenoService

DECREE = "12/PL.01.9-Kpt/1771/2024"
COURT = "Surat Panitera MK Nomor 45/PAN.MK/PS.00/3/2024 tanggal 23 April 2024"
BAWASLU = "Rahmat Hidayat, S.H. (Bawaslu Kota Bengkulu)"


def seat_meeting(service: PlenoService, **changes: object) -> SeatMeeting:
    """Held on 1 May 2024 at 10.00 WIB, every KPU member present, two parties represented."""
    pleno = service.pleno()
    meeting = SeatMeeting(
        contest="dprd_kabko",
        held_at=datetime(2024, 5, 1, 10, 0, tzinfo=timezone(timedelta(hours=7))),
        place="Kantor KPU Kota Bengkulu",
        decree_number=DECREE,
        court_notice=COURT,
        members=tuple(m.name for m in pleno.members),
        bawaslu=(BAWASLU,),
        parties=(
            PartyRepresentative(1, "Sutan Mahmud (Partai Amanah Rakyat)"),
            PartyRepresentative(3, "Dewi Kusuma (Partai Cahaya Bangsa)"),
        ),
    )
    return meeting if not changes else type(meeting)(**(meeting.__dict__ | changes))
