"""Pusat Cetak after penetapan: the Keputusan on the result, the berita acara of the pair elected
and the surat pengantar are offered once the result is determined, chosen with the widgets."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from rekap_desktop.gui.print_centre import PrintCentreDialog
from rekap_desktop.gui.print_centre.dialog import SHORT_LABELS
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FORM_LABELS, FormKind
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import ink_share
from tests.gui.print_centre.test_print_centre import WAIT_MS, wait_for_preview
from tests.penetapan import determine_meeting


def _labels(window: PrintCentreDialog) -> list[str]:
    return [window.form_box.itemText(i) for i in range(window.form_box.count())]


def test_stage_forms_appear_once_determined_and_preview_portrait_pages(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the print centre open on the Pilkada demo before penetapan
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = PrintCentreDialog(meeting_print_service(service))
    qtbot.addWidget(window)
    window.show()
    wait_for_preview(qtbot, window)
    assert FORM_LABELS[FormKind.KEPUTUSAN_HASIL] not in _labels(window)
    # WHEN the result is determined and the print centre is opened again
    determine_meeting(service)
    window.reopen()
    wait_for_preview(qtbot, window)
    # THEN the decree is offered; choosing it offers only the Wali Kota, and its two upright
    # pages (decree and Lampiran) are previewed
    assert FORM_LABELS[FormKind.KEPUTUSAN_HASIL] in _labels(window)
    window.form_box.setCurrentIndex(window.form_box.findText(FORM_LABELS[FormKind.KEPUTUSAN_HASIL]))
    wait_for_preview(qtbot, window)
    contests = [window.contest_box.itemData(i) for i in range(window.contest_box.count())]
    assert contests == ["walikota"]
    qtbot.waitUntil(lambda: window.document.pageCount() == 2, timeout=WAIT_MS)
    size = window.document.pagePointSize(0)
    assert size.height() > size.width()
    # AND the cover letter offers only the Gubernur
    window.form_box.setCurrentIndex(window.form_box.findText(FORM_LABELS[FormKind.SURAT_PENGANTAR]))
    wait_for_preview(qtbot, window)
    assert window.contest_box.currentData() == "gubernur"
    qtbot.wait(300)
    shot = tmp_path / "surat_pengantar.png"
    assert window.grab().save(str(shot)) and ink_share(shot) > 0.05
    window.stop()


def test_every_form_has_its_name_in_the_print_log() -> None:
    # GIVEN the forms the program prints THEN each has a short name for the print log's column
    assert set(SHORT_LABELS) == set(FormKind)
