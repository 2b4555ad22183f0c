"""Perolehan kursi on the Pemilu demo: the open candidate tie of dapil 5 is listed, a decision
confirmed with a commissioner's PIN closes it and is shown with who confirmed it, a wrong PIN
leaves it open and records nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.cockpit_extras import CockpitExtras
from rekap_desktop.gui.dialogs.pin_dialog import PinDialog, ask_confirmation
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.projector.seat_cues import SeatCue
from rekap_desktop.gui.seats.seat_view import SeatView
from rekap_desktop.gui.seats.tie_dialog import TieDialog
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.services.users_service import UsersService

TIE = "calon:5:02:1:01,04"
"""Dapil 5, party 2: candidates 1 and 4 have 815 votes each for the party's one seat."""


def seat_view(qtbot: QtBot, pemilu: PlenoService) -> tuple[SeatView, UsersService]:
    users = UsersService(pemilu.engine, pemilu.bus)

    def confirm(action: Action) -> Confirmation | None:
        return ask_confirmation(users, action, view)

    view = SeatView(SeatService(pemilu), confirm)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    return view, users


def answer_pin(pin: str, then_cancel: bool = False) -> list[str]:
    """Type ``pin`` into the PIN dialog once it is open; returns what the dialog said."""
    said: list[str] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, PinDialog):
            QTimer.singleShot(20, answer)
            return
        modal.ui.pinEdit.setText(pin)
        modal.try_confirm()
        said.append(modal.ui.problemLabel.text())
        if then_cancel and modal.isVisible():
            modal.reject()

    QTimer.singleShot(0, answer)
    return said


def texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_the_seat_view_lists_steps_elected_candidates_and_the_open_tie(
    qtbot: QtBot, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the seat view of the DPRD Kota
    view, _ = seat_view(qtbot, pemilu)
    # THEN it names the one open tie, with a "Putuskan…" button for it
    assert list(view.tie_buttons) == [TIE]
    assert "1 perolehan sama menunggu keputusan rapat" in view.summary.text()
    shown = texts(view.body)
    titles = [box.title() for box in view.body.findChildren(QGroupBox)]
    assert titles[-1] == "Dapil KOTA BENGKULU 5 — 6 kursi"
    assert "calon nomor urut 1 dan 4 memperoleh suara sama (815 suara)" in shown
    # AND every dapil shows its divisor steps: 35 seats in all
    results = view.results
    assert results is not None
    assert sum(len(d.allocation.steps) for d in results.districts if d.allocation) == 35
    qtbot.wait(10)
    view.body.grab().save(str(tmp_path / "perolehan-kursi.png"))


def test_the_tie_dialog_refuses_a_wrong_number_of_choices(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the dialog of the open tie (one place, two contenders)
    tie = next(t for t in SeatService(pemilu).results("dprd_kabko").open_ties if t.key == TIE)
    dialog = TieDialog(tie, {1: "1. A", 4: "4. B"})
    qtbot.addWidget(dialog)
    # WHEN both are ticked without a reason
    dialog.boxes[1].setChecked(True)
    dialog.boxes[4].setChecked(True)
    dialog.try_accept()
    # THEN it says so in place and stays open
    assert not dialog.result()
    assert "Pilih tepat 1 dari 2 (terpilih sekarang 2)." in dialog.problem.text()
    assert "Alasan/dasar keputusan wajib diisi." in dialog.problem.text()
    # WHEN one is ticked and a reason given THEN it is accepted with that choice
    dialog.boxes[4].setChecked(False)
    dialog.reason.setText("musyawarah rapat pleno")
    dialog.try_accept()
    assert dialog.result() and dialog.chosen() == (1,)


def test_deciding_with_a_commissioners_pin_closes_the_tie_and_shows_who_decided(
    qtbot: QtBot, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the seat view, the meeting choosing candidate 4 for the reason given
    view, _ = seat_view(qtbot, pemilu)
    view.ask_decision = lambda tie, names: ((4,), "musyawarah rapat pleno")  # type: ignore[method-assign]
    said = answer_pin("111111")
    # WHEN the operator presses "Putuskan…" and the ketua confirms with PIN 111111
    view.tie_buttons[TIE].click()
    # THEN the tie is closed, the decision is recorded and shown with who confirmed it
    assert said == [""]
    assert view.tie_buttons == {}
    assert "Tidak ada perolehan sama yang menunggu keputusan rapat." in view.summary.text()
    records = SeatService(pemilu).decision_records("dprd_kabko")
    ketua = pemilu.pleno().members[0].name
    assert [(r.key, r.chosen, r.reason, r.decided_by) for r in records] == [
        (TIE, (4,), "musyawarah rapat pleno", ketua)
    ]
    shown = texts(view.body)
    assert (
        "Dapil 5, partai nomor urut 2, calon terpilih ke-1: dipilih nomor urut 4 — "
        f"musyawarah rapat pleno (dikonfirmasi {ketua}," in shown
    )
    assert f"dikonfirmasi {ketua}" in view.message.text()
    # AND candidate 4 is party 2's elected candidate in dapil 5
    dapil_5 = next(d for d in view.results.districts if d.district.code == "5")  # type: ignore[union-attr]
    assert dapil_5.elected_of(2) == (4,)
    assert "— keputusan rapat" in "\n".join(
        t.item(r, 3).text()
        for t in view.body.findChildren(QTableWidget)
        for r in range(t.rowCount())
        if t.columnCount() == 4 and t.horizontalHeaderItem(3).text().startswith("Calon")
    )
    qtbot.wait(20)
    view.body.grab().save(str(tmp_path / "perolehan-kursi-diputuskan.png"))


def test_a_wrong_pin_keeps_the_tie_open_and_records_nothing(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the seat view and a decision the meeting wants to record
    view, _ = seat_view(qtbot, pemilu)
    view.ask_decision = lambda tie, names: ((1,), "musyawarah")  # type: ignore[method-assign]
    said = answer_pin("9999", then_cancel=True)
    # WHEN the PIN typed is wrong (then the dialog is cancelled)
    view.tie_buttons[TIE].click()
    # THEN the dialog said so, nothing is recorded and the tie is still open
    assert said and said[0]
    assert SeatService(pemilu).decision_records("dprd_kabko") == ()
    assert list(view.tie_buttons) == [TIE]
    assert "belum dikonfirmasi dengan PIN komisioner" in view.message.text()


def test_the_cockpit_of_a_pemilu_meeting_has_the_seat_tab(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the cockpit of the Pemilu demo with its extras
    window = MainWindow(pemilu)
    qtbot.addWidget(window)
    window.show()  # (a cockpit closed without ever being shown crashes Qt at teardown)
    extras = CockpitExtras(window)
    # WHEN the operator asks for the perolehan kursi (Ctrl+Shift+K)
    extras.action_seats.trigger()
    # THEN the seat tab is shown and its PIN comes from the commissioners' list
    assert extras.seats_view is not None
    assert window.views.currentWidget() is extras.seats_view
    assert extras.action_seats.shortcut().toString() == "Ctrl+Shift+K"
    assert window.views.tabText(window.views.currentIndex()) == "Perolehan kursi"
    window.close()


def test_a_dapils_seat_result_can_be_sent_to_the_projector_preview(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN the seat view WHEN the operator asks to preview dapil 3 on the projector
    view, _ = seat_view(qtbot, pemilu)
    with qtbot.waitSignal(view.projector_requested, timeout=1000) as asked:
        view.preview_district("3")
    # THEN the preview gets the seat cue of dapil 3's steps
    assert asked.args == [SeatCue("dprd_kabko", 4)]
    scene = asked.args[0].build(pemilu, False)
    assert scene.subtitle == "Perolehan kursi · Dapil KOTA BENGKULU 3 (7 kursi)"


def test_a_change_that_moves_no_seat_keeps_the_page_and_a_decision_rebuilds_it(
    qtbot: QtBot, pemilu: PlenoService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the seat view shown, counting how often it computes the seats
    view, _ = seat_view(qtbot, pemilu)
    page = view.body
    computed: list[str] = []
    results = view.seats.results
    monkeypatch.setattr(view.seats, "results", lambda code: computed.append(code) or results(code))
    # WHEN a package is exported (no number moves) THEN nothing is computed again
    pemilu.bus.announce(Change(AuditEvent.PACKAGE_EXPORTED))
    assert computed == [] and view.body is page
    # WHEN the meeting is paused THEN the seats are computed again, equal, and the page is kept
    ProcedureService(pemilu).pause("istirahat")
    assert computed == ["dprd_kabko"] and view.body is page
    # WHEN the tie is decided THEN the page is built again with the decision on it
    ketua = pemilu.pleno().members[0].name
    confirmation = UsersService(pemilu.engine, pemilu.bus).confirm(
        ketua, "111111", Action.DECIDE_TIE
    )
    view.seats.decide_tie("dprd_kabko", TIE, (4,), "musyawarah rapat pleno", confirmation)
    assert view.body is not page
    assert "dipilih nomor urut 4" in texts(view.body)
