"""Pusat Cetak: preview of the real PDF, printing to a (PDF) printer, saving, log and look-up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.paper import Paper
from rekap_desktop.gui import operations
from rekap_desktop.gui.print_centre import PrintCentreDialog
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintRecord, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.documents.pdf_check import ink_share, page_sizes_mm, render_pngs

WAIT_MS = 20_000
"""Generous: a busy CI machine renders slowly; the tests wait for an event, never a time."""


def open_dialog(qtbot: QtBot, service: PlenoService) -> PrintCentreDialog:
    """The print centre shown, once its first preview is there."""
    window = PrintCentreDialog(PrintService(service))
    qtbot.addWidget(window)
    window.show()
    wait_for_preview(qtbot, window)
    return window


def wait_for_preview(qtbot: QtBot, window: PrintCentreDialog) -> None:
    qtbot.waitUntil(lambda: not window.preview_pending(), timeout=WAIT_MS)


def choose(qtbot: QtBot, window: PrintCentreDialog, *args: object) -> None:
    window.select(*args)  # type: ignore[arg-type]
    wait_for_preview(qtbot, window)


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[PrintCentreDialog]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = open_dialog(qtbot, service)
    yield window
    window.stop()


def test_preview_shows_the_real_pages_of_the_chosen_form(
    dialog: PrintCentreDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the print centre on the demo WHEN the D.Hasil Wali Kota is chosen
    choose(qtbot, dialog, FormKind.D_HASIL, "walikota")
    # THEN the preview holds its two pages and names its sidik data; nothing is printed yet
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() == 2
    code = dialog.service.prepare(FormKind.D_HASIL, "walikota").fingerprint
    assert f"2 halaman · sidik data {code} · tanda air SIMULASI" in dialog.status_label.text()
    assert dialog.log_table.rowCount() == 0
    # WHEN the register is chosen THEN the contest choice is off and the preview follows
    choose(qtbot, dialog, FormKind.KEJADIAN_KHUSUS)
    assert not dialog.contest_box.isEnabled()
    assert dialog.document.pageCount() == 2  # the entries, then the place, day and signatures
    # AND the window shows the page (grabbed to PNG, not blank)
    qtbot.wait(300)
    shot = tmp_path / "pusat_cetak.png"
    assert dialog.grab().save(str(shot))
    assert ink_share(shot) > 0.05


def test_printing_to_a_pdf_printer_records_a_version(
    dialog: PrintCentreDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a printer that writes a PDF file
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setResolution(100)
    choose(qtbot, dialog, FormKind.D_HASIL, "gubernur", Paper.F4)
    # WHEN the form is printed THEN the buttons wait while it runs
    counted: list[int] = []
    dialog.busy_bar.valueChanged.connect(counted.append)
    with qtbot.waitSignal(dialog.print_finished, timeout=WAIT_MS) as finished:
        dialog.print_to(printer)
        assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    record = finished.args[0]
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    # THEN version 1 is recorded and every page reached the printer, F4 landscape, with ink
    assert record is not None and record.stored.version == 1
    printed = (tmp_path / "printer.pdf").read_bytes()
    assert page_sizes_mm(printed) == [(330, 216)] * record.stored.pages
    assert all(ink_share(p) > 0.01 for p in render_pngs(printed, tmp_path, "printed"))
    # AND the progress bar counted the pages, one by one up to the last
    assert [n for n in counted if n > 0] == list(range(1, record.stored.pages + 1))
    # AND the log lists it
    assert dialog.log_table.rowCount() == 1
    assert dialog.log_table.item(0, 5).text() == record.stored.fingerprint


def save(qtbot: QtBot, window: PrintCentreDialog, path: Path) -> PrintRecord | None:
    with qtbot.waitSignal(window.print_finished, timeout=WAIT_MS) as finished:
        window.save_pdf(path)
    record: PrintRecord | None = finished.args[0]
    return record


def test_saving_then_looking_the_fingerprint_up(
    dialog: PrintCentreDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the returns form saved twice (A4)
    choose(qtbot, dialog, FormKind.PENGEMBALIAN, "gubernur", Paper.A4)
    first = save(qtbot, dialog, tmp_path / "satu.pdf")
    second = save(qtbot, dialog, tmp_path / "dua.pdf")
    assert first is not None and second is not None
    assert (tmp_path / "dua.pdf").read_bytes().startswith(b"%PDF")
    assert [dialog.log_table.item(r, 3).text() for r in range(2)] == ["2", "1"]
    # WHEN its sidik data is typed in THEN both versions are found, unchanged
    text = dialog.look_up(second.stored.fingerprint.lower())
    assert "Rekap Pengembalian C.Pemberitahuan (Gubernur dan Wakil Gubernur), versi 2" in text
    assert "versi 1" in text and text.count("Data tidak berubah sejak dicetak.") == 2
    # WHEN a printed version is opened from the log THEN exactly that PDF is shown
    dialog.show_printed(0)
    assert dialog.status_label.text().startswith(f"Cetakan #{second.stored.id}")


def test_a_mistyped_fingerprint_is_explained_not_crashed(
    dialog: PrintCentreDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN message boxes recorded instead of shown
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    # WHEN a text that is no sidik data is looked up
    assert dialog.look_up("ABC") == "Bukan sidik data."
    # THEN the refusal says why, in Indonesian
    assert len(shown) == 1 and "'ABC' bukan sidik data" in shown[0]
    # AND a well-formed but unknown code is reported as not found
    assert "tidak ditemukan" in dialog.look_up("0000-0000-0000")


def test_seat_form_is_listed_only_with_a_legislative_contest_and_only_for_those(
    dialog: PrintCentreDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the Pilkada demo THEN the seat-allocation form is not offered
    kinds = [dialog.form_box.itemData(i) for i in range(dialog.form_box.count())]
    assert FormKind.PEROLEHAN_KURSI not in kinds
    # GIVEN the Pemilu demo (PPWP + DPRD Kota)
    service = PlenoService(open_engine(str(tmp_path / "pemilu.sqlite")))
    load_demo(service, DemoKind.PEMILU)
    pemilu = open_dialog(qtbot, service)
    kinds = [pemilu.form_box.itemData(i) for i in range(pemilu.form_box.count())]
    assert FormKind.PEROLEHAN_KURSI in kinds
    # WHEN it is chosen THEN only the DPRD Kota can be picked and its table is previewed
    choose(qtbot, pemilu, FormKind.PEROLEHAN_KURSI)
    contests = [pemilu.contest_box.itemData(i) for i in range(pemilu.contest_box.count())]
    assert contests == ["dprd_kabko"] and pemilu.contest() == "dprd_kabko"
    assert (
        pemilu.document.pageCount()
        == PrintService(service).preview(FormKind.PEROLEHAN_KURSI, "dprd_kabko", Paper.F4).pages
    )
    # AND back on the D.Hasil both contests are there again
    choose(qtbot, pemilu, FormKind.D_HASIL)
    contests = [pemilu.contest_box.itemData(i) for i in range(pemilu.contest_box.count())]
    assert contests == ["ppwp", "dprd_kabko"]
    pemilu.stop()
