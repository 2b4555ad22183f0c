from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.sources import SIREKAP
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.pleno_service import ImportReport, PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import HEADER, write_setup, write_tallies
from tests.gui.stall import StallMeter
from tests.meetings import cockpit_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    service.import_tally_file(write_tallies(tmp_path))
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    window.views.setCurrentWidget(window.recap)  # Ctrl+R: the recapitulation on screen
    return window


def _cell(window: MainWindow, contest: str, row: int, column: int) -> str:
    model = window.pages[contest].model
    return str(model.data(model.index(row, column)))


def test_recap_table_shows_units_and_formatted_totals(window: MainWindow, qtbot: QtBot) -> None:
    # GIVEN the window on a meeting with PPK forms
    model = window.pages["walikota"].model
    # THEN there is one row per unit plus JUMLAH, numbers formatted the Indonesian way
    assert model.rowCount() == 4
    assert model.headerData(3, window.pages["walikota"].table.horizontalHeader().orientation()) == (
        "1. KOLOM KOSONG (kolom kosong)"
    )
    assert [_cell(window, "walikota", 2, c) for c in (1, 2, 3, 4, 5)] == [
        "JUMLAH",
        "5",
        "400",
        "1.270",
        "1.670",
    ]
    assert [_cell(window, "walikota", 3, c) for c in (1, 3, 4)] == [
        "% SUARA SAH",
        "23,95 %",
        "76,05 %",
    ]
    assert "Nomor urut 2" in window.pages["walikota"].outcome.text()
    qtbot.waitUntil(lambda: window.audit_label.text() == "Rantai audit: utuh (2 entri)")


def test_switching_source_shows_sirekap_with_its_label(window: MainWindow) -> None:
    # WHEN the operator chooses Sirekap as the source
    window.source_box.setCurrentIndex(window.source_box.findData(SIREKAP))
    # THEN Sirekap's numbers show, marked as not official
    assert _cell(window, "walikota", 0, 4) == "530"
    assert _cell(window, "walikota", 1, 4) == "–"
    assert "bukan hasil resmi" in window.pages["walikota"].outcome.text()


def import_through(qtbot: QtBot, window: MainWindow, path: Path) -> ImportReport | None:
    """Ctrl+I's import, which runs on a worker thread, waited for."""
    with qtbot.waitSignal(window.tally_import_finished, timeout=20_000) as finished:
        window.import_file(path)
    report: ImportReport | None = finished.args[0]
    return report


def test_import_refreshes_the_window_live(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN an import that takes long, noting the thread it runs on
    threads: list[threading.Thread] = []
    meter = StallMeter()
    original = PlenoService.import_tally_file

    def slow(self: PlenoService, path: Path) -> ImportReport:
        threads.append(threading.current_thread())
        meter.turned_during(lambda: time.sleep(0.6))
        return original(self, path)

    monkeypatch.setattr(PlenoService, "import_tally_file", slow)
    # WHEN a new PPK form is imported through the window
    again = HEADER + "\nwalikota,990102,SELATAN,ppk,1000,300,691,991,9,1000\n"
    with meter:
        report = import_through(qtbot, window, write_tallies(tmp_path, again, "again.csv"))
    # THEN it ran on a worker while the window kept answering
    assert threads and threads[0] is not threading.main_thread()
    assert meter.answered_throughout(), "the window stopped answering while it worked"
    # AND the table shows the committed values once it is done
    assert report is not None and window.import_action.isEnabled()
    assert _cell(window, "walikota", 1, 4) == "691"
    assert _cell(window, "walikota", 2, 4) == "1.271"


def test_a_refused_import_shows_a_dialog_and_keeps_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = HEADER + "\nwalikota,990102,SELATAN,ppk,1000,300,abc,991,9,1000\n"
    assert import_through(qtbot, window, write_tallies(tmp_path, bad, "bad.csv")) is None
    assert len(shown) == 1 and "bad.csv ditolak" in shown[0] and "baris 2" in shown[0]
    assert _cell(window, "walikota", 1, 4) == "690"


def test_demo_window_is_marked_simulasi(qtbot: QtBot, tmp_path: Path) -> None:
    from rekap_desktop.services.demo import load_demo

    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    window.views.setCurrentWidget(window.recap)
    assert "SIMULASI" in window.windowTitle()
    assert window.pages["gubernur"].model.rowCount() == 12
    assert window.incident_label.text() == "Kejadian/keberatan terbuka: 1"


def test_no_key_of_the_comparison_is_also_a_key_of_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the cockpit window and a comparison widget hosted in it (pages 7–10)
    from PySide6.QtGui import QKeySequence, QShortcut

    from rekap_desktop.gui.comparison.widget import ComparisonWidget
    from rekap_desktop.gui.help_window import window_keys
    from rekap_desktop.services.comparison_service import ComparisonService

    widget = ComparisonWidget(ComparisonService(window.service), "walikota", "990101")
    qtbot.addWidget(widget)
    native = QKeySequence.SequenceFormat.NativeText
    page_keys = {s.key().toString(native) for s in widget.findChildren(QShortcut)}

    # THEN none of its shortcuts is ambiguous with one of the window's (Qt would fire neither)
    assert "Ctrl+Shift+R" in page_keys
    assert page_keys.isdisjoint(key for key, _ in window_keys(window))


def test_the_audit_chain_is_verified_off_the_gui_thread_and_a_broken_one_is_named(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sqlite3

    # GIVEN the chain verified once, noting the thread each verification runs on
    qtbot.waitUntil(lambda: window.audit_label.text().startswith("Rantai audit: utuh"))
    threads: list[threading.Thread] = []
    verify = window.service.verify_audit

    def noted() -> object:
        threads.append(threading.current_thread())
        return verify()

    monkeypatch.setattr(window.service, "verify_audit", noted)
    # WHEN an entry is edited behind the program's back and the window refreshes twice at once
    with sqlite3.connect(tmp_path / "p.sqlite") as connection:
        connection.execute("UPDATE audit_entry SET actor = 'orang lain' WHERE id = 1")
    connection.close()
    window.refresh()
    window.refresh()  # arrives while the first check runs: covered by one more check
    # THEN the status bar says the chain is broken and where, found on a worker thread
    qtbot.waitUntil(lambda: window.audit_label.text() == "Rantai audit: RUSAK")
    qtbot.waitUntil(lambda: not window.audit_status.is_checking())
    assert "entri #1" in window.audit_label.toolTip()
    assert len(threads) == 2 and threading.main_thread() not in threads


def test_a_hidden_recapitulation_is_computed_when_it_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN the cockpit on its procedure tab: the recapitulation tab is not on screen
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    window = cockpit_window(service)
    qtbot.addWidget(window)
    window.show()
    assert window.pages["walikota"].model.rowCount() == 0  # not computed while hidden
    # WHEN forms arrive meanwhile and the operator then opens the recapitulation (Ctrl+R)
    service.import_tally_file(write_tallies(tmp_path))
    window.views.setCurrentWidget(window.recap)
    # THEN it shows the numbers as they are now
    assert _cell(window, "walikota", 2, 5) == "1.670"
    # AND while it is on screen, every change shows at once
    window.views.setCurrentWidget(window.recap)
    window.recap.source_box.setCurrentIndex(window.recap.source_box.findData(SIREKAP))
    assert "bukan hasil resmi" in window.pages["walikota"].outcome.text()
