"""The agenda pages follow the meeting's place: nothing typed or said for one kecamatan is shown,
saved or reported under the next one, and every label says what is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.procedure import DETERMINATION, Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.kecamatan import BoxPage, NoticesPage
from rekap_desktop.gui.pages.reading import Leaving, SourcesPage
from rekap_desktop.gui.projector.scenes import (
    AgendaTextScene,
    Banner,
    BannerState,
    RecapScene,
    TitleScene,
)
from rekap_desktop.gui.projector_link import ProjectorLink
from rekap_desktop.services.corrections_service import CorrectionsService
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import expected_forms
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.fixtures import SETUP, write_setup, write_tallies
from tests.gui.cockpit_driver import when_modal
from tests.settling import settle_every_pair


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(write_setup(tmp_path))
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.warnings = warnings  # type: ignore[attr-defined]
    return window


def _notices(window: MainWindow) -> NoticesPage:
    page = window.agenda["5"]
    assert isinstance(page, NoticesPage)
    return page


def _to_notices_of(window: MainWindow, unit: str) -> None:
    """Open kecamatan ``unit``'s box (recorded) and go on to its item 5."""
    window.go_to(Stop("4", unit))
    window.records.record_box(unit, True, expected_forms(window.pleno))
    window.go_next()
    assert window.procedure.state().current == Stop("5", unit)


def _rows(page: NoticesPage) -> list[tuple[str, str]]:
    def text(r: int, c: int) -> str:
        item = page.table.item(r, c)
        return item.text() if item else ""

    return [(text(r, 0), text(r, 1)) for r in range(page.table.rowCount())]


def test_item_5_starts_empty_for_the_next_kecamatan_and_pagedown_stores_nothing_there(
    window: MainWindow,
) -> None:
    # GIVEN UTARA's returned C.Pemberitahuan typed and saved with PageDown
    for _ in range(3):
        window.go_next()
    _to_notices_of(window, "990101")
    page = _notices(window)
    page.table.setItem(0, 0, QTableWidgetItem("KELURAHAN SATU"))
    page.table.setItem(0, 1, QTableWidgetItem("12"))
    page.add_row()
    page.table.setItem(1, 0, QTableWidgetItem("KELURAHAN DUA"))
    page.table.setItem(1, 1, QTableWidgetItem("3"))
    window.go_next()
    assert window.records.returned_notices("990101") == {"KELURAHAN SATU": 12, "KELURAHAN DUA": 3}
    # WHEN the meeting reaches item 5 of the next kecamatan, SELATAN
    _to_notices_of(window, "990102")
    # THEN its table is empty: none of UTARA's kelurahan is shown
    assert _rows(page) == [("", "")]
    assert page.total.text() == "Jumlah: 0"
    # AND PageDown with nothing typed stores nothing under SELATAN
    window.go_next()
    assert window.procedure.state().current == Stop("6", "990102")
    assert window.records.returned_notices("990102") == {}
    assert window.records.returned_notices("990101") == {"KELURAHAN SATU": 12, "KELURAHAN DUA": 3}
    assert window.warnings == []  # type: ignore[attr-defined]


def test_the_box_page_says_saved_after_ctrl_s_not_belum_dicatat(window: MainWindow) -> None:
    # GIVEN UTARA's box page, nothing recorded yet
    for _ in range(3):
        window.go_next()
    page = window.agenda["4"]
    assert isinstance(page, BoxPage)
    assert page.result.text() == "Belum dicatat."
    # WHEN the seal and every form are ticked and saved (Ctrl+S)
    page.seal.setChecked(True)
    for box in page.forms:
        box.setChecked(True)
    window.save_page()
    # THEN the label says it is stored, with the time it was stored
    check = window.records.box_check("990101")
    assert check is not None
    assert page.result.text().startswith("Tersimpan pukul ")
    assert page.result.text() != "Belum dicatat."
    # WHEN a missing form is saved THEN it is saved and the fault is named after it
    page.forms[-1].setChecked(False)
    window.save_page()
    assert page.result.text().startswith("Tersimpan pukul ")
    assert page.result.text().endswith(
        "Kecamatan 990101 UTARA: formulir tidak ada: Model D.Kejadian Khusus dan/atau Keberatan "
        "Saksi-KWK — catat sebagai kejadian khusus (tombol K)."
    )


