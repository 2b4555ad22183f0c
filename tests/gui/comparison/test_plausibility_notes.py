"""Plausibility warnings of the kecamatan being read, beside its numbers (the notes pane)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.comparison.widget import ComparisonWidget
from rekap_desktop.services.comparison_service import ComparisonService
from tests.fixtures import HEADER, rows_meeting

# Sirekap's TPS 001 and 002 of UTARA carry the same votes (a copied sheet).
ROWS = "\n".join(
    [
        HEADER,
        "walikota,9901011001001,,ppk,300,40,250,290,10,300",
        "walikota,9901011001002,,ppk,200,20,170,190,10,200",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300",
        "walikota,9901011001002,,sirekap,300,40,250,290,10,300",
    ]
)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ComparisonService]:
    with rows_meeting(tmp_path, ROWS) as pleno:
        yield ComparisonService(pleno)


def test_a_copied_tps_sheet_is_named_beside_the_numbers(
    qtbot: QtBot, service: ComparisonService
) -> None:
    # WHEN UTARA's comparison is shown
    widget = ComparisonWidget(service, "walikota", "990101")
    qtbot.addWidget(widget)
    # THEN the notes name both TPS of Sirekap with the same votes, and nothing of the PPK's
    notes = [widget.notes.item(i).text() for i in range(widget.notes.count())]
    copied = [n for n in notes if n.startswith("⚠ KEWAJARAN P05")]
    assert [n.split(":")[0] for n in copied] == [
        "⚠ KEWAJARAN P05 · Sirekap · TPS 001 (9901011001001)",
        "⚠ KEWAJARAN P05 · Sirekap · TPS 002 (9901011001002)",
    ]
    assert "suara sama persis di TPS 9901011001001, 9901011001002" in copied[0]
