"""Keputusan KPU Kabupaten/Kota tentang penetapan perolehan kursi partai politik dan calon terpilih
(the seat meeting's decree, PKPU 6/2024), with Lampiran I (each party's seats per dapil) and
Lampiran II (the elected candidates per dapil), from the seat sheet's own data so both papers
state the same allocation."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.documents.keputusan import Annex, AnnexTable, DecreeData
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.perolehan_kursi import SeatData, SeatDistrict
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.seat_meeting import SeatMeeting
from rekap_desktop.services.printing.after_determination import (
    PEMILU_RECAP_RULE,
    chair,
    issuer,
    issuer_header,
    town,
    with_year,
)
from rekap_desktop.text.numbers import format_date, format_number

ELECTION_LAW = "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
SEAT_RULE = (
    "Peraturan Komisi Pemilihan Umum Nomor 6 Tahun 2024 tentang Penetapan Pasangan Calon "
    "Terpilih, Penetapan Perolehan Kursi, dan Penetapan Calon Terpilih dalam Pemilihan Umum"
)


def meeting_moment(meeting: SeatMeeting) -> str:
    """ "Rabu, 1 Mei 2024 pukul 10.00" (the time as the meeting recorded it)."""
    return f"{format_date(meeting.held_at.date())} pukul {meeting.held_at:%H.%M}"


def attendance(meeting: SeatMeeting, sheet: SeatData) -> tuple[Signatory, ...]:
    """Bawaslu and the parties' representatives present, as they sign the seat sheet."""
    names = {n: name for d in sheet.districts for n, name in d.parties}
    names |= {p.number: p.name for d in sheet.districts for p in d.summary}
    people = [Signatory(name, "Bawaslu") for name in meeting.bawaslu]
    people += [
        Signatory(p.name, f"{p.party}. {names.get(p.party, 'Partai nomor urut ' + str(p.party))}")
        for p in meeting.parties
    ]
    return tuple(people)


def with_meeting(pleno: Pleno, sheet: SeatData, meeting: SeatMeeting) -> SeatData:
    """The seat sheet as the seat meeting decided it: its day and place, the KPU members present,
    and Bawaslu and the parties' representatives who attended."""
    present = tuple(m for m in sheet.members if m.name in meeting.members)
    return replace(
        sheet,
        place=meeting.place,
        determined_on=meeting.held_at.date(),
        members=present,
        meeting=meeting_lines(pleno, meeting),
        witnesses=attendance(meeting, sheet),
    )


def meeting_lines(pleno: Pleno, meeting: SeatMeeting) -> tuple[str, ...]:
    """What the seat sheet states about the meeting that decided it."""
    kpu = f"KPU {pleno.region.name.title()}"
    return (
        f"Rapat pleno terbuka penetapan perolehan kursi dan calon terpilih: "
        f"{meeting_moment(meeting)}, di {meeting.place}.",
        f"Dasar: {meeting.court_notice}. Ditetapkan dengan Keputusan {kpu} Nomor "
        f"{meeting.decree_number}.",
    )


def seat_decree(
    pleno: Pleno,
    sheet: SeatData,
    meeting: SeatMeeting,
    d_hasil: tuple[str, str],
    watermark: str | None,
) -> DecreeData:
    """The decree of ``meeting`` on the allocation ``sheet`` shows; ``d_hasil`` is the determined
    D.Hasil's (name, sidik data)."""
    title = with_year(pleno, sheet.contest_title)
    subject = f"PENETAPAN PEROLEHAN KURSI PARTAI POLITIK DAN CALON TERPILIH DALAM {title.upper()}"
    kpu = f"Komisi Pemilihan Umum {pleno.region.name.title()}"
    held = format_date(pleno.held_on) if pleno.held_on else "...................."
    form, sidik = d_hasil
    return DecreeData(
        header=issuer_header(pleno, "KEPUTUSAN PENETAPAN PEROLEHAN KURSI", watermark),
        issuer=issuer(pleno),
        number=meeting.decree_number,
        subject=subject,
        considering=(
            f"bahwa berdasarkan {ELECTION_LAW} dan {SEAT_RULE}, {kpu} menetapkan perolehan "
            f"kursi partai politik dan calon terpilih dalam {title};",
            f"bahwa hasil rekapitulasi penghitungan perolehan suara {title} telah ditetapkan "
            f"dalam rapat pleno terbuka {kpu} pada hari {held};",
            f"bahwa Mahkamah Konstitusi telah menyampaikan pemberitahuan: {meeting.court_notice};",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan "
            f"huruf c, perlu menetapkan Keputusan {kpu} tentang Penetapan Perolehan Kursi Partai "
            f"Politik dan Calon Terpilih dalam {title};",
        ),
        legal_basis=(f"{ELECTION_LAW};", f"{PEMILU_RECAP_RULE};", f"{SEAT_RULE}."),
        noting=(
            f"{form} {title} hasil rapat pleno terbuka pada hari {held} (sidik data {sidik});",
            f"Rapat pleno terbuka penetapan perolehan kursi dan calon terpilih pada hari "
            f"{meeting_moment(meeting)} di {meeting.place}, dihadiri {len(meeting.members)} "
            f"anggota {kpu}, Bawaslu dan {len(meeting.parties)} wakil partai politik.",
        ),
        articles=(
            "Menetapkan perolehan kursi partai politik setiap daerah pemilihan sebagaimana "
            "tercantum dalam Lampiran I yang merupakan bagian tidak terpisahkan dari Keputusan "
            "ini.",
            "Menetapkan calon terpilih setiap daerah pemilihan sebagaimana tercantum dalam "
            "Lampiran II yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ),
        place=town(pleno),
        on=meeting.held_at.date(),
        signer=chair(pleno),
        annexes=(
            Annex(f"PEROLEHAN KURSI PARTAI POLITIK DALAM {title.upper()}", _seat_tables(sheet)),
            Annex(f"CALON TERPILIH DALAM {title.upper()}", _elected_tables(sheet)),
        ),
    )


def _district_heading(district: SeatDistrict) -> str:
    return f"DAERAH PEMILIHAN {district.name.upper()} — {district.seats} KURSI"


def _seat_tables(sheet: SeatData) -> tuple[AnnexTable, ...]:
    tables = []
    for district in sheet.districts:
        won = [p for p in district.summary if p.seats]
        rows = tuple(
            (str(p.number), p.name, format_number(p.votes), format_number(p.seats)) for p in won
        )
        rows += (("", "JUMLAH", "", format_number(sum(p.seats for p in won))),)
        tables.append(
            AnnexTable(
                _district_heading(district),
                ("NO", "PARTAI POLITIK", "SUARA SAH PARTAI", "KURSI"),
                rows if district.summary else (("", district.reason, "", ""),),
                (0.08, 0.57, 0.2, 0.15),
                right=(2, 3),
                bold_last=bool(district.summary),
            )
        )
    return tuple(tables)


def _elected_tables(sheet: SeatData) -> tuple[AnnexTable, ...]:
    tables = []
    for district in sheet.districts:
        rows = tuple(
            (
                f"{party.number}. {party.name}",
                str(line.number),
                line.name,
                format_number(line.votes),
            )
            for party in district.elected
            for line in party.elected
        )
        tables.append(
            AnnexTable(
                _district_heading(district),
                ("PARTAI POLITIK", "NO URUT CALON", "NAMA CALON TERPILIH", "SUARA SAH"),
                rows or (("", "", district.reason or "–", ""),),
                (0.34, 0.12, 0.38, 0.16),
                right=(3,),
            )
        )
    return tuple(tables)
