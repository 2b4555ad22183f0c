"""The forms printed during the meeting carry what the procedure recorded."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.documents.styles import Paper
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.meeting_prints import meeting_print_service, pause_note, proceedings
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.print_service import FormKind
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import flat, page_texts


def test_berita_acara_and_skors_show_the_meeting_so_far(tmp_path: Path) -> None:
    # GIVEN the demo meeting moved to item 3 and suspended
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    procedure = ProcedureService(service)
    procedure.next()
    procedure.next()
    procedure.pause("ishoma")
    # THEN the proceedings and the pause note say so
    steps = [what for _when, what in proceedings(ProcedureService(service))]
    assert steps[-3:] == [
        "Langkah 2 (Peraturan teknis)",
        "Langkah 3 (Tata tertib)",
        "Rapat diskors",
    ]
    assert pause_note(ProcedureService(service)).endswith(": ishoma")
    # WHEN the berita acara and the skors form are printed THEN they carry it
    printing = meeting_print_service(service)
    _r, minutes = printing.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    assert "Rapat diskors" in flat(" ".join(page_texts(minutes)))
    _r, pause = printing.print_form(FormKind.SKORS, None, Paper.F4)
    assert "Rapat diskors sejak pukul" in flat(" ".join(page_texts(pause)))
