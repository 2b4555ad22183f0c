"""Sirekap's flags in words, and which of the operator's photo files belong to a TPS or desa."""

from __future__ import annotations

from rekap_desktop.domain.sirekap_marks import TpsMark, marks_words, photo_files

TPS = "9901011001004"
NAMES = [
    f"{TPS}-20240215-101010--bbb.jpg",
    f"{TPS}-20240214-235357--aaa.jpg",
    "9901011001005.png",
    "99010110010041-20240214-000000--x.jpg",  # 14 digits: another code
    f"{TPS}-notes.txt",
    "9901011002001.JPG",
]


def test_a_tps_takes_its_sirekap_named_files_and_its_plain_name() -> None:
    assert photo_files(TPS, NAMES) == [
        f"{TPS}-20240214-235357--aaa.jpg",
        f"{TPS}-20240215-101010--bbb.jpg",
    ]
    assert photo_files("9901011001005", NAMES) == ["9901011001005.png"]
    assert photo_files("9901011002001", NAMES) == ["9901011002001.JPG"]
    assert photo_files("9901011003001", NAMES) == []


def test_files_are_ordered_by_page_where_the_addresses_name_them() -> None:
    # GIVEN the addresses of pages 1–2, page 2 being the older file name
    images = (
        f"https://x/99/01/01/10/01/{TPS}-20240215-101010--bbb.jpg",
        f"https://x/99/01/01/10/01/{TPS}-20240214-235357--aaa.jpg",
    )
    # THEN page 1 comes first
    assert photo_files(TPS, NAMES, images)[0] == f"{TPS}-20240215-101010--bbb.jpg"


def test_a_desa_takes_the_photos_of_all_its_tps() -> None:
    assert photo_files("9901011001", NAMES) == [
        f"{TPS}-20240214-235357--aaa.jpg",
        f"{TPS}-20240215-101010--bbb.jpg",
        "9901011001005.png",
    ]


def test_flags_in_words() -> None:
    assert TpsMark(TPS, True, True).words() == ""
    assert TpsMark(TPS, None, None, "Reguler").words() == ""
    assert TpsMark(TPS, False, True, "PSU").words() == "status suara: belum; PSU"
    assert TpsMark(TPS, psu="2024-02-24").words() == "PSU (2024-02-24)"
    marks = [TpsMark(TPS, False, False, photo_only=True), TpsMark("9901011001005", True, True)]
    assert marks_words(marks) == "TPS 004: status suara: belum; status adm: belum; hanya foto"
