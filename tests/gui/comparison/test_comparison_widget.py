"""Reading kecamatan in the ComparisonWidget on the demo pleno (SIMULASI): no difference, a
Sirekap misread, and a saksi dispute settled by a correction."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rekap_desktop.domain.corrections import Reason
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.sources import PLENO, PPK, SIREKAP
from rekap_desktop.gui.comparison.view import cell_marks
from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.corrections_service import SettleRequest
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.result_json import recap_json
from rekap_desktop.services.results import recap_contests
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    """The demo pleno in a SQLite file."""
    pleno = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(pleno)
    yield ComparisonService(pleno)
    pleno.engine.dispose()


def open_widget(
    qtbot: QtBot, service: ComparisonService, contest: str, unit: str
) -> ComparisonWidget:
    widget = ComparisonWidget(service, contest, unit)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget


def marks(widget: ComparisonWidget, field: str) -> dict[str, str]:
    model = widget.model
    row = next(i for i, r in enumerate(model.rows) if r.field == field)
    return {
        model.comparison.columns[c - 1].code: cell_marks(model.cell_at(model.index(row, c)))  # type: ignore[union-attr]
        for c in range(1, model.columnCount())
    }


def test_a_kecamatan_with_no_difference_is_read(
    qtbot: QtBot, service: ComparisonService, tmp_path: Path
) -> None:
    # GIVEN walikota 647201 PALARAN, where PPK and Sirekap agree on every field
    widget = open_widget(qtbot, service, "walikota", "647201")
    assert "✓ 28 rincian sesuai" in widget.summary.text()
    assert "≠ 0 rincian berselisih" in widget.summary.text()
    # WHEN the PPK reads suara_01 and the operator presses S (sesuai), then marks the pair read
    widget.select_field("suara_01")
    qtbot.keyClick(widget.entry, Qt.Key.Key_S)
    with qtbot.waitSignal(widget.pair_read, timeout=1000) as read:
        widget.mark_read()
    # THEN the reading is recorded, the selection moved down, and the pair is read
    assert service.corrections.confirmations("walikota", "647201") == {("ppk", "suara_01"): 2959}
    assert widget.selected_row().field == "suara_02"  # type: ignore[union-attr]
    assert read.args == ["walikota", "647201"]
    assert "SELESAI DIBACA" in widget.title.text()
    widget.grab().save(str(tmp_path / "no-difference.png"))


def test_a_sirekap_misread_is_found_in_the_tps_that_carries_it(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN walikota 647204 SAMARINDA ILIR, given per TPS, where Sirekap read the kolom kosong's
    # 30 at TPS 011 of kelurahan SELILI as 80: the kecamatan sums differ, 3.260 against 3.310
    widget = open_widget(qtbot, service, "walikota", "647204")
    # WHEN only the differences are shown
    widget.only_differences.setChecked(True)
    # THEN one row remains, its Sirekap cell says "≠ beda" and the R03 error; the kecamatan sums
    # differ by 50, which is no digit swap
    assert [r.field for r in widget.model.rows] == ["suara_01"]
    assert marks(widget, "suara_01") == {
        PPK.code: "◆ acuan",
        SIREKAP.code: "≠ beda  ✖ R03",
        "bawaslu": "– tidak ada",
        PLENO.code: "",
    }
    assert "Sirekap (alat bantu)" in widget.summary.text()
    # WHEN the rincian per TPS of that row is opened (Ctrl+Shift+D)
    widget.select_field("suara_01")
    dialog = widget.open_drill_down()
    assert dialog is not None
    qtbot.addWidget(dialog)
    # THEN of its 92 TPS the misread one comes first, alone in differing, the misread named
    table = dialog.table
    assert table.rowCount() == 92
    first = [table.item(0, column).text() for column in range(table.columnCount())]
    assert first == [
        "6472041001",
        "TPS 011",
        "30",
        "80",
        "50",
        "Sirekap: angka 3 terbaca 8 (30 → 80)",
    ]
    assert "1 TPS berbeda" in dialog.summary.text()
    dialog.close()


def test_a_saksi_dispute_settled_by_correction(
    qtbot: QtBot, service: ComparisonService, tmp_path: Path
) -> None:
    # GIVEN gubernur 647203 SAMARINDA ULU, the saksi of nomor urut 1 disputing suara_01 (entry 3)
    widget = open_widget(qtbot, service, "gubernur", "647203")
    widget.only_differences.setChecked(True)
    chair = service.corrections.commissioners()[0]
    # WHEN the correction is settled with the PPK form as reference (entry 3 still open, so the
    # pair is not read yet)
    with qtbot.assertNotEmitted(widget.pair_read):
        widget.settle(
            SettleRequest(
                "suara_01",
                28999,
                Reason.SESUAI_PPK,
                "D.Hasil Kecamatan-KWK-Gubernur PPK",
                "Saksi nomor urut 1",
                chair,
                incident_number=3,
                confirmation=confirmed(service.pleno, Action.APPROVE_CORRECTION, chair),
            )
        )
    # THEN the row shows the determined value, the correction with its link, and recap uses it
    assert marks(widget, "suara_01")[PLENO.code] == "★ ditetapkan"
    assert "keberatan No. 3" in widget.corrections.item(0).text()
    assert "★ 1 ditetapkan" in widget.summary.text()
    assert "SELESAI DIBACA" not in widget.title.text()
    printed = json.loads(
        json.dumps(recap_json(service.pleno.pleno(), recap_contests(service.pleno)))
    )
    gubernur = next(k for k in printed["kontestasi"] if k["kode"] == "gubernur")
    assert gubernur["sumber"] == "pleno"
    assert verify_integrity(service.pleno).ok
    widget.grab().save(str(tmp_path / "settled.png"))


def test_typed_values_go_down_the_column_and_photos_zoom(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # GIVEN walikota 647201 with Bawaslu chosen as the source being read
    widget = open_widget(qtbot, service, "walikota", "647201")
    widget.entry_source.setCurrentIndex(widget.entry_source.count() - 1)
    widget.select_field("suara_01")
    # WHEN "2.959" Enter and "1.000" Enter are typed
    qtbot.keyClicks(widget.entry, "2.959")
    qtbot.keyClick(widget.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(widget.entry, "1.000")
    qtbot.keyClick(widget.entry, Qt.Key.Key_Return)
    # THEN Bawaslu's copy holds both values, the second differing from the PPK
    bawaslu = service.pleno.tallies()[("walikota", "647201", "bawaslu")]
    assert (bawaslu.value("suara_01"), bawaslu.value("suara_02")) == (2959, 1000)
    assert "≠ 1 rincian berselisih" in widget.summary.text()
    # AND an attached photo is shown and zooms
    header = struct.pack(">IIBBBBB", 8, 6, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    image = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + b"\x90" * 8 for _ in range(6))))
        + chunk(b"IEND", b"")
    )
    stored = service.photos.attach("walikota", "647201", "ppk", "foto.png", image)
    with qtbot.waitSignal(widget.photo_shown):
        widget.show_photo(stored.id)
    before = widget.photo.zoom
    qtbot.keyClick(widget.photo, Qt.Key.Key_Plus)
    assert widget.photo.zoom == pytest.approx(before * 1.25)
