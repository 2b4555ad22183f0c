"""Entering what is read aloud, the double entry, and form photos (procedure items 7–9)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.entry_service import PassMismatch
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.photos_service import image_info
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_setup, write_tallies


@pytest.fixture
def comparison(tmp_path: Path, db_url: str) -> Iterator[ComparisonService]:
    """The small test meeting (two kecamatan, walikota) with PPK and Sirekap forms."""
    pleno = PlenoService(open_engine(db_url))
    pleno.create_from_setup_file(write_setup(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path))
    yield ComparisonService(pleno)
    pleno.engine.dispose()


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_a_bawaslu_value_is_a_new_version_and_rule_breaks_are_kept(
    comparison: ComparisonService,
) -> None:
    # GIVEN UTARA (990101), whose PPK form has suara_02 = 580
    # WHEN Bawaslu reports 1.580 (Indonesian thousands separator), which breaks R03
    result = comparison.entry.enter("walikota", "990101", "bawaslu", "suara_02", "1.580")
    # THEN it is stored as version 1 of Bawaslu's form and the R03 finding comes back
    assert (result.value, result.version) == (1580, 1)
    assert [f.code for f in result.findings] == []
    row = comparison.corrections.comparison("walikota", "990101").row("suara_02")
    assert row is not None
    assert row.differing_sources == (SIREKAP, BAWASLU)
    # AND a PPK value that breaks R03 is accepted with its finding
    again = comparison.entry.enter("walikota", "990101", "ppk", "suara_02", "581")
    assert again.version == 2
    assert [f.code for f in again.findings] == ["R03"]
    assert verify_integrity(comparison.pleno).ok


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "'-5' bukan angka yang sah"),
        ("1,5", "'1,5' bukan angka yang sah"),
        ("dua", "'dua' bukan angka yang sah"),
    ],
)
def test_impossible_values_are_refused(
    comparison: ComparisonService, text: str, message: str
) -> None:
    # GIVEN the meeting's current forms
    before = comparison.pleno.tallies()
    # WHEN an impossible value is entered
    with pytest.raises(InputRejected) as refused:
        comparison.entry.enter("walikota", "990101", "ppk", "suara_02", text)
    # THEN it is refused naming field, source and kecamatan, and nothing changed
    assert str(refused.value) == (
        f"{message} untuk IV Suara sah pilihan nomor urut 2 (formulir D.Hasil PPK, "
        "UTARA (990101), walikota): isi bilangan bulat ≥ 0, titik hanya sebagai pemisah ribuan"
    )
    assert comparison.pleno.tallies() == before


def test_sesuai_records_the_reading_without_a_new_version(comparison: ComparisonService) -> None:
    # GIVEN the PPK value 580 shown for suara_02
    # WHEN the PPK reads the same and the operator presses "sesuai"
    result = comparison.entry.confirm("walikota", "990101", "ppk", "suara_02", 580)
    # THEN no new version is written but the reading is recorded
    assert result.version is None
    assert comparison.corrections.confirmations("walikota", "990101") == {
        (PPK.code, "suara_02"): 580
    }


def test_double_entry_counts_only_when_both_passes_match(comparison: ComparisonService) -> None:
    # GIVEN a Bawaslu copy keyed twice, the passes disagreeing on suara_01
    first = {"suara_01": "100", "suara_02": "580"}
    comparison.entry.record_pass("walikota", "990102", "bawaslu", 1, first)
    mismatches = comparison.entry.record_pass(
        "walikota", "990102", "bawaslu", 2, {"suara_01": "170", "suara_02": "580"}
    )
    # THEN the mismatch is listed and the values do not count yet
    assert mismatches == [PassMismatch("suara_01", 100, 170)]  # type: ignore[arg-type]
    with pytest.raises(InputRejected):
        comparison.entry.apply_passes("walikota", "990102", "bawaslu")
    assert ("walikota", "990102", "bawaslu") not in comparison.pleno.tallies()
    # WHEN the second pass is corrected and the passes applied
    comparison.entry.record_pass("walikota", "990102", "bawaslu", 2, {"suara_01": "100"})
    comparison.entry.apply_passes("walikota", "990102", "bawaslu")
    # THEN Bawaslu's form holds the agreed values
    assert dict(comparison.pleno.tallies()[("walikota", "990102", "bawaslu")]) == {
        "suara_01": 100,
        "suara_02": 580,
    }
    assert verify_integrity(comparison.pleno).ok


def test_photos_are_checked_and_kept(comparison: ComparisonService) -> None:
    # GIVEN a PNG and a JPEG header of a form photo
    assert image_info(jpeg_header(640, 480)) is not None
    # WHEN the PNG is attached to the PPK form of UTARA
    stored = comparison.photos.attach("walikota", "990101", "ppk", "d-hasil.png", png(4, 3))
    # THEN its size and type are read from the header and the bytes come back
    assert (stored.mime, stored.width, stored.height) == ("image/png", 4, 3)
    assert comparison.photos.photo_data(stored.id) == png(4, 3)
    assert [p.file_name for p in comparison.photos.photos("walikota", "990101")] == ["d-hasil.png"]
    # AND a file that is not an image, or a truncated one, is refused
    for name, data in (("catatan.txt", b"bukan gambar"), ("potong.png", png(4, 3)[:40])):
        with pytest.raises(InputRejected) as refused:
            comparison.photos.attach("walikota", "990101", "ppk", name, data)
        assert str(refused.value) == (
            f"'{name}' bukan gambar JPG/PNG yang dapat dibaca; foto ditolak"
        )
