"""With one screen the operator opens the rehearsal projector from the keyboard (Alt+L), as on a
laptop without a mouse at the table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.preview_panel import PreviewPanel
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.pleno_service import PlenoService
from tests.meetings import cockpit_meeting


@pytest.fixture
def controller(
    service: PlenoService, projector_settings: ProjectorSettings
) -> Iterator[ProjectorController]:
    screens = ScreenManager(projector_settings)
    projector = ProjectorController(cockpit_meeting(service), screens, projector_settings)
    projector.start()
    yield projector
    projector.shutdown()
    screens.close()


def test_alt_l_opens_the_rehearsal_projector(qtbot: QtBot, controller: ProjectorController) -> None:
    # GIVEN one screen (the projector hidden) and the cockpit's projector panel in front
    panel = PreviewPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    QTest.qWaitForWindowActive(panel, 2000)
    assert not controller.window.isVisible()
    # WHEN Alt+L is pressed
    QTest.keyClick(panel, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    # THEN the projector opens as a rehearsal window on the operator's screen
    qtbot.waitUntil(controller.window.isVisible)
    assert not controller.window.isFullScreen()
