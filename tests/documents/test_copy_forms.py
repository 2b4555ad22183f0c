"""The tanda terima salinan and the daftar penyerahan salinan as printed: who received which
version (its sidik data), salinan ke-berapa, how and when, with lines to sign."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.domain.copies import CopyMoment, HandRequest, Medium, Receiver, ReceiverKind
from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    yield service
    service.engine.dispose()


def _pages(printing: PrintService, kind: FormKind) -> list[str]:
    return [flat(page) for page in page_texts(printing.print_form(kind, None, Paper.F4)[1])]


def test_before_any_copy_a_blank_receipt_and_an_empty_list_are_printed(
    demo: PlenoService,
) -> None:
    printing = PrintService(demo)
    [receipt] = _pages(printing, FormKind.TANDA_TERIMA)
    assert "TANDA TERIMA SALINAN" in receipt and "Yang menerima" in receipt
    assert "PENYERAHAN NOMOR" not in receipt
    [log] = _pages(printing, FormKind.DAFTAR_SALINAN)
    assert "Belum ada salinan yang diserahkan dalam rapat ini." in log


def test_each_receiver_gets_a_receipt_page_and_the_list_names_every_copy(
    demo: PlenoService,
) -> None:
    # GIVEN the D.Hasil Wali Kota handed at the close of PALARAN to a saksi and Bawaslu
    printing = PrintService(demo)
    record, _pdf = printing.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    fingerprint = record.stored.fingerprint
    CopiesService(demo).hand(
        HandRequest(
            (record.stored.id,),
            (
                Receiver("Ayu Lestari Manurung", ReceiverKind.SAKSI),
                Receiver("Rina Bawaslu", ReceiverKind.BAWASLU),
            ),
            Medium.KERTAS,
            CopyMoment.PENUTUPAN_KECAMATAN,
            unit="647201",
            handed_by="Agus Setiawan Nugroho, S.IP.",
        )
    )
    # WHEN the tanda terima is printed THEN one page per receiver, each with its copy
    saksi, bawaslu = _pages(printing, FormKind.TANDA_TERIMA)
    for page, name, number in ((saksi, "Ayu Lestari Manurung", 1), (bawaslu, "Rina Bawaslu", 2)):
        assert "PENYERAHAN NOMOR 1" in page
        assert f"Nama penerima {name}" in page
        assert f"{fingerprint} Salinan ke-{number}" in page
        assert "Penutupan kecamatan PALARAN" in page
        assert "KPU KOTA SAMARINDA menyerahkan salinan" in page
        assert f"( Agus Setiawan Nugroho, S.IP. ) ( {name} )" in page
        assert "DRAF" not in page  # a receipt records what was handed
    assert "Saksi Pemilihan Wali Kota dan Wakil Wali Kota Samarinda, Nomor urut 2" in saksi
    # AND the daftar lists both copies with the version's sidik data
    [log] = _pages(printing, FormKind.DAFTAR_SALINAN)
    assert "DAFTAR PENYERAHAN SALINAN" in log
    assert log.count(fingerprint) == 2
    assert "Salinan ke-1 Ayu Lestari Manurung" in log and "Salinan ke-2 Rina Bawaslu" in log
