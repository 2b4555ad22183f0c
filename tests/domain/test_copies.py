"""Salinan dan tanda terima: what a handing of copies must state before it is recorded."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.domain.copies import (
    CopyMoment,
    Found,
    HandRequest,
    Medium,
    PrintedVersion,
    Receiver,
    ReceiverKind,
    completed,
    meeting_people,
    next_numbers,
    receiver_role,
    request_problems,
)
from rekap_desktop.domain.election import (
    Choice,
    Contest,
    ElectionKind,
    Level,
    Pleno,
    Region,
    Unit,
    Witness,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode

PLENO = Pleno(
    "Pemilihan Uji",
    ElectionKind.PILKADA,
    Level.KABKO,
    Region(RegionCode("9901"), "KOTA UJI"),
    (Unit(RegionCode("990101"), "UTARA"),),
    (
        Contest(
            ContestCode("walikota"),
            "Pemilihan Wali Kota Uji",
            (
                Choice(ChoiceNo(1), "KOLOM KOSONG", blank_column=True),
                Choice(ChoiceNo(2), "CALON A"),
            ),
        ),
    ),
    witnesses=(Witness("Saksi Dua", ContestCode("walikota"), ChoiceNo(2)),),
)
D_HASIL = PrintedVersion(7, "d-hasil", "walikota", 2, "9F3A-0C21-04BD", False, "2024-12-05")
FOUND = Found({7: D_HASIL}, {8: "tanda-terima"})
PEOPLE = meeting_people(PLENO, [("Saksi Pengganti Tercatat", "walikota", 2)])
SAKSI = Receiver("Saksi Dua", ReceiverKind.SAKSI, "walikota", 2)
BAWASLU = Receiver("Rina Bawaslu", ReceiverKind.BAWASLU)


def _request(*receivers: Receiver, **changes: object) -> HandRequest:
    request = HandRequest((7,), receivers, Medium.KERTAS, CopyMoment.SKORS)
    return replace(request, **changes)  # type: ignore[arg-type]


def test_a_copy_for_a_saksi_of_the_meeting_and_bawaslu_is_accepted() -> None:
    assert request_problems(_request(SAKSI, BAWASLU), FOUND, PEOPLE) == []
    recorded = Receiver("saksi  pengganti tercatat", ReceiverKind.SAKSI, "walikota", 2)
    assert request_problems(_request(recorded), FOUND, PEOPLE) == []


def test_a_saksi_not_of_the_meeting_is_refused_unless_recorded_as_saksi_lain() -> None:
    stranger = Receiver("Orang Lain", ReceiverKind.SAKSI, "walikota", 2)
    [problem] = request_problems(_request(stranger), FOUND, PEOPLE)
    assert problem.startswith("penerima ke-1 (Orang Lain): bukan saksi nomor urut 2")
    assert "'saksi lain'" in problem
    lain = replace(stranger, kind=ReceiverKind.SAKSI_LAIN)
    assert request_problems(_request(lain), FOUND, PEOPLE) == []


def test_the_kolom_kosong_has_no_saksi_and_another_contest_is_not_copied() -> None:
    blank = Receiver("Siapa Saja", ReceiverKind.SAKSI_LAIN, "walikota", 1)
    assert request_problems(_request(blank), FOUND, PEOPLE) == [
        "penerima ke-1 (Siapa Saja): nomor urut 1 tidak mempunyai saksi di Pemilihan Wali Kota Uji"
    ]
    other = Receiver("Saksi Gubernur", ReceiverKind.SAKSI_LAIN, "gubernur", 1)
    assert "pemilihan 'gubernur' tidak ada" in request_problems(_request(other), FOUND, PEOPLE)[0]


def test_what_is_missing_or_wrong_is_named() -> None:
    problems = request_problems(
        _request(
            Receiver("  ", ReceiverKind.PEMANTAU),
            Receiver("Pak Lurah", ReceiverKind.LAINNYA),
            BAWASLU,
            BAWASLU,
            print_ids=(7, 8, 99),
            medium=Medium.USB,
        ),
        FOUND,
        PEOPLE,
    )
    assert problems == [
        "cetakan #8 (tanda-terima) bukan dokumen yang disalin untuk saksi dan Bawaslu",
        "cetakan #99 tidak ada dalam riwayat cetak pleno ini",
        "penerima ke-1: nama penerima wajib diisi",
        "penerima ke-2 (Pak Lurah): penerima lain: tulis sebagai apa ia menerima "
        "(mis. 'PPK Palaran')",
        "penerima ke-4 (Rina Bawaslu): dipilih dua kali",
        "salinan PDF (USB): pilih folder tujuan (mis. flashdisk)",
    ]


def test_the_moment_needs_its_kecamatan_and_penetapan_a_determined_print() -> None:
    close = _request(BAWASLU, moment=CopyMoment.PENUTUPAN_KECAMATAN)
    assert request_problems(close, FOUND, PEOPLE) == [
        "penutupan kecamatan: pilih kecamatan yang ditutup"
    ]
    assert request_problems(replace(close, unit="990101"), FOUND, PEOPLE) == []
    assert request_problems(replace(close, unit="990199"), FOUND, PEOPLE) == [
        "kecamatan '990199' tidak ada dalam pleno ini"
    ]
    at_penetapan = _request(BAWASLU, moment=CopyMoment.PENETAPAN)
    assert "dicetak sebelum penetapan (DRAF)" in request_problems(at_penetapan, FOUND, PEOPLE)[0]
    final = Found({7: replace(D_HASIL, determined=True)})
    assert request_problems(at_penetapan, final, PEOPLE) == []


def test_copies_are_numbered_per_print_version_continuing_its_last_number() -> None:
    assert next_numbers([7, 9], {7: 3}, 2) == [4, 5, 1, 2]


def test_a_saksi_named_by_name_is_completed_and_says_as_what_they_received() -> None:
    by_name = Receiver("SAKSI DUA", ReceiverKind.SAKSI)
    full = completed(by_name, {"walikota"}, PEOPLE)
    assert (full.contest, full.choice) == ("walikota", 2)
    assert receiver_role(PLENO, full) == "Saksi Pemilihan Wali Kota Uji, Nomor urut 2: CALON A"
    assert receiver_role(PLENO, BAWASLU) == "Bawaslu"
    assert receiver_role(PLENO, Receiver("X", ReceiverKind.PEMANTAU, note="JPPR")) == (
        "Pemantau, JPPR"
    )
