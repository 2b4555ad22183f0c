"""The print centre opens within the screen: on a 1366×768 laptop its 1280×820 did not fit and
the buttons at its foot were off the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.print_centre import PrintCentreDialog
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui.print_centre.test_print_centre import open_dialog


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[PrintCentreDialog]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = open_dialog(qtbot, service)
    yield window
    window.stop()


def test_the_print_centre_lies_within_the_available_screen(dialog: PrintCentreDialog) -> None:
    # GIVEN the print centre opened on a screen smaller than its usual 1280×820 (offscreen
    # Qt's screen here) THEN the whole window lies within the screen's available area
    available = dialog.screen().availableGeometry()
    assert available.width() < 1280 or available.height() < 820, available
    assert available.contains(dialog.geometry()), (available, dialog.geometry())
