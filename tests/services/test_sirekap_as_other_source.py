"""Sirekap's figures stored as another source (``--sumber ppk``): only with a commissioner's
confirmation, and the report says plainly that OCR figures now stand as that source and which of
its fields stay empty (or lose the value they had)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from rekap_desktop.app import main
from rekap_desktop.domain.confirmation import Confirmation, User
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.domain.sources import PPK
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.sirekap_import import SirekapImportService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import FALLBACK_KETUA, confirmed
from tests.fixtures import write_tallies
from tests.interchange.exchange_fixtures import KABKO, PASLON, region_file, write_json

PPK_UTARA = (
    "pemilihan,kode_wilayah,nama_wilayah,sumber,pengguna_total_j,suara_01,suara_02,suara_sah,"
    "suara_tidak_sah,suara_total\nwalikota,990101,UTARA,ppk,700,100,580,680,20,700\n"
)
EMPTY = (
    "data pemilih dan pengguna hak pilih (15 rincian); data penggunaan surat suara (4 rincian); "
    "data pemilih disabilitas (3 rincian); suara_sah; suara_tidak_sah; suara_total; "
    "c_pemberitahuan_kembali"
)
WARNING = (
    "PERINGATAN: angka Sirekap (hasil baca otomatis foto formulir C.Hasil) disimpan sebagai "
    f"sumber ppk, bukan sebagai sumber sirekap; dikonfirmasi oleh {FALLBACK_KETUA}."
)


@pytest.fixture
def kota(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "kota.sqlite")), actor="uji")
    service.create_from_setup_file(write_json(tmp_path, "pleno.json", KABKO))
    yield service
    service.engine.dispose()


def _files(folder: Path) -> list[Path]:
    return [write_json(folder, "pkwkk.json", PASLON), write_json(folder, "w.json", region_file())]


def _dump(service: PlenoService) -> dict[str, list[tuple[object, ...]]]:
    with service.engine.connect() as connection:
        return {
            t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t}"))]
            for t in sorted(inspect(connection).get_table_names())
        }


def test_sirekap_as_ppk_needs_a_commissioner(kota: PlenoService, tmp_path: Path) -> None:
    # GIVEN a meeting with its users, and Sirekap's kab/kota file
    confirmed(kota, Action.DECIDE_TIE)
    before = _dump(kota)
    importer = SirekapImportService(kota)
    forged = Confirmation(
        User("Orang Lain", Role.KETUA), Action.IMPORT_SIREKAP_AS_OTHER, "2024-12-05T10:00:00+00:00"
    )
    # WHEN it is imported as the PPK's form without a confirmation, or with a made-up one
    with pytest.raises(InputRejected) as missing:
        importer.import_paths(_files(tmp_path), source=PPK)
    with pytest.raises(InputRejected) as unknown:
        importer.import_paths(_files(tmp_path), source=PPK, confirmation=forged)
    # THEN each is refused, saying why; nothing written
    assert str(missing.value) == (
        "mengimpor angka Sirekap sebagai sumber lain perlu konfirmasi PIN Anggota KPU atau "
        "Ketua KPU"
    )
    assert str(unknown.value) == (
        "mengimpor angka Sirekap sebagai sumber lain: pengguna 'Orang Lain' yang mengonfirmasi "
        "tidak terdaftar"
    )
    assert _dump(kota) == before


def test_the_report_says_ocr_figures_stand_as_ppk_and_what_stays_empty(
    kota: PlenoService, tmp_path: Path
) -> None:
    # GIVEN UTARA's PPK form already recorded with its totals
    kota.import_tally_file(write_tallies(tmp_path, PPK_UTARA))
    confirmation = confirmed(kota, Action.IMPORT_SIREKAP_AS_OTHER)
    # WHEN Sirekap's file is imported as source ppk with the ketua's confirmation
    report = SirekapImportService(kota).import_paths(
        _files(tmp_path), source=PPK, confirmation=confirmation
    )
    # THEN the report opens with the warning, and names per unit what stays empty and what lost
    # the value it had
    assert report.lines()[:3] == [
        WARNING,
        f"  walikota 990101: tidak ada di Sirekap, KOSONG pada sumber ppk: {EMPTY} — nilai "
        "sebelumnya DIHAPUS: pengguna_total_j; suara_sah; suara_tidak_sah; suara_total",
        f"  walikota 990102: tidak ada di Sirekap, KOSONG pada sumber ppk: {EMPTY}",
    ]
    # AND the figures are stored as ppk, and the audit entry names the source and the confirmer
    stored = kota.tallies()[("walikota", "990101", "ppk")]
    assert stored.value("suara_sah") is None and stored.value("suara_01") is not None
    with kota.engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    assert '"sumber":"ppk"' in payload and f'"dikonfirmasi_oleh":"{FALLBACK_KETUA}"' in payload


def test_cli_sirekap_as_ppk_asks_for_the_user_and_pin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a meeting with its ketua, and Sirekap's kab/kota file
    db = str(tmp_path / "kota.sqlite")
    main(["new", "--setup", str(write_json(tmp_path, "pleno.json", KABKO)), "--db", db])
    monkeypatch.setenv("REKAP_PIN_BARU", "135790")
    main(["user", "--db", db, "--nama", FALLBACK_KETUA, "--peran", "ketua"])
    files = [str(p) for p in _files(tmp_path)]
    capsys.readouterr()
    # WHEN imported with --sumber ppk without --user THEN exit 2 with the reason in Indonesian
    assert main(["import", *files, "--db", db, "--sumber", "ppk"]) == 2
    assert capsys.readouterr().err == "Ditolak: tindakan ini perlu --user (anggota/ketua KPU)\n"
    # WHEN a wrong PIN is given THEN exit 2 too
    monkeypatch.setenv("REKAP_PIN", "000000")
    assert main(["import", *files, "--db", db, "--sumber", "ppk", "--user", FALLBACK_KETUA]) == 2
    assert "PIN salah" in capsys.readouterr().err
    # WHEN the ketua's PIN is given THEN imported, and the warning is printed
    monkeypatch.setenv("REKAP_PIN", "135790")
    assert main(["import", *files, "--db", db, "--sumber", "ppk", "--user", FALLBACK_KETUA]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["Sirekap: 2 berkas diimpor sebagai sumber ppk", WARNING]
