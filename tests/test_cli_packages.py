"""The tiered recapitulation on the command line: the demo kota taken through penetapan, its
signed package exported and verified, and imported by a provinsi meeting one level up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_provinsi_setup
from tests.penetapan import determine_meeting


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _gubernur(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, object]:
    code, out, _ = _run(capsys, "recap", "--db", db, "--json")
    assert code == 0
    return next(c for c in json.loads(out)["kontestasi"] if c["kode"] == "gubernur")


def test_determined_demo_package_goes_up_to_the_provinsi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the demo kota, and a package refused before its result is determined
    kota, package = str(tmp_path / "kota.sqlite"), tmp_path / "samarinda.rekap"
    assert _run(capsys, "demo", "--db", kota)[0] == 0
    code, _, err = _run(capsys, "export", "--db", kota, "--out", str(package))
    assert code == 2 and "hasil belum ditetapkan" in err
    assert not package.exists()
    # WHEN the meeting is taken through penetapan and the package is exported
    service = PlenoService(open_engine(kota))
    determine_meeting(service)
    service.engine.dispose()
    code, out, _ = _run(capsys, "export", "--db", kota, "--out", str(package))
    assert code == 0
    written, key_line = out.splitlines()
    assert written.startswith("Paket hasil ditetapkan ditulis: samarinda.rekap (")
    fingerprint = key_line.removeprefix("Sidik kunci instalasi: ")
    # THEN it verifies anywhere, as the determined result of the kota
    code, out, _ = _run(capsys, "verify", str(package))
    assert code == 0
    assert out.splitlines()[1:4] == [
        "Wilayah: 6472 KOTA SAMARINDA (tingkat kabko)",
        "Pemilihan: gubernur, walikota",
        "Status: DITETAPKAN",
    ]
    assert out.splitlines()[-1] == f"Sidik kunci pengirim: {fingerprint}"
    # WHEN the provinsi imports it without confirming the key THEN refused, nothing imported
    provinsi, setup = str(tmp_path / "provinsi.sqlite"), str(write_provinsi_setup(tmp_path))
    assert _run(capsys, "new", "--setup", setup, "--db", provinsi)[0] == 0
    code, _, err = _run(capsys, "import", str(package), "--db", provinsi)
    assert code == 2 and f"belum dikenal: sidik {fingerprint}" in err
    assert not _has_values(_gubernur(capsys, provinsi), "6472")
    # WHEN the fingerprint read aloud is confirmed (typed with dashes)
    typed = fingerprint.replace(" ", "-")
    code, out, _ = _run(capsys, "import", str(package), "--db", provinsi, "--percaya-kunci", typed)
    # THEN the kota's gubernur result is the provinsi's ppk source for that unit
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("Paket 6472 KOTA SAMARINDA diimpor sebagai sumber ppk: gubernur;")
    assert lines[1:] == [
        f"Sidik kunci pengirim: {fingerprint} (kunci baru dikonfirmasi)",
        "Tidak diimpor (bukan pemilihan pleno ini): walikota",
    ]
    determined = _gubernur(capsys, kota)["jumlah"]
    imported = _unit(_gubernur(capsys, provinsi), "6472")
    assert {k: v for k, v in imported.items() if k not in ("kode_wilayah", "nama_wilayah")} == {
        k: v
        for k, v in determined.items()
        if v  # type: ignore[union-attr]
    }
    assert isinstance(imported["suara_sah"], int) and imported["suara_sah"] > 300_000
    # AND the same package again, or one with a byte altered, is refused
    code, _, err = _run(capsys, "import", str(package), "--db", provinsi)
    assert code == 2 and "sudah diimpor" in err
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0x20
    altered = tmp_path / "diubah.rekap"
    altered.write_bytes(bytes(data))
    assert _run(capsys, "verify", str(altered))[0] == 2
    assert _run(capsys, "audit", "--db", provinsi, "--verify")[0] == 0


def _unit(contest: dict[str, object], code: str) -> dict[str, object]:
    units = contest["unit"]
    assert isinstance(units, list)
    return next(u for u in units if u["kode_wilayah"] == code)


def _has_values(contest: dict[str, object], code: str) -> bool:
    units = contest["unit"]
    assert isinstance(units, list)
    return any(u["kode_wilayah"] == code and len(u) > 2 for u in units)
