"""The Rekap Pengembalian C.Pemberitahuan prints what was read out at item 5, desa by desa."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.procedure import Stop
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts, render_pngs


def test_item_5_counts_are_printed_per_desa_with_their_sum(tmp_path: Path) -> None:
    # GIVEN the demo meeting at item 5 of PALARAN, its desa counts read out
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    records = ProcedureRecords(procedure)
    while procedure.state().current != Stop("5", "647201"):
        if procedure.state().current == Stop("4", "647201"):
            records.record_box("647201", True, expected_forms(service.pleno()))
        procedure.next()
    records.save_returned_notices("647201", {"RAWA MAKMUR": 12, "HANDIL BAKTI": 7, "BUKUAN": 0})
    # WHEN the Rekap Pengembalian is printed
    _record, pdf = PrintService(service).print_form(FormKind.PENGEMBALIAN, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN PALARAN shows the 19 read out, each desa under it, and where the number comes from
    assert "647201 PALARAN 97 19 Dibacakan per desa/kelurahan (butir 5)" in text
    assert "– RAWA MAKMUR 12 – HANDIL BAKTI 7 – BUKUAN 0" in text
    # AND a kecamatan not read out yet keeps its PPK form's figure, marked as such
    assert "Dari formulir PPK; belum dibacakan per desa/kelurahan" in text
    assert render_pngs(pdf, tmp_path, "pengembalian")
