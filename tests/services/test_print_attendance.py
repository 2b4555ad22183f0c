"""Daftar hadir from the attendance recorded at procedure item 1: who was present with their role,
the surat mandat check of each saksi, signature lines, and the setup's lines nobody recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs

GUBERNUR_1 = (
    "Saksi Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur, Nomor urut 1: "
    "Drs. H. Mahdi Lestaluhu, M.Si. – Hj. Nurul Aini Pratiwi, S.E."
)
GUBERNUR_2 = (
    "Saksi Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur, Nomor urut 2: "
    "Ir. H. Bagus Wiratama, M.T. – Dr. Hj. Sri Rahmawati Lubis, M.Pd."
)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    yield service
    service.engine.dispose()


def _record_the_room(service: PlenoService) -> None:
    """Two KPU members, Bawaslu, the setup's saksi for gubernur 1, a replacement whose mandate
    failed for gubernur 2, and an observer who has left."""
    records = ProcedureRecords(ProcedureService(service))
    pleno = service.pleno()
    records.add_attendee("kpu", pleno.members[0].name)
    records.add_attendee("kpu", " rini  puspitasari hutagalung, s.h.")
    records.add_attendee("bawaslu", "Hendra Wijaya", note="Ketua Bawaslu")
    records.add_attendee("saksi", "Hendra Gunawan Saputra", "gubernur", 1, True)
    records.add_attendee("saksi", "Pengganti Saksi", "gubernur", 2, False, "mandat tanpa cap")
    records.add_attendee("pemantau", "Siti Pemantau", note="JPPR")
    observer = next(a.id for a in records.attendance() if a.name == "Siti Pemantau")
    records.mark_left(observer)


def test_daftar_hadir_prints_who_was_recorded_and_keeps_the_setups_lines(
    demo: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the daftar hadir printed before anyone was recorded
    printing = PrintService(demo)
    before, _ = printing.print_form(FormKind.DAFTAR_HADIR, None, Paper.F4)
    # WHEN the room is recorded at item 1 and the daftar hadir printed again
    _record_the_room(demo)
    record, pdf = printing.print_form(FormKind.DAFTAR_HADIR, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN the recorded members are marked present, the others keep their line to sign
    for row in (
        "1 Dra. Lestari Wulandari Kusuma, M.Si. Ketua Hadir 1. ....",
        "2 Agus Setiawan Nugroho, S.IP. Anggota 2. ....",
        "3 Rini Puspitasari Hutagalung, S.H. Anggota Hadir 3. ....",
        "5 Andi Marwah Tenri Ajeng, M.Si. Anggota 5. ....",
        # Bawaslu as recorded, then blank lines to fill in by hand
        "1 Hendra Wijaya Bawaslu Hadir; Ketua Bawaslu 1. ....",
        "3 .................................... Bawaslu 3. ....",
        # the saksi with their surat mandat checked, the replacement in place of the setup's
        f"1 Hendra Gunawan Saputra {GUBERNUR_1} Sesuai Hadir 1. ....",
        f"2 Pengganti Saksi {GUBERNUR_2} Tidak sesuai Hadir; mandat tanpa cap 2. ....",
        # the setup's walikota saksi nobody recorded: the mandate is checked on paper
        "3 Ayu Lestari Manurung Saksi Pemilihan Wali Kota",
        "Sesuai / Tidak sesuai *) 3. ....",
        "*) coret yang tidak perlu",
        "1 Siti Pemantau Pemantau Hadir, kemudian keluar; JPPR 1. ....",
        # the setup's pemantau nobody recorded keeps a line, as a pemantau
        "2 Ridwan Syahputra Nasution Pemantau, Jaringan Pemantau Pemilu Warga Samarinda",
    ):
        assert row in text, row
    assert "Dewi Anggraini Siahaan" not in text
    # AND the attendance is content: the sidik data changed, and the earlier print is outdated
    assert record.stored.fingerprint != before.stored.fingerprint
    [match] = printing.lookup(before.stored.fingerprint)
    assert match.changed
    # AND the pages look like a form (no blank page)
    pngs = render_pngs(pdf, tmp_path, "daftar-hadir")
    assert len(pngs) == record.stored.pages == 2
    assert all(ink_share(png) > 0.02 for png in pngs)


def test_without_records_the_setup_is_printed_for_hand_filling(demo: PlenoService) -> None:
    # GIVEN nobody recorded WHEN the daftar hadir is printed
    _, pdf = PrintService(demo).print_form(FormKind.DAFTAR_HADIR, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN every member and saksi of the setup has a line, nobody is marked present
    assert "Hadir" not in text.replace("DAFTAR HADIR", "")
    for name in ("Agus Setiawan Nugroho, S.IP.", "Dewi Anggraini Siahaan", "PPK LOA JANAN ILIR"):
        assert name in text
