"""Our own small legislative meetings for the print tests (names and numbers made up here)."""

from __future__ import annotations

from datetime import date

from rekap_desktop.domain.election import (
    Candidate,
    Contest,
    District,
    ElectionKind,
    Level,
    Member,
    Party,
    Pleno,
    Region,
    Unit,
    Witness,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.legislative import district_results
from rekap_desktop.domain.recap import Recap, recapitulate
from rekap_desktop.domain.tally import Tally
from rekap_desktop.services.seat_service import SeatResults

UNITS = (
    Unit(RegionCode("990101"), "KECAMATAN UTARA", 10),
    Unit(RegionCode("990102"), "KECAMATAN SELATAN", 12),
    Unit(RegionCode("990103"), "KECAMATAN TIMUR", 8),
)


def _candidate(number: int, name: str, sex: str) -> Candidate:
    return Candidate(ChoiceNo(number), name, sex)


def dprd_contest() -> Contest:
    """Two dapil: UJI 1 (Utara, Selatan; 4 seats) and UJI 2 (Timur; 3 seats), three parties."""
    parties = (
        Party(
            ChoiceNo(1),
            "PARTAI MERAH UJI",
            {
                "1": (_candidate(1, "ANDI MERAH", "L"), _candidate(2, "BUNGA MERAH", "P")),
                "2": (_candidate(1, "CITRA MERAH", "P"),),
            },
        ),
        Party(
            ChoiceNo(2),
            "PARTAI HIJAU UJI",
            {
                "1": (_candidate(1, "DODI HIJAU", "L"), _candidate(2, "EKA HIJAU", "P")),
                "2": (_candidate(1, "FAJAR HIJAU", "L"),),
            },
        ),
        Party(
            ChoiceNo(3),
            "PARTAI BIRU UJI",
            {
                "1": (_candidate(1, "GITA BIRU", "P"),),
                "2": (_candidate(1, "HADI BIRU", "L"), _candidate(2, "IRA BIRU", "P")),
            },
        ),
    )
    districts = (
        District("1", "KOTA UJI 1", 4, (RegionCode("990101"), RegionCode("990102"))),
        District("2", "KOTA UJI 2", 3, (RegionCode("990103"),)),
    )
    return Contest(
        ContestCode("dprd_kabko"),
        "Pemilihan Umum Anggota DPRD Kota Uji",
        parties=parties,
        districts=districts,
    )


def pleno(contest: Contest) -> Pleno:
    return Pleno(
        "Pemilihan Umum Uji 2024",
        ElectionKind.PEMILU,
        Level.KABKO,
        Region(RegionCode("9901"), "KOTA UJI"),
        UNITS,
        (contest,),
        place="Aula Uji",
        held_on=date(2024, 2, 29),
        members=(Member("Ketua Uji, S.H.", "Ketua"), Member("Anggota Uji", "Anggota")),
        witnesses=(Witness("Saksi Hijau Uji", ContestCode("dprd_kabko"), ChoiceNo(2)),),
    )


def tallies() -> dict[RegionCode, Tally]:
    """Party-only, candidate and (for Utara) written party totals; Utara's written total of
    PARTAI HIJAU UJI is 1.000 although its rows add up to 990."""
    utara = {
        "suara_partai_01": 300,
        "suara_caleg_01_01": 1200,
        "suara_caleg_01_02": 500,
        "suara_partai_02": 90,
        "suara_caleg_02_01": 600,
        "suara_caleg_02_02": 300,
        "suara_partai_03": 40,
        "suara_caleg_03_01": 260,
        "jumlah_suara_partai_01": 2000,
        "jumlah_suara_partai_02": 1000,
        "jumlah_suara_partai_03": 300,
        "suara_sah": 3290,
        "suara_tidak_sah": 70,
    }
    selatan = {
        "suara_partai_01": 100,
        "suara_caleg_01_01": 700,
        "suara_caleg_01_02": 400,
        "suara_partai_02": 200,
        "suara_caleg_02_01": 900,
        "suara_caleg_02_02": 400,
        "suara_partai_03": 50,
        "suara_caleg_03_01": 650,
        "suara_sah": 3400,
        "suara_tidak_sah": 40,
    }
    timur = {
        "suara_partai_01": 100,
        "suara_caleg_01_01": 1400,
        "suara_partai_02": 50,
        "suara_caleg_02_01": 950,
        "suara_partai_03": 60,
        "suara_caleg_03_01": 700,
        "suara_caleg_03_02": 340,
        "suara_sah": 3600,
        "suara_tidak_sah": 25,
    }
    return {
        RegionCode(code): Tally({FieldKey(k): v for k, v in values.items()})
        for code, values in (("990101", utara), ("990102", selatan), ("990103", timur))
    }


def recap(contest: Contest) -> Recap:
    return recapitulate(contest, UNITS, tallies())


def seat_results(
    contest: Contest, votes: dict[RegionCode, Tally], decisions: dict[str, tuple[int, ...]]
) -> SeatResults:
    meeting = pleno(contest)
    districts = district_results(contest, meeting.level, meeting.units, votes, decisions)
    return SeatResults(contest, "ppk", districts, None)
