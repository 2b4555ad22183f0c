"""A live cue kept across a restart reads back as the same cue; anything else reads as none."""

from __future__ import annotations

import pytest

from rekap_desktop.domain import clock
from rekap_desktop.gui.projector.cue_store import cue_from_text, cue_to_text
from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    BlankCue,
    Cue,
    IncidentCue,
    LogoCue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.seat_cues import SeatCue


@pytest.mark.parametrize(
    "cue",
    [
        TitleCue(),
        AgendaCue(2, "Peraturan teknis", "Teks — dengan “kutip” dan baris\nbaru"),
        TallyCue("walikota", "990101", 2),
        RecapCue("walikota", 1, frozenset({"990102", "990101"})),
        PartyCue("dprd", "990101", 3),
        SeatCue("dprd", 4),
        IncidentCue(7),
        LogoCue(),
    ],
)
def test_a_kept_cue_reads_back_the_same(cue: Cue) -> None:
    text = cue_to_text(cue)
    assert text and cue_from_text(text) == cue


@pytest.mark.parametrize(
    "cue", [PhotoCue("foto-formulir.png", "Foto"), PauseCue(clock.now(), "ishoma"), BlankCue()]
)
def test_a_photo_a_pause_and_black_are_not_kept(cue: Cue) -> None:
    assert cue_to_text(cue) == ""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "bukan json",
        "[]",
        '{"jenis": "PhotoCue", "isi": {"path": "/x", "caption": "c", "zoom": 1.0}}',
        '{"jenis": "TallyCue", "isi": {"contest": "walikota"}}',
        '{"jenis": "TallyCue", "isi": {"contest": "w", "unit": "1", "page": 0, "lain": 1}}',
        '{"jenis": "os.system", "isi": {}}',
    ],
)
def test_anything_else_reads_as_nothing(text: str) -> None:
    assert cue_from_text(text) is None
