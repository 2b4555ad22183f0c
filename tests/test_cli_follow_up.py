"""Sesi lanjutan on the command line: a determined kota result taken up again by a Court order
for one kecamatan (``sesi-lanjutan``, the ketua's PIN in REKAP_PIN), its berita acara printed,
the first penetapan's D.Hasil written as it was printed, and its package imported at the
provinsi, superseding the earlier one and saying what changed; the older package is refused
there afterwards."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.command_line import run_cli
from tests.confirming import confirmed
from tests.follow_up_meeting import determine_again
from tests.penetapan import determine_meeting

GUBERNUR = {
    "kode": "gubernur",
    "judul": "Pemilihan Gubernur Uji",
    "pilihan": [
        {"nomor_urut": 1, "nama": "CALON SATU - WAKIL SATU"},
        {"nomor_urut": 2, "nama": "CALON DUA - WAKIL DUA"},
    ],
}
KOTA = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Uji 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {"kode": "6472", "nama": "KOTA SAMARINDA"},
    "tempat": "Aula Uji",
    "tanggal": "2024-12-05",
    "unit": [
        {"kode": "647201", "nama": "PALARAN", "jumlah_tps": 2},
        {"kode": "647202", "nama": "SAMARINDA ULU", "jumlah_tps": 3},
    ],
    "kontestasi": [GUBERNUR],
    "anggota": [
        {"nama": "Ketua Kota Uji", "jabatan": "Ketua"},
        {"nama": "Anggota Kota Uji", "jabatan": "Anggota"},
    ],
}
PROVINSI = {
    **KOTA,
    "tingkat": "provinsi",
    "wilayah": {"kode": "64", "nama": "KALIMANTAN TIMUR"},
    "unit": [{"kode": "6472", "nama": "KOTA SAMARINDA"}, {"kode": "6471", "nama": "BALIKPAPAN"}],
    "anggota": [{"nama": "Ketua Provinsi Uji", "jabatan": "Ketua"}],
}
TALLIES = (
    "pemilihan,kode_wilayah,nama_wilayah,sumber,pengguna_total_j,suara_01,suara_02,"
    "suara_sah,suara_tidak_sah,suara_total\n"
    "gubernur,647201,PALARAN,ppk,700,300,380,680,20,700\n"
    "gubernur,647202,SAMARINDA ULU,ppk,1000,400,590,990,10,1000\n"
)
OPEN = (
    "--dasar",
    "putusan-mk-rekap-ulang",
    "--nomor-dokumen",
    "12/PHPU.GUB-XXIII/2025",
    "--tanggal",
    "2025-02-24",
)


def _write(folder: Path, name: str, document: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(document) if not isinstance(document, str) else document, "utf-8")
    return path


def _kota(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(folder / "kota.sqlite")
    assert (
        run_cli(capsys, "new", "--setup", str(_write(folder, "kota.json", KOTA)), "--db", db)[0]
        == 0
    )
    assert run_cli(capsys, "import", str(_write(folder, "hasil.csv", TALLIES)), "--db", db)[0] == 0
    service = PlenoService(open_engine(db))
    determine_meeting(service)
    service.engine.dispose()
    return db


def _court_changes(db: str) -> None:
    """PALARAN recapitulated again: 10 votes of pair 1 were pair 2's; determined again."""
    service = PlenoService(open_engine(db))
    corrections = CorrectionsService(service)
    approver = "Ketua Kota Uji"
    for field, after in (("suara_01", 290), ("suara_02", 390)):
        request = SettleRequest(
            field,
            after,
            Reason.LAINNYA,
            "Putusan MK 12/PHPU.GUB-XXIII/2025",
            "Ketua Kota Uji",
            approver,
            reason_text="rekapitulasi ulang",
            confirmation=confirmed(service, Action.APPROVE_CORRECTION, approver),
        )
        corrections.settle("gubernur", "647201", request)
    from rekap_desktop.services.procedure_service import ProcedureService

    determine_again(service, ProcedureService(service))
    service.engine.dispose()


