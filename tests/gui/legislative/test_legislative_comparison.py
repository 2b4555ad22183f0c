"""A DPRD kecamatan in the comparison grid, the saksi list and the recapitulation (Pemilu demo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.gui.dialogs.attendance_dialog import AttendanceDialog
from rekap_desktop.gui.pages.recap_page import RecapView
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.text.numbers import format_number


def open_widget(qtbot: QtBot, pemilu: PlenoService, unit: str) -> ComparisonWidget:
    widget = ComparisonWidget(ComparisonService(pemilu), "dprd_kabko", unit)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget


def test_a_dprd_kecamatan_names_party_and_candidate_and_offers_party_saksi(
    qtbot: QtBot, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN GADING CEMPAKA (dapil 3) of the DPRD Kota, which a saksi of party 2 copied
    widget = open_widget(qtbot, pemilu, "177102")
    model = widget.model
    labels = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    # THEN the candidate rows name party and candidate of dapil 3's list, short enough to read
    party = pemilu.pleno().contest("dprd_kabko").party(1)  # type: ignore[union-attr]
    candidate = party.candidates["3"][0]  # type: ignore[union-attr]
    assert f"    P1 · 1. {candidate.name} ({candidate.sex})" in labels
    assert f"P1 suara partai saja · {party.name}" in labels  # type: ignore[union-attr]
    assert f"P1 JUMLAH partai + calon · {party.name}" in labels  # type: ignore[union-attr]
    # AND the full label stays in the tooltip
    first_candidate = labels.index(f"    P1 · 1. {candidate.name} ({candidate.sex})")
    tooltip = model.data(model.index(first_candidate, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"IV Suara calon nomor urut 1 partai nomor urut 1 ({candidate.name}, " + (
        f"{candidate.sex})"
    )
    # AND saksi entries are per party (18 parties), not per choice
    sources = [widget.entry_source.itemData(i).code for i in range(widget.entry_source.count())]
    assert sources == ["ppk", *(f"saksi_{n:02d}" for n in range(1, 19)), "bawaslu"]
    # AND the saksi copy of party 2 is a column of the grid
    assert "saksi_02" in [s.code for s in model.comparison.columns]  # type: ignore[union-attr]
    assert model.headerData(
        model.column_of(model.comparison.columns[2]), Qt.Orientation.Horizontal
    ) == (  # type: ignore[union-attr]
        "Saksi\npartai no. 2"
    )
    widget.jump.setCurrentIndex(2)
    widget.jump.activated.emit(2)
    widget.grab().save(str(tmp_path / "dprd-comparison.png"))


def test_the_operator_jumps_and_steps_between_party_blocks(
    qtbot: QtBot, pemilu: PlenoService
) -> None:
    # GIVEN a DPRD kecamatan of ~190 rows
    widget = open_widget(qtbot, pemilu, "177101")
    titles = [widget.jump.itemText(i) for i in range(widget.jump.count())]
    assert widget.jump.isVisible()
    assert titles[0] == "I–III. Data pemilih dan surat suara"
    assert titles[1] == "Partai 1. " + pemilu.pleno().contest("dprd_kabko").parties[0].name  # type: ignore[union-attr]
    assert len(titles) == 1 + 18 + 1
    # WHEN the operator picks party 5 in the jump list
    widget.jump.setCurrentIndex(5)
    widget.jump.activated.emit(5)
    # THEN the selection is on party 5's party-only row
    assert widget.selected_row().field == "suara_partai_05"  # type: ignore[union-attr]
    # WHEN Ctrl+Down, then Ctrl+Up twice
    widget.next_block()
    assert widget.selected_row().field == "suara_partai_06"  # type: ignore[union-attr]
    widget.previous_block()
    widget.previous_block()
    assert widget.selected_row().field == "suara_partai_04"  # type: ignore[union-attr]


def test_a_pilkada_like_contest_has_no_party_jump_list(qtbot: QtBot, pemilu: PlenoService) -> None:
    # GIVEN the PPWP of the same meeting (three pasangan calon)
    widget = ComparisonWidget(ComparisonService(pemilu), "ppwp", "177101")
    qtbot.addWidget(widget)
    widget.show()
    # THEN there is no party jump list and saksi are per pasangan calon
    assert not widget.jump.isVisible()
    sources = [widget.entry_source.itemData(i).code for i in range(widget.entry_source.count())]
    assert sources == ["ppk", "saksi_01", "saksi_02", "saksi_03", "bawaslu"]


def test_attendance_lists_saksi_per_party_for_the_dprd(qtbot: QtBot, pemilu: PlenoService) -> None:
    # GIVEN the attendance dialog of the Pemilu meeting
    dialog = AttendanceDialog(pemilu.pleno(), lambda *_: None)
    qtbot.addWidget(dialog)
    box = dialog.ui.choiceBox
    items = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    contest = pemilu.pleno().contest("dprd_kabko")
    party = contest.parties[0]  # type: ignore[union-attr]
    # THEN each DPRD party is a choice, and the PPWP keeps its pasangan calon
    assert items["dprd_kabko:1"] == f"{contest.title} — partai nomor urut 1 {party.name}"  # type: ignore[union-attr]
    assert sum(1 for k in items if k and k.startswith("dprd_kabko:")) == 18
    assert sum(1 for k in items if k and k.startswith("ppwp:")) == 3


def test_the_recapitulation_of_the_dprd_shows_party_totals_by_dapil(
    qtbot: QtBot, pemilu: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the recapitulation page of the Pemilu meeting
    view = RecapView(pemilu, pemilu.pleno())
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.refresh()
    page = view.pages["dprd_kabko"]
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    contest = pemilu.pleno().contest("dprd_kabko")
    assert contest is not None
    # THEN the columns are the 18 parties, not choices
    assert str(headers[3]).replace("\n", " ") == f"1. {contest.parties[0].name}"
    assert len(headers) == 3 + 18 + 3
    # AND the kecamatan are grouped by dapil with a subtotal per dapil
    names = [r[1] for r in rows]
    assert names[:4] == [
        "TELUK SEGARA",
        "MUARA BANGKA HULU",
        "SUNGAI SERUT",
        "JUMLAH DAPIL 1 (7 kursi)",
    ]
    assert names[-2:] == ["JUMLAH", "% SUARA SAH"]
    assert sum(n.startswith("JUMLAH DAPIL") for n in names) == 5
    # AND a party's total is its party-only votes plus its candidates' votes, summed over units
    ppk = pemilu.tallies("dprd_kabko")
    selebar = ppk[("dprd_kabko", "177101", "ppk")]
    expected = sum(
        v for k, v in selebar.items() if k == "suara_partai_01" or k.startswith("suara_caleg_01_")
    )
    assert rows[names.index("SELEBAR")][3] == format_number(expected)
    party_sums = [
        sum(
            int(r[3 + i].replace(".", ""))
            for r, n in zip(rows, names, strict=True)
            if n.startswith("JUMLAH DAPIL")
        )
        for i in range(18)
    ]
    total_row = rows[names.index("JUMLAH")]
    assert [int(c.replace(".", "")) for c in total_row[3:21]] == party_sums
    assert "tab «Perolehan kursi»" in page.outcome.text()
    view.tabs.setCurrentWidget(page)
    view.grab().save(str(tmp_path / "dprd-recap.png"))
