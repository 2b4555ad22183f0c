"""The penetapan page: the tick and its word agree, and after penetapan (and after a restart)
each signer is shown as recorded — "ya", or "tidak menandatangani" with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.procedure import DETERMINATION
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.closing import DeterminationPage
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.engine import open_engine
from tests.meetings import cockpit_window
from tests.penetapan import determine_meeting
from tests.services.test_signature_refusals import REASON, SIGNED_BY, _meeting


def _rows(page: DeterminationPage) -> list[tuple[str, ...]]:
    table = page.table
    return [tuple(_cell(page, r, c) for c in range(4)) for r in range(table.rowCount())]


def _cell(page: DeterminationPage, row: int, column: int) -> str:
    item = page.table.item(row, column)
    return item.text() if item is not None else ""


def _page(window: MainWindow) -> DeterminationPage:
    page = window.agenda[DETERMINATION]
    assert isinstance(page, DeterminationPage)
    return page


def test_an_unticked_signature_says_tidak_menandatangani(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN the penetapan page before penetapan, every signer ticked "ya"
    window = cockpit_window(_meeting(tmp_path))
    qtbot.addWidget(window)
    page = _page(window)
    page.show_stop(page.stop)
    sign = page.table.item(1, 2)
    assert sign is not None and sign.text() == "ya"
    # WHEN the operator unticks the second signer
    sign.setCheckState(Qt.CheckState.Unchecked)
    # THEN the cell says "tidak menandatangani", and ticking again says "ya"
    assert sign.text() == "tidak menandatangani"
    assert [s.signed for s in page.signatures()] == [True, False]
    sign.setCheckState(Qt.CheckState.Checked)
    assert sign.text() == "ya"


def test_after_penetapan_and_a_restart_each_signer_shows_what_was_recorded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a meeting determined with the saksi of number 2 refusing to sign
    service = _meeting(tmp_path)
    determine_meeting(service, SIGNED_BY)
    # WHEN the cockpit opens on it (as after a restart)
    window = cockpit_window(PlenoService(open_engine(str(tmp_path / "pleno.sqlite"))))
    qtbot.addWidget(window)
    # THEN the penetapan page lists the recorded signatures: the refusal with its reason
    assert window.stack.currentWidget() is _page(window)
    assert _rows(_page(window)) == [
        ("Ketua Uji", "Ketua", "ya", ""),
        ("Anggota Uji", "Anggota", "ya", ""),
        (
            "Saksi Dua",
            "Saksi Pemilihan Wali Kota Uji nomor urut 2",
            f"tidak menandatangani: {REASON}",
            REASON,
        ),
    ]
    assert _page(window).table.isColumnHidden(3)
    # AND below the table, the refusal is spelled out in full
    assert _page(window).state.text() == (
        "HASIL TELAH DITETAPKAN — terkunci.\n• Saksi Dua (Saksi Pemilihan Wali Kota Uji nomor "
        f"urut 2) hadir tetapi tidak menandatangani — alasan: {REASON}"
    )
    # AND nothing there can be ticked or typed over any more
    item = _page(window).table.item(2, 2)
    assert item is not None
    flags = item.flags()
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert not flags & Qt.ItemFlag.ItemIsEditable
