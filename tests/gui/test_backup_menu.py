"""Berkas → Folder cadangan… and Buat cadangan sekarang, as the secretariat uses them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.auto_backup import FOLDER_KEY, AutoBackup, backup_folder
from rekap_desktop.gui.backup_menu import BackupMenu
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services import backup_service
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window


@pytest.fixture
def cockpit(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, BackupMenu, QSettings]]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(tmp_path / "lama"))
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    window = cockpit_window(service, settings=settings)
    qtbot.addWidget(window)
    backups = AutoBackup(window.meeting, settings, window)
    menu = BackupMenu(window, window.file_menu, window.action_print, backups, settings)
    yield window, menu, settings
    backups.stop()


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("rekap-cadangan-*.sqlite"))


def test_a_chosen_folder_takes_a_verified_backup_at_once_and_from_then_on(
    cockpit: tuple[MainWindow, BackupMenu, QSettings],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, menu, settings = cockpit
    usb = tmp_path / "usb"
    # GIVEN the entries in the Berkas menu, above printing
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("Buat &cadangan sekarang") < texts.index(window.action_print.text())
    # WHEN the operator picks the USB stick in the folder dialog
    monkeypatch.setattr(file_dialogs, "folder", lambda *_a: str(usb))
    with qtbot.waitSignal(menu.backups.made, timeout=20_000):  # made on a worker thread
        menu.folder_action.trigger()
    # THEN it is remembered, named in the status tip, and holds a verified backup already
    assert backup_folder(settings) == usb
    assert str(usb) in menu.backup_action.statusTip()
    (first,) = _backups(usb)
    assert backup_service.preview_backup(first).chain_ok
    # WHEN a backup is asked for now THEN it also goes there
    for backup in _backups(usb):  # backups are named by the second: keep this one apart
        backup.rename(backup.with_name(backup.name.replace("cadangan-", "cadangan-0")))
    with qtbot.waitSignal(menu.backups.made, timeout=20_000):
        menu.backup_action.trigger()
    assert len(_backups(usb)) == 2
    assert not _backups(tmp_path / "lama")


@pytest.mark.skipif(os.geteuid() == 0, reason="root dapat menulis ke folder tanpa izin tulis")
def test_a_folder_that_cannot_be_written_is_refused_and_nothing_changes(
    cockpit: tuple[MainWindow, BackupMenu, QSettings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, menu, settings = cockpit
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    assert not menu.set_folder(locked)
    assert "tidak ada izin menulis" in told[0] and str(tmp_path / "lama") in told[0]
    assert backup_folder(settings) == tmp_path / "lama"


def test_a_file_in_place_of_the_folder_is_refused(
    cockpit: tuple[MainWindow, BackupMenu, QSettings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, menu, settings = cockpit
    not_a_folder = tmp_path / "berkas.txt"
    not_a_folder.write_text("bukan folder")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    assert not menu.set_folder(not_a_folder)
    assert "bukan folder" in told[0]
    assert backup_folder(settings) == tmp_path / "lama"
    assert not (tmp_path / "lama").exists() or not _backups(tmp_path / "lama")
