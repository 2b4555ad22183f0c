"""Sirekap's own flags per TPS (status_suara, status_adm, psu, images) and TPS files that hold
photos but no numbers (issue #21 points 2 and 5), read from files of the real schema."""

from __future__ import annotations

from typing import Any

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange.sirekap import TpsFile, read_sirekap_file
from rekap_desktop.interchange.sirekap_records import snapshots
from tests.interchange.exchange_fixtures import KABKO, PASLON, PPWP_SETUP, dump, pleno, tps_file

PHOTO = "https://sirekap-obj-formc.kpu.go.id/2851/pemilu/ppwp/99/01/01/10/01/{code}-{page}.jpg"


def photos(code: str, *pages: int | None) -> list[str | None]:
    return [None if p is None else PHOTO.format(code=code, page=p) for p in pages]


def photo_only_file(code: str) -> dict[str, Any]:
    """As the real Kepulauan Seribu sample 3101011001004.json: chart and administrasi null,
    one page photographed, both statuses false."""
    document = tps_file(None, admin=False)
    document.update(
        administrasi=None, images=photos(code, 1, None, None), status_suara=False, status_adm=False
    )
    return document


def test_the_flags_and_photo_addresses_of_each_tps_are_read() -> None:
    # GIVEN a TPS whose votes Sirekap read but not its administration, and a PSU TPS
    unread_adm = tps_file((10, 20))
    unread_adm.update(status_adm=False, images=photos("9901011001001", 1, 2, None))
    repeated = tps_file((5, 5))
    repeated["psu"] = "PSU"
    files = [
        read_sirekap_file(dump(unread_adm), "9901011001001.json"),
        read_sirekap_file(dump(repeated), "9901011001002.json"),
    ]
    # WHEN read for the Pemilu meeting
    [snapshot] = snapshots(files, pleno(PPWP_SETUP))
    first, second = snapshot.units[0].marks
    # THEN each TPS keeps its flags, and its photos per page ("" for a page without one)
    assert (first.code, first.status_suara, first.status_adm, first.psu) == (
        "9901011001001",
        True,
        False,
        None,
    )
    assert first.images == (*photos("9901011001001", 1, 2), "")
    assert first.words() == "status adm: belum"
    assert first.page_urls()[1] == "hal. 2: " + PHOTO.format(code="9901011001001", page=2)
    assert (second.psu, second.words()) == ("PSU", "PSU")
    # AND the numbers are summed as before
    assert snapshot.units[0].values["suara_02"] == 25
    assert snapshot.photo_only == ()


def test_a_tps_file_with_photos_only_is_kept_without_numbers() -> None:
    # GIVEN two read TPS and one that holds only a photo
    files = [
        read_sirekap_file(dump(tps_file((10, 20))), "9901011001001.json"),
        read_sirekap_file(dump(tps_file((5, 5))), "9901011001002.json"),
        read_sirekap_file(dump(photo_only_file("9901011002001")), "9901011002001.json"),
    ]
    # WHEN read
    [snapshot] = snapshots(files, pleno(PPWP_SETUP))
    unit = snapshot.units[0]
    # THEN it is named as photo-only, counted as not read, and adds no zero anywhere
    assert snapshot.photo_only == ("9901011002001",)
    assert (unit.progress.done, unit.progress.total) == (2, 3)  # type: ignore[union-attr]
    assert unit.values["suara_01"] == 15 and unit.values["pemilih_dpt_j"] == 400
    assert unit.kept is not None
    assert [r.values for r in unit.kept if r.code == "9901011002001"] == [{}]
    mark = unit.marks[2]
    assert mark.photo_only and mark.photos == (PHOTO.format(code="9901011002001", page=1),)
    assert mark.words() == "status suara: belum; status adm: belum; hanya foto"


def test_a_file_with_neither_numbers_nor_photos_is_not_photo_only() -> None:
    # GIVEN a TPS not read, with no photo either (as the real 3101011002001.json)
    document = photo_only_file("9901011001003")
    document["images"] = [None, None, None]
    file = read_sirekap_file(dump(document), "9901011001003.json")
    # THEN nothing is said to be there to open
    assert isinstance(file, TpsFile) and not file.photo_only and file.images == ("", "", "")


def test_a_kabko_of_photo_only_tps_is_not_stored_as_zero() -> None:
    # GIVEN a Pilkada TPS file with photos but no chart (tungsura.chart null)
    document = {
        "mode": "hhcw",
        "tungsura": {"chart": None},
        "images": photos("9901011001001", 1, 2),
        "psu": None,
        "ts": "2024-11-28 00:45:00",
        "status_suara": False,
        "status_adm": False,
    }
    file = read_sirekap_file(dump(document), "9901011001001.json")
    master = read_sirekap_file(dump(PASLON), "pkwkk.json")
    # WHEN read for the Wali Kota meeting (its only contest)
    [snapshot] = snapshots([master, file], pleno(KABKO))
    # THEN the unit has no values, no TPS counts as read, and the TPS is photo-only
    assert isinstance(file, TpsFile) and file.photo_only
    assert snapshot.units[0].values == {}
    assert snapshot.units[0].progress.done == 0  # type: ignore[union-attr]
    assert snapshot.photo_only == ("9901011001001",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"status_suara": "ya"}, "'status_suara' harus true/false"),
        ({"status_adm": 1}, "'status_adm' harus true/false"),
        ({"images": "https://x/a.jpg"}, "'images' harus daftar alamat foto"),
        ({"images": [1]}, "'images' harus daftar alamat foto"),
        ({"images": ["x" * 1001]}, "'images' terlalu panjang"),
        ({"psu": "x" * 1001}, "'psu' terlalu panjang"),
    ],
)
def test_odd_flags_are_refused_naming_the_file(change: dict[str, Any], expected: str) -> None:
    document = tps_file((1, 2))
    document.update(change)
    with pytest.raises(InputRejected, match=expected) as caught:
        read_sirekap_file(dump(document), "9901011001001.json")
    assert "9901011001001.json" in str(caught.value)


def test_a_psu_marker_other_than_text_is_kept_as_json() -> None:
    document = tps_file((1, 2))
    document["psu"] = {"jenis": "PSU", "tanggal": "2024-02-24"}
    file = read_sirekap_file(dump(document), "9901011001001.json")
    assert isinstance(file, TpsFile)
    assert file.psu == '{"jenis":"PSU","tanggal":"2024-02-24"}'
