"""The meeting's override of a plausibility warning (Ctrl+Shift+T) worked as the operator works
it: Ctrl+Shift+T, the warning chosen with the arrow keys, the reason typed, Enter, the
commissioner's PIN; then the findings list says who overrode it and why instead of warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.gui.comparison.plausibility_override_dialog import PlausibilityOverrideDialog
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import write_tallies
from tests.gui.driven import Modals, drives
from tests.plausibility_meeting import (
    ANGGOTA,
    CONTEST,
    KETUA,
    P02_MESSAGE,
    REASON,
    ROWS,
    UNIT,
    write_setup_with_members,
)

P02_LINE = f"KEWAJARAN P02 · Sirekap · TPS 003 (9901011001003): {P02_MESSAGE}"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    """KOTA UJI whose Sirekap TPS of UTARA raise P01, P02 and P05; a ketua and an anggota."""
    pleno = PlenoService(open_engine(str(tmp_path / "uji.sqlite")))
    pleno.create_from_setup_file(write_setup_with_members(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path, ROWS, "tps.csv"))
    users = UsersService(pleno.engine)
    users.add_user(KETUA, Role.KETUA, DEMO_PINS[Role.KETUA])
    manage = users.confirm(KETUA, DEMO_PINS[Role.KETUA], Action.MANAGE_USERS)
    users.add_user(ANGGOTA, Role.ANGGOTA, DEMO_PINS[Role.ANGGOTA], manage)
    yield ComparisonService(pleno)
    pleno.engine.dispose()


@pytest.fixture
def modals() -> Iterator[Modals]:
    answering = Modals()
    yield answering
    answering.stop()


class AnggotaConfirms:
    """The cockpit's PIN question, answered by the anggota typing theirs."""

    def __init__(self, service: ComparisonService) -> None:
        self.users = UsersService(service.pleno.engine)
        self.asked: list[Action] = []

    def confirm(self, action: Action, only: str | None = None) -> Confirmation | None:
        self.asked.append(action)
        return self.users.confirm(ANGGOTA, DEMO_PINS[Role.ANGGOTA], action)


def open_widget(qtbot: QtBot, service: ComparisonService) -> ComparisonWidget:
    widget = ComparisonWidget(service, CONTEST, UNIT)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def notes(widget: ComparisonWidget) -> list[str]:
    return [widget.notes.item(i).text() for i in range(widget.notes.count())]


def ctrl_shift_t(qtbot: QtBot, widget: ComparisonWidget) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget.table, Qt.Key.Key_T, modifiers)


@drives(PlausibilityOverrideDialog)
def test_a_warning_is_overridden_by_keyboard_and_listed_as_overridden(
    qtbot: QtBot, service: ComparisonService, modals: Modals, tmp_path: Path
) -> None:
    # GIVEN UTARA's comparison, whose findings list warns P02 at Sirekap's TPS 003
    widget = open_widget(qtbot, service)
    assert f"⚠ {P02_LINE}" in notes(widget)
    approvals = AnggotaConfirms(service)
    widget.approvals = approvals
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PlausibilityOverrideDialog)
        state["focus"] = dialog.focusWidget() is dialog.reason
        # WHEN Enter is pressed with no reason THEN it stays open and asks nobody for a PIN
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        state["empty"] = (dialog.isVisible(), dialog.error.text(), list(approvals.asked))
        # WHEN the second warning (P02) is chosen with the arrow key, the reason typed, Enter
        qtbot.keyClick(dialog.finding, Qt.Key.Key_Down)
        state["message"] = dialog.message.text()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    modals.expect(PlausibilityOverrideDialog, fill)
    ctrl_shift_t(qtbot, widget)
    warnings = service.warnings
    qtbot.waitUntil(lambda: bool(warnings.overrides()) or bool(modals.left_open))
    assert state["focus"] is True
    assert state["empty"] == (True, "Alasan wajib diisi.", [])
    assert state["message"] == P02_LINE.removeprefix("KEWAJARAN ")
    # THEN the override is recorded with the reason and the anggota who typed the PIN
    [made] = warnings.overrides()
    assert (made.code, made.reason, made.overridden_by) == ("P02", REASON, ANGGOTA)
    assert approvals.asked == [Action.OVERRIDE_PLAUSIBILITY] and modals.left_open == []
    assert widget.plausibility_flow.dialog is None
    assert widget.message.text() == f"Temuan kewajaran P02 diabaikan (dikonfirmasi {ANGGOTA})."
    # AND the findings list says who overrode it and why, instead of warning
    listed = notes(widget)
    assert f"✔ {P02_LINE} — diabaikan oleh {ANGGOTA}: {REASON}" in listed
    assert f"⚠ {P02_LINE}" not in listed
    assert any(line.startswith("⚠ KEWAJARAN P01") for line in listed)
    widget.grab().save(str(tmp_path / "overridden.png"))


def test_a_cancelled_pin_keeps_the_dialog_and_nothing_is_recorded(
    qtbot: QtBot, service: ComparisonService, modals: Modals
) -> None:
    # GIVEN the PIN dialog cancelled (the bare widget asks for it and gets none)
    widget = open_widget(qtbot, service)
    state: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PlausibilityOverrideDialog)
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        state["after"] = (dialog.isVisible(), dialog.reason.text(), dialog.error.text())
        dialog.reject()

    modals.expect(PlausibilityOverrideDialog, fill)
    ctrl_shift_t(qtbot, widget)
    qtbot.waitUntil(lambda: "after" in state)
    # THEN the dialog kept what was typed and said so; nothing is recorded
    assert state["after"] == (True, REASON, "Belum dicatat; isian tetap di sini.")
    assert service.warnings.overrides() == []
    assert widget.message.text() == "Mengabaikan temuan kewajaran perlu konfirmasi PIN komisioner."


def test_ctrl_shift_t_without_a_warning_only_says_so(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN SELATAN, whose PPK form raises no plausibility warning
    widget = open_widget(qtbot, service)
    widget.set_pair(CONTEST, "990102")
    # WHEN Ctrl+Shift+T is pressed THEN no dialog opens and the operator is told why
    ctrl_shift_t(qtbot, widget)
    assert widget.plausibility_flow.dialog is None
    assert (
        widget.message.text()
        == "Tidak ada temuan kewajaran yang terbuka pada kecamatan × pemilihan ini."
    )
