"""The QR code on every page of every printed form, read back from the rendered page as a phone
would read it from paper, carries the form's sidik data."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image

from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import render_pngs


def _codes(png: Path) -> list[str]:
    with Image.open(png) as image:
        return [
            code.text
            for code in zxingcpp.read_barcodes(image.convert("L"))
            if code.format == zxingcpp.BarcodeFormat.QRCode
        ]


def test_every_page_of_every_form_carries_its_sidik_data_in_the_qr_code(tmp_path: Path) -> None:
    # GIVEN the demo meeting's whole document set, printed on F4 and A4
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    printing = meeting_print_service(service)
    for paper in (Paper.F4, Paper.A4):
        for kind, contest in printing.document_set():
            record, pdf = printing.print_form(kind, contest, paper)
            # WHEN each page is rendered and its QR code decoded
            pages = render_pngs(pdf, tmp_path, f"{kind.value}-{contest}-{paper.value}")
            assert len(pages) == record.stored.pages
            # THEN every page holds exactly one QR code, naming the sidik data of that print
            expected = f"REKAP-DESKTOP SIDIK DATA {record.stored.fingerprint}"
            assert [_codes(page) for page in pages] == [[expected]] * len(pages), kind
    # AND a code read from paper is found again: the same data printed on F4 and on A4
    matches = printing.lookup(expected.removeprefix("REKAP-DESKTOP SIDIK DATA "))
    assert [(m.record.stored.paper, m.changed) for m in matches] == [("A4", False), ("F4", False)]
    service.engine.dispose()
