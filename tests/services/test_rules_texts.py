"""Items 2 and 3 start from the meeting's own peraturan teknis and tata tertib (the 17 rules read
at a kab/kota pleno), which the meeting edits; what it saves replaces the default."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine


def test_peraturan_teknis_starts_from_the_17_rules_of_this_meeting(tmp_path: Path) -> None:
    # GIVEN the demo meeting, nothing saved at items 2 and 3
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    records = ProcedureRecords(ProcedureService(service))
    # WHEN the peraturan teknis is read
    text = records.text("peraturan_teknis")
    lines = text.splitlines()
    # THEN it holds the 17 rules, numbered, naming this KPU, the PPK and the forms in the box
    assert lines[0] == "PERATURAN TEKNIS RAPAT PLENO TERBUKA REKAPITULASI KPU KOTA SAMARINDA"
    numbered = [line for line in lines if line[:1].isdigit()]
    assert [line.split(".")[0] for line in numbered] == [str(n) for n in range(1, 18)]
    assert numbered[0].startswith("1. Ketua KPU Kota Samarinda membuka rapat")
    assert "Model D.Hasil Kecamatan — Pemilihan Wali Kota dan Wakil Wali Kota Samarinda" in text
    assert numbered[16].startswith("17. Keberatan saksi yang sudah diselesaikan")
    assert records.text("tata_tertib").startswith("TATA TERTIB RAPAT PLENO TERBUKA")
    # WHEN the meeting edits and saves it THEN its own text replaces the default
    ProcedureService(service).next()
    records.save_text("peraturan_teknis", "Hanya butir yang dibacakan.")
    assert records.text("peraturan_teknis") == "Hanya butir yang dibacakan."
