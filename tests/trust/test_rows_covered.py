"""Every row the program writes is covered by the audit chain: a row edited, removed, slipped in
or removed and put back with sqlite3, behind the program's back, is found by ``audit --verify``
(exit 2, naming table, row and column), and ``export`` and ``report`` refuse to write from it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from rekap_desktop.app import main
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.resources import resource
from rekap_desktop.services.demo import DEMO_PINS, load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import parse_kind, parse_paper
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.screen_lock import ScreenLockService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.penetapan import determine_meeting


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _sql(db: Path, *statements: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        with connection:
            rows: list[tuple[object, ...]] = []
            for statement in statements:
                rows = connection.execute(statement).fetchall()
        return rows
    finally:
        connection.close()


def _settled(db: Path) -> Path:
    _sql(db, "PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, copied whole
    return db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    return _settled(db)


@pytest.fixture(scope="module")
def determined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo taken through penetapan, and a rekap-csv of its forms written before."""
    folder = tmp_path_factory.mktemp("ditetapkan")
    db = folder / "kota.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(folder / "forms.csv")]) == 0
    service = PlenoService(open_engine(str(db)))
    determine_meeting(service)
    service.engine.dispose()
    assert main(["audit", "--db", str(db), "--verify"]) == 0  # the program's own writes hold
    return _settled(db)


def _copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _refused(capsys: pytest.CaptureFixture[str], db: Path, named: str) -> None:
    code, out, err = _run(capsys, "audit", "--db", str(db), "--verify")
    assert code == 2, out
    assert named in err


