"""The cockpit as the program assembles it: register (K), print centre, PIN-approved corrections,
the projector following the meeting, automatic backups and the start-up check."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Change, Event
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.procedure import Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui import startup_check
from rekap_desktop.gui.approvals import Approvals, PinApprovals
from rekap_desktop.gui.auto_backup import FOLDER_KEY, AutoBackup
from rekap_desktop.gui.comparison.correction_dialog import CorrectionDialog
from rekap_desktop.gui.dialogs.incident_dialog import IncidentDialog
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.kecamatan import BoxPage
from rekap_desktop.gui.pages.reading import SourcesPage
from rekap_desktop.gui.print_launcher import with_dialog_module
from rekap_desktop.gui.projector.cues import AgendaCue, PauseCue, TallyCue, TitleCue
from rekap_desktop.gui.projector.place_cues import PlacesCue
from rekap_desktop.gui.projector_link import ProjectorLink, cue_for
from rekap_desktop.services import backup_service
from rekap_desktop.services.demo import DemoKind, load_demo
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import PrintService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import RefusingApprovals
from tests.gui import cockpit_driver as drive
from tests.gui.driven import Modals, drives
from tests.gui.stall import StallMeter
from tests.meetings import cockpit_meeting, cockpit_window

KETUA = "Dra. Lestari Wulandari Kusuma, M.Si."


class Confirming:
    """Approvals that give one confirmation, whatever is asked."""

    def __init__(self, confirmation: Confirmation) -> None:
        self.confirmation = confirmation

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        return self.confirmation


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(tmp_path / "usb"))
    return settings


class SwitchedApprovals:
    """The program's PIN dialog, or what a test puts in its place (``now``)."""

    def __init__(self, now: Approvals) -> None:
        self.now = now

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        return self.now.confirm(action, only)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    """The cockpit as the program assembles it: a commissioner's PIN is asked in a dialog."""
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    pins = PinApprovals(cockpit_meeting(service).users)
    window = cockpit_window(service, SwitchedApprovals(pins), settings=settings)
    pins.parent = window
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_k_opens_the_incident_dialog_at_the_meetings_place(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the assembled cockpit at item 1
    extras = window
    # WHEN K is pressed
    extras.action_incident.trigger()
    dialog = next(w for w in window.findChildren(IncidentDialog))
    qtbot.addWidget(dialog)
    # THEN the dialog opens with the current place, and the register is a tab of the cockpit
    assert extras.incident_context().procedure_item == "1"
    assert window.views.tabText(window.views.count() - 1) == "Kejadian khusus / keberatan"
    assert extras.action_incident.shortcut().toString() == "K"
    assert window.action_print.text() == "&Pusat cetak…"


@drives(CorrectionDialog, PinDialog, SourcesPage, BoxPage)
def test_a_correction_counts_only_with_the_pin_of_the_commissioner_chosen(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the assembled cockpit at the reading of gubernur in 647203 (the saksi dispute)
    drive.pre_fill_attendance(window)
    drive.run_until(window, Stop("8", "647203", "gubernur"))
    corrections = window.meeting.corrections
    anggota = corrections.commissioners()[1]
    offered: list[list[str]] = []
    problems: list[str] = []
    modals = Modals()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectionDialog)
        # WHEN the first anggota is chosen as approving it and Enter pressed
        qtbot.keyClicks(dialog.proposed_by, "Saksi nomor urut 1")
        qtbot.keyClick(dialog.approved_by, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)

    def pin(dialog: QWidget) -> None:
        assert isinstance(dialog, PinDialog)
        box = dialog.ui.userBox
        offered.append([box.itemData(i) for i in range(box.count())])
        # AND the ketua's PIN is typed first, then the anggota's own
        qtbot.keyClicks(dialog.ui.pinEdit, "111111")
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
        problems.append(dialog.ui.problemLabel.text())
        qtbot.keyClicks(dialog.ui.pinEdit, "222222")
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)

    modals.expect(CorrectionDialog, fill)
    modals.expect(PinDialog, pin)
    drive.press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    drive.press(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: bool(corrections.corrections("gubernur", "647203")) or bool(modals.left_open)
    )
    modals.stop()
    # THEN only that anggota was offered the PIN, the ketua's PIN did not count for them,
    # and the anggota is recorded as approving it
    assert modals.left_open == [] and modals.messages == []
    assert offered == [[anggota]]
    assert problems and "PIN salah" in problems[0]
    [correction] = corrections.corrections("gubernur", "647203")
    assert correction.approved_by == anggota and correction.after == 28999


