"""The command line of formats §4: JSON shapes and exit codes other tools rely on."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rekap_desktop.domain.roles import Role
from rekap_desktop.services.demo import DEMO_PINS
from tests.command_line import cli_meeting
from tests.command_line import run_cli as _run
from tests.fixtures import TALLIES, write_setup, write_tallies


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return cli_meeting(tmp_path, capsys)


def test_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rekap_desktop", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("rekap-desktop ")


def test_recap_json_shape(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # WHEN the recapitulation is printed as JSON
    code, out, _ = _run(capsys, "recap", "--db", db, "--json")
    # THEN it has exactly the shape of formats §4
    assert code == 0
    document = json.loads(out)
    assert document["wilayah"] == {"kode": "9901", "nama": "KOTA UJI"}
    (contest,) = document["kontestasi"]
    assert contest["kode"] == "walikota" and contest["sumber"] == "ppk"
    assert contest["unit"][0] == {
        "kode_wilayah": "990101",
        "nama_wilayah": "UTARA",
        "pengguna_total_j": 700,
        "suara_01": 100,
        "suara_02": 580,
        "suara_sah": 680,
        "suara_tidak_sah": 20,
        "suara_total": 700,
    }
    assert contest["jumlah"]["suara_02"] == 1270
    assert contest["hasil"] == {"nomor_urut": 2, "terpilih": True}


def test_check_json_shape(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", "--db", db, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["temuan"] == [
        {
            "kode": "R05",
            "tingkat": "warning",
            "pemilihan": "walikota",
            "kode_wilayah": "990101",
            "sumber": "sirekap",
            "rincian": ["suara_total", "pengguna_total_j"],
            "pesan": document["temuan"][0]["pesan"],
        }
    ]
    assert {
        "pemilihan": "walikota",
        "kode_wilayah": "990101",
        "rincian": "suara_02",
        "nilai": {"ppk": 580, "sirekap": 530},
    } in document["selisih"]


def test_bad_input_exits_2_with_an_indonesian_message(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_tallies(tmp_path, TALLIES.replace("580", "5.8"), "bad.csv")
    code, _, err = _run(capsys, "import", str(bad), "--db", db)
    assert code == 2
    assert "bad.csv" in err and "baris 2" in err and "suara_02" in err
    assert _run(capsys, "recap", "--db", db, "--pemilihan", "gubernur", "--json")[0] == 2
    assert _run(capsys, "new", "--setup", str(tmp_path / "missing.json"), "--db", db)[0] == 2


def test_round_trip_setup_import_recap_export_reimport(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a meeting's recap and its export
    first = _run(capsys, "recap", "--db", db, "--json")[1]
    for suffix in ("csv", "xlsx"):
        exported = tmp_path / f"export.{suffix}"
        assert _run(capsys, "export", "--db", db, "--out", str(exported))[0] == 0
        # WHEN a fresh database imports the export
        other = str(tmp_path / f"other-{suffix}.sqlite")
        assert _run(capsys, "new", "--setup", str(write_setup(tmp_path)), "--db", other)[0] == 0
        assert _run(capsys, "import", str(exported), "--db", other)[0] == 0
        # THEN every source's recap is identical
        for source in ("ppk", "sirekap"):
            a = _run(capsys, "recap", "--db", db, "--sumber", source, "--json")[1]
            b = _run(capsys, "recap", "--db", other, "--sumber", source, "--json")[1]
            assert a == b
        assert _run(capsys, "recap", "--db", other, "--json")[1] == first


def test_audit_verify(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 0 and "utuh: 2 entri; semua nilai sesuai" in out


def test_demo_creates_the_simulated_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", path)[0] == 0
    document = json.loads(_run(capsys, "recap", "--db", path, "--json")[1])
    assert document["wilayah"]["kode"] == "6472"
    assert [c["kode"] for c in document["kontestasi"]] == ["gubernur", "walikota"]
    assert len(document["kontestasi"][0]["unit"]) == 10
    # a second demo in the same database is refused
    assert _run(capsys, "demo", "--db", path)[0] == 2


def test_snapshot_writes_a_picture_per_contest(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "snapshot", "--db", db, "--out", str(tmp_path / "shots"))
    assert code == 0
    paths = [Path(line) for line in out.splitlines()]
    (path,) = [p for p in paths if p.name.startswith("utama-")]
    assert path.name == "utama-01-walikota.png" and path.stat().st_size > 10_000
    cockpit = [p.name for p in paths if p.name.startswith("cockpit-")]
    assert cockpit[0] == "cockpit-01-daftar-hadir.png" and len(cockpit) == 13


def test_audit_names_a_value_edited_behind_the_programs_back(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a value changed directly in the database file
    import sqlite3

    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "UPDATE tally_value SET value = 999 WHERE field = 'suara_02' AND tally_id = "
            "(SELECT id FROM tally WHERE unit = '990102' AND source = 'ppk' AND is_current)"
        )
    connection.close()
    # WHEN the audit is verified THEN the edit is found and named, exit 2
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2
    assert "walikota 990102 ppk suara_02: basis data 999, tercatat di audit 690" in err


def test_a_value_edited_behind_the_programs_back_is_neither_printed_nor_signed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the demo with one PPK vote raised by 5.000 directly in the database file
    db = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", db)[0] == 0
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "UPDATE tally_value SET value = value + 5000 WHERE field = 'suara_01' AND tally_id = "
            "(SELECT id FROM tally WHERE unit = '647201' AND source = 'ppk' AND is_current "
            "AND contest = 'walikota')"
        )
    connection.close()
    # WHEN the D.Hasil is printed and a package exported
    pdf, package = tmp_path / "d-hasil.pdf", tmp_path / "hasil.rekap"
    report = _run(
        capsys, "report", "d-hasil", "--db", db, "--pemilihan", "walikota", "--out", str(pdf)
    )
    export = _run(capsys, "export", "--db", db, "--out", str(package), "--sementara")
    # THEN both are refused with exit 2, naming the edited value; no file is written
    for code, _, err in (report, export):
        assert code == 2
        assert "nilai diubah di luar program: walikota 647201 ppk suara_01: basis data" in err
    assert "formulir tidak dicetak" in report[2] and "paket tidak dibuat" in export[2]
    assert not pdf.exists() and not package.exists()


def _edit(db: str, sql: str) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(sql)
    connection.close()


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (
            "UPDATE meeting SET setup_json = "
            "replace(setup_json, '\"kolom_kosong\":true', '\"kolom_kosong\":false')",
            "tabel meeting baris 1 kolom setup_json: susunan pleno berbeda",
        ),
        (
            "UPDATE meeting SET setup_json = replace(setup_json, 'Siregar', 'Sihombing')",
            "tabel meeting baris 1 kolom setup_json: susunan pleno berbeda",
        ),
        (
            "UPDATE meeting SET is_demo = 0",
            "tabel meeting baris 1 kolom is_demo: basis data bukan SIMULASI, tercatat di audit "
            "SIMULASI",
        ),
    ],
)
def test_the_stored_setup_and_demo_flag_are_checked_against_the_chain(
    edit: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the demo, then its stored setup or its demo flag edited in the database file
    db = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", db)[0] == 0
    _edit(db, edit)
    # WHEN the audit is verified THEN the edit is found and named by table, row and column
    code, _, err = _run(capsys, "audit", "--db", db, "--verify")
    assert code == 2 and named in err


def test_backup_and_restore_need_a_commissioner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the demo and a verified backup of it
    db = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", db)[0] == 0
    code, out, _ = _run(capsys, "backup", "--db", db, "--out", str(tmp_path / "usb"))
    assert code == 0 and "Cadangan terverifikasi" in out
    (backup,) = (tmp_path / "usb").glob("*.sqlite")
    # WHEN previewed THEN it says what it holds
    code, out, _ = _run(capsys, "restore", "--db", db, "--from", str(backup), "--preview")
    assert code == 0 and "KOTA SAMARINDA" in out and "rantai audit utuh" in out
    # WHEN the operator tries to restore THEN refused; the ketua with the PIN may
    monkeypatch.setenv("REKAP_PIN", "333333")
    code, _, err = _run(
        capsys, "restore", "--db", db, "--from", str(backup), "--user", "Operator Demo"
    )
    assert code == 2 and "Operator tidak berwenang memulihkan cadangan" in err
    monkeypatch.setenv("REKAP_PIN", "111111")
    ketua = "Dra. Lestari Wulandari Kusuma, M.Si."
    code, out, _ = _run(capsys, "restore", "--db", db, "--from", str(backup), "--user", ketua)
    assert code == 0 and "dipulihkan" in out
    assert _run(capsys, "audit", "--db", db, "--verify")[0] == 0


def test_a_commissioner_pin_of_four_digits_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the demo
    db = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", db)[0] == 0
    ketua = "Dra. Lestari Wulandari Kusuma, M.Si."
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.KETUA])
    # WHEN the ketua adds an anggota with a four-digit PIN THEN refused, saying six are needed
    monkeypatch.setenv("REKAP_PIN_BARU", "1234")
    args = ("user", "--db", db, "--nama", "Anggota Baru", "--peran", "anggota", "--user", ketua)
    code, _, err = _run(capsys, *args)
    assert code == 2 and "PIN Anggota KPU paling sedikit 6 angka; yang dimasukkan hanya 4." in err
    # WHEN the PIN has six digits THEN the anggota is added
    monkeypatch.setenv("REKAP_PIN_BARU", "123456")
    assert _run(capsys, *args)[0] == 0