def test_a_sound_database_verifies(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "audit", "--db", str(demo), "--verify")
    assert code == 0 and "semua nilai sesuai catatan audit" in out


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (
            "UPDATE app_user SET role = 'ketua' WHERE role = 'operator'",
            "tabel app_user baris 6 kolom role: basis data 'ketua', tercatat di audit 'operator'",
        ),
        (
            # the ketua's PIN hash replaced by the operator's: the operator's PIN confirms as ketua
            "UPDATE app_user SET pin_hash = (SELECT pin_hash FROM app_user WHERE role = 'operator')"
            " WHERE role = 'ketua'",
            "tabel app_user baris 1 kolom pin_hash: isi berbeda dari yang tercatat di audit",
        ),
        (
            "UPDATE incident SET status = 'diselesaikan' WHERE number = 3",
            "tabel incident baris 3 kolom status: basis data 'diselesaikan', "
            "tercatat di audit 'terbuka'",
        ),
        (
            "INSERT INTO app_user (id, name, role, pin_hash, created_at) "
            "VALUES (7, 'Penyusup', 'ketua', 'x', '2026-01-01T00:00:00+00:00')",
            "tabel app_user baris 7: ada di basis data tetapi tidak tercatat di audit",
        ),
    ],
    ids=["role", "pin-hash", "objection-status", "user-slipped-in"],
)
def test_an_edited_row_is_named(
    edit: str, named: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the demo, one of its rows edited with sqlite3
    db = _copy(demo, tmp_path)
    _sql(db, edit)
    # WHEN the audit is verified THEN the edit is named by table, row and column
    _refused(capsys, db, named)


def test_export_and_report_refuse_an_edited_row(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN the operator made ketua with sqlite3
    db = _copy(demo, tmp_path)
    _sql(db, "UPDATE app_user SET role = 'ketua' WHERE role = 'operator'")
    # WHEN the forms are exported or a form printed THEN refused (exit 2), nothing written
    csv, pdf = tmp_path / "forms.csv", tmp_path / "d-hasil.pdf"
    code, _, err = _run(capsys, "export", "--db", str(db), "--out", str(csv))
    assert code == 2 and "berkas tidak diekspor" in err and "tabel app_user baris 6" in err
    assert not csv.exists()
    code, _, err = _run(
        capsys, "report", "d-hasil", "--db", str(db), "--out", str(pdf), "--pemilihan", "walikota"
    )
    assert code == 2 and "formulir tidak dicetak" in err and "kolom role" in err
    assert not pdf.exists()


def test_a_wrong_pin_record_removed_is_found(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a wrong PIN given for the ketua (recorded toward the lock-out), then the record
    # of it deleted with sqlite3 to lift the lock-out
    db = _copy(demo, tmp_path)
    monkeypatch.setenv("REKAP_PIN", "999999")
    ketua = str(_sql(db, "SELECT name FROM app_user WHERE role = 'ketua'")[0][0])
    code, _, err = _run(
        capsys, "user", "--db", str(db), "--nama", "X", "--peran", "operator", "--user", ketua
    )
    assert code == 2 and "PIN salah" in err
    _sql(db, "DELETE FROM pin_failure")
    # THEN the removed row is named
    _refused(capsys, db, "tabel pin_failure baris 1: tercatat di audit, tetapi tidak ada lagi")


def test_a_penetapan_removed_and_put_back_is_found(
    determined: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a determined meeting whose penetapan record is deleted with sqlite3
    db = _copy(determined, tmp_path)
    (move,) = _sql(db, "SELECT * FROM procedure_move WHERE kind = 'tetapkan'")
    _sql(db, f"DELETE FROM procedure_move WHERE id = {move[0]}")
    # THEN the removed row is named
    _refused(
        capsys, db, f"tabel procedure_move baris {move[0]}: tercatat di audit, tetapi tidak ada"
    )
    # WHEN new PPK numbers are imported meanwhile (the program sees no penetapan) and the
    # record is put back exactly as it was
    csv = tmp_path / "forms.csv"
    lines = (determined.parent / "forms.csv").read_text(encoding="utf-8").splitlines()
    header, ppk = lines[0], next(line for line in lines if ",ppk," in line)
    cells = ppk.split(",")
    column = header.split(",").index("suara_01")
    cells[column] = str(int(cells[column]) + 5000)
    csv.write_text(f"{header}\n{','.join(cells)}\n", encoding="utf-8")
    code, out, err = _run(capsys, "import", str(csv), "--db", str(db))
    assert code == 0, err
    marks = ", ".join("?" for _ in move)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(f"INSERT INTO procedure_move VALUES ({marks})", move)
    connection.close()
    # THEN every row is as recorded, but the chain shows values changed after the penetapan
    _refused(capsys, db, "(tallies_imported) mengubah hasil sesudah penetapan di entri #")


def _provinsi_setup(folder: Path) -> Path:
    """A provinsi meeting whose one unit is the demo kota (the gubernur contest only)."""
    demo = json.loads(resource("sample_data", "pleno.json").read_text(encoding="utf-8"))
    setup = {
        "format": "rekap-pleno/1",
        "pemilihan": demo["pemilihan"],
        "jenis": "pilkada",
        "tingkat": "provinsi",
        "wilayah": {"kode": "64", "nama": "KALIMANTAN TIMUR"},
        "unit": [{"kode": "6472", "nama": "KOTA SAMARINDA"}],
        "kontestasi": [c for c in demo["kontestasi"] if c["kode"] == "gubernur"],
        "anggota": [{"nama": "Ketua Provinsi Uji", "jabatan": "Ketua"}],
    }
    path = folder / "provinsi.json"
    path.write_text(json.dumps(setup), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (
            "UPDATE trusted_key SET public_key = 'aa' || substr(public_key, 3)",
            "kolom public_key: basis data 'aa",
        ),
        (
            "INSERT INTO trusted_key SELECT 'AAAA BBBB', public_key, region, trusted_at, actor "
            "FROM trusted_key",
            "tabel trusted_key baris AAAA BBBB: ada di basis data tetapi tidak tercatat di audit",
        ),
    ],
    ids=["key-swapped", "key-slipped-in"],
)
def test_an_edited_trusted_key_is_named(
    edit: str,
    named: str,
    determined: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # GIVEN a provinsi that imported the kota's package, confirming the sender's key
    kota = _copy(determined, tmp_path)
    package = tmp_path / "kota.rekap"
    code, out, _ = _run(capsys, "export", "--db", str(kota), "--out", str(package))
    assert code == 0
    fingerprint = out.splitlines()[1].removeprefix("Sidik kunci instalasi: ")
    provinsi = tmp_path / "provinsi.sqlite"
    setup = _provinsi_setup(tmp_path)
    assert _run(capsys, "new", "--setup", str(setup), "--db", str(provinsi))[0] == 0
    code, _, err = _run(
        capsys, "import", str(package), "--db", str(provinsi), "--percaya-kunci", fingerprint
    )
    assert code == 0, err
    assert _run(capsys, "audit", "--db", str(provinsi), "--verify")[0] == 0
    # WHEN the trusted key is edited with sqlite3 THEN named
    _sql(provinsi, edit)
    _refused(capsys, provinsi, named)


def test_rows_are_checked_on_every_database(db_url: str) -> None:
    # GIVEN the demo on SQLite or PostgreSQL, a register entry settled through the program
    service = PlenoService(open_engine(db_url))
    load_demo(service)
    IncidentService(service).mark_unresolvable(
        3, "Bawaslu berpendapat lain; dicatat", confirmed(service, Action.CLOSE_OBJECTION)
    )
    assert verify_integrity(service).ok
    # WHEN its status is put back to open, and the operator made ketua, behind the program
    with service.engine.begin() as connection:
        connection.execute(text("UPDATE incident SET status = 'terbuka' WHERE number = 3"))
        connection.execute(text("UPDATE app_user SET role = 'ketua' WHERE role = 'operator'"))
    # THEN both are named
    mismatches = verify_integrity(service).mismatches
    service.engine.dispose()
    assert (
        "tabel app_user baris 6 kolom role: basis data 'ketua', tercatat di audit 'operator'"
        in (mismatches)
    )
    assert any(
        m.startswith("tabel incident baris 3 kolom status: basis data 'terbuka'")
        for m in mismatches
    )


def test_what_the_program_writes_verifies(tmp_path: Path) -> None:
    # GIVEN the demo, taken through a skors, the daftar hadir (one arrives and leaves), a text
    # saved twice, the idle lock set, the screen unlocked, a wrong PIN and a form printed
    service = PlenoService(open_engine(str(tmp_path / "rapat.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    procedure.pause("istirahat")
    procedure.resume()
    records = ProcedureRecords(procedure)
    records.add_attendee("bawaslu", "Pengawas Uji")
    (attendee,) = records.attendance()
    records.mark_left(attendee.id)
    records.save_text("peraturan_teknis", "PKPU 5/2024")
    records.save_text("peraturan_teknis", "PKPU 5/2024 dan Keputusan KPU 219/2024")
    users = UsersService(service.engine)
    ketua = next(u for u in users.users() if u.role is Role.KETUA)
    confirmed = users.confirm(ketua.name, DEMO_PINS[Role.KETUA], Action.SET_IDLE_LOCK)
    ScreenLockService(service.engine).set_idle_minutes("3", confirmed)
    users.unlock(ketua.name, DEMO_PINS[Role.KETUA])
    with pytest.raises(InputRejected):
        users.unlock(ketua.name, "000000")
    meeting_print_service(service).print_form(parse_kind("d-hasil"), "walikota", parse_paper("F4"))
    # THEN every row written is recorded as it stands: nothing to report
    report = verify_integrity(service)
    service.engine.dispose()
    assert report.ok, report.mismatches
