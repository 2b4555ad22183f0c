"""What the projector shows live, kept across a restart: a cue as one line of JSON.

Only cues that name committed data are kept (a photo's temporary file and a pause card, which
the procedure brings back by itself, are not). Anything unexpected reads back as nothing.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    Cue,
    IncidentCue,
    LogoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.place_cues import PlacesCue
from rekap_desktop.gui.projector.seat_cues import SeatCue

KEPT: dict[str, type[Any]] = {
    kind.__name__: kind
    for kind in (
        TitleCue,
        AgendaCue,
        TallyCue,
        RecapCue,
        PartyCue,
        PlacesCue,
        SeatCue,
        IncidentCue,
        LogoCue,
    )
}


def cue_to_text(cue: Cue) -> str:
    """``cue`` as JSON, or "" when it is not kept."""
    kind = type(cue).__name__
    if KEPT.get(kind) is not type(cue) or not is_dataclass(cue):
        return ""
    values: dict[str, Any] = {}
    for spec in fields(cue):
        value = getattr(cue, spec.name)
        values[spec.name] = {"himpunan": sorted(value)} if isinstance(value, frozenset) else value
    return json.dumps({"jenis": kind, "isi": values}, ensure_ascii=False, sort_keys=True)


def cue_from_text(text: str) -> Cue | None:
    """The cue ``cue_to_text`` wrote, or None for anything else."""
    try:
        data = json.loads(text)
        kind = KEPT[data["jenis"]]
        values = {
            name: frozenset(value["himpunan"]) if isinstance(value, dict) else value
            for name, value in data["isi"].items()
        }
        cue: Cue = kind(**values)
    except (ValueError, KeyError, TypeError):
        return None
    return cue if cue_to_text(cue) == text else None