def test_a_message_about_the_previous_kecamatan_is_not_shown_at_the_next(
    window: MainWindow,
) -> None:
    # GIVEN UTARA's form being read (item 8) and a value entered there
    for _ in range(3):
        window.go_next()
    window.records.record_box("990101", True, expected_forms(window.pleno))
    while window.procedure.state().current != Stop("8", "990101", "walikota"):
        window.go_next()
    widget = window.agenda["8"].comparison  # type: ignore[attr-defined]
    assert widget is not None
    widget.select_field("suara_01")
    widget.enter_value(100)
    assert widget.message.text().endswith("100 dicatat")
    # WHEN the meeting moves to SELATAN's reading
    window.go_to(Stop("4", "990102"))
    window.records.record_box("990102", True, expected_forms(window.pleno))
    while window.procedure.state().current != Stop("8", "990102", "walikota"):
        window.go_next()
    # THEN the message about UTARA is gone
    assert widget.unit_code == "990102"
    assert widget.message.text() == ""


def test_penetapan_says_why_it_is_not_allowed_before_asking_for_the_pin(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a meeting at the penetapan step, every pair read, but one kejadian khusus still open
    setup = tmp_path / "pleno.json"
    members = [{"nama": "Ketua Uji", "jabatan": "Ketua"}]
    setup.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    service = PlenoService(open_engine(str(tmp_path / "p.sqlite")))
    service.create_from_setup_file(setup)
    service.import_tally_file(write_tallies(tmp_path))
    settle_every_pair(service)
    IncidentService(service).create(
        Incident(
            IncidentKind.KEJADIAN_KHUSUS,
            "",
            "Lampu padam saat pembacaan.",
            IncidentStatus.TERBUKA,
            raiser=Raiser(RaiserRole.PPK, "Ketua PPK UTARA"),
        )
    )
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    while window.procedure.state().current != Stop(DETERMINATION):
        stop = window.procedure.state().current
        if stop.item == "4" and stop.unit:
            window.records.record_box(stop.unit, True, expected_forms(window.pleno))
        if stop.item == "12":
            window.records.record_objection_call(True)
        window.procedure.next()
    asked: list[str] = []
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *_args: asked.append("question") or QMessageBox.StandardButton.Yes,
    )

    def confirm(action: Action) -> Confirmation:
        asked.append("PIN")
        return confirmed(service, action)

    window.confirm = confirm  # type: ignore[method-assign]
    # WHEN the operator presses PageDown on the penetapan page
    window.go_next()
    # THEN the reason is shown at once, and neither the question nor the PIN is asked
    assert warnings == [
        "Penetapan ditolak; tidak ada yang diubah.\n\n"
        "• kejadian/keberatan nomor 1 masih terbuka; selesaikan dahulu"
    ]
    assert asked == []
    assert not window.procedure.state().determined
    # WHEN the entry is settled THEN the question and the PIN are asked, and it is determined
    IncidentService(service).mark_unresolvable(
        1, "Bawaslu berpendapat lain; dicatat", confirmed(service, Action.CLOSE_OBJECTION)
    )
    window.go_next()
    assert asked == ["question", "PIN"]
    assert window.procedure.state().determined


