"""Rapat → Jejak audit… (Ctrl+Shift+A): the chain in readable Indonesian, filtered by kecamatan,
pemilihan, person, kind, time and typed words, its verification shown, new entries added as they
are written; and Rapat → Paket bukti untuk Bawaslu/MK… writing a pack that verifies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.audit_log.model import KECAMATAN, RINGKASAN, SIAPA
from rekap_desktop.gui.audit_log.window import AuditLogWindow
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.evidence.verify import verify_evidence_file
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.gui.cockpit_driver import press
from tests.gui.driven import drives
from tests.meetings import cockpit_meeting, cockpit_window


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")), actor="operator")
    load_demo(service, DemoKind.PILKADA)
    yield service
    service.engine.dispose()


def _opened(qtbot: QtBot, window: AuditLogWindow) -> AuditLogWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.is_reading() and bool(window.model.entries), timeout=10_000)
    return window


def _column(window: AuditLogWindow, column: int) -> list[str]:
    model = window.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _choose(box: object, text: str) -> None:
    index = box.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


@drives(AuditLogWindow)
def test_the_audit_log_opens_from_the_menu_key_and_filters(
    qtbot: QtBot, demo: PlenoService
) -> None:
    # GIVEN the cockpit of the demo meeting
    window = cockpit_window(demo)
    qtbot.addWidget(window)
    window.show()
    # WHEN Ctrl+Shift+A is pressed
    press(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    viewer = window.findChild(AuditLogWindow)
    assert viewer is not None
    _opened(qtbot, viewer)
    # THEN every entry is shown in words, the chain verified
    assert viewer.chain_label.text() == "Rantai audit: utuh (9 entri)"
    assert viewer.count_label.text() == "Ditampilkan 9 dari 9 entri"
    summaries = _column(viewer, RINGKASAN)
    assert summaries[0] == "Pleno rekapitulasi KOTA SAMARINDA (SIMULASI) dibuat."
    assert all("{" not in s for s in summaries)
    # WHEN a kecamatan is chosen THEN only the entries touching it remain
    _choose(viewer.unit_box, "PALARAN")
    assert viewer.model.rowCount() == 2
    assert all("PALARAN" in text for text in _column(viewer, KECAMATAN))
    # WHEN a person is chosen as well THEN narrowed further
    _choose(viewer.unit_box, "(semua)")
    _choose(viewer.person_box, "Dra. Lestari Wulandari Kusuma, M.Si.")
    assert set(_column(viewer, SIAPA)) == {"Dra. Lestari Wulandari Kusuma, M.Si."}
    # WHEN words are typed into the search field (the field has the focus at start)
    _choose(viewer.person_box, "(semua)")
    _choose(viewer.kind_box, "Pengguna ditambahkan")
    assert viewer.model.rowCount() == 6
    QTest.keyClicks(viewer.search, "ketua kpu")
    assert [s for s in _column(viewer, RINGKASAN)] == [
        "Dra. Lestari Wulandari Kusuma, M.Si. ditambahkan sebagai Ketua KPU."
    ]
    # WHEN a time range before the meeting is set THEN nothing is shown
    viewer.search.clear()
    viewer.time_check.setChecked(True)
    assert viewer.model.rowCount() == 6
    viewer.until.setDateTime(viewer.since.dateTime().addSecs(-3600))
    assert viewer.model.rowCount() == 0
    # AND Esc closes it
    QTest.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_new_entries_arrive_while_the_log_is_open(qtbot: QtBot, demo: PlenoService) -> None:
    # GIVEN the log open
    viewer = _opened(qtbot, AuditLogWindow(cockpit_meeting(demo)))
    # WHEN the meeting writes (a new register entry is carried in)
    from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus

    entry = Incident(
        IncidentKind.KEJADIAN_KHUSUS, "PPK", "Kotak tiba terlambat", IncidentStatus.TERBUKA
    )
    demo.add_carried_incidents((entry,))
    # THEN the new entry is added at the end, in words
    qtbot.waitUntil(lambda: len(viewer.model.entries) == 10, timeout=10_000)
    assert viewer.model.entries[-1].event == AuditEvent.INCIDENT_RECORDED
    assert viewer.chain_label.text() == "Rantai audit: utuh (10 entri)"


def test_the_evidence_pack_is_written_from_the_menu(
    qtbot: QtBot, demo: PlenoService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the cockpit, a file name chosen in the save dialog
    window = cockpit_window(demo)
    qtbot.addWidget(window)
    target = tmp_path / "bukti"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: str(target))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    # WHEN Rapat → Paket bukti untuk Bawaslu/MK… is chosen
    texts = [a.text() for a in window.meeting_menu.actions()]
    assert "&Jejak audit…" in texts and "Paket &bukti untuk Bawaslu/MK…" in texts
    with qtbot.waitSignal(window.evidence_pack.finished, timeout=60_000) as done:
        window.evidence_pack.action.trigger()
    # THEN the pack is written beside the name given (.zip added) and verifies
    assert done.args[0] is not None
    written = tmp_path / "bukti.zip"
    report = verify_evidence_file(written)
    assert report.pack.manifest.region_name == "KOTA SAMARINDA"
    assert shown and shown[0].startswith("Paket bukti ditulis: bukti.zip")
