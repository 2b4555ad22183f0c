"""The cockpit's recap tab says what the law decides at this level: an equal first place decided
by the spread over the kecamatan, with its figures; a Gubernur only led here, never elected."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rekap_desktop.domain.election import Choice, Contest, Level, Unit
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.recap import recapitulate
from rekap_desktop.domain.tally import Tally
from rekap_desktop.gui.pages.recap_page import ContestPage
from rekap_desktop.services.results import ContestRecap

UNITS = tuple(Unit(RegionCode(f"99010{n}"), name) for n, name in ((1, "UTARA"), (2, "SELATAN")))


def contest(code: str) -> Contest:
    return Contest(
        ContestCode(code),
        f"Pemilihan {code}",
        (Choice(ChoiceNo(1), "PASLON A"), Choice(ChoiceNo(2), "PASLON B")),
    )


def shown(qtbot: QtBot, code: str, votes: tuple[tuple[int, int], ...]) -> str:
    tallies = {
        unit.code: Tally({FieldKey("suara_01"): one, FieldKey("suara_02"): two})
        for unit, (one, two) in zip(UNITS, votes, strict=True)
    }
    race = contest(code)
    page = ContestPage(race)
    qtbot.addWidget(page)
    page.show_recap(ContestRecap(recapitulate(race, UNITS, tallies, Level.KABKO), "ppk"))
    return page.outcome.text()


def test_the_gubernur_is_only_led_at_a_kab_kota_meeting(qtbot: QtBot) -> None:
    # GIVEN the Gubernur contest at a KPU Kota, 2 ahead; WHEN its tab shows the recap
    text = shown(qtbot, "gubernur", ((10, 30), (10, 30)))

    # THEN 2 has the most votes here and the result goes to the KPU Provinsi; nothing says it
    # failed or won an election
    assert text == (
        "Sumber: formulir D.Hasil PPK — Nomor urut 2 PASLON B: suara terbanyak di tingkat ini. "
        "Hasil rekapitulasi disampaikan kepada KPU Provinsi, yang menetapkan hasil pemilihan; "
        "rapat ini tidak menetapkan pasangan calon terpilih."
    )
    assert "tidak memenuhi syarat" not in text and "unggul" not in text


def test_an_equal_first_place_shows_the_spread_that_decides_it(qtbot: QtBot) -> None:
    # GIVEN the Wali Kota contest with 60 votes each; 2 got none in SELATAN
    text = shown(qtbot, "walikota", ((30, 60), (30, 0)))

    # THEN 1 is elected under Pasal 107(2), with each pair's figures
    assert text.startswith(
        "Sumber: formulir D.Hasil PPK — Nomor urut 1 PASLON A: unggul. Nomor urut 1 dan 2 "
    )
    assert "UU 10/2016 Pasal 107 ayat (2)" in text
    assert "nomor urut 1: bersuara di 2 dari 2 kecamatan, unggul di 1, terendah 33,33 %" in text
    assert "nomor urut 2: bersuara di 1 dari 2 kecamatan, unggul di 1, terendah 0,00 %" in text
