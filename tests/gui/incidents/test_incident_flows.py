"""The register on the demo pleno, as the operator uses it: read the carried objection, settle it
with paraf, raise a new objection, and see a rule-17 repeat refused with the earlier record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.incidents import IncidentStatus, Paraf, ParafRole
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.dialogs.incident_dialog import IncidentContext, IncidentDialog
from rekap_desktop.gui.incidents.register_view import RegisterView
from rekap_desktop.gui.incidents.settle_dialog import SettleDialog
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.meetings import cockpit_meeting


@pytest.fixture
def service(tmp_path: Path) -> Iterator[IncidentService]:
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    yield IncidentService(pleno)
    pleno.engine.dispose()


def test_carried_objection_is_read_and_settled_with_paraf(
    qtbot: QtBot, service: IncidentService, tmp_path: Path
) -> None:
    # GIVEN the register of the demo, filtered to open entries
    view = RegisterView(service, cockpit_meeting(service.pleno_service).hub)
    qtbot.addWidget(view)
    view.show()
    view.open_only.setChecked(True)
    # THEN exactly the carried 647203 gubernur objection is open, and its record can be read
    assert [(e.number, e.unit, e.contest) for e in view.model.entries] == [
        (3, "647203", "gubernur")
    ]
    assert view.open_label.text() == "Terbuka: 1"
    view.select(3)
    assert "Dari Kecamatan SAMARINDA ULU No. 1 (status di kecamatan: Terbuka)" in (
        view.detail.toPlainText()
    )
    # WHEN it is settled with the objector's and a witnessing saksi's paraf
    closing = confirmed(service.pleno_service, Action.CLOSE_OBJECTION)
    settle = SettleDialog(service, 3, parent=view, confirmation=closing)
    qtbot.addWidget(settle)
    settle.text_edit.setPlainText("Dicocokkan dengan C.Hasil TPS 012 Sidodadi: 28.999 benar.")
    settle.check_witness("Dewi Anggraini Siahaan")
    settle.accept()
    view.refresh()
    # THEN it is diselesaikan with both paraf and nothing is open any more
    entry = service.entry(3)
    assert (entry.status, entry.paraf) == (
        IncidentStatus.DISELESAIKAN,
        (
            Paraf("Bayu Prasetyo Wibisono", ParafRole.PENGAJU),
            Paraf("Dewi Anggraini Siahaan", ParafRole.PENYAKSI),
        ),
    )
    assert (view.model.entries, view.open_label.text()) == ([], "Terbuka: 0")
    view.grab().save(str(tmp_path / "register.png"))


def test_settling_without_a_resolution_stays_open_with_the_reason(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the settle dialog of the open objection WHEN accepted with no resolution
    settle = SettleDialog(service, 3)
    qtbot.addWidget(settle)
    settle.accept()
    # THEN it says why, and the entry is still open
    assert settle.message.text() == "Ditolak.\n\n• entri No. 3: penyelesaian wajib diisi"
    assert service.entry(3).is_open


def test_new_objection_is_saved_at_once_and_completed_later(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the dialog opened with K at item 9 for SAMARINDA ILIR, Wali Kota
    dialog = IncidentDialog(service, None, context=IncidentContext("9", "647204", "walikota"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # WHEN the kind and saksi are left as offered, a line typed and Ctrl+Enter pressed
    qtbot.keyClicks(dialog.description, "Saksi 2 menolak angka kolom kosong di Sirekap.")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # THEN the entry is stored at once with the meeting's place and the walikota saksi
    stored = service.entry(4)
    assert (stored.procedure_item, stored.unit, stored.contest, stored.raised_by) == (
        9,
        "647204",
        "walikota",
        "Ayu Lestari Manurung (saksi nomor urut 2, walikota)",
    )
    assert dialog.message.text().startswith("Tersimpan sebagai entri No. 4 (versi 1).")
    # WHEN it is completed with Bawaslu's opinion and saved again
    dialog.fields.bawaslu_edit.setPlainText("Bawaslu: cocokkan dengan D.Hasil PPK.")
    dialog.save()
    # THEN the same entry is now version 2 and version 1 is kept
    assert service.entry(4).bawaslu_opinion == "Bawaslu: cocokkan dengan D.Hasil PPK."
    assert [v.version for v in service.versions(4)] == [1]
    assert service.pleno_service.verify_audit().ok


def test_rule_17_repeat_is_refused_showing_the_earlier_record(
    qtbot: QtBot, service: IncidentService, tmp_path: Path
) -> None:
    # GIVEN the dialog at PALARAN, Wali Kota, where the kecamatan resolved a saksi objection
    dialog = IncidentDialog(service, None, context=IncidentContext(9, "647201", "walikota"))
    qtbot.addWidget(dialog)
    dialog.description.setPlainText("Saksi keberatan lagi atas DPTb di TPS 005 Bukuan.")
    # WHEN it is saved
    dialog.save()
    # THEN it is refused with the earlier record shown, the register unchanged, refusal kept
    text = dialog.message.text()
    assert "tidak dapat diajukan lagi (tata cara butir 17)" in text
    assert "Kecamatan PALARAN No. 1 (register ini No. 1)" in text
    assert "Samsul Bahri Tanjung (saksi nomor urut 2, walikota)" in text
    assert dialog.number is None
    assert len(service.register()) == 3
    assert [r.earlier_number for r in service.repeat_refusals()] == [1]
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_a_bad_correction_link_is_named_and_nothing_saved(
    qtbot: QtBot, service: IncidentService
) -> None:
    # GIVEN the dialog WHEN a correction link that is not a number is given and saved
    dialog = IncidentDialog(service, None, context=IncidentContext(10, "647204", "walikota"))
    qtbot.addWidget(dialog)
    dialog.description.setPlainText("Keberatan atas pembetulan.")
    dialog.fields.corrections_edit.setText("3, tiga")
    dialog.save()
    # THEN the message names it and no entry was stored
    assert "tautan pembetulan 'tiga' bukan nomor pembetulan" in dialog.message.text()
    assert len(service.register()) == 3
