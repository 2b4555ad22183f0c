"""Sirekap import as a service and on the command line: many files, all-or-nothing, progress
and cancel; the format of each command-line file is detected."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from rekap_desktop.app import main
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import ImportCancelled, SirekapImportService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.packages_store import UnitProgress
from tests.interchange.exchange_fixtures import (
    KABKO,
    KECAMATAN,
    PASLON,
    PPWP_SETUP,
    region_file,
    tps_file,
    write_json,
)


@pytest.fixture
def pemilu(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")), actor="uji")
    service.create_from_setup_file(write_json(tmp_path, "pleno.json", PPWP_SETUP))
    yield service
    service.engine.dispose()


def _tps_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        desa = "9901011001" if i % 2 else "9901021001"
        write_json(folder, f"{desa}{i:03d}.json", tps_file((i + 1, 2 * i + 2)))
    return folder


def _dump(service: PlenoService) -> dict[str, list[tuple[object, ...]]]:
    with service.engine.connect() as connection:
        return {
            t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t}"))]
            for t in sorted(inspect(connection).get_table_names())
        }


def test_folder_of_tps_files_is_imported_with_progress_and_ts(
    pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a folder of 6 TPS files of two kecamatan
    folder = _tps_folder(tmp_path / "tps", 6)
    seen: list[tuple[int, int]] = []
    importer = SirekapImportService(pemilu)
    # WHEN the folder is imported with a progress callback
    report = importer.import_paths([folder], on_progress=lambda d, t: seen.append((d, t)))
    # THEN every file was reported, the votes summed per unit, and progress stored per unit
    assert seen == [(i, 6) for i in range(1, 7)]
    assert report.files == 6
    assert pemilu.tallies()[("ppwp", "990101", "sirekap")].value("suara_02") == 2 * (2 + 4 + 6)
    assert importer.progress() == [
        UnitProgress("ppwp", "990101", "2024-02-16 16:25:10", 3, 3),
        UnitProgress("ppwp", "990102", "2024-02-16 16:25:10", 3, 3),
    ]
    assert verify_integrity(pemilu).ok  # the chain, and every row and value against it


def test_one_bad_file_in_a_folder_imports_nothing(pemilu: PlenoService, tmp_path: Path) -> None:
    # GIVEN a folder in which one file is truncated
    folder = _tps_folder(tmp_path / "tps", 5)
    (folder / "9901011001999.json").write_text('{"chart": {', encoding="utf-8")
    before = _dump(pemilu)
    # WHEN imported THEN refused naming the file; nothing written
    with pytest.raises(InputRejected, match="9901011001999.json: JSON tidak sah"):
        SirekapImportService(pemilu).import_paths([folder])
    assert _dump(pemilu) == before


def test_cancel_between_files_imports_nothing(pemilu: PlenoService, tmp_path: Path) -> None:
    # GIVEN an import that the operator cancels after the second file
    folder = _tps_folder(tmp_path / "tps", 5)
    before = _dump(pemilu)
    done: list[int] = []
    # WHEN it runs THEN it stops as cancelled and nothing is written
    with pytest.raises(ImportCancelled):
        SirekapImportService(pemilu).import_paths(
            [folder], on_progress=lambda d, _t: done.append(d), cancelled=lambda: len(done) >= 2
        )
    assert done == [1, 2]
    assert _dump(pemilu) == before


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_detects_sirekap_json_and_refuses_a_blanked_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a kab/kota meeting, the paslon master, a real-shaped file and a blanked one
    db = str(tmp_path / "kota.sqlite")
    _run(capsys, "new", "--setup", str(write_json(tmp_path, "pleno.json", KABKO)), "--db", db)
    master = str(write_json(tmp_path, "pkwkk.json", PASLON))
    good = str(write_json(tmp_path, "pkwkk_9901.json", region_file()))
    blank = region_file()
    for row in blank["tungsura"]["table"].values():
        row["7000001"] = row["7000002"] = 0
    blanked = str(write_json(tmp_path, "kosong.json", blank))
    # WHEN both are imported THEN the good one is read with its progress
    code, out, _ = _run(capsys, "import", master, good, "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "Sirekap: 2 berkas diimpor sebagai sumber sirekap",
        "walikota: data Sirekap 2024-11-28 00:45:00 (SEBAGIAN)",
        "  990101: 75,0 % TPS — belum lengkap",
        "  990102: 100,0 % TPS",
        "Perhatian: progres Sirekap belum 100 % TPS; data ditandai SEBAGIAN.",
    ]
    # AND the blanked one is refused with the reason, exit 2
    code, _, err = _run(capsys, "import", master, blanked, "--db", db)
    assert code == 2
    assert "kosong.json: semua suara bernilai 0 padahal progres 85,7 % TPS" in err


def test_cli_exports_verifies_and_imports_a_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a kecamatan meeting (not yet determined) and a kab/kota meeting
    monkeypatch.setenv("REKAP_KEY_DIR", str(tmp_path / "kunci"))
    kec, kab = str(tmp_path / "kec.sqlite"), str(tmp_path / "kab.sqlite")
    _run(capsys, "new", "--setup", str(write_json(tmp_path, "kec.json", KECAMATAN)), "--db", kec)
    _run(capsys, "new", "--setup", str(write_json(tmp_path, "kab.json", KABKO)), "--db", kab)
    out_file = str(tmp_path / "utara.rekap")
    # WHEN exported without --sementara THEN refused: the result is not determined
    code, _, err = _run(capsys, "export", "--db", kec, "--out", out_file)
    assert code == 2 and "hasil belum ditetapkan" in err
    # WHEN exported as SEMENTARA THEN written, and verify says so
    code, out, _ = _run(capsys, "export", "--db", kec, "--out", out_file, "--sementara")
    assert code == 0 and out.startswith("Paket SEMENTARA ditulis: utara.rekap (5 anggota)")
    code, out, _ = _run(capsys, "verify", out_file)
    assert code == 0 and "Status: SEMENTARA (bukan hasil yang ditetapkan)" in out
    # AND importing it is refused with the reason
    code, _, err = _run(capsys, "import", out_file, "--db", kab, "--percaya-kunci", "1")
    assert code == 2 and "paket SEMENTARA (skors) hanya untuk diperiksa" in err
    # AND a damaged package fails verification with exit 2
    data = bytearray(Path(out_file).read_bytes())
    data[len(data) // 2] ^= 0xFF
    Path(out_file).write_bytes(bytes(data))
    assert _run(capsys, "verify", out_file)[0] == 2


def test_an_older_snapshot_does_not_replace_a_newer_one(
    pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a TPS snapshot of 16:25 imported
    newer = tmp_path / "baru"
    newer.mkdir()
    write_json(newer, "9901011001001.json", tps_file((10, 20)))
    importer = SirekapImportService(pemilu)
    importer.import_paths([newer])
    before = _dump(pemilu)
    # WHEN a snapshot of the same TPS from 09:00 that morning is imported
    older = tmp_path / "lama"
    older.mkdir()
    write_json(older, "9901011001001.json", {**tps_file((1, 2)), "ts": "2024-02-16 09:00:00"})
    # THEN it is refused naming both times, and nothing is written
    with pytest.raises(InputRejected) as refused:
        importer.import_paths([older])
    assert "ppwp 990101: data Sirekap 2024-02-16 09:00:00 lebih lama daripada yang sudah " in str(
        refused.value
    )
    assert "(2024-02-16 16:25:10)" in str(refused.value)
    assert _dump(pemilu) == before