def test_a_court_order_reopens_one_kecamatan_and_the_provinsi_sees_the_supersession(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a determined kota, its D.Hasil and package of the first penetapan, imported above
    kota = _kota(tmp_path, capsys)
    first_pdf, first = tmp_path / "d-hasil-0.pdf", tmp_path / "penetapan-0.rekap"
    code, out, _ = run_cli(
        capsys,
        "report",
        "d-hasil",
        "--db",
        kota,
        "--pemilihan",
        "gubernur",
        "--out",
        str(first_pdf),
    )
    assert code == 0, out
    assert run_cli(capsys, "export", "--db", kota, "--out", str(first))[0] == 0
    key = run_cli(capsys, "verify", str(first))[1].splitlines()[-1].split(": ")[1]
    provinsi = str(tmp_path / "provinsi.sqlite")
    setup = str(_write(tmp_path, "provinsi.json", PROVINSI))
    assert run_cli(capsys, "new", "--setup", setup, "--db", provinsi)[0] == 0
    trust = ("--percaya-kunci", key)
    assert run_cli(capsys, "import", str(first), "--db", provinsi, *trust)[0] == 0
    # WHEN a session is asked for a kecamatan the meeting does not hold, or without the PIN
    monkeypatch.setenv("REKAP_PIN", DEMO_PINS[Role.KETUA])
    code, _, err = run_cli(
        capsys,
        "sesi-lanjutan",
        "--db",
        kota,
        *OPEN,
        "--unit",
        "999999",
        "--user",
        "Ketua Kota Uji",
    )
    # THEN it is refused in Indonesian, exit 2
    assert code == 2
    assert err == "Ditolak: Sesi lanjutan: kecamatan '999999' tidak ada dalam pleno ini\n"
    code, _, err = run_cli(
        capsys,
        "sesi-lanjutan",
        "--db",
        kota,
        *OPEN[:-1],
        "24-02-2025",
        "--unit",
        "647201",
        "--user",
        "Ketua Kota Uji",
    )
    assert code == 2 and "tanggal '24-02-2025' tidak sah" in err
    # WHEN the ketua opens it for PALARAN
    code, out, err = run_cli(
        capsys,
        "sesi-lanjutan",
        "--db",
        kota,
        *OPEN,
        "--unit",
        "647201",
        "--uraian",
        "Rekapitulasi ulang PALARAN",
        "--user",
        "Ketua Kota Uji",
    )
    assert code == 0, err
    assert out.splitlines() == [
        "Sesi lanjutan ke-1 berdasarkan Putusan MK Nomor 12/PHPU.GUB-XXIII/2025 tanggal "
        "24 Februari 2025 dibuka.",
        "Sesi lanjutan ke-1 — Putusan MK Nomor 12/PHPU.GUB-XXIII/2025: PALARAN",
    ]
    # AND PALARAN is corrected and the result determined again
    _court_changes(kota)
    # THEN the berita acara of the session prints
    ba = tmp_path / "ba-lanjutan.pdf"
    code, out, _ = run_cli(
        capsys, "report", "berita-acara-lanjutan", "--db", kota, "--out", str(ba)
    )
    assert code == 0 and out.startswith("Berita Acara Rapat Pleno Lanjutan: versi 1")
    # AND the first penetapan's D.Hasil is written as it was printed
    frozen = tmp_path / "d-hasil-penetapan-0.pdf"
    code, out, _ = run_cli(
        capsys,
        "cetakan-penetapan",
        "--db",
        kota,
        "--penetapan",
        "0",
        "--pemilihan",
        "gubernur",
        "--out",
        str(frozen),
    )
    assert code == 0, out
    assert frozen.read_bytes() == first_pdf.read_bytes()
    # WHEN the new package is exported
    second = tmp_path / "sesi-1.rekap"
    assert run_cli(capsys, "export", "--db", kota, "--out", str(second))[0] == 0
    with zipfile.ZipFile(second) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["sesi"] == {
        "nomor": 1,
        "dasar": "putusan-mk-rekap-ulang",
        "nomor_dokumen": "12/PHPU.GUB-XXIII/2025",
        "tanggal_dokumen": "2025-02-24",
        "unit": ["647201"],
    }
    assert manifest["menggantikan"]["sesi"] == 0
    # THEN the provinsi imports it, saying it supersedes the earlier package and what changed
    code, out, err = run_cli(capsys, "import", str(second), "--db", provinsi)
    assert code == 0, err
    lines = out.splitlines()
    assert any(
        line.startswith(
            "Paket ini (sesi lanjutan ke-1 berdasarkan Putusan MK Nomor "
            "12/PHPU.GUB-XXIII/2025 tanggal 24 Februari 2025, kecamatan 647201) "
            "MENGGANTIKAN paket unit 6472 KOTA SAMARINDA yang diimpor sebelumnya"
        )
        for line in lines
    ), lines
    assert not any(line.startswith("PERHATIAN") for line in lines), lines
    assert lines[-3:] == [
        "Perubahan terhadap paket yang digantikan: 2 angka berubah",
        "  6472 · gubernur · IV Suara sah pilihan nomor urut 1 (CALON SATU - WAKIL SATU): "
        "700 → 690",
        "  6472 · gubernur · IV Suara sah pilihan nomor urut 2 (CALON DUA - WAKIL DUA): 970 → 980",
    ]
    # AND the package of the first penetapan is refused there now
    code, _, err = run_cli(capsys, "import", str(first), "--db", provinsi)
    assert code == 2
    assert (
        "paket ini dari penetapan pertama, lebih lama dari paket unit 6472 yang sudah diimpor "
        "(sesi lanjutan ke-1" in err
    )
    assert run_cli(capsys, "audit", "--db", provinsi, "--verify")[0] == 0
    assert run_cli(capsys, "audit", "--db", kota, "--verify")[0] == 0
