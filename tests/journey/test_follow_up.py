"""After penetapan, in the running program by keys: copies handed with receipts, a follow-up
session opened on a Court order for one kecamatan, one value moved and the result determined
again, the new D.Hasil and the berita acara of the session printed, and the evidence pack written.

The demo is taken to its penetapan step with the services (the whole agenda is the Pilkada
journey's subject); from there the operator determines it, saves the D.Hasil, hands copies to the
saksi and Bawaslu (Ctrl+Shift+S), opens a sesi lanjutan on a Putusan MK for SAMARINDA ULU
(Ctrl+Shift+L), moves ten votes of the Gubernur contest from nomor urut 2 to nomor urut 1 there
(the saksi of nomor urut 1 held 29.009 where the PPK read 28.999), determines again, prints the new
D.Hasil and the Berita Acara Rapat Pleno Lanjutan, and writes the evidence pack. From outside:
the package of each penetapan is imported one level up, where the second says it supersedes the
first and what changed; ``verify`` accepts the evidence pack and refuses it after one byte
changed; the first penetapan's D.Hasil is still given as it was printed.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.fixtures import write_provinsi_setup
from tests.journey.desktop import PROJECTOR_TITLE, Program, XDisplay, poll
from tests.journey.meeting import CORRECTION_DIALOG, Operator
from tests.journey.pdf_text import pdf_text

pytestmark = pytest.mark.xvfb

UNIT = "647203"
DOWNS = 3
"""SAMARINDA ULU is the third kecamatan in the list Ctrl+G opens, below its first line."""
COURT_ORDER = "12/PHPU.GUB-XXIII/2025"
COPIES = "Serahkan salinan dan tanda terima"
FOLLOW_UP = "Buka sesi lanjutan"
EVIDENCE = "Paket bukti untuk Bawaslu/MK"
MOVED = 10


def test_a_court_order_reopens_one_kecamatan_and_the_evidence_holds(
    two_screens: XDisplay, tmp_path: Path
) -> None:
    # GIVEN the demo at its penetapan step, and a provinsi meeting one level up
    program = Program(two_screens, tmp_path / "rapat")
    program.cli("demo")
    _bring_to_penetapan(program)
    before, kota_before = _gubernur_unit(program), _gubernur_total(program)
    provinsi = _provinsi(program, tmp_path)
    program.start()
    try:
        operator = Operator(program)
        program.focus_cockpit()
        program.window(PROJECTOR_TITLE)
        # WHEN the result is determined with the Ketua's PIN and the D.Hasil saved from the
        # print centre
        assert operator.at().item == "penetapan", operator.at()
        operator.determine()
        first = tmp_path / "d-hasil-penetapan-1.pdf"
        operator.save_pdf_from_print_centre(first)
        first_package = tmp_path / "samarinda-1.rekap"
        program.cli("export", "--out", str(first_package))
        # AND copies of it are handed to every saksi and Bawaslu suggested, on paper and as a
        # signed PDF on the USB stick, the tanda terima saved beside them
        usb = tmp_path / "usb"
        usb.mkdir()
        handed = program.audit_events("copy_handed")
        program.key("ctrl+shift+s")
        program.dialog(COPIES)
        program.key("alt+m", "Down", "Down")  # Kertas dan PDF bertanda tangan (USB)
        program.key("alt+o")
        program.type(str(usb))
        program.key("alt+a", "Down")  # Simpan tanda terima (PDF) ke folder
        operator.settled_shot("serahkan-salinan")
        program.key("Return")
        operator.wait_event("copy_handed", handed, "salinan diserahkan")
        program.gone(COPIES)
        receipt = usb / "tanda-terima-penyerahan-1.pdf"
        poll("tanda terima tersimpan", lambda: receipt.exists() and receipt.stat().st_size > 0)
        # AND a sesi lanjutan is opened on the Court's order for SAMARINDA ULU
        program.focus_cockpit()
        opened = program.audit_events("follow_up_opened")
        program.key("ctrl+shift+l")
        program.dialog(FOLLOW_UP)
        program.key("Tab")
        program.type(COURT_ORDER)
        program.key("Tab")
        program.type("2025-02-24")
        program.key("Tab")
        program.type("Rekapitulasi ulang Kecamatan Samarinda Ulu, pemilihan gubernur")
        program.key("Tab", *["Down"] * (DOWNS - 1), "space")
        operator.settled_shot("sesi-lanjutan")
        program.key("Return")
        operator.confirm_with_pin()
        operator.wait_event("follow_up_opened", opened, "sesi lanjutan dibuka")
        program.gone(FOLLOW_UP)
        # AND at item 8 of Gubernur there, ten votes move from nomor urut 2 to nomor urut 1
        program.focus_cockpit()
        moved = operator.at()
        program.key("ctrl+g", *["Down"] * DOWNS, "Return")
        at = program.wait_moved(moved, "pindah ke SAMARINDA ULU")
        assert (at.item, at.unit) == ("4", UNIT), at
        program.focus_cockpit()
        at = operator.reach_reading()
        assert (at.contest, at.unit) == ("gubernur", UNIT), at
        operator.focus_entry()
        program.key("ctrl+d")  # only the differing row: suara nomor urut 1
        _correct(operator, before["suara_01"] + MOVED)
        program.key("ctrl+d", "Down")  # every row again; the next is nomor urut 2
        _correct(operator, before["suara_02"] - MOVED)
        operator.mark_read()
        # AND the meeting goes on to the penetapan and determines again
        while operator.at().item != "penetapan":
            operator.next_step()
        operator.determine()
        # AND the new D.Hasil and the berita acara of the session are saved
        second = tmp_path / "d-hasil-penetapan-2.pdf"
        operator.save_pdf_from_print_centre(second)
        minutes = tmp_path / "ba-sesi-lanjutan.pdf"
        _save_follow_up_minutes(operator, minutes)
        second_package = tmp_path / "samarinda-2.rekap"
        program.cli("export", "--out", str(second_package))
        # AND the evidence pack is written from the menu
        pack = tmp_path / "paket-bukti.zip"
        _write_evidence(operator, pack)
        program.focus_cockpit()
        program.key("ctrl+q")
        assert program.wait_exit() == 0, program.stderr()
        assert "Traceback" not in program.stderr(), program.stderr()
    finally:
        program.kill()

    # THEN the meeting's values are the Court's
    after = _gubernur_unit(program)
    assert (after["suara_01"], after["suara_02"]) == (
        before["suara_01"] + MOVED,
        before["suara_02"] - MOVED,
    )
    assert after["suara_sah"] == before["suara_sah"]
    # AND the copies and their receipt are on record, the signed copy checks out
    copies = program.cli("salinan", "--daftar").stdout
    assert "Bawaslu" in copies or "BAWASLU" in copies, copies
    signed = sorted(usb.glob("*.sig"))
    assert signed, list(usb.iterdir())
    assert program.cli("salinan", "--periksa", str(signed[0].with_suffix(".pdf"))).returncode == 0
    assert "TANDA TERIMA" in pdf_text(receipt).upper()
    # AND the new D.Hasil names the session, the berita acara lists the change old → new
    assert COURT_ORDER in " ".join(pdf_text(second).split())
    text = " ".join(pdf_text(minutes).split())
    for expected in (
        COURT_ORDER,
        "SAMARINDA ULU",
        _dots(before["suara_01"]),
        _dots(before["suara_01"] + MOVED),
    ):
        assert expected in text, expected
    # AND the first penetapan's D.Hasil is given as it was printed
    frozen = tmp_path / "d-hasil-beku.pdf"
    program.cli(
        "cetakan-penetapan", "--penetapan", "0", "--pemilihan", "gubernur", "--out", str(frozen)
    )
    assert frozen.read_bytes() == first.read_bytes()
    # AND one level up, the second package supersedes the first and says what changed
    _import_up(program, provinsi, first_package, trust=True)
    report = _import_up(program, provinsi, second_package, trust=False)
    assert "MENGGANTIKAN" in report and "2 angka berubah" in report, report
    for field, moved in (("suara_01", MOVED), ("suara_02", -MOVED)):
        old, new = kota_before[field], kota_before[field] + moved
        assert f"{_dots(old)} → {_dots(new)}" in report, (field, report)
    # AND the evidence pack verifies, and fails after any byte is changed
    verified = program.cli("verify", str(pack), db=False)
    assert "utuh" in verified.stdout, verified.stdout
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
    assert "00-daftar-bukti.pdf" in names and "audit/rantai-audit.json" in names
    assert any(name.startswith("daftar/salinan") for name in names), names
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "paket-bukti-diubah.zip"
    altered.write_bytes(bytes(data))
    assert program.cli("verify", str(altered), db=False, check=False).returncode == 2
    assert "utuh" in program.cli("audit", "--verify").stdout


def _bring_to_penetapan(program: Program) -> None:
    """tests/penetapan.bring_to_penetapan on the program's database, run with the program's
    own key folder (the PINs it checks are hashed with that installation's PIN key)."""
    script = (
        "import sys\n"
        "from rekap_desktop.services.pleno_service import PlenoService\n"
        "from rekap_desktop.storage.engine import open_engine\n"
        "from tests.penetapan import bring_to_penetapan\n"
        "bring_to_penetapan(PlenoService(open_engine(sys.argv[1])))\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(program.db)],
        env=program.env,
        cwd=program.folder,
        check=True,
        timeout=300,
    )


def _correct(operator: Operator, value: int) -> None:
    """Ctrl+K on the selected row: the value typed over the one offered, the reason of a sesi
    lanjutan as offered, the Court's order as the proposer; Enter and the Ketua's PIN."""
    program = operator.program
    made = program.audit_events("correction_made")
    program.key("ctrl+k")
    program.dialog(CORRECTION_DIALOG)
    program.key("ctrl+a")
    program.type(str(value))
    program.key("Tab", "Tab", "Tab", "Tab")
    program.type("KPU Kota Samarinda, melaksanakan putusan")
    operator.settled_shot(f"pembetulan-{value}")
    program.key("Return")
    operator.confirm_with_pin()
    operator.wait_event("correction_made", made, f"pembetulan menjadi {value} tercatat")
    program.gone(CORRECTION_DIALOG)


def _save_follow_up_minutes(operator: Operator, path: Path) -> None:
    """The print centre's form list: End, then up past the two forms of the copies (the tanda
    terima and the list) to the berita acara of the session; Tab past Kertas and Nomor."""
    operator.save_pdf_from_print_centre(path, choose=("End", "Up", "Up"), tabs=4)


def _write_evidence(operator: Operator, pack: Path) -> None:
    program = operator.program
    written = program.audit_events("evidence_written")
    program.focus_cockpit()
    program.key("ctrl+shift+b")
    program.dialog(EVIDENCE)
    program.key("ctrl+a")
    program.type(str(pack))
    program.key("Return")
    operator.wait_event("evidence_written", written, "paket bukti ditulis")
    poll("paket bukti", lambda: pack.exists() and pack.stat().st_size > 0)
    program.dialog(EVIDENCE)
    operator.settled_shot("paket-bukti")
    program.key("Return")
    program.gone(EVIDENCE)


def _gubernur_unit(program: Program) -> dict[str, int]:
    recap = program.cli_json("recap", "--pemilihan", "gubernur")
    (contest,) = recap["kontestasi"]  # type: ignore[misc]
    return next(u for u in contest["unit"] if u["kode_wilayah"] == UNIT)  # type: ignore[no-any-return]


def _gubernur_total(program: Program) -> dict[str, int]:
    """The kota's gubernur totals: what its package carries up to the provinsi."""
    recap = program.cli_json("recap", "--pemilihan", "gubernur")
    (contest,) = recap["kontestasi"]  # type: ignore[misc]
    return contest["jumlah"]  # type: ignore[no-any-return]


def _provinsi(program: Program, folder: Path) -> str:
    """Kalimantan Timur with the demo's kota and one other: the gubernur contest only."""
    db = str(folder / "provinsi.sqlite")
    program.cli("new", "--setup", str(write_provinsi_setup(folder)), "--db", db, db=False)
    return db


def _import_up(program: Program, db: str, package: Path, trust: bool) -> str:
    key = []
    if trust:
        verified = program.cli("verify", str(package), db=False).stdout
        fingerprint = verified.splitlines()[-1].removeprefix("Sidik kunci pengirim: ")
        key = ["--percaya-kunci", fingerprint.replace(" ", "-")]
    return program.cli("import", str(package), "--db", db, *key, db=False).stdout


def _dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")
