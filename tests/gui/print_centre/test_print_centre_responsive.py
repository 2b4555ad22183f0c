"""Pusat Cetak stays responsive: the preview, the print and the save run off the GUI thread, a
newer choice supersedes a preview still rendering, and a failure is the Indonesian dialog.

The heavy work is made artificially slow (monkeypatched): the event loop must turn while it
runs, which it cannot when the work holds the GUI thread (no time bound: see tests/gui/stall.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.gui.print_centre import PrintCentreDialog
from rekap_desktop.gui.print_centre.dialog import PreviewRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import (
    FormKind,
    PreparedForm,
    PrintRecord,
    PrintService,
)
from rekap_desktop.storage.engine import open_engine
from tests.gui.print_centre.test_print_centre import WAIT_MS, open_dialog, wait_for_preview
from tests.gui.stall import StallMeter
from tests.meetings import cockpit_meeting

SLOW_S = 0.6

ORIGINAL_PREPARE = PrintService.prepare
ORIGINAL_PRINT_FORM = PrintService.print_form


@pytest.fixture
def service(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    yield service
    service.engine.dispose()


@pytest.fixture
def dialog(qtbot: QtBot, service: PlenoService) -> Iterator[PrintCentreDialog]:
    window = open_dialog(qtbot, service)
    yield window
    window.stop()


def test_the_preview_renders_off_the_gui_thread_while_the_window_answers(
    dialog: PrintCentreDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a form that takes long to prepare, noting the thread it is prepared on
    threads: list[threading.Thread] = []
    meter = StallMeter()

    def slow(
        self: PrintService, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        threads.append(threading.current_thread())
        meter.turned_during(lambda: time.sleep(SLOW_S))
        return ORIGINAL_PREPARE(self, kind, contest, number)

    monkeypatch.setattr(PrintService, "prepare", slow)
    # WHEN another form is chosen
    with meter:
        dialog.select(FormKind.BERITA_ACARA)
        # THEN at once the old preview is gone and the dialog says it is preparing the new one
        assert dialog.preview_pending() and dialog.document.pageCount() == 0
        assert dialog.status_label.text() == "Menyiapkan pratinjau…"
        assert dialog.busy_bar.isVisible()
        wait_for_preview(qtbot, dialog)
    # THEN it was prepared on a worker thread and the event loop never stalled meanwhile
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert meter.answered_throughout(), "the window stopped answering while it worked"
    # AND the new preview is shown
    assert dialog.document.pageCount() >= 1 and not dialog.busy_bar.isVisible()
    assert dialog.status_label.text().startswith("Pratinjau: ")


def test_a_preview_superseded_by_a_newer_choice_is_never_shown(
    dialog: PrintCentreDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the register's preview held back on its worker until released
    release = threading.Event()
    prepared: list[tuple[FormKind, str | None]] = []

    def held(
        self: PrintService, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        prepared.append((kind, contest))
        if kind is FormKind.KEJADIAN_KHUSUS:
            release.wait(WAIT_MS / 1000)
        return ORIGINAL_PREPARE(self, kind, contest, number)

    monkeypatch.setattr(PrintService, "prepare", held)
    shown: list[str] = []
    dialog.preview_shown.connect(lambda: shown.append(dialog.status_label.text()))
    dialog.select(FormKind.KEJADIAN_KHUSUS)
    qtbot.waitUntil(lambda: prepared == [(FormKind.KEJADIAN_KHUSUS, None)], timeout=WAIT_MS)
    # WHEN the operator chooses the D.Hasil Wali Kota meanwhile, then the register is released
    dialog.select(FormKind.D_HASIL, "walikota", Paper.A4)
    release.set()
    wait_for_preview(qtbot, dialog)
    # THEN the requests made while one rendered came down to the newest one only
    assert prepared == [(FormKind.KEJADIAN_KHUSUS, None), (FormKind.D_HASIL, "walikota")]
    # AND only the Wali Kota's preview was ever shown: the register's arrived late and was dropped
    code = ORIGINAL_PREPARE(dialog.service, FormKind.D_HASIL, "walikota").fingerprint
    assert len(shown) == 1 and f"sidik data {code}" in shown[0]
    pages = dialog.service.preview(FormKind.D_HASIL, "walikota", Paper.A4).pages
    assert dialog.document.pageCount() == pages


def test_printing_and_saving_run_off_the_gui_thread_with_the_buttons_waiting(
    dialog: PrintCentreDialog,
    service: PlenoService,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN printing that takes long, noting the thread it runs on and where changes are told
    threads: list[threading.Thread] = []
    meter = StallMeter()

    def slow(
        self: PrintService,
        kind: FormKind,
        contest: str | None,
        paper: Paper,
        number: str | None = None,
    ) -> tuple[PrintRecord, bytes]:
        threads.append(threading.current_thread())
        meter.turned_during(lambda: time.sleep(SLOW_S))
        return ORIGINAL_PRINT_FORM(self, kind, contest, paper, number)

    monkeypatch.setattr(PrintService, "print_form", slow)
    told: list[tuple[Change, threading.Thread]] = []
    hub = cockpit_meeting(service).hub  # the program's hub: it delivers on the GUI thread
    hub.changed.connect(
        lambda changes: told.extend((c, threading.current_thread()) for c in changes)
    )
    # WHEN the PDF is saved
    with meter:
        with qtbot.waitSignal(dialog.print_finished, timeout=WAIT_MS) as finished:
            dialog.save_pdf(tmp_path / "d-hasil.pdf")
            # THEN the buttons wait and the dialog says what it is doing
            assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
            assert dialog.is_busy() and dialog.job_label.text() == "Menyimpan PDF…"
    # THEN the work ran on a worker, the event loop never stalled, the file is there
    assert threads and threads[0] is not threading.main_thread()
    assert meter.answered_throughout(), "the window stopped answering while it worked"
    record = finished.args[0]
    assert record is not None and (tmp_path / "d-hasil.pdf").read_bytes().startswith(b"%PDF")
    # AND the print was announced once, on the GUI thread, and the log and buttons follow
    assert [(c.what, t) for c, t in told] == [("form_printed", threading.main_thread())]
    assert dialog.log_table.rowCount() == 1 and dialog.save_button.isEnabled()
    assert dialog.job_label.text() == f"Tercatat: cetakan #{record.stored.id}, versi 1."


def test_a_refused_or_broken_preview_is_the_indonesian_dialog_not_a_crash(
    dialog: PrintCentreDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN dialogs recorded instead of shown, and a preparation that is refused
    warned: list[str] = []
    critical: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: critical.append(text))

    def refused(
        self: PrintService, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        raise InputRejected([Problem("data formulir belum lengkap")])

    monkeypatch.setattr(PrintService, "prepare", refused)
    # WHEN a form is chosen THEN the refusal is the warning dialog, and the status says so
    dialog.select(FormKind.SKORS)
    wait_for_preview(qtbot, dialog)
    assert len(warned) == 1 and "data formulir belum lengkap" in warned[0]
    assert dialog.status_label.text() == "Pratinjau tidak dapat dibuat."

    # GIVEN a bug in the preparation WHEN a form is chosen THEN it is an internal-error dialog
    def broken(
        self: PrintService, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        raise RuntimeError("rusak")

    monkeypatch.setattr(PrintService, "prepare", broken)
    dialog.select(FormKind.BERITA_ACARA)
    wait_for_preview(qtbot, dialog)
    assert len(critical) == 1
    assert critical[0].startswith(
        "Kesalahan internal: RuntimeError: rusak\n\nRapat dapat dilanjutkan"
    )


def test_choosing_form_contest_and_paper_at_once_renders_one_preview(
    dialog: PrintCentreDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the preparations counted
    prepared: list[tuple[FormKind, str | None]] = []

    def counted(
        self: PrintService, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        prepared.append((kind, contest))
        return ORIGINAL_PREPARE(self, kind, contest, number)

    monkeypatch.setattr(PrintService, "prepare", counted)
    # WHEN form, contest and paper are chosen together
    dialog.select(FormKind.PENGEMBALIAN, "walikota", Paper.A4)
    wait_for_preview(qtbot, dialog)
    # THEN one preview was made, for the whole choice
    assert prepared == [(FormKind.PENGEMBALIAN, "walikota")]
    assert dialog.request() == PreviewRequest(FormKind.PENGEMBALIAN, "walikota", Paper.A4)
