"""``rekap-desktop report`` and ``rekap-desktop audit --fingerprint`` (formats §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.app import main
from tests.documents.pdf_check import flat, page_texts


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.sqlite")
    assert run(capsys, "demo", "--db", path)[0] == 0
    return path


def test_report_writes_each_form_and_its_fingerprint_is_found(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # WHEN each form is reported to a PDF
    for kind, extra in (
        ("d-hasil", ["--pemilihan", "walikota"]),
        ("kejadian-khusus", []),
        ("pengembalian", ["--kertas", "a4"]),
    ):
        out = tmp_path / f"{kind}.pdf"
        code, stdout, err = run(capsys, "report", kind, "--db", db, "--out", str(out), *extra)
        # THEN it exits 0, says the version and sidik data, and the PDF carries that code
        assert (code, err) == (0, "")
        assert "versi 1" in stdout
        fingerprint = stdout.split("sidik data ")[1].split(" ")[0]
        assert fingerprint in flat(page_texts(out.read_bytes())[0])
    # WHEN the last code is looked up
    code, stdout, _ = run(capsys, "audit", "--db", db, "--fingerprint", fingerprint.lower())
    # THEN the form, its version and "unchanged" are printed
    assert code == 0
    assert "Rekap Pengembalian C.Pemberitahuan (gubernur): versi 1" in stdout
    assert "kertas A4" in stdout and "Data tidak berubah sejak dicetak." in stdout
    # AND the audit chain, with the print entries, still verifies
    code, stdout, _ = run(capsys, "audit", "--db", db, "--verify")
    assert code == 0 and "Rantai audit utuh" in stdout


def test_report_refusals_exit_2_with_a_message(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    cases = [
        (["report", "berita", "--db", db, "--out", out], "jenis formulir 'berita' tidak dikenal"),
        (["report", "d-hasil", "--db", db, "--out", out], "gubernur, walikota"),
        (["report", "d-hasil", "--db", db, "--out", out, "--kertas", "B5"], "'B5'"),
        (["audit", "--db", db, "--fingerprint", "0000-0000-0000"], "tidak ditemukan"),
    ]
    for argv, message in cases:
        # WHEN asked wrongly THEN exit 2 with an Indonesian message, and no file written
        code, _, err = run(capsys, *argv)
        assert code == 2 and message in err
    assert not Path(out).exists()
