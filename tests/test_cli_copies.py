"""``rekap-desktop salinan``: a copy of a printed version recorded with its receipt, a refusal
in Indonesian with exit 2, and a signed USB copy checked with ``--periksa``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.command_line import run_cli


def test_a_copy_is_recorded_signed_and_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the demo with its D.Hasil Wali Kota printed
    db = str(tmp_path / "demo.sqlite")
    assert run_cli(capsys, "demo", "--db", db)[0] == 0
    code, out, _ = run_cli(
        capsys, "report", "d-hasil", "--db", db, "--pemilihan", "walikota",
        "--out", str(tmp_path / "dh.pdf"),
    )  # fmt: skip
    assert code == 0
    fingerprint = out.split("sidik data ")[1].split(" ")[0]
    usb = tmp_path / "usb"
    usb.mkdir()
    # WHEN a copy goes to the saksi on a USB stick at a skors, the print named by its sidik
    code, out, err = run_cli(
        capsys, "salinan", "--db", db, "--cetakan", fingerprint,
        "--penerima", "Ayu Lestari Manurung", "--sebagai", "saksi",
        "--media", "usb", "--keluar", str(usb), "--saat", "skors",
    )  # fmt: skip
    # THEN it is salinan ke-1 of that version, the signed PDF and the tanda terima are written
    assert (code, err) == (0, "")
    assert "Salinan ke-1: Model D.Hasil — Pemilihan Wali Kota" in out
    assert f"(sidik data {fingerprint}) → Ayu Lestari Manurung" in out
    [pdf] = usb.glob("salinan-*.pdf")
    assert pdf.with_suffix(".sig").exists() and pdf.with_suffix(".txt").exists()
    assert (usb / "tanda-terima-penyerahan-1.pdf").exists()
    # AND --periksa accepts it, and refuses it once a byte is changed
    code, out, _ = run_cli(capsys, "salinan", "--periksa", str(pdf))
    assert code == 0 and "SAH: PDF utuh" in out
    data = bytearray(pdf.read_bytes())
    data[100] ^= 1
    pdf.write_bytes(bytes(data))
    code, _out, err = run_cli(capsys, "salinan", "--periksa", str(pdf))
    assert code == 2 and "TIDAK SAH" in err
    # AND the list shows the copy
    code, out, _ = run_cli(capsys, "salinan", "--db", db, "--daftar")
    assert code == 0 and "Salinan ke-1" in out and "Skors" in out


def test_a_refused_copy_says_why_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert run_cli(capsys, "demo", "--db", db)[0] == 0
    code, _out, err = run_cli(
        capsys, "salinan", "--db", db, "--cetakan", "1", "--penerima", "X", "--sebagai", "saksi"
    )
    assert code == 2
    assert "Ditolak: Penyerahan salinan: cetakan '1' tidak ada dalam riwayat cetak" in err
    code, _out, err = run_cli(capsys, "salinan", "--db", db, "--cetakan", "1")
    assert code == 2 and "salinan perlu --penerima, --sebagai" in err
