"""The window's end of the one error path: a failing paint handler draws a plain card and ends
its painter, an internal error becomes one Indonesian dialog queued to the event loop (never
opened inside the failing code), and Qt's own warnings reach the log."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer, qWarning
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain import clock
from rekap_desktop.error_log import ErrorLog
from rekap_desktop.gui.comparison.view import ComparisonDelegate
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.gui.error_path import (
    HEADLINE,
    SAFE_CARD_BACKGROUND,
    SAFE_CARD_TEXT,
    ErrorPath,
)
from rekap_desktop.gui.projector.scenes import Banner, BannerState, PauseScene, TitleScene
from rekap_desktop.gui.projector.view import SceneView
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine

WAIT_MS = 5_000


@pytest.fixture
def error_path(tmp_path: Path) -> Iterator[ErrorPath]:
    errors = ErrorLog(tmp_path / "log").install()
    path = ErrorPath(errors, lambda: None)
    yield path
    for box in list(path.dialogs.shown):
        box.close()
    path.detach()
    errors.uninstall()


def broken_paint(self: SceneView, canvas: object, scene: object) -> float:
    raise RuntimeError("kartu rusak")


def test_a_failing_paint_draws_the_safe_card_and_ends_its_painter(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a projector view whose scene painting fails
    view = SceneView()
    view.resize(640, 360)
    qtbot.addWidget(view)
    view.set_scene(
        TitleScene(BannerState(Banner.SIMULASI), "Pemilihan Uji", "KOTA UJI", "Aula", "Kamis")
    )
    monkeypatch.setattr(SceneView, "_paint", broken_paint)
    # WHEN it is painted
    with qtbot.capture_exceptions() as raised:
        image = view.grab().toImage()
    # THEN the error went to the one error hook …
    assert [str(e[1]) for e in raised] == ["kartu rusak"]
    # … a plain card stands in the scene's place …
    assert image.pixelColor(5, 5) == SAFE_CARD_BACKGROUND
    assert view.rendered_texts() == SAFE_CARD_TEXT.split("\n")
    # … and the painter was ended: the widget can be painted again at once
    monkeypatch.undo()
    with qtbot.capture_exceptions() as raised_again:
        again = view.grab().toImage()
    assert raised_again == []
    assert again.pixelColor(5, 5) != SAFE_CARD_BACKGROUND
    assert "KPU KOTA UJI" in view.rendered_texts()


def test_the_pause_card_paints_an_aware_stored_time_with_the_views_own_clock(
    qtbot: QtBot,
) -> None:
    # GIVEN the pause as stored (an aware moment) and the view's default clock
    view = SceneView()
    view.resize(1280, 720)
    qtbot.addWidget(view)
    since = clock.now().replace(second=0, microsecond=0)
    view.set_scene(PauseScene(BannerState(Banner.SIMULASI), since, "Istirahat makan"))
    # WHEN painted THEN no error, and the card says since when
    with qtbot.capture_exceptions() as raised:
        view.grab()
    assert raised == []
    texts = view.rendered_texts()
    assert "RAPAT DISKORS" in texts
    assert f"sejak pukul {since:%H.%M}" in texts


def test_an_error_in_a_slot_becomes_one_dialog_later_and_a_log_entry(
    qtbot: QtBot, error_path: ErrorPath
) -> None:
    # GIVEN the installed error path WHEN a timer's slot fails, twice the same way
    def failing_slot() -> None:
        raise ZeroDivisionError("pembagian dengan nol")

    QTimer.singleShot(0, failing_slot)
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: len(error_path.dialogs.shown) == 1, timeout=WAIT_MS)
    qtbot.wait(50)
    # THEN one Indonesian dialog says the meeting goes on, what to do, and where the log is
    assert len(error_path.dialogs.shown) == 1
    box: QMessageBox = error_path.dialogs.shown[0]
    assert box.isVisible() and box.text() == HEADLINE
    assert "Rapat dapat dilanjutkan" in box.text()
    info = box.informativeText()
    assert str(error_path.errors.log_file) in info
    assert "ZeroDivisionError: pembagian dengan nol" in info and "ulangi langkah itu" in info
    assert [b.text() for b in box.buttons()] == ["Lanjutkan rapat"]
    # … and both were logged with their traceback
    text = error_path.errors.log_file.read_text(encoding="utf-8")
    assert text.count("ZeroDivisionError: pembagian dengan nol") == 2
    assert "in failing_slot" in text


def test_an_error_in_a_worker_thread_is_told_on_the_gui_thread(
    qtbot: QtBot, error_path: ErrorPath
) -> None:
    def work() -> None:
        raise ValueError("berkas rusak")

    worker = threading.Thread(target=work, name="pekerja")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(error_path.dialogs.shown) == 1, timeout=WAIT_MS)
    assert "ValueError: berkas rusak" in error_path.dialogs.shown[0].informativeText()
    assert "utas pekerja" in error_path.dialogs.shown[0].informativeText()


def test_qt_warnings_reach_the_log(error_path: ErrorPath) -> None:
    qWarning("peringatan dari Qt")
    assert "Qt: peringatan dari Qt" in error_path.errors.log_file.read_text(encoding="utf-8")


def test_a_cell_of_the_comparison_grid_that_fails_to_paint_leaves_the_grid_working(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the comparison grid of a demo kecamatan, whose painting of one field's cells fails
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    widget = ComparisonWidget(ComparisonService(pleno), "walikota", "647201")
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    painted = ComparisonDelegate._paint_cell

    def fails_on_one_row(
        self: ComparisonDelegate, painter: QPainter, option: object, index: QModelIndex
    ) -> None:
        if index.row() == 1:
            raise RuntimeError("sel rusak")
        painted(self, painter, option, index)  # type: ignore[arg-type]

    monkeypatch.setattr(ComparisonDelegate, "_paint_cell", fails_on_one_row)
    # WHEN the grid is painted
    with qtbot.capture_exceptions() as raised:
        picture = widget.grab()
        again = widget.grab()
    # THEN each failure reached the one error hook, and the grid painted around it, twice
    assert raised and {str(error) for _kind, error, _tb in raised} == {"sel rusak"}
    assert not picture.isNull() and not again.isNull()
    pleno.engine.dispose()
