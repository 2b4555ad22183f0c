"""The cockpit fits a 1366×768 laptop and a 1920×1080 screen with no sideways scrolling, at
every step of both demos (Pilkada and Pemilu) and on every tab, the projector panel hidden or
shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.comparison import Cell, CellStatus
from rekap_desktop.domain.ids import ContestCode
from rekap_desktop.domain.procedure import ProcedureState, Stop
from rekap_desktop.domain.sources import PPK
from rekap_desktop.gui.comparison.view import cell_marks
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.gui.main_window import PANEL_KEY, MainWindow
from rekap_desktop.gui.pages.recap_page import RecapView, fitted_widths, wrap_heading
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.gui.window_geometry import FRAME_ALLOWANCE, fit_to_screen, maximise_when_shown
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui.cockpit_driver import press
from tests.meetings import cockpit_window

LAPTOP = QSize(1366, 768 - 40)
"""A maximised window on a 1366×768 laptop: the title bar and taskbar take about 40 px."""
WIDE = QSize(1920, 1080 - 40)
LEAST = QSize(1340, 700)
"""The largest minimum size that still fits the laptop screen with a window frame around it."""
READING = frozenset({"7", "8", "9", "10"})


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[DemoKind, Path]:
    """Both demos written once; each test opens a copy."""
    files = {}
    for kind in DemoKind:
        path = tmp_path_factory.mktemp(kind.value) / "demo.sqlite"
        engine = open_engine(str(path))
        load_demo(PlenoService(engine), kind)
        engine.dispose()
        files[kind] = path
    return files


@dataclass
class Cockpit:
    window: MainWindow
    link: ProjectorLink


@pytest.fixture(params=list(DemoKind), ids=[k.value for k in DemoKind])
def cockpit(
    request: pytest.FixtureRequest, demo_files: dict[DemoKind, Path], tmp_path: Path, qtbot: QtBot
) -> Iterator[Cockpit]:
    """The cockpit as the program assembles it: window, register/seats/printing, projector."""
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_files[request.param].read_bytes())
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    service = PlenoService(open_engine(str(copy)))
    window = cockpit_window(service, settings=settings)
    qtbot.addWidget(window)
    link = ProjectorLink(window, settings)
    window.show()
    yield Cockpit(window, link)
    link.shutdown()
    window.stop_work()
    service.engine.dispose()


def _sized(window: MainWindow, size: QSize, panel: bool) -> None:
    assert window.projector_dock is not None
    window.projector_dock.setVisible(panel)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(size)
    QApplication.processEvents()


def _show(window: MainWindow, stop: Stop) -> None:
    """The cockpit at ``stop`` as the program draws it (the meeting itself is not moved)."""
    window.views.setCurrentIndex(0)
    window.panel.show_state(window.procedure.plan, ProcedureState(current=stop))
    page = window.agenda[stop.item]
    window.stack.setCurrentWidget(page)
    page.show_stop(stop)
    QApplication.processEvents()


def _too_small(window: MainWindow) -> str | None:
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.width() > LEAST.width() or least.height() > LEAST.height():
        return f"{least.width()}×{least.height()}"
    return None


def _sideways(window: QWidget) -> list[str]:
    """Every scroll area on screen that shows a horizontal scroll bar."""
    QApplication.processEvents()
    return [
        f"{type(area).__name__} {area.objectName()}".strip()
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def _every_tab(window: MainWindow) -> Iterator[str]:
    """Shows each tab of the cockpit, and each contest of the recapitulation, in turn."""
    for index in range(window.views.count()):
        window.views.setCurrentIndex(index)
        QApplication.processEvents()
        yield window.views.tabText(index)
        if window.views.currentWidget() is window.recap:
            for contest in range(window.recap.tabs.count()):
                window.recap.tabs.setCurrentIndex(contest)
                QApplication.processEvents()
                yield f"Rekapitulasi: {window.recap.tabs.tabText(contest)}"


def test_every_step_and_tab_fits_a_laptop_screen(cockpit: Cockpit) -> None:
    # GIVEN the cockpit maximised on a 1366×768 laptop (the projector panel hidden, as it
    # starts there)
    window = cockpit.window
    _sized(window, LAPTOP, panel=False)
    too_wide: dict[str, object] = {}
    # WHEN it shows every step of the meeting, every kecamatan and pemilihan
    for stop in window.procedure.plan.stops():
        _show(window, stop)
        where = f"{stop.item} {stop.unit or ''} {stop.contest or ''}"
        # THEN its minimum size fits the screen and nothing scrolls sideways
        if (least := _too_small(window)) is not None:
            too_wide[where] = least
        if bars := _sideways(window):
            too_wide[where] = bars
    # AND the same holds on every tab: recapitulation of each contest, register, seats
    for tab in _every_tab(window):
        if (least := _too_small(window)) is not None:
            too_wide[tab] = least
        if bars := _sideways(window):
            too_wide[tab] = bars
    assert too_wide == {}
    assert window.width() <= LAPTOP.width()


def test_the_comparison_keeps_every_source_column_beside_the_projector_panel(
    cockpit: Cockpit,
) -> None:
    window = cockpit.window
    for size in (LAPTOP, WIDE):
        # GIVEN the projector panel open beside the cockpit (F7), on the laptop and on 1920×1080
        _sized(window, size, panel=True)
        # WHEN the reading page (steps 7–10 share it) shows each kecamatan × pemilihan
        cut: dict[str, object] = {}
        for stop in window.procedure.plan.stops():
            if stop.item != "8":
                continue
            assert all(window.agenda[item] is window.agenda["8"] for item in READING)
            _show(window, stop)
            comparison = window.findChild(ComparisonWidget)
            assert comparison is not None and comparison.isVisible()
            table = comparison.table
            header = table.horizontalHeader()
            last = header.count() - 1
            right = header.sectionViewportPosition(last) + header.sectionSize(last)
            # THEN no scroll bar is needed: the last source column ends inside the table
            if _sideways(window) or right > table.viewport().width():
                cut[f"{size.width()} {stop}"] = (_sideways(window), right)
            if _too_small(window) is not None:
                cut[f"{size.width()} {stop} minimum"] = _too_small(window)
        assert cut == {}


def test_on_a_wide_screen_every_step_and_tab_fits_beside_the_projector_panel(
    cockpit: Cockpit,
) -> None:
    # GIVEN 1920×1080 with the projector panel open
    window = cockpit.window
    _sized(window, WIDE, panel=True)
    first = window.pleno.units[0].code
    sideways: dict[str, list[str]] = {}
    # WHEN each step of the first kecamatan, and each tab, is shown THEN nothing scrolls sideways
    for stop in window.procedure.plan.stops():
        if stop.unit in (None, first):
            _show(window, stop)
            if bars := _sideways(window):
                sideways[str(stop)] = bars
    for tab in _every_tab(window):
        if bars := _sideways(window):
            sideways[tab] = bars
    assert sideways == {}


def test_f7_shows_and_hides_the_projector_panel_and_the_choice_is_kept(cockpit: Cockpit) -> None:
    window = cockpit.window
    dock = window.projector_dock
    assert dock is not None and window.settings is not None
    # GIVEN a screen narrower than a laptop's (the test screen): the panel starts hidden
    assert not dock.isVisible()
    # WHEN F7 is pressed THEN it shows, and the choice is saved for the next start
    press(window, Qt.Key.Key_F7)
    assert dock.isVisible()
    assert window.settings.value(PANEL_KEY) in (True, "true")
    # AND F7 again hides it
    press(window, Qt.Key.Key_F7)
    assert not dock.isVisible()
    assert window.settings.value(PANEL_KEY) in (False, "false")


def test_a_first_start_fits_the_window_to_the_available_screen(qtbot: QtBot) -> None:
    # GIVEN a window that would like 1600×1000 on a smaller screen
    widget = QWidget()
    qtbot.addWidget(widget)
    screen = widget.screen().availableGeometry()
    # WHEN it is fitted before being shown
    laptop = fit_to_screen(widget, QSize(1600, 1000))
    # THEN its normal size leaves room for a frame on that screen
    assert widget.width() <= screen.width() - FRAME_ALLOWANCE.width()
    assert widget.height() <= screen.height() - FRAME_ALLOWANCE.height()
    # AND on a laptop-sized screen it opens maximised, unless something sized it meanwhile
    assert laptop
    maximise_when_shown(widget, widget.size())
    assert widget.windowState() & Qt.WindowState.WindowMaximized
    other = QWidget()
    qtbot.addWidget(other)
    fitted = other.size()
    other.resize(fitted + QSize(10, 10))
    maximise_when_shown(other, fitted)
    assert not other.windowState() & Qt.WindowState.WindowMaximized


def test_fitted_widths_share_out_the_room_and_never_cut_a_number() -> None:
    # GIVEN columns with a least width (their widest number) and a natural width (heading on one
    # line)
    needs = [(50, 60), (40, 140), (40, 100)]
    # WHEN all fit THEN each gets its natural width and the rest is shared
    assert fitted_widths(needs, 330) == [70, 150, 110]
    # WHEN they do not THEN each keeps its least width plus a share of what it lacks
    assert fitted_widths(needs, 230) == [
        50 + 100 * 10 // 170,
        40 + 100 * 100 // 170,
        40 + 100 * 60 // 170,
    ]
    assert sum(fitted_widths(needs, 230)) <= 230
    # AND below the least widths the least widths stay (the table scrolls rather than cut)
    assert fitted_widths(needs, 100) == [50, 40, 40]


def test_a_heading_wraps_at_spaces_and_cuts_only_a_word_too_long() -> None:
    metrics = QFontMetrics(QFont())
    word = metrics.horizontalAdvance("KEBANGKITAN")
    # A party heading keeps its own line break and wraps the name at the column's width
    wrapped = wrap_heading("1.\nPARTAI KEBANGKITAN BANGSA", metrics, word + 2)
    assert wrapped.split("\n") == ["1.", "PARTAI", "KEBANGKITAN", "BANGSA"]
    # A word wider than the column is cut with "…"
    cut = wrap_heading("KEBANGKITAN", metrics, word // 2)
    assert cut.endswith("…") and metrics.horizontalAdvance(cut) <= word // 2


def test_compact_marks_keep_every_status_symbol() -> None:
    # GIVEN a cell that differs from the reference
    cell = Cell(PPK, 120, CellStatus.DIFFERS)
    # THEN the compact marks keep the symbol (never colour alone), without the word
    assert cell_marks(cell) == "≠ beda"
    assert cell_marks(cell, compact=True) == "≠"


def test_a_name_cut_in_the_recapitulation_is_whole_on_its_tooltip(
    demo_files: dict[DemoKind, Path], tmp_path: Path, qtbot: QtBot
) -> None:
    # GIVEN the Pemilu DPRD recapitulation fitted into a laptop's width
    copy = tmp_path / "pemilu.sqlite"
    copy.write_bytes(demo_files[DemoKind.PEMILU].read_bytes())
    service = PlenoService(open_engine(str(copy)))
    view = RecapView(service, service.pleno())
    qtbot.addWidget(view)
    view.resize(LAPTOP)
    view.show()
    page = view.pages[ContestCode("dprd_kabko")]
    view.tabs.setCurrentWidget(page)
    QApplication.processEvents()
    shown = page.table.model()
    names = [str(page.model.index(r, 1).data()) for r in range(page.model.rowCount())]
    row = next(r for r, name in enumerate(names) if name.startswith("JUMLAH DAPIL"))
    # THEN a dapil's subtotal name, with its seats, is whole on the tooltip of its cell
    assert "kursi" in names[row]
    assert shown.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == names[row]
    # AND the heading of a party is whole on its tooltip, while numbers have none
    heading = shown.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert heading == str(page.model.headerData(3, Qt.Orientation.Horizontal)).replace("\n", " ")
    assert shown.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) is None
    # AND no column scrolls sideways
    assert not page.table.horizontalScrollBar().isVisible()
    service.engine.dispose()


def test_the_stepper_not_the_tab_bar_has_the_focus_at_start(cockpit: Cockpit) -> None:
    # GIVEN the cockpit just opened (the stepper now sits inside the procedure tab)
    window = cockpit.window
    window.activateWindow()
    QApplication.processEvents()
    # THEN the focus is on the stepper, as before, not on the tab bar (where the arrow keys
    # would switch tabs instead of moving through the items)
    assert window.focusWidget() is window.panel.steps
