"""The cockpit drives the projector: the preview follows the meeting's place, F5 sends it live,
B blanks the screen, and a pause shows the pause card at once."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTemporaryDir

from rekap_desktop.domain import clock
from rekap_desktop.domain.procedure import ITEM_BY_CODE, ProcedureState
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.pages.reading import SourcesPage
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import (
    AgendaCue,
    Cue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
)
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.preview_panel import PreviewPanel
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.events import Change

if TYPE_CHECKING:
    from rekap_desktop.gui.comparison.widget import ComparisonWidget

TEXT_KEYS = {"2": "peraturan_teknis", "3": "tata_tertib"}
READING_ITEMS = frozenset({"7", "8", "9", "10"})


def cue_for(window: MainWindow, state: ProcedureState) -> Cue:
    """What the room should see at this place of the meeting (the operator still presses F5)."""
    stop = state.current
    if state.paused:
        pause = next((p for p in reversed(window.procedure.pauses()) if p.ended_at is None), None)
        since = clock.parse(pause.started_at) if pause else clock.now()
        return PauseCue(since, pause.reason if pause else "")
    if stop.item in TEXT_KEYS:
        title = ITEM_BY_CODE[stop.item].title
        return AgendaCue(int(stop.item), title, window.records.text(TEXT_KEYS[stop.item]))
    if stop.item in READING_ITEMS and stop.unit and stop.contest:
        reading = window.pleno.contest(stop.contest)
        if reading is not None and reading.is_party_list:
            return PartyCue(stop.contest, stop.unit)
        return TallyCue(stop.contest, stop.unit)
    contest = stop.contest or window.pleno.contests[0].code
    read = frozenset(
        s.unit for s in state.done if s.item == "10" and s.contest == contest and s.unit
    )
    return RecapCue(contest, read_units=read)


class ProjectorLink:
    """Owns the projector for one cockpit window; shut down when the window closes."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = ProjectorSettings(settings)
        self.screens = ScreenManager(self.settings)
        self.controller = ProjectorController(window.service, self.screens, self.settings)
        self.panel = PreviewPanel(self.controller)
        window.addActions(self.panel.actions())
        self.panel.go_live_action.triggered.connect(self.record_shown)
        window.meeting_menu.addSeparator()
        window.add_projector_panel(self.panel)
        window.meeting_menu.addActions(self.panel.actions())
        self._paused = False
        self._photos = QTemporaryDir()
        reading = window.agenda["8"]
        if isinstance(reading, SourcesPage):
            reading.on_created.append(self._link_photos)
            if reading.comparison is not None:
                self._link_photos(reading.comparison)
        window.service.bus.subscribe(self.follow)
        self.follow(Change("mulai"))

    def record_shown(self) -> None:
        """Item 7 records what was projected for the kecamatan × pemilihan, and when (the time
        is the audit entry's)."""
        stop = self.window.procedure.state().current
        if stop.item != "7":
            return
        shown = type(self.controller.live_cue).__name__.removesuffix("Cue").lower()
        self.window.procedure.record(stop, _nothing_else, {"ditayangkan": shown})

    def _link_photos(self, widget: ComparisonWidget) -> None:
        widget.photo_shown.connect(self.preview_photo)

    def preview_photo(self, content: bytes) -> PhotoCue:
        """A form photo shown beside the numbers goes to the preview; F5 sends it live."""
        stop = self.window.procedure.state().current
        where = " — ".join(p for p in (stop.unit, stop.contest) if p)
        path = Path(self._photos.path()) / f"foto-{hashlib.sha256(content).hexdigest()[:16]}"
        path.write_bytes(content)
        cue = PhotoCue(str(path), f"Foto formulir {where}".strip())
        self.controller.preview(cue)
        return cue

    def start(self) -> None:
        self.controller.start()

    def follow(self, _change: Change) -> None:
        state = self.window.procedure.state()
        self.controller.set_determined(state.determined)
        cue = kept_place(self.controller.preview_cue, cue_for(self.window, state))
        self.controller.preview(cue)
        if state.paused != self._paused:
            # A pause is shown to the room at once; resuming returns to the meeting's place.
            self._paused = state.paused
            self.controller.go_live()

    def shutdown(self) -> None:
        self.window.service.bus.unsubscribe(self.follow)
        self.controller.shutdown()
        self.screens.close()


def kept_place(current: Cue, new: Cue) -> Cue:
    """The new cue, at the page or party the operator stepped to when it shows the same subject
    (a committed change must not throw the hall back to the first party)."""
    if isinstance(current, PartyCue) and isinstance(new, PartyCue):
        if (current.contest, current.unit) == (new.contest, new.unit):
            return replace(new, index=current.index)
    if isinstance(current, TallyCue) and isinstance(new, TallyCue):
        if (current.contest, current.unit) == (new.contest, new.unit):
            return replace(new, page=current.page)
    if isinstance(current, RecapCue) and isinstance(new, RecapCue):
        if current.contest == new.contest:
            return replace(new, page=current.page)
    return new


def _nothing_else(_session: object, _move_id: int) -> None:
    """Item 7 keeps no table of its own: the audit entry is the record."""
