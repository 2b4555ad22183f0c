"""The signed result package: what is written verifies; any tampering is refused with the reason."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange import package as pkg

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
MEMBERS = {
    pkg.SETUP: b'{"format": "rekap-pleno/1"}',
    pkg.TALLIES: b"pemilihan,kode_wilayah,nama_wilayah,sumber\r\n",
    pkg.INCIDENTS: b'{"format": "rekap-kejadian/1", "kejadian": []}',
    pkg.CORRECTIONS: b'{"format": "rekap-koreksi/1", "koreksi": []}',
    pkg.AUDIT: b'{"format": "rekap-audit/1", "entri": []}',
    "cetak/d-hasil-walikota-v1.pdf": b"%PDF-1.4 uji",
}
MANIFEST = {
    "format": pkg.FORMAT,
    "program": "rekap-desktop uji",
    "dibuat": "2024-12-01T10:00:00.000000+08:00",
    "sementara": False,
    "tingkat": "kecamatan",
    "wilayah": {"kode": "990101", "nama": "UTARA"},
    "pemilihan": "Pemilihan Uji 2024",
    "kontestasi": ["walikota"],
    "kunci_publik": KEY.public_key().public_bytes_raw().hex(),
}


def _package() -> bytes:
    return pkg.write_package(MANIFEST, MEMBERS, KEY)


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The package with members replaced (None: removed) or added, as a tamperer would."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in change:
                continue
            target.writestr(info.filename, source.read(info))
        for name, content in change.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def _refusal(data: bytes) -> str:
    with pytest.raises(InputRejected) as caught:
        pkg.read_package(data, "utara.rekap")
    return str(caught.value)


def test_written_package_verifies_with_every_member() -> None:
    # GIVEN a package written with the installation key
    data = _package()
    # WHEN it is read
    verified = pkg.read_package(data, "utara.rekap")
    # THEN the members come back as written, and the manifest says who and what
    assert verified.members == MEMBERS
    assert verified.manifest.region_code == "990101"
    assert verified.manifest.contests == ("walikota",)
    assert verified.manifest.public_key == KEY.public_key().public_bytes_raw()
    assert not verified.manifest.provisional


def test_altered_member_is_refused() -> None:
    # GIVEN one byte of the tallies changed
    data = _rezip(_package(), {pkg.TALLIES: MEMBERS[pkg.TALLIES].replace(b"sumber", b"sumbex")})
    # WHEN read THEN refused naming the member
    assert "isi 'hasil.csv' telah diubah" in _refusal(data)


def test_every_single_byte_flip_is_refused() -> None:
    # GIVEN the package WHEN any one byte of it is flipped THEN it never verifies
    data = _package()
    for offset in range(0, len(data), 7):
        tampered = bytearray(data)
        tampered[offset] ^= 0x01
        with pytest.raises(InputRejected):
            pkg.read_package(bytes(tampered), "utara.rekap")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({pkg.INCIDENTS: None}, "anggota 'kejadian.json' yang tercantum di manifest tidak ada"),
        ({"cetak/tambahan.pdf": b"x"}, "anggota 'cetak/tambahan.pdf' tidak tercantum"),
        ({pkg.SIGNATURE: None}, "manifest.json atau manifest.sig tidak ada"),
        ({pkg.SIGNATURE: OTHER.sign(b"x").hex().encode()}, "tanda tangan manifest tidak sah"),
        ({"../evil.txt": b"x"}, "nama anggota tidak aman"),
        ({"/etc/passwd": b"x"}, "nama anggota tidak aman"),
        ({"cetak\\..\\x.pdf": b"x"}, "nama anggota tidak aman"),
    ],
)
def test_missing_extra_unsigned_or_unsafe_members_are_refused(
    change: dict[str, bytes | None], expected: str
) -> None:
    # GIVEN a tampered package WHEN read THEN refused with the reason
    assert expected in _refusal(_rezip(_package(), change))


def test_manifest_resigned_by_another_key_still_names_that_key() -> None:
    # GIVEN a tamperer who changes the tallies and re-signs with their own key
    members = {**MEMBERS, pkg.TALLIES: b"other"}
    manifest = {**MANIFEST, "kunci_publik": OTHER.public_key().public_bytes_raw().hex()}
    # WHEN read THEN it verifies only as a package of the OTHER key (the key check refuses it)
    verified = pkg.read_package(pkg.write_package(manifest, members, OTHER), "x.rekap")
    assert verified.manifest.public_key != KEY.public_key().public_bytes_raw()


def test_manifest_of_the_wrong_shape_is_refused() -> None:
    # GIVEN a signed manifest with a key of the wrong type
    text = json.dumps({**MANIFEST, "sementara": "tidak", "anggota": []}).encode()
    data = _rezip(_package(), {pkg.MANIFEST: text, pkg.SIGNATURE: KEY.sign(text).hex().encode()})
    # WHEN read THEN refused
    assert "isian berjenis salah" in _refusal(data)


def test_zip_bomb_declared_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a small bound and a member that declares more than it
    monkeypatch.setattr(pkg, "MAX_MEMBER_BYTES", 1000)
    data = _rezip(_package(), {"cetak/besar.pdf": b"0" * 5000})
    # WHEN read THEN refused before it is unpacked
    assert "menyatakan ukuran terlalu besar" in _refusal(data)


def test_zip_bomb_lying_about_its_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a member whose header claims 10 bytes but holds 5000 (a lying zip bomb)
    monkeypatch.setattr(pkg, "MAX_MEMBER_BYTES", 3000)
    data = bytearray(_rezip(_package(), {"cetak/besar.pdf": b"0" * 5000}))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (start := data.find(header, start)) >= 0:
            name_at = start + (30 if header == b"PK\x03\x04" else 46)
            if data[name_at : name_at + 15] == b"cetak/besar.pdf":
                size_at = start + (22 if header == b"PK\x03\x04" else 24)
                data[size_at : size_at + 4] = (10).to_bytes(4, "little")
            start += 4
    # WHEN read THEN refused, naming the member, without reading past the bound
    assert "'cetak/besar.pdf'" in _refusal(bytes(data))


def test_duplicate_member_names_are_refused() -> None:
    # GIVEN a zip holding the tallies twice
    out = io.BytesIO(_package())
    with zipfile.ZipFile(out, "a") as archive, pytest.warns(UserWarning):
        archive.writestr(pkg.TALLIES, b"second")
    # WHEN read THEN refused
    assert "ada dua kali" in _refusal(out.getvalue())


def test_not_a_zip_is_refused_in_indonesian() -> None:
    # GIVEN random bytes WHEN read THEN refused as not a zip, without Python's English words
    refusal = _refusal(b"PK\x03\x04 not really")
    assert "bukan berkas zip yang utuh: berkas rusak, terpotong, atau bukan paket .rekap" in refusal
    assert "File is not a zip file" not in refusal
