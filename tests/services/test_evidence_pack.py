"""The evidence pack for Bawaslu and the Court: written from the determined demo meeting, it
verifies anywhere, its index numbers every exhibit, its writing is audited, and any byte changed
in any member or in the manifest, a member removed or added, is refused naming what changed."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange import evidence_pack as fmt
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.evidence.ledgers import LEDGERS
from rekap_desktop.services.evidence.pack import EvidenceService, WrittenPack
from rekap_desktop.services.evidence.tables import csv_bytes
from rekap_desktop.services.evidence.verify import verify_evidence_bytes
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.storage.engine import open_engine
from tests.penetapan import determine_meeting

EVERY_KIND_OF_MEMBER = [
    "manifest.json",
    "manifest.sig",
    fmt.INDEX,
    fmt.INSTRUCTIONS,
    fmt.SUMS,
    fmt.CHAIN_FILE,
    "audit/jejak-audit.csv",
    "formulir/d-hasil-walikota.pdf",
    "formulir/berita-acara.pdf",
    "daftar/daftar-pembetulan.pdf",
    "daftar/daftar-pembetulan.csv",
    "daftar/register-kejadian.json",
    "daftar/riwayat-cetak.pdf",
    "cetak/0001-d-hasil-walikota-v1.pdf",
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PlenoService, WrittenPack]]:
    """The demo kota determined, its D.Hasil wali kota printed once, and its pack written."""
    folder = tmp_path_factory.mktemp("bukti")
    service = PlenoService(open_engine(str(folder / "kota.sqlite")), actor="operator")
    load_demo(service, DemoKind.PILKADA)
    determine_meeting(service)
    prints = meeting_print_service(service)
    prints.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    pack = EvidenceService(service, prints).write(folder / "bukti.zip")
    yield service, pack
    service.engine.dispose()


def _data(written: tuple[PlenoService, WrittenPack]) -> bytes:
    return written[1].path.read_bytes()


def _flipped(data: bytes, member: str) -> bytes:
    """``data`` with one byte flipped in the middle of ``member``'s stored bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    header = data[info.header_offset : info.header_offset + 30]
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little")
    start += int.from_bytes(header[28:30], "little")
    tampered = bytearray(data)
    tampered[start + info.file_size // 2] ^= 0x01
    return bytes(tampered)


def _refusal(data: bytes) -> str:
    with pytest.raises(InputRejected) as caught:
        verify_evidence_bytes(data, "bukti.zip")
    return str(caught.value)


def test_written_pack_verifies_and_says_who_signed_it(
    written: tuple[PlenoService, WrittenPack],
) -> None:
    # GIVEN the pack of the determined demo WHEN it is verified without the database
    report = verify_evidence_bytes(_data(written), "bukti.zip")
    # THEN it is intact, signed by this installation, for the kota, with numbered exhibits
    manifest = report.pack.manifest
    assert report.fingerprint == installation_fingerprint() == written[1].fingerprint
    assert (manifest.region_code, manifest.region_name) == ("6472", "KOTA SAMARINDA")
    assert manifest.determined and manifest.demo and manifest.chain_ok
    numbers = [e.number for e in manifest.exhibits]
    assert numbers == [f"B-{i}" for i in range(1, len(numbers) + 1)]
    files = {e.file for e in manifest.exhibits}
    assert set(EVERY_KIND_OF_MEMBER) - files == {
        "manifest.json",
        "manifest.sig",
        fmt.INDEX,
        fmt.INSTRUCTIONS,
        fmt.SUMS,
    }
    assert report.lines()[0].startswith("Paket bukti utuh: tanda tangan dan ")
    assert f"sidik kunci: {report.fingerprint}" in report.lines()[4]


def test_every_member_and_the_manifest_are_listed(
    written: tuple[PlenoService, WrittenPack],
) -> None:
    # GIVEN the pack WHEN its files are listed THEN every kind of member tested below is in it
    with zipfile.ZipFile(written[1].path) as archive:
        names = set(archive.namelist())
    assert set(EVERY_KIND_OF_MEMBER) <= names


@pytest.mark.parametrize("member", EVERY_KIND_OF_MEMBER)
def test_one_byte_changed_in_any_member_is_refused_naming_it(
    written: tuple[PlenoService, WrittenPack], member: str
) -> None:
    # GIVEN one byte flipped inside one member WHEN verified THEN refused, that member named
    assert f"'{member}'" in _refusal(_flipped(_data(written), member))


def test_every_single_member_flipped_is_refused(written: tuple[PlenoService, WrittenPack]) -> None:
    # GIVEN the pack WHEN a byte of each of its members in turn is flipped THEN never accepted
    data = _data(written)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.namelist()
    for member in members:
        assert f"'{member}'" in _refusal(_flipped(data, member)), member


def _rezipped(data: bytes, change: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename not in change:
                target.writestr(info.filename, source.read(info))
        for name, content in change.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"formulir/berita-acara.pdf": b"%PDF-1.4 lain"}, "isi 'formulir/berita-acara.pdf' telah"),
        ({"daftar/daftar-pembetulan.csv": None}, "'daftar/daftar-pembetulan.csv' yang tercantum"),
        ({"cetak/tambahan.pdf": b"%PDF"}, "'cetak/tambahan.pdf' tidak tercantum"),
        ({"manifest.sig": b"00" * 64}, "tanda tangan manifest tidak sah"),
    ],
)
def test_a_member_replaced_removed_or_added_is_refused(
    written: tuple[PlenoService, WrittenPack], change: dict[str, bytes | None], expected: str
) -> None:
    # GIVEN a tamperer who rebuilds the zip WHEN verified THEN refused with the reason
    assert expected in _refusal(_rezipped(_data(written), change))


