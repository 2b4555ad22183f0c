"""Berkas → Kunci instalasi…: the sidik shown in groups, copied with "Salin sidik", closed with
Tutup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.key_dialogs import InstallationKeyDialog
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from tests.gui.driven import Modals, drives
from tests.gui.test_result_packages import _cockpit, _meeting
from tests.interchange.exchange_fixtures import KABKO


@pytest.fixture
def kabko(tmp_path: Path) -> Iterator[PlenoService]:
    service = _meeting(tmp_path, KABKO, "kabko")
    yield service
    service.engine.dispose()


@drives(InstallationKeyDialog)
def test_the_installation_key_is_shown_copied_and_closed(qtbot: QtBot, kabko: PlenoService) -> None:
    # GIVEN the cockpit with its package actions
    _window, actions = _cockpit(qtbot, kabko)
    copied: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, InstallationKeyDialog)
        # WHEN "Salin sidik" is clicked, then "Tutup"
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        copied.append(QGuiApplication.clipboard().text())
        close = next(
            b
            for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton)
            if b.text() == "Tutup"
        )
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    modals = Modals()
    modals.expect(InstallationKeyDialog, look)
    actions.key_action.trigger()
    modals.stop()
    # THEN the sidik of this installation was copied and the dialog is closed
    assert copied == [installation_fingerprint()]
    assert modals.left_open == [] and modals.messages == []
