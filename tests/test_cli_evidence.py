"""``rekap-desktop evidence`` and ``verify`` of an evidence pack on the command line: exit 0 with
an Indonesian report when intact, 2 naming what changed, and ``verify`` still checks packages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.command_line import run_cli
from tests.penetapan import determine_meeting


@pytest.fixture(scope="module")
def determined_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kota")
    path = folder / "kota.sqlite"
    from rekap_desktop.services.demo import DemoKind, load_demo

    service = PlenoService(open_engine(str(path)), actor="cli")
    load_demo(service, DemoKind.PILKADA)
    determine_meeting(service)
    service.engine.dispose()
    return path


def test_evidence_written_and_verified(
    determined_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a determined meeting WHEN the evidence pack is written
    db = tmp_path / "kota.sqlite"
    shutil.copy(determined_db, db)
    pack = tmp_path / "bukti.zip"
    code, out, err = run_cli(capsys, "evidence", "--db", str(db), "--out", str(pack))
    # THEN it says what it wrote and with which key
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Paket bukti ditulis: bukti.zip (") and lines[0].endswith(" bukti)")
    fingerprint = lines[1].removeprefix("Sidik kunci instalasi: ")
    # WHEN it is verified THEN intact, with the exhibits, the signer and the wilayah
    code, out, err = run_cli(capsys, "verify", str(pack))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Paket bukti utuh: tanda tangan dan ")
    assert lines[1].startswith("Jumlah bukti: ")
    assert lines[2] == "Wilayah: 6472 KOTA SAMARINDA (tingkat kabko)"
    assert lines[4] == f"Ditandatangani instalasi dengan sidik kunci: {fingerprint}"
    # WHEN one byte of the pack changes THEN verify exits 2 naming the member
    data = bytearray(pack.read_bytes())
    offset = data.find(b"DAFTAR")
    data[offset] ^= 0x01
    tampered = tmp_path / "diubah.zip"
    tampered.write_bytes(bytes(data))
    code, out, err = run_cli(capsys, "verify", str(tampered))
    assert code == 2 and out == ""
    assert err.startswith("Ditolak: diubah.zip: ") and "'" in err
    # AND a result package is still verified as one
    package = tmp_path / "kota.rekap"
    assert run_cli(capsys, "export", "--db", str(db), "--out", str(package))[0] == 0
    code, out, _ = run_cli(capsys, "verify", str(package))
    assert code == 0 and out.startswith("Paket sah: tanda tangan")


def test_evidence_refusals_exit_2(
    determined_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a meeting WHEN the pack is asked for in a folder that does not exist THEN refused
    code, _, err = run_cli(
        capsys, "evidence", "--db", str(determined_db), "--out", str(tmp_path / "x" / "b.zip")
    )
    assert code == 2 and "folder" in err and "tidak ada" in err
    # WHEN with another ending THEN refused, nothing written
    code, _, err = run_cli(
        capsys, "evidence", "--db", str(determined_db), "--out", str(tmp_path / "b.pdf")
    )
    assert code == 2 and "harus berakhiran .zip" in err
    assert not (tmp_path / "b.pdf").exists()
    # WHEN a file that is no zip is verified THEN refused in Indonesian
    junk = tmp_path / "bukan.zip"
    junk.write_bytes(b"PK\x03\x04 bukan zip")
    code, _, err = run_cli(capsys, "verify", str(junk))
    assert code == 2 and "bukan berkas zip yang utuh" in err
