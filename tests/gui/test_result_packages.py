"""Result packages from the Berkas menu: export after penetapan (or SEMENTARA during a pause),
import with the sender's key confirmed by typing its sidik the first time, refusals reported."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.dialogs.key_dialogs import InstallationKeyDialog, SenderKeyDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.result_packages import NOT_YET, PackageActions, PackageReportDialog
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.package_import import PackageImportService
from rekap_desktop.services.packages import PackageService, verify_file
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import RefusingApprovals
from tests.interchange.exchange_fixtures import KABKO, KECAMATAN, write_json
from tests.meetings import cockpit_window
from tests.penetapan import determine_meeting

MEMBERS = [{"nama": "Ketua Uji", "jabatan": "Ketua"}, {"nama": "Anggota Uji", "jabatan": "Anggota"}]
DESA_TALLIES = (
    "pemilihan,kode_wilayah,nama_wilayah,sumber,pengguna_total_j,suara_01,suara_02,suara_sah\n"
    "walikota,9901011001,DESA SATU,ppk,300,100,190,290\n"
    "walikota,9901011002,DESA DUA,ppk,400,50,340,390\n"
)


def _meeting(folder: Path, setup: dict[str, Any], name: str) -> PlenoService:
    service = PlenoService(open_engine(str(folder / f"{name}.sqlite")), actor="uji")
    service.create_from_setup_file(
        write_json(folder, f"{name}.json", {**setup, "anggota": MEMBERS})
    )
    return service


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


def _cockpit(qtbot: QtBot, service: PlenoService) -> tuple[MainWindow, PackageActions]:
    window = cockpit_window(service)
    qtbot.addWidget(window)
    return window, window.packages


class Shown:
    """Message boxes the flow shows, answered at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.messages: list[tuple[str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._static(kind))
        monkeypatch.setattr(PackageReportDialog, "exec", self._report)

    def _static(self, kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *_a: object) -> None:
            self.messages.append((kind, text))

        return show

    @property
    def _report(self) -> Any:
        def exec_(dialog: PackageReportDialog) -> int:
            text = f"{dialog.heading.text()}\n{dialog.details.toPlainText()}"
            self.messages.append(("report", text))
            shots = os.environ.get("REKAP_SHOTS")
            if shots:
                dialog.grab().save(str(Path(shots) / f"laporan_impor_{len(self.messages)}.png"))
            return 0

        return exec_


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a: str(path))


