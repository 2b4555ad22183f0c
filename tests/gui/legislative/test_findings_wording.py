"""The findings beside a Pemilu comparison name sources and rows as the KPU does, never by the
program's internal codes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from rekap_desktop.services.pleno_service import PlenoService

INTERNAL = ("suara_", "saksi_0", "[sirekap]", "[ppk]", "sirekap:", "ppk:")


def test_pemilu_findings_use_the_kpus_names(qtbot: QtBot, pemilu: PlenoService) -> None:
    # GIVEN DPRD Kota in 177101, where Sirekap misread a candidate's 308 as 808, and 177102,
    # where the saksi of party 2 wrote a sum that does not add up
    widget = ComparisonWidget(ComparisonService(pemilu), "dprd_kabko", "177101")
    qtbot.addWidget(widget)
    notes = [widget.notes.item(i).text() for i in range(widget.notes.count())]
    widget.set_pair("dprd_kabko", "177102")
    notes += [widget.notes.item(i).text() for i in range(widget.notes.count())]
    # THEN each finding names its source and row by their names on the forms
    assert any(
        n.startswith(
            "⚠ PERINGATAN SALAH BACA · Sirekap · IV Suara calon nomor urut 7 partai nomor urut 3:"
        )
        for n in notes
    ), notes
    assert any(n.startswith("✖ GALAT R03 · Saksi Partai 02: V.A Jumlah suara sah") for n in notes)
    assert not [n for n in notes if any(code in n for code in INTERNAL)]
