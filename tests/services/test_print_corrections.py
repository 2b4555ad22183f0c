"""Corrections on paper: the Daftar Pembetulan on its own, as the berita acara's lampiran, and the
linked correction's values in the D.Kejadian Khusus (never a bare "#id")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.corrections_service import CorrectionsService, SettleRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService, parse_kind
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts, render_pngs


@pytest.fixture
def corrected(tmp_path: Path) -> PlenoService:
    """The demo with the disputed Gubernur row of SAMARINDA ULU set, for the open objection, to
    the saksi's 29.009 (the PPK's form says 28.999)."""
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    (entry,) = [i for i in IncidentService(service).register() if i.is_open]
    corrections = CorrectionsService(service)
    approver = corrections.commissioners()[1]
    corrections.settle(
        "gubernur",
        "647203",
        SettleRequest(
            "suara_01",
            29009,
            Reason.PENCERMATAN,
            "D.Hasil Kecamatan-KWK PPK",
            "Saksi nomor urut 1",
            approver,
            incident_number=entry.number,
            confirmation=confirmed(service, Action.APPROVE_CORRECTION, approver),
        ),
    )
    return service


def _text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def test_daftar_pembetulan_lists_every_field_of_the_correction(
    corrected: PlenoService, tmp_path: Path
) -> None:
    # GIVEN a meeting with one correction answering register entry 3
    approver = CorrectionsService(corrected).commissioners()[1]
    # WHEN the Daftar Pembetulan is printed as the CLI names it
    _record, pdf = PrintService(corrected).print_form(
        parse_kind("daftar-pembetulan"), None, Paper.F4
    )
    text = _text(pdf)
    # THEN the line names kecamatan, contest, row, old → new, source, reason, basis, proposer,
    # approver and the linked objection
    assert "DAFTAR PEMBETULAN DATA" in text
    for expected in (
        "SAMARINDA ULU",
        "Pemilihan Gubernur",
        "29.009",
        "28.999",
        "salinan saksi nomor urut 1",
        "Hasil pencermatan saksi/Bawaslu",
        "D.Hasil Kecamatan-KWK PPK",
        "Saksi nomor urut 1",
        approver,
        "No. 3",
    ):
        assert expected in text, expected
    assert render_pngs(pdf, tmp_path, "daftar-pembetulan")


def test_the_berita_acara_carries_the_daftar_pembetulan_as_lampiran(
    corrected: PlenoService,
) -> None:
    # WHEN the berita acara is printed
    _record, pdf = PrintService(corrected).print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    pages = [flat(p) for p in page_texts(pdf)]
    # THEN its last page is the lampiran with the correction on it
    assert "LAMPIRAN BERITA ACARA RAPAT PLENO TERBUKA" in pages[-1]
    assert "29.009" in pages[-1] and "SAMARINDA ULU" in pages[-1]


def test_a_meeting_without_corrections_says_so(tmp_path: Path) -> None:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    _record, pdf = PrintService(service).print_form(FormKind.DAFTAR_PEMBETULAN, None, Paper.F4)
    assert "Tidak ada pembetulan data dalam rapat ini." in _text(pdf)


def test_kejadian_khusus_shows_the_linked_corrections_values(corrected: PlenoService) -> None:
    # WHEN the register is printed
    _record, pdf = PrintService(corrected).print_form(FormKind.KEJADIAN_KHUSUS, None, Paper.F4)
    text = _text(pdf)
    # THEN entry 3 shows what was corrected, not the correction's id
    assert "Pembetulan No. 1: SAMARINDA ULU" in text
    assert "28.999 → 29.009" in text
    assert "#1" not in re.sub(r"Rantai audit #\d+", "", text)  # the footer's chain head aside


def test_kejadian_khusus_is_dated_and_signed_by_members_and_the_saksi_involved(
    corrected: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the open objection resolved, initialled by the objector and a witnessing saksi
    incidents = IncidentService(corrected)
    (entry,) = [i for i in incidents.register() if i.status is IncidentStatus.TERBUKA]
    assert entry.number is not None
    from rekap_desktop.domain.incidents import Paraf, ParafRole

    incidents.resolve(
        entry.number,
        "Dicocokkan dengan D.Hasil PPK.",
        (
            Paraf("Hendra Gunawan Saputra", ParafRole.PENGAJU),
            Paraf("Dewi Anggraini Siahaan", ParafRole.PENYAKSI),
        ),
        confirmed(corrected, Action.CLOSE_OBJECTION),
    )
    # WHEN the register is printed
    _record, pdf = PrintService(corrected).print_form(FormKind.KEJADIAN_KHUSUS, None, Paper.F4)
    text = _text(pdf)
    # THEN it has the place, a line for the day, the KPU members and those two saksi
    assert "Dibuat di Ballroom Hotel Mahakam Sentosa" in text
    assert "ANGGOTA KPU YANG HADIR" in text
    assert "Dra. Lestari Wulandari Kusuma, M.Si." in text
    heading = "SAKSI YANG MENGAJUKAN KEBERATAN ATAU MENYAKSIKAN PENYELESAIANNYA"
    signed = text[text.index(heading) :]
    assert "Hendra Gunawan Saputra" in signed and "Dewi Anggraini Siahaan" in signed
    assert "Saksi Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur, nomor urut 2" in signed
    assert render_pngs(pdf, tmp_path, "kejadian-khusus")


def test_a_nomor_is_refused_on_a_form_that_has_none(corrected: PlenoService) -> None:
    with pytest.raises(InputRejected, match="nomor hanya dicetak"):
        PrintService(corrected).print_form(FormKind.D_HASIL, "walikota", Paper.F4, "1/2024")