def _open(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(file_dialogs, "open_files", lambda *_a: [str(p) for p in paths])


def test_export_is_offered_after_penetapan_and_as_sementara_during_a_pause(
    qtbot: QtBot, kecamatan: PlenoService, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # GIVEN the kecamatan cockpit at item 1
    shown = Shown(monkeypatch)
    _window, actions = _cockpit(qtbot, kecamatan)
    # THEN the export is not offered, and asking anyway says why; no file dialog is opened
    assert not actions.export_action.isEnabled()
    monkeypatch.setattr(file_dialogs, "save_file", pytest.fail)
    actions.choose_export()
    assert shown.messages == [("information", NOT_YET)]
    # WHEN the meeting is suspended THEN a SEMENTARA package is offered and written
    ProcedureService(kecamatan).pause("ishoma")
    actions.update_actions()
    assert actions.export_action.isEnabled()
    assert actions.export_action.text() == "Ekspor paket SEMENTARA (.rekap)…"
    _save_as(monkeypatch, tmp_path / "utara-skors")
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.choose_export()
    assert finished.args == [True]
    assert verify_file(tmp_path / "utara-skors.rekap").package.manifest.provisional
    assert shown.messages[-1][1].startswith(
        "Paket SEMENTARA (bukan hasil yang ditetapkan) ditulis: utara-skors.rekap"
    )
    # WHEN the result is determined THEN the result package is offered and written, with the key
    ProcedureService(kecamatan).resume()
    determine_meeting(kecamatan)
    actions.update_actions()
    assert actions.export_action.text() == "Ekspor paket &hasil (.rekap)…"
    _save_as(monkeypatch, tmp_path / "utara.rekap")
    with qtbot.waitSignal(actions.finished, timeout=20_000):
        actions.choose_export()
    report = verify_file(tmp_path / "utara.rekap")
    assert not report.package.manifest.provisional
    assert report.fingerprint == installation_fingerprint()
    assert f"Sidik kunci instalasi:\n{report.fingerprint}" in shown.messages[-1][1]


def test_the_installation_key_is_in_the_status_bar_and_its_own_dialog(
    qtbot: QtBot, kecamatan: PlenoService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the cockpit WHEN it is shown THEN the status bar carries the key's sidik
    window, actions = _cockpit(qtbot, kecamatan)
    fingerprint = installation_fingerprint()
    assert actions.key_label.text() == f"Kunci instalasi: {fingerprint}"
    assert actions.key_label in window.statusBar().findChildren(type(actions.key_label))
    # WHEN "Kunci instalasi…" is chosen THEN a dialog shows the six groups large, to read aloud
    opened: list[InstallationKeyDialog] = []
    monkeypatch.setattr(InstallationKeyDialog, "exec", lambda d: opened.append(d) or 0)
    actions.key_action.trigger()
    [dialog] = opened
    groups = [dialog.findChild(type(actions.key_label), f"group{i}") for i in range(1, 7)]
    assert " ".join(g.text() for g in groups if g) == fingerprint
    assert all(g is not None and g.font().pointSize() >= 20 for g in groups)
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == fingerprint
    shots = os.environ.get("REKAP_SHOTS")
    if shots:
        dialog.grab().save(str(Path(shots) / "kunci_instalasi.png"))
        window.show()
        window.grab().save(str(Path(shots) / "kokpit_kunci.png"))


def _determined_package(kecamatan: PlenoService, folder: Path, name: str) -> Path:
    if not ProcedureService(kecamatan).state().determined:
        determine_meeting(kecamatan)
    path = folder / name
    PackageService(kecamatan, key_folder=folder / "kunci-utara").export(path, determined=True)
    return path


def _receiving(
    qtbot: QtBot, kabko: PlenoService, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> tuple[str, Shown, PackageActions]:
    """The kab/kota cockpit about to receive the kecamatan's packages: the sender's key sidik as
    read aloud, the messages it will show, and its package entries."""
    sender = installation_fingerprint(folder / "kunci-utara")
    shown = Shown(monkeypatch)
    _window, actions = _cockpit(qtbot, kabko)
    return sender, shown, actions


def test_import_confirms_a_new_sender_key_by_its_typed_sidik_then_remembers_it(
    qtbot: QtBot,
    kecamatan: PlenoService,
    kabko: PlenoService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN the kecamatan's determined package and the kab/kota cockpit
    package = _determined_package(kecamatan, tmp_path, "utara.rekap")
    sender, shown, actions = _receiving(qtbot, kabko, monkeypatch, tmp_path)
    asked: list[str] = []

    def operator_types(dialog: SenderKeyDialog) -> int:
        asked.append(dialog.head.text())
        # a wrong group read aloud: the key cannot be trusted
        dialog.typed.setText(sender[:6] + ("1" if sender[6] != "1" else "2") + sender[7:])
        assert not dialog.trust_button.isEnabled()
        assert "TIDAK cocok (kelompok 2)" in dialog.verdict.text()
        # the sidik as read aloud, with dashes: it matches
        dialog.typed.setText(sender.replace(" ", "-"))
        assert dialog.trust_button.isEnabled()
        shots = os.environ.get("REKAP_SHOTS")
        if shots:
            dialog.grab().save(str(Path(shots) / "konfirmasi_kunci.png"))
        dialog.trust_button.click()
        return dialog.result()

    monkeypatch.setattr(SenderKeyDialog, "exec", operator_types)
    _open(monkeypatch, package)
    # WHEN the package is imported from the Berkas menu
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.import_action.trigger()
    # THEN the operator was asked once, the values came in as ppk and the report says so
    assert finished.args == [True]
    assert asked == [
        "Paket 990101 UTARA ditandatangani dengan kunci yang belum dikenal di pleno ini. "
        "Sidik kunci pengirim menurut paket:"
    ]
    assert dict(kabko.tallies()[("walikota", "990101", "ppk")]) == {
        "pengguna_total_j": 700,
        "suara_01": 150,
        "suara_02": 530,
        "suara_sah": 680,
    }
    assert shown.messages == [
        (
            "report",
            "1 paket diimpor.\nutara.rekap:\n"
            "Paket 990101 UTARA diimpor sebagai sumber ppk: walikota; 0 kejadian/keberatan dibawa\n"
            f"Sidik kunci pengirim: {sender} (kunci baru dikonfirmasi)",
        )
    ]
    # WHEN a newer package of the same key is imported THEN no one is asked again
    newer = _determined_package(kecamatan, tmp_path, "utara-2.rekap")
    _open(monkeypatch, newer)
    with qtbot.waitSignal(actions.finished, timeout=20_000):
        actions.choose_import()
    assert len(asked) == 1
    assert shown.messages[-1][1].startswith("1 paket diimpor.")


def test_refused_or_unconfirmed_packages_import_nothing_and_say_why(
    qtbot: QtBot,
    kecamatan: PlenoService,
    kabko: PlenoService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN a package with one byte altered, a SEMENTARA package, and a sound one
    sound = _determined_package(kecamatan, tmp_path, "utara.rekap")
    data = bytearray(sound.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "diubah.rekap"
    altered.write_bytes(bytes(data))
    provisional = tmp_path / "skors.rekap"
    PackageService(kecamatan, key_folder=tmp_path / "kunci-utara").export(
        provisional, determined=False
    )
    shown = Shown(monkeypatch)
    _window, actions = _cockpit(qtbot, kabko)
    monkeypatch.setattr(SenderKeyDialog, "exec", lambda _d: 0)  # the operator cancels
    _open(monkeypatch, altered, provisional, sound)
    # WHEN all three are imported
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.choose_import()
    # THEN nothing came in, and the report names each file and its reason
    assert finished.args == [False]
    assert kabko.tallies() == {}
    [(kind, text)] = shown.messages
    lines = text.splitlines()
    assert (kind, lines[0]) == ("report", "0 paket diimpor.")
    assert lines[1] == "diubah.rekap ditolak; tidak ada yang diubah."
    assert "skors.rekap ditolak; tidak ada yang diubah." in lines
    assert "• paket SEMENTARA (skors) hanya untuk diperiksa, bukan hasil yang ditetapkan" in lines
    assert "utara.rekap: dibatalkan; kunci pengirim tidak dikonfirmasi." in lines


def test_the_assembled_cockpit_has_the_package_entries_in_the_berkas_menu(
    qtbot: QtBot, kecamatan: PlenoService
) -> None:
    # GIVEN the cockpit as the program assembles it

    window = cockpit_window(kecamatan)
    qtbot.addWidget(window)
    extras = window
    # THEN Berkas holds export, import (and its stop) and the key, before the print centre
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    start = texts.index("Ekspor paket &hasil (.rekap)…")
    assert texts[start : start + 5] == [
        "Ekspor paket &hasil (.rekap)…",
        "Impor &paket hasil (.rekap)…",
        "Hen&tikan impor paket",
        "Kunci &instalasi…",
        "&Pusat cetak…",
    ]
    assert extras.packages.key_label.text().startswith("Kunci instalasi: ")


def test_an_unreadable_key_is_said_in_the_status_bar_and_the_dialog(
    qtbot: QtBot, kecamatan: PlenoService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN an installation whose key file cannot be read
    def broken() -> str:
        raise InputRejected([Problem("kunci instalasi tidak dapat dibaca (ValueError)")], "kunci")

    shown = Shown(monkeypatch)
    window = cockpit_window(kecamatan, installation_key=broken)
    qtbot.addWidget(window)
    actions = window.packages
    # THEN the cockpit opens and says so; asking for the key shows the reason
    assert actions.key_label.text() == "Kunci instalasi: tidak terbaca"
    actions.show_key()
    assert shown.messages == [
        (
            "warning",
            "kunci ditolak; tidak ada yang diubah.\n\n"
            "• kunci instalasi tidak dapat dibaca (ValueError)",
        )
    ]


def test_an_import_of_several_packages_can_be_stopped_after_the_one_being_imported(
    qtbot: QtBot,
    kecamatan: PlenoService,
    kabko: PlenoService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN three packages of the kecamatan chosen at once
    first = _determined_package(kecamatan, tmp_path, "utara.rekap")
    later = [_determined_package(kecamatan, tmp_path, f"utara-{n}.rekap") for n in (2, 3)]
    sender, shown, actions = _receiving(qtbot, kabko, monkeypatch, tmp_path)
    offered: list[bool] = []

    def operator_stops_then_trusts(dialog: SenderKeyDialog) -> int:
        # WHEN, while the first is being imported, the operator stops the import
        offered.append(actions.stop_import_action.isEnabled())
        actions.stop_import_action.trigger()
        dialog.typed.setText(sender)
        dialog.trust_button.click()
        return dialog.result()

    monkeypatch.setattr(SenderKeyDialog, "exec", operator_stops_then_trusts)
    _open(monkeypatch, first, *later)
    assert not actions.stop_import_action.isEnabled()  # nothing to stop before an import
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.choose_import()
    # THEN the first package came in whole, the other two were not imported and are named
    assert offered == [True]
    assert finished.args == [True]
    assert ("walikota", "990101", "ppk") in kabko.tallies()
    [(kind, text)] = shown.messages
    lines = text.splitlines()
    assert (kind, lines[0]) == ("report", "1 paket diimpor."), text
    assert lines[-2:] == [
        "utara-2.rekap: tidak diimpor; impor dihentikan operator.",
        "utara-3.rekap: tidak diimpor; impor dihentikan operator.",
    ]
    assert not actions.stop_import_action.isEnabled()


def test_a_replaced_sender_key_needs_the_ketuas_pin_after_its_sidik_matches(
    qtbot: QtBot,
    kecamatan: PlenoService,
    kabko: PlenoService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN the kecamatan's key confirmed at the kab/kota, then a package signed by a new key
    first = _determined_package(kecamatan, tmp_path, "utara.rekap")
    PackageImportService(kabko).import_package(
        first, trust=installation_fingerprint(tmp_path / "kunci-utara")
    )
    other = tmp_path / "lain.rekap"
    PackageService(kecamatan, key_folder=tmp_path / "kunci-lain").export(other, determined=True)
    new = installation_fingerprint(tmp_path / "kunci-lain")
    shown = Shown(monkeypatch)
    ketua_declines = RefusingApprovals()
    asked = ketua_declines.asked
    window = cockpit_window(kabko, ketua_declines)
    qtbot.addWidget(window)
    actions = window.packages

    def operator_types(dialog: SenderKeyDialog) -> int:
        assert dialog.head.text().startswith("PERHATIAN: paket 990101 UTARA")
        dialog.typed.setText(new)
        dialog.trust_button.click()
        return dialog.result()

    monkeypatch.setattr(SenderKeyDialog, "exec", operator_types)
    _open(monkeypatch, other)
    before = dict(kabko.tallies())
    # WHEN the operator matches the sidik but no ketua gives the PIN
    with qtbot.waitSignal(actions.finished, timeout=20_000) as finished:
        actions.import_action.trigger()
    # THEN the ketua's PIN was asked for the key change and nothing was imported
    assert asked == [Action.CHANGE_SENDER_KEY]
    assert finished.args == [False]
    assert "penggantian kunci tidak disetujui" in shown.messages[-1][1]
    assert dict(kabko.tallies()) == before
