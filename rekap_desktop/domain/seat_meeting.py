"""Rapat pleno terbuka penetapan perolehan kursi dan calon terpilih: a meeting of its own, after the
recapitulation is determined and after the Constitutional Court's notice on disputes (PKPU 6/2024
Pasal 17 and 22), attended by the parties' representatives and Bawaslu, deciding by a numbered
Keputusan KPU. What the meeting records, and what it must record before it may decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PartyRepresentative:
    """Wakil partai politik present: the party's ballot number and the person's name."""

    party: int
    name: str


@dataclass(frozen=True)
class SeatMeeting:
    contest: str
    held_at: datetime
    place: str
    decree_number: str
    """Nomor Keputusan KPU Kabupaten/Kota on the seats and the elected candidates."""
    court_notice: str
    """The Constitutional Court's notice it follows (number and date, as written on it)."""
    members: tuple[str, ...]
    """KPU members present."""
    bawaslu: tuple[str, ...]
    parties: tuple[PartyRepresentative, ...]


def meeting_problems(
    meeting: SeatMeeting, members: tuple[str, ...], parties: tuple[int, ...]
) -> list[str]:
    """What keeps the record from standing (Indonesian), given the meeting's KPU members and the
    contest's party numbers; empty when it may be recorded."""
    problems = []
    if not meeting.decree_number.strip():
        problems.append("nomor Keputusan KPU wajib diisi")
    if not meeting.court_notice.strip():
        problems.append(
            "pemberitahuan Mahkamah Konstitusi (nomor dan tanggal) wajib diisi: kursi ditetapkan "
            "setelah pemberitahuan itu (PKPU 6/2024)"
        )
    if not meeting.place.strip():
        problems.append("tempat rapat wajib diisi")
    if not meeting.members:
        problems.append("sedikitnya satu anggota KPU hadir")
    problems += [
        f"'{name}' bukan anggota KPU dalam pleno ini"
        for name in meeting.members
        if name not in members
    ]
    seen: set[int] = set()
    for representative in meeting.parties:
        if representative.party not in parties:
            problems.append(
                f"partai nomor urut {representative.party} tidak ada dalam pemilihan ini"
            )
        elif representative.party in seen:
            problems.append(f"partai nomor urut {representative.party} tercatat dua kali")
        elif not representative.name.strip():
            problems.append(f"nama wakil partai nomor urut {representative.party} kosong")
        seen.add(representative.party)
    return problems