@pytest.fixture
def tallied(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window with the PPK forms of both kecamatan and Sirekap's (differing) for UTARA."""
    window.service.import_tally_file(write_tallies(tmp_path))
    return window


def _to_item_10(window: MainWindow, unit: str) -> None:
    if window.procedure.state().current.item in ("1", "2", "3"):
        for _ in range(3):
            window.procedure.next()
    window.procedure.go_to(Stop("4", unit))
    window.records.record_box(unit, True, expected_forms(window.pleno))
    while window.procedure.state().current != Stop("10", unit, "walikota"):
        window.procedure.next()


def _stepper(window: MainWindow, code: str) -> str:
    rows = [window.panel.steps.item(r) for r in range(window.panel.steps.count())]
    return next(row.text() for row in rows if row.data(256) == code)


def _tooltip(window: MainWindow, code: str) -> str:
    rows = [window.panel.steps.item(r) for r in range(window.panel.steps.count())]
    return next(row.toolTip() for row in rows if row.data(256) == code)


def test_pagedown_out_of_item_10_with_a_difference_open_asks_and_the_pair_stays_unfinished(
    tallied: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = tallied
    # GIVEN UTARA's walikota at item 10, Sirekap still differing, not marked selesai dibaca
    _to_item_10(window, "990101")
    page = window.agenda["10"]
    assert isinstance(page, SourcesPage)
    asked: list[tuple[str, bool]] = []
    answer = [Leaving.STAY]
    monkeypatch.setattr(
        page, "ask_leaving", lambda text, can_mark: asked.append((text, can_mark)) or answer[0]
    )
    # WHEN PageDown is pressed and the operator chooses to stay
    window.go_next()
    # THEN the question names every open difference, offers no "mark", and nothing moved
    ((text, can_mark),) = asked
    assert not can_mark
    assert text.startswith(
        "990101 UTARA — Pemilihan Wali Kota Uji belum dapat ditandai selesai dibaca:\n"
        "• masih ada selisih pada "
    )
    assert "pasangan ini tetap BELUM SELESAI" in text
    assert window.procedure.state().current == Stop("10", "990101", "walikota")
    # WHEN PageDown is pressed again and the operator goes on
    answer[0] = Leaving.GO_UNREAD
    window.go_next()
    # THEN the meeting moves to the next kecamatan, and UTARA stays visibly unfinished
    assert window.procedure.state().current == Stop("4", "990102")
    assert window.panel.unread.text() == "Belum selesai dibaca: UTARA — Pemilihan Wali Kota Uji"
    assert window.panel.progress.text() == "0 dari 2 kecamatan selesai"
    assert _stepper(window, "10") == "10. [belum] Penyelesaian selisih (D.Hasil PPK sebagai acuan)"
    assert _tooltip(window, "10") == "Selesai di 0 dari 2 kecamatan"
    assert _tooltip(window, "9") == "Selesai di 1 dari 2 kecamatan"
    assert window.procedure.pairs_read() == frozenset()


def test_pagedown_out_of_a_clean_item_10_marks_it_read_with_enter(
    tallied: MainWindow, qtbot: QtBot
) -> None:
    window = tallied
    # GIVEN SELATAN's walikota at item 10: only the PPK form, nothing open, not marked yet
    _to_item_10(window, "990102")
    # WHEN PageDown is pressed and the question is answered with Enter (its default button)
    seen: list[str] = []

    def answer(modal: QWidget) -> None:
        seen.append(modal.windowTitle())
        QTest.keyClick(modal, Qt.Key.Key_Return)

    when_modal(answer)
    window.go_next()
    # THEN the pair is marked selesai dibaca and the meeting moved on
    assert seen == ["Langkah 10 belum selesai"]
    assert window.procedure.pairs_read() == frozenset({("walikota", "990102")})
    assert window.procedure.state().current == Stop("4", "990101")
    assert window.panel.progress.text() == "1 dari 2 kecamatan selesai"
    # AND with the pair read, PageDown at its item 10 asks nothing
    window.procedure.go_to(Stop("10", "990102", "walikota"))
    window.go_next()
    assert window.procedure.state().current == Stop("4", "990101")


def test_escape_at_the_question_stays_at_item_10(tallied: MainWindow) -> None:
    window = tallied
    _to_item_10(window, "990102")
    when_modal(lambda modal: QTest.keyClick(modal, Qt.Key.Key_Escape))
    window.go_next()
    assert window.procedure.state().current == Stop("10", "990102", "walikota")
    assert window.procedure.pairs_read() == frozenset()


def test_the_projector_ticks_only_kecamatan_marked_selesai_dibaca(
    tallied: MainWindow, tmp_path: Path
) -> None:
    window = tallied
    # GIVEN both kecamatan gone through, SELATAN marked read, UTARA left with its difference open
    _to_item_10(window, "990101")
    window.procedure.next()
    CorrectionsService(window.service).mark_read("walikota", "990102")
    _to_item_10(window, "990102")
    window.procedure.next()
    assert window.procedure.state().current == Stop("12")
    # WHEN the projector shows the recapitulation (F5)
    link = ProjectorLink(window, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    link.controller.go_live()
    # THEN only SELATAN is ticked "sudah dibacakan": 1 of 2
    scene = link.controller.live_scene()
    assert isinstance(scene, RecapScene)
    assert [(line.name, line.read) for line in scene.lines] == [
        ("UTARA", False),
        ("SELATAN", True),
    ]
    assert (scene.read_count, scene.unit_count) == (1, 2)
    link.shutdown()


def test_f5_at_items_1_and_4_to_6_shows_what_belongs_to_the_item(
    window: MainWindow, tmp_path: Path
) -> None:
    # GIVEN the projector of a meeting at item 1 with a kejadian khusus about UTARA recorded
    IncidentService(window.service).create(
        Incident(
            IncidentKind.KEJADIAN_KHUSUS,
            "",
            "Segel kotak TPS 2 robek.",
            IncidentStatus.TERBUKA,
            unit="990101",
            raiser=Raiser(RaiserRole.PPK, "Ketua PPK UTARA"),
        )
    )
    link = ProjectorLink(window, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def live() -> object:
        link.controller.go_live()  # F5
        return link.controller.live_scene()

    # WHEN F5 is pressed at item 1 THEN the title card, not the city's running tally
    assert isinstance(live(), TitleScene)
    # WHEN at item 4 of UTARA, the box recorded with a missing form THEN the box is shown
    for _ in range(3):
        window.procedure.next()
    window.records.record_box("990101", True, expected_forms(window.pleno)[:1], "segel 0042")
    assert live() == AgendaTextScene(
        BannerState(Banner.BELUM_DITETAPKAN),
        4,
        "Kecamatan UTARA",
        "Pembukaan kotak tersegel bersama PPK:\nSegel kotak: utuh\nIsi kotak:\n"
        "✓ ada — Model D.Hasil Kecamatan — Pemilihan Wali Kota Uji\n"
        "✗ TIDAK ADA — Model D.Kejadian Khusus dan/atau Keberatan Saksi-KWK\n"
        "Catatan: segel 0042",
    )
    # WHEN at item 5 THEN UTARA's returned C.Pemberitahuan per kelurahan, and their sum
    window.procedure.next()
    window.records.save_returned_notices("990101", {"KELURAHAN SATU": 1204, "KELURAHAN DUA": 3})
    scene = live()
    assert isinstance(scene, AgendaTextScene) and scene.number == 5
    assert scene.title == "Kecamatan UTARA"
    assert scene.text == (
        "Pengembalian C.Pemberitahuan yang tidak terdistribusi:\n"
        "KELURAHAN SATU: 1.204\nKELURAHAN DUA: 3\nJumlah: 1.207"
    )
    # WHEN at item 6 THEN UTARA's kejadian khusus with its status
    window.procedure.next()
    scene = live()
    assert isinstance(scene, AgendaTextScene) and scene.number == 6
    assert scene.title == "Kecamatan UTARA"
    assert scene.text == (
        "Kejadian khusus dan keberatan kecamatan:\n"
        "Nomor 1 · Kejadian Khusus · Terbuka — belum diselesaikan\nSegel kotak TPS 2 robek."
    )
    # AND at SELATAN's item 6 (no entries) THEN it says so
    window.procedure.go_to(Stop("4", "990102"))
    window.records.record_box("990102", True, expected_forms(window.pleno))
    window.procedure.next()
    window.procedure.next()
    scene = live()
    assert isinstance(scene, AgendaTextScene)
    assert scene.text == (
        "Kejadian khusus dan keberatan kecamatan:\n"
        "Tidak ada kejadian khusus atau keberatan dari kecamatan ini."
    )
    link.shutdown()
