"""Closing the cockpit while a print (or a package, a backup) still runs off the GUI thread: the
program says what it finishes and waits for it, instead of vanishing while the work goes on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.print_centre import dialog as print_centre
from rekap_desktop.gui.shutdown import finish_running_work, waiting_text
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window

SLOW_PRINT_S = 0.4


def _shown_while_waiting() -> list[str]:
    """The texts of the waiting dialog, read once it is up."""
    seen: list[str] = []

    def look() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        visible = [b.labelText() for b in boxes if b.isVisible()]
        if visible:
            seen.extend(visible)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


def test_the_work_is_listed_the_indonesian_way() -> None:
    assert waiting_text(["pencetakan", "paket hasil"]).startswith(
        "Menyelesaikan pencetakan dan paket hasil sebelum"
    )
    assert waiting_text(["pencetakan", "paket hasil", "cadangan"]).startswith(
        "Menyelesaikan pencetakan, paket hasil, dan cadangan sebelum"
    )


def test_nothing_running_closes_at_once() -> None:
    # GIVEN no work running WHEN the cockpit closes THEN nothing is waited for
    assert finish_running_work(lambda: []) is False


def test_the_wait_names_the_work_and_ends_when_it_is_done(qtbot: QtBot) -> None:
    # GIVEN a backup that ends in a moment
    running = ["cadangan"]
    QTimer.singleShot(150, running.clear)
    seen = _shown_while_waiting()
    # WHEN the cockpit closes
    started = time.monotonic()
    waited = finish_running_work(lambda: list(running))
    # THEN it waited until the backup was done, saying so
    assert waited and time.monotonic() - started >= 0.1
    assert seen and seen[0] == waiting_text(["cadangan"])
    assert "Menyelesaikan cadangan sebelum Rekap Desktop ditutup" in seen[0]
    assert "Jangan matikan laptop." in seen[0]


def test_closing_during_a_print_finishes_the_print_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the cockpit printing a form to a (slow) printer
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    extras = window
    send = print_centre.print_pdf

    def slow_printer(*args: object) -> int:
        time.sleep(SLOW_PRINT_S)
        return send(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(print_centre, "print_pdf", slow_printer)
    monkeypatch.setattr(print_centre.PrintCentreDialog, "exec", print_centre.PrintCentreDialog.show)
    window.action_print.trigger()
    qtbot.waitUntil(lambda: extras.printing.print_centre is not None, timeout=20_000)
    dialog = extras.printing.print_centre
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.preview_pending(), timeout=20_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setResolution(72)
    dialog.print_to(printer)
    assert extras.unfinished_work() == ["pencetakan"]
    # WHEN the cockpit closes THEN the print is finished first and recorded
    assert finish_running_work(extras.unfinished_work) is True
    assert extras.unfinished_work() == []
    assert (tmp_path / "printer.pdf").stat().st_size > 0
    assert len(dialog.records) == 1
    extras.stop_work()


def test_the_wait_runs_after_the_cockpit_ended_the_event_loop(qtbot: QtBot) -> None:
    # GIVEN the event loop ended the way closing the cockpit ends it (exit, see gui.application)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    QTimer.singleShot(0, lambda: app.exit(0))
    assert app.exec() == 0
    # WHEN a backup is still being written
    running = ["cadangan"]
    QTimer.singleShot(100, running.clear)
    seen = _shown_while_waiting()
    # THEN the closing wait still shows and waits for it
    assert finish_running_work(lambda: list(running)) is True
    assert running == []
    assert seen and "Jangan matikan laptop." in seen[0]
