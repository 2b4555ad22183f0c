"""The berita acara lists the plausibility warnings the meeting overrode (code, place, the
warning, the reason and who) in a section of its own; with none overridden it has no such
section. Read back from the rendered PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rekap_desktop.documents.plausibility_notes import HEADING
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.documents.pdf_check import flat, page_texts
from tests.fixtures import write_tallies
from tests.plausibility_meeting import (
    CONTEST,
    KETUA,
    P01_MESSAGE,
    REASON,
    ROWS,
    TPS,
    UNIT,
    write_setup_with_members,
)


@pytest.fixture
def meeting(tmp_path: Path) -> Iterator[PlenoService]:
    pleno = PlenoService(open_engine(str(tmp_path / "uji.sqlite")))
    pleno.create_from_setup_file(write_setup_with_members(tmp_path))
    pleno.import_tally_file(write_tallies(tmp_path, ROWS, "tps.csv"))
    yield pleno
    pleno.engine.dispose()


def minutes_text(meeting: PlenoService) -> str:
    pdf = PrintService(meeting).preview(FormKind.BERITA_ACARA, None, Paper.F4).pdf
    return flat(" ".join(page_texts(pdf)))


def test_the_berita_acara_lists_the_overridden_warnings(meeting: PlenoService) -> None:
    # GIVEN no warning overridden yet THEN the berita acara has no such section
    assert HEADING not in minutes_text(meeting)
    # WHEN the ketua overrides P01 of Sirekap's TPS 003 with a reason and PIN
    service = PlausibilityService(meeting)
    p01 = next(w.finding for w in service.unit_warnings(CONTEST, UNIT) if w.finding.code == "P01")
    service.override(p01, REASON, confirmed(meeting, Action.OVERRIDE_PLAUSIBILITY))
    # THEN the berita acara lists it: the code, the place, the warning, the reason and who
    text = minutes_text(meeting)
    assert HEADING in text
    section = text[text.index(HEADING) :]
    for part in (
        "P01",
        f"UTARA — desa/TPS {TPS} — Pemilihan Wali Kota Uji — Sirekap",
        P01_MESSAGE,
        REASON,
        KETUA,
    ):
        assert part in section, part
