"""The printed register shows what the register holds: resolution and who initialled it."""

from __future__ import annotations

from pathlib import Path

from rekap_desktop.domain.incidents import IncidentStatus, Paraf, ParafRole
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts


def test_a_settled_objection_prints_with_its_paraf_names(tmp_path: Path) -> None:
    # GIVEN the demo's open carried objection, settled with paraf
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    incidents = IncidentService(service)
    (open_entry,) = [i for i in incidents.register() if i.status is IncidentStatus.TERBUKA]
    assert open_entry.number is not None
    incidents.resolve(
        open_entry.number,
        "Dicocokkan dengan D.Hasil PPK: 28.999 benar; salinan saksi salah salin.",
        (
            Paraf("Hendra Gunawan Saputra", ParafRole.PENGAJU),
            Paraf("Dewi Anggraini Siahaan", ParafRole.PENYAKSI),
        ),
        confirmed(service, Action.CLOSE_OBJECTION),
    )
    # WHEN the register is printed
    _record, pdf = PrintService(service).print_form(FormKind.KEJADIAN_KHUSUS, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN the resolution and both initialling saksi are on the form
    assert "salinan saksi salah salin" in text
    assert "Hendra Gunawan Saputra (Yang mengajukan keberatan)" in text
    assert "Dewi Anggraini Siahaan (Saksi yang menyaksikan)" in text
