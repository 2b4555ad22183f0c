"""Hostile files on the command line meet a clean refusal (exit 2, Indonesian, naming the file),
never an internal error: JSON nested deeper than Python reads, integers longer than Python
converts, a backup whose stored setup lacks its region, XLSX formula cells without a stored value,
an XLSX that inflates to hundreds of megabytes, a unit name of 50 MB."""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from rekap_desktop.app import main
from tests.fixtures import HEADER, SETUP, write_setup
from tests.interchange.exchange_fixtures import KABKO, region_file, write_json

LONG_DIGITS = "9" * 5000


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "uji.sqlite")
    assert _run(capsys, "new", "--setup", str(write_setup(tmp_path)), "--db", db)[0] == 0
    return db


def test_deeply_nested_setup_json_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a setup file nested 100,000 levels deep
    deep = tmp_path / "dalam.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    # WHEN a meeting is created from it THEN exit 2, saying why
    code, _, err = _run(capsys, "new", "--setup", str(deep), "--db", str(tmp_path / "x.sqlite"))
    assert (code, err) == (2, "Ditolak: dalam.json: JSON terlalu dalam bersarang\n")


def test_an_integer_of_5000_digits_is_refused_in_setup_and_sirekap_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a setup file whose jumlah_tps has 5,000 digits
    text = json.dumps(SETUP).replace('"jumlah_tps": 2', f'"jumlah_tps": {LONG_DIGITS}', 1)
    setup = tmp_path / "panjang.json"
    setup.write_text(text, encoding="utf-8")
    # WHEN a meeting is created from it THEN exit 2 naming the file and the length
    code, _, err = _run(capsys, "new", "--setup", str(setup), "--db", str(tmp_path / "x.sqlite"))
    assert (code, err) == (
        2,
        "Ditolak: panjang.json: bilangan dengan 5.000 angka terlalu panjang\n",
    )
    # AND the same in a Sirekap file imported into a meeting
    db = str(tmp_path / "kota.sqlite")
    _run(capsys, "new", "--setup", str(write_json(tmp_path, "pleno.json", KABKO)), "--db", db)
    sirekap = json.dumps(region_file()).replace('"progres": 6', f'"progres": {LONG_DIGITS}', 1)
    assert LONG_DIGITS in sirekap
    path = tmp_path / "pkwkk_9901.json"
    path.write_text(sirekap, encoding="utf-8")
    code, _, err = _run(capsys, "import", str(path), "--db", db)
    assert (code, err) == (
        2,
        "Ditolak: pkwkk_9901.json: bilangan dengan 5.000 angka terlalu panjang\n",
    )


def test_a_backup_without_wilayah_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a backup whose stored setup lost its 'wilayah'
    db = _meeting(tmp_path, capsys)
    assert _run(capsys, "backup", "--db", db, "--out", str(tmp_path / "usb"))[0] == 0
    (backup,) = (tmp_path / "usb").glob("*.sqlite")
    connection = sqlite3.connect(backup)
    with connection:
        setup = json.loads(connection.execute("SELECT setup_json FROM meeting").fetchone()[0])
        del setup["wilayah"]
        connection.execute("UPDATE meeting SET setup_json = ?", (json.dumps(setup),))
    connection.close()
    # WHEN it is previewed for a restore THEN exit 2 naming the backup and what is missing
    code, _, err = _run(capsys, "restore", "--db", db, "--from", str(backup), "--preview")
    assert (code, err) == (
        2,
        f"Ditolak: '{backup.name}' bukan cadangan pleno yang utuh: data pleno di dalamnya "
        "tidak memuat 'wilayah'\n",
    )


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_formula_cell_without_a_stored_value_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a workbook whose suara_sah is a formula saved without its computed value (as a
    # program that does not calculate writes it)
    db = _meeting(tmp_path, capsys)
    rows: list[list[object]] = [
        HEADER.split(","),
        ["walikota", "990101", "UTARA", "ppk", 700, 100, 580, "=F2+G2", 20, 700],
    ]
    path = tmp_path / "rumus.xlsx"
    path.write_bytes(_workbook(rows))
    # WHEN imported THEN exit 2 naming the cell; nothing is read as blank
    code, _, err = _run(capsys, "import", str(path), "--db", db)
    assert code == 2
    assert err.startswith(
        "Ditolak: rumus.xlsx: sel H2 berisi rumus tanpa nilai hasil hitungan tersimpan"
    )
    assert _run(capsys, "recap", "--db", db, "--sumber", "ppk", "--json")[1].count("580") == 0


def _pad_sheet(workbook: bytes, path: Path, megabytes: int) -> None:
    """The workbook again, its sheet followed by spaces (allowed after an XML document's end)."""
    sheet = "xl/worksheets/sheet1.xml"
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != sheet:
                target.writestr(info, source.read(info))
        with target.open(sheet, "w", force_zip64=True) as member:
            member.write(source.read(sheet))
            blank = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(blank)


def test_an_xlsx_inflating_to_hundreds_of_megabytes_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a real workbook whose sheet is padded with 300 MB of spaces (about 300 KB packed)
    db = _meeting(tmp_path, capsys)
    path = tmp_path / "bom.xlsx"
    _pad_sheet(_workbook([HEADER.split(",")]), path, 300)
    assert path.stat().st_size < 2 * 1024 * 1024
    # WHEN imported THEN exit 2 at once, saying how large it would become
    started = time.perf_counter()
    code, _, err = _run(capsys, "import", str(path), "--db", db)
    assert time.perf_counter() - started < 5
    assert (code, err) == (
        2,
        "Ditolak: bom.xlsx: berkas XLSX mengembang menjadi 300 MB saat dibuka "
        "(paling banyak 256 MB); tidak dibaca\n",
    )


def test_a_unit_name_of_50_megabytes_is_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a setup file whose first unit's name is 50 MB long
    setup = json.loads(json.dumps(SETUP))
    setup["unit"][0]["nama"] = "U" * (50 * 1024 * 1024)
    path = tmp_path / "nama.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    # WHEN a meeting is created from it THEN exit 2 within seconds, naming where
    started = time.perf_counter()
    code, _, err = _run(capsys, "new", "--setup", str(path), "--db", str(tmp_path / "x.sqlite"))
    assert time.perf_counter() - started < 10
    assert (code, err) == (
        2,
        "Ditolak: nama.json: unit[0]: 'nama' terlalu panjang (52.428.800 karakter; paling "
        "banyak 500)\n",
    )