def test_the_index_numbers_every_exhibit_with_its_file_and_hash(
    written: tuple[PlenoService, WrittenPack],
) -> None:
    # GIVEN the pack's index
    pack = verify_evidence_bytes(_data(written), "bukti.zip").pack
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pack.members[fmt.INDEX])).pages
    )
    flat = " ".join(text.split())
    # THEN its title page names the meeting, the signer's key and the chain head
    assert "DAFTAR BUKTI" in flat and "6472 KOTA SAMARINDA" in flat
    assert written[1].fingerprint in flat
    assert f"#{written[1].chain_head[0]} " in flat
    # AND every exhibit is listed with its number and the start of its SHA-256
    for exhibit in pack.manifest.exhibits:
        assert f"{exhibit.number} " in flat
        assert " ".join(exhibit.sha256[i : i + 4] for i in (0, 4, 8, 12)) in flat


def test_the_ledgers_are_machine_readable(written: tuple[PlenoService, WrittenPack]) -> None:
    # GIVEN the pack WHEN its correction ledger and print history are read as data
    members = verify_evidence_bytes(_data(written), "bukti.zip").pack.members
    corrections = json.loads(members["daftar/daftar-pembetulan.json"])
    history = json.loads(members["daftar/riwayat-cetak.json"])
    # THEN they hold the meeting's corrections and the one print with its sidik data
    assert corrections["format"] == "rekap-daftar/1" and corrections["baris"]
    assert corrections["baris"][0]["nomor"] == 1
    assert [(r["jenis_formulir"], r["versi"], r["final"]) for r in history["baris"]] == [
        ("d-hasil", 1, True)
    ]
    csv_head = members["daftar/daftar-pembetulan.csv"].decode().splitlines()[0]
    assert csv_head.startswith("nomor,kecamatan,pemilihan,rincian,semula,menjadi")


def test_every_ledger_csv_names_its_columns_even_without_a_row(
    written: tuple[PlenoService, WrittenPack],
) -> None:
    # GIVEN the pack of a meeting with no recount and no copy handed yet
    members = verify_evidence_bytes(_data(written), "bukti.zip").pack.members
    for ledger in LEDGERS:
        rows = json.loads(members[f"daftar/{ledger.stem}.json"])["baris"]
        lines = members[f"daftar/{ledger.stem}.csv"].decode().splitlines()
        # THEN each CSV starts with the ledger's columns, followed by one line per row
        assert lines[0] == ",".join(ledger.columns), ledger.stem
        assert len(lines) == 1 + len(rows), ledger.stem
    empty = [
        ledger.stem
        for ledger in LEDGERS
        if not json.loads(members[f"daftar/{ledger.stem}.json"])["baris"]
    ]
    assert {"hitung-ulang", "salinan"} <= set(empty)


def test_a_row_with_other_columns_than_its_ledger_is_a_fault_not_a_file() -> None:
    with pytest.raises(ValueError, match="kolom baris"):
        csv_bytes([{"nomor": 1, "lain": 2}], ("nomor", "kecamatan"))


def test_writing_the_pack_is_audited_after_the_head_it_carries(
    written: tuple[PlenoService, WrittenPack],
) -> None:
    # GIVEN the pack and the meeting's chain
    service, pack = written
    chain = json.loads(
        verify_evidence_bytes(_data(written), "bukti.zip").pack.members[fmt.CHAIN_FILE]
    )
    entries = (
        service.engine.connect()
        .exec_driver_sql("SELECT id, event, payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        .all()
    )
    number, event, payload = entries[0]
    # THEN the entry after the pack's head records the pack by its signed manifest
    assert event == AuditEvent.EVIDENCE_WRITTEN
    assert number == pack.chain_head[0] + 1 == chain["entri"][-1]["id"] + 1
    recorded = json.loads(payload)
    assert recorded["manifest_sha256"] == pack.manifest_sha256
    assert recorded["kepala_audit"] == {"urutan": pack.chain_head[0], "hash": pack.chain_head[1]}
    assert chain["pemeriksaan"]["utuh"] is True


def test_a_pack_name_without_zip_or_folder_is_refused(
    written: tuple[PlenoService, WrittenPack], tmp_path: Path
) -> None:
    service = written[0]
    evidence = EvidenceService(service, meeting_print_service(service))
    with pytest.raises(InputRejected, match="harus berakhiran .zip"):
        evidence.write(tmp_path / "bukti.rekap")
    with pytest.raises(InputRejected, match="tidak ada"):
        evidence.write(tmp_path / "tidak-ada" / "bukti.zip")
