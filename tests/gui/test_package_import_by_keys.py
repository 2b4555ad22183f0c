"""A result package received as the operator receives it: Impor paket hasil…, the file typed into
the file dialog, the sender's sidik typed as it is read aloud, "percayai kunci dan impor", and the
report closed with Tutup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.dialogs.key_dialogs import SenderKeyDialog
from rekap_desktop.gui.result_packages import PackageReportDialog
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from tests.gui.driven import Modals, drives
from tests.gui.test_result_packages import DESA_TALLIES, _cockpit, _determined_package, _meeting
from tests.interchange.exchange_fixtures import KABKO, KECAMATAN


@pytest.fixture
def kecamatan(tmp_path: Path) -> Iterator[PlenoService]:
    service = _meeting(tmp_path, KECAMATAN, "kecamatan")
    (tmp_path / "desa.csv").write_text(DESA_TALLIES, encoding="utf-8")
    service.import_tally_file(tmp_path / "desa.csv")
    yield service
    service.engine.dispose()


@pytest.fixture
def kabko(tmp_path: Path) -> Iterator[PlenoService]:
    service = _meeting(tmp_path, KABKO, "kabko")
    yield service
    service.engine.dispose()


@drives(SenderKeyDialog, PackageReportDialog)
def test_a_package_is_received_with_the_senders_sidik_typed_as_read_aloud(
    qtbot: QtBot, kecamatan: PlenoService, kabko: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the kecamatan's determined package and the kab/kota cockpit
    package = _determined_package(kecamatan, tmp_path, "utara.rekap")
    sender = installation_fingerprint(tmp_path / "kunci-utara")
    _window, actions = _cockpit(qtbot, kabko)
    seen: dict[str, object] = {}

    def choose(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, str(package))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, SenderKeyDialog)
        # WHEN the sidik is typed with one group misheard THEN the key cannot be trusted
        wrong = sender[:6] + ("1" if sender[6] != "1" else "2") + sender[7:]
        qtbot.keyClicks(dialog.typed, wrong)
        seen["wrong"] = (dialog.trust_button.isEnabled(), dialog.verdict.text())
        # WHEN it is typed again as read aloud THEN "percayai" is pressed
        dialog.typed.selectAll()
        qtbot.keyClicks(dialog.typed, sender.replace(" ", "-"))
        qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)

    def report(dialog: QWidget) -> None:
        assert isinstance(dialog, PackageReportDialog)
        seen["report"] = dialog.heading.text()
        close = next(
            b
            for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton)
            if b.text() == "Tutup"
        )
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    modals = Modals()
    for cls, handler in (
        (QFileDialog, choose),
        (SenderKeyDialog, confirm),
        (PackageReportDialog, report),
    ):
        modals.expect(cls, handler)
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.import_action.trigger()
    modals.stop()
    # THEN the misheard sidik was refused, the package imported, and the report shown
    enabled, verdict = seen["wrong"]  # type: ignore[misc]
    assert not enabled and "TIDAK cocok (kelompok 2)" in verdict
    assert finished.args == [True] and seen["report"] == "1 paket diimpor."
    assert dict(kabko.tallies()[("walikota", "990101", "ppk")])["suara_sah"] == 680
    assert modals.left_open == [] and modals.messages == []