def test_the_projector_preview_follows_the_meeting(window: MainWindow, settings: QSettings) -> None:
    link = ProjectorLink(window, settings)
    state = window.procedure.state()
    assert cue_for(window, state) == TitleCue()  # item 1: the title card, no running tally
    window.procedure.pause("ishoma")
    assert isinstance(link.controller.live_cue, PauseCue)
    assert cue_for(window, window.procedure.state()).reason == "ishoma"  # type: ignore[union-attr]
    window.procedure.resume()
    moved = window.procedure.state()
    reading = type(moved)(current=Stop("8", "647204", "walikota"))
    assert cue_for(window, reading) == TallyCue("walikota", "647204")
    assert isinstance(cue_for(window, type(moved)(current=Stop("2"))), AgendaCue)
    link.shutdown()


def test_a_pause_makes_a_verified_backup_off_the_gui_thread(
    window: MainWindow,
    settings: QSettings,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN automatic backups onto a slow stick, noting the thread the copy is made on
    threads: list[threading.Thread] = []
    meter = StallMeter()
    make_backup = backup_service.make_backup

    def slow(*args: Any, **kwargs: Any) -> backup_service.BackupPreview:
        threads.append(threading.current_thread())
        meter.turned_during(lambda: time.sleep(0.6))
        return make_backup(*args, **kwargs)

    monkeypatch.setattr(backup_service, "make_backup", slow)
    backups = AutoBackup(window.meeting, settings)
    # WHEN the meeting is suspended
    with meter, qtbot.waitSignal(backups.made, timeout=20_000) as made:
        window.procedure.pause("ishoma")
    # THEN a verified backup was made on a worker while the window kept answering
    assert threads and threads[0] is not threading.main_thread()
    assert meter.answered_throughout(), "the window stopped answering while it worked"
    (copy,) = (tmp_path / "usb").glob("rekap-cadangan-*.sqlite")
    assert made.args == [f"Cadangan terverifikasi: {copy}"]
    assert backup_service.preview_backup(copy).chain_ok and not backups.dirty
    backups.stop()


def test_a_backup_asked_for_while_one_runs_follows_it(
    window: MainWindow, settings: QSettings, tmp_path: Path, qtbot: QtBot
) -> None:
    # GIVEN a backup running
    backups = AutoBackup(window.meeting, settings)
    lines: list[str] = []
    backups.made.connect(lines.append)
    backups.backup_now()
    # WHEN another is asked for meanwhile THEN both are made, one after the other
    backups.backup_now()
    qtbot.waitUntil(lambda: len(lines) == 2 and not backups.is_running(), timeout=20_000)
    assert all(line.startswith("Cadangan terverifikasi: ") for line in lines)
    backups.stop()


def test_a_database_edited_behind_the_programs_back_is_not_opened_silently(
    window: MainWindow, tmp_path: Path
) -> None:
    # GIVEN a good backup, a newer one of another meeting in the same folder, then a value
    # edited directly in the file
    service = window.service
    good = backup_service.make_backup(service.engine, tmp_path / "usb").path
    other = PlenoService(open_engine(str(tmp_path / "other.sqlite")))
    load_demo(other, DemoKind.PEMILU)
    later = datetime.now() + timedelta(hours=1)
    backup_service.make_backup(other.engine, tmp_path / "usb", later)
    assert startup_check.damage_report(cockpit_meeting(service)) == []
    connection = sqlite3.connect(tmp_path / "demo.sqlite")
    with connection:
        connection.execute("UPDATE tally_value SET value = value + 1 WHERE field = 'suara_01'")
    connection.close()
    # THEN the damage is named and the latest good backup is offered
    report = startup_check.damage_report(cockpit_meeting(service))
    assert report and report[0].startswith("Nilai diubah di luar program: gubernur 647201 ppk")
    tag = backup_service.meeting_tag(service.engine)
    assert backup_service.latest_good_backup(tmp_path / "usb", tag) == good


def test_reopening_asks_for_a_commissioners_pin(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    # GIVEN a cockpit whose PIN question is cancelled
    refusing = RefusingApprovals()
    window.approvals.now = refusing  # type: ignore[attr-defined]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: ("salah hitung", True))
    before = window.service.audit_head()
    # WHEN the operator asks to reopen the determined result, with a reason
    window.reopen()
    # THEN the PIN was asked for that action, and nothing was written
    assert refusing.asked == [Action.REOPEN_DETERMINED]
    assert window.service.audit_head() == before


def test_a_form_photo_goes_to_the_projector_preview(
    window: MainWindow, settings: QSettings
) -> None:
    # GIVEN a PNG form photo shown beside the numbers
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    link = ProjectorLink(window, settings)
    # WHEN the comparison announces it THEN the projector previews that photo
    cue = link.preview_photo(bytes(data.data()))
    assert link.controller.preview_cue == cue
    assert Path(cue.path).read_bytes() == bytes(data.data())
    link.shutdown()


def test_the_places_of_a_difference_go_live_on_the_projector(
    window: MainWindow, settings: QSettings
) -> None:
    # GIVEN the cockpit with its projector
    link = ProjectorLink(window, settings)
    # WHEN F5 in the rincian desa/TPS announces the places of a field
    window.places_shown.emit("walikota", "647203", "suara_02")
    # THEN they are live on the projector at once
    assert link.controller.live_cue == PlacesCue("walikota", "647203", "suara_02")
    link.shutdown()


def test_a_print_does_not_rebuild_the_cockpit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the cockpit, counting its full refreshes
    refreshed: list[bool] = []
    monkeypatch.setattr(window, "refresh", lambda **_numbers: refreshed.append(True))
    # WHEN a print is announced THEN nothing is rebuilt; a correction still is
    window.on_changed((Change(AuditEvent.FORM_PRINTED),))
    assert refreshed == []
    window.on_changed((Change(AuditEvent.FORM_PRINTED), Change(AuditEvent.CORRECTION_MADE)))
    assert refreshed == [True]


def test_a_step_or_skors_does_not_recompute_the_recapitulation(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the recapitulation tab on screen, counting its recomputations
    window.toggle_recap()
    assert window.recap.isVisible()
    recomputed: list[bool] = []
    monkeypatch.setattr(window.recap, "refresh_when_shown", lambda: recomputed.append(True))
    # WHEN the meeting steps on, is paused or a register entry is made THEN no number moved
    window.on_changed((Change(AuditEvent.PROCEDURE_MOVED),))
    window.on_changed((Change(AuditEvent.INCIDENT_RECORDED), Change(AuditEvent.PROCEDURE_MOVED)))
    assert recomputed == []
    # AND a correction, another station's change or a full refresh still recomputes it
    window.on_changed((Change(AuditEvent.PROCEDURE_MOVED), Change(AuditEvent.CORRECTION_MADE)))
    window.on_changed((Change(Event.OTHER_STATION),))
    window.refresh()
    assert recomputed == [True, True, True]


def test_a_contest_page_of_the_recapitulation_is_computed_when_its_tab_is_shown(
    window: MainWindow,
) -> None:
    # GIVEN the recapitulation tab on screen, on its first contest
    window.toggle_recap()
    first, *others = window.recap.pages.values()
    assert window.recap.tabs.currentWidget() is first and others
    # THEN only that contest is computed; another is when its tab is shown
    assert first.outcome.text().startswith("Sumber:")
    assert others[0].outcome.text() == ""
    window.recap.tabs.setCurrentWidget(others[0])
    assert others[0].outcome.text().startswith("Sumber:")


def test_the_target_end_time_is_kept_between_runs(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    from PySide6.QtCore import QTime

    window.panel.target.setTime(QTime(21, 30))
    again = cockpit_window(window.service, settings=settings)
    qtbot.addWidget(again)
    assert again.panel.target.time() == QTime(21, 30)


def test_item_7_records_what_was_projected(window: MainWindow, settings: QSettings) -> None:
    # GIVEN the meeting at item 7 for a kecamatan and contest (its box and incidents done)
    for _ in range(3):
        window.procedure.next()
    assert window.procedure.state().current == Stop("4", "647201")
    window.records.record_box("647201", True, ())
    while window.procedure.state().current.item != "7":
        window.procedure.next()
    assert window.procedure.state().current == Stop("7", "647201", "gubernur")
    link = ProjectorLink(window, settings)
    before = window.service.audit_head()
    # WHEN the operator sends the tally live (F5)
    link.panel.go_live_action.trigger()
    # THEN a record of item 7 names what was shown (its time is the audit entry's)
    assert window.service.audit_head() == before + 1
    import json

    from sqlalchemy import text

    with window.service.engine.connect() as connection:
        payload = connection.execute(
            text("SELECT payload FROM audit_entry ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    assert json.loads(payload)["ditayangkan"] == "tally"
    link.shutdown()


def test_closing_an_objection_asks_for_a_commissioners_pin(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rekap_desktop.gui.incidents import register_view

    # GIVEN the demo's open objection No. 3 and a PIN question that is cancelled
    refusing = RefusingApprovals()
    window.approvals.now = refusing  # type: ignore[attr-defined]
    opened: list[object] = []
    monkeypatch.setattr(register_view.SettleDialog, "exec", opened.append)
    # WHEN the operator settles it from the register
    window.register.select(3)
    window.register.resolve_selected()
    # THEN the PIN was asked for closing an objection, and no closing dialog was opened
    assert refusing.asked == [Action.CLOSE_OBJECTION] and opened == []


def test_closing_an_objection_names_the_commissioner_in_the_audit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from rekap_desktop.gui.incidents import register_view

    # GIVEN the assembled cockpit and the demo's open objection No. 3
    extras = window
    confirmation = UsersService(window.service.engine).confirm(
        KETUA, "111111", Action.CLOSE_OBJECTION
    )
    window.approvals.now = Confirming(confirmation)  # type: ignore[attr-defined]
    opened: list[object] = []

    def settle_now(dialog: register_view.SettleDialog) -> int:
        opened.append(dialog.confirmation)
        dialog.text_edit.setPlainText("Dicocokkan dengan C.Hasil TPS 012: benar.")
        dialog.accept()
        return 1

    monkeypatch.setattr(register_view.SettleDialog, "exec", settle_now)
    # WHEN the operator settles it from the register and the ketua confirms with the PIN
    extras.register.select(3)
    extras.register.resolve_selected()
    # THEN the dialog carried the confirmation and the closing's audit entry names the ketua
    assert opened == [confirmation]
    with sqlite3.connect(window.service.engine.url.database or "") as connection:
        payload = connection.execute(
            "SELECT payload FROM audit_entry WHERE event = 'incident_resolved'"
        ).fetchone()[0]
    assert json.loads(payload)["dikonfirmasi_oleh"] == KETUA


def test_the_register_tab_is_built_when_first_shown(window: MainWindow, qtbot: QtBot) -> None:
    from rekap_desktop.gui.incidents.register_view import RegisterView

    # GIVEN the assembled cockpit on its first tab: the register costs the start nothing yet
    extras = window
    assert not window.findChildren(RegisterView)
    # WHEN the operator opens the register tab
    window.views.setCurrentIndex(window.views.count() - 1)
    # THEN the register is there with the demo's entries, in that tab
    (view,) = window.findChildren(RegisterView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert view is extras.register and view.isVisible()


def test_the_print_centre_loads_its_forms_off_the_gui_thread_and_is_kept(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a cockpit whose print service is slow to load (as ReportLab's import is), noting the
    # thread it loads on; the dialog shown without a nested event loop
    from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

    threads: list[threading.Thread] = []
    meter = StallMeter()
    load = window.meeting.load_printing

    def slow() -> PrintService:
        threads.append(threading.current_thread())
        meter.turned_during(lambda: time.sleep(0.6))
        return load()

    monkeypatch.setattr(window.printing, "_load", with_dialog_module(slow))
    monkeypatch.setattr(PrintCentreDialog, "exec", PrintCentreDialog.show)
    extras = window
    # WHEN Ctrl+P is pressed
    with meter:
        window.action_print.trigger()
        assert window.statusBar().currentMessage() == "Menyiapkan pusat cetak…"
        window.action_print.trigger()  # pressed again while loading: nothing more happens
        qtbot.waitUntil(lambda: extras.printing.print_centre is not None, timeout=20_000)
        dialog = extras.printing.print_centre
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.preview_pending(), timeout=20_000)
    # THEN the forms loaded once, on a worker, and the cockpit never stalled meanwhile
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert meter.answered_throughout(), "the window stopped answering while it worked"
    assert dialog.isVisible() and dialog.document.pageCount() > 0
    # WHEN it is closed and opened again THEN it is the same dialog, its preview made anew
    dialog.reject()
    window.action_print.trigger()
    assert extras.printing.print_centre is dialog and dialog.preview_pending()
    qtbot.waitUntil(lambda: not dialog.preview_pending(), timeout=20_000)
    extras.stop_work()


def test_forms_preloaded_while_idle_make_the_first_ctrl_p_open_at_once(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rekap_desktop.gui.print_centre.dialog import PrintCentreDialog

    loads: list[threading.Thread] = []
    load = window.meeting.load_printing

    def noted() -> PrintService:
        loads.append(threading.current_thread())
        return load()

    monkeypatch.setattr(window.printing, "_load", with_dialog_module(noted))
    monkeypatch.setattr(PrintCentreDialog, "exec", PrintCentreDialog.show)
    extras = window
    # GIVEN the forms loaded on a worker while the cockpit was idle, with no dialog shown
    extras.printing.preload()
    qtbot.waitUntil(lambda: extras.printing._printing is not None, timeout=20_000)
    assert extras.printing.print_centre is None and window.statusBar().currentMessage() == ""
    # WHEN Ctrl+P is pressed THEN Pusat Cetak opens at once, without loading the forms again
    window.action_print.trigger()
    assert extras.printing.print_centre is not None and extras.printing.print_centre.isVisible()
    assert len(loads) == 1 and loads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: not extras.printing.print_centre.preview_pending(), timeout=20_000)
    extras.stop_work()
