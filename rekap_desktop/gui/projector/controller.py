"""ProjectorController: preview, go live (F5), blank (B), freeze — from committed state only.

The live screen shows a *cue* (what to show), rebuilt into a scene from the service after every
committed change; no widget of the cockpit can put a value on it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QScreen

from rekap_desktop.domain.changes import Changes
from rekap_desktop.error_log import log
from rekap_desktop.gui.change_hub import CockpitMeeting
from rekap_desktop.gui.projector.cue_store import cue_from_text, cue_to_text
from rekap_desktop.gui.projector.cues import BlankCue, Cue, LogoCue, PagedCue, describe_cue
from rekap_desktop.gui.projector.scenes import BlankScene, Scene
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.gui.projector.window import IdentifyLabel, ProjectorWindow, identify_screens
from rekap_desktop.services.procedure_service import ProcedureService


class ProjectorController(QObject):
    """Ties the screens, the projector window and the scenes together.

    ``meeting``: the meeting; its hub tells the controller when committed state changed.
    ``screens``: the ScreenManager (the only listener of screen hot-plug).
    ``settings``: the saved projector screen and theme.
    ``determined``: whether the results shown are determined (banner DITETAPKAN, with the time of
    the penetapan); the procedure service feeds it later through ``set_determined``.

    Call ``start()`` once the cockpit is shown, and ``shutdown()`` when it closes.
    """

    preview_changed = Signal(object)
    """The preview scene (a Scene)."""
    live_changed = Signal(object)
    """The scene now on the projector (a Scene)."""
    state_changed = Signal()
    """Frozen, blank or visibility changed."""
    notice = Signal(str)
    """An Indonesian message for the operator (screens found, lost, back …)."""

    def __init__(
        self,
        meeting: CockpitMeeting,
        screens: ScreenManager,
        settings: ProjectorSettings,
        determined: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.service = meeting.pleno
        self.screens = screens
        self.settings = settings
        self.determined: bool | datetime = determined
        self.window = ProjectorWindow(settings.theme())
        self.preview_cue: Cue = LogoCue()
        self.live_cue: Cue = LogoCue()
        self.frozen = False
        self.blanked = False
        self.started = False
        self._has_pleno = False
        self._logged_live = ""
        self._went_live = False
        self._identify: list[IdentifyLabel] = []
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh)
        self.scene_builds = 0
        """How many scenes were built (a committed correction must cost one rebuild)."""
        meeting.hub.changed.connect(self._on_change)
        screens.projector_screen_changed.connect(self._on_projector_screen)
        screens.projector_geometry_changed.connect(self._on_projector_screen)
        screens.notice.connect(self.notice)

    # -- showing -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the live window on the projector screen (with one screen it stays hidden), with
        what was live on this meeting before (a restart, even after a crash, shows the room the
        same scene) unless something went live already."""
        self.started = True
        if not self._went_live:
            self._restore()
        self.refresh()
        self._on_projector_screen(self.screens.projector_screen())

    def preview(self, cue: Cue) -> None:
        self.preview_cue = cue
        self.preview_changed.emit(self._build(cue))

    def step_preview(self, step: int) -> None:
        """[ and ]: the previous or next page of the previewed scene — in a legislative contest
        the previous or next party (the operator still sends it live with F5)."""
        from rekap_desktop.gui.projector.seat_cues import SeatCue  # its services load late

        cue = self.preview_cue
        if isinstance(self.live_cue, SeatCue) and not isinstance(cue, SeatCue):
            # The seats went live from the seat tab and the meeting's place has since put its
            # own scene in the preview: the keys page the seats the hall is looking at.
            cue = self.live_cue
        if isinstance(cue, PagedCue):
            self.preview(cue.stepped(step, self.service))

    def go_live(self) -> None:
        """F5: the previewed cue goes live (shown once unfrozen), and any blank is lifted."""
        self.live_cue = self.preview_cue
        self.blanked = False
        self._remember()
        self.refresh()

    def set_blank(self, blank: bool) -> None:
        self.blanked = blank
        self._remember()
        self.refresh()

    def toggle_blank(self) -> None:
        """B: black screen, or back to the live scene."""
        self.set_blank(not self.blanked)

    def set_frozen(self, frozen: bool) -> None:
        """Keep showing the current live picture while the operator works ahead."""
        self.frozen = frozen
        self.refresh()

    def set_determined(self, determined: bool) -> None:
        """Determined or not; once determined, the banner also tells when (read once)."""
        self._note_determined(determined)
        self.refresh()

    def follow(self, cue: Cue, determined: bool, show_now: bool = False) -> None:
        """What the meeting's place asks for after a committed change: ``cue`` in the preview
        (and live too when ``show_now``: a pause is shown to the room at once). The scenes are
        built by the one coalescing refresh, never here: a change costs one rebuild."""
        self.preview_cue = cue
        self._note_determined(determined)
        if show_now:
            self.live_cue = cue
            self.blanked = False
            self._remember()
        self._refresh.start()

    def _note_determined(self, determined: bool) -> None:
        if not determined:
            self.determined = False
        elif not isinstance(self.determined, datetime):
            self.determined = determination_time(self.meeting.procedure) or True

    def set_theme(self, name: str) -> None:
        self.settings.set_theme(name)
        self.window.view.set_theme(self.settings.theme())
        self.state_changed.emit()

    def choose_screen(self, name: str) -> None:
        self.screens.choose(name)

    def show_rehearsal(self) -> None:
        """One screen: show the projector as a window on the operator's screen."""
        self.window.rehearse(self.screens.operator_screen())
        self.state_changed.emit()

    def identify_screens(self) -> None:
        self._identify = identify_screens(self.screens.screens())

    def preview_scene(self) -> Scene:
        return self._build(self.preview_cue)

    def live_scene(self) -> Scene:
        return self.window.view.scene()

    def shutdown(self) -> None:
        self.meeting.hub.changed.disconnect(self._on_change)
        self.screens.projector_screen_changed.disconnect(self._on_projector_screen)
        self.screens.projector_geometry_changed.disconnect(self._on_projector_screen)
        self.window.close_for_good()

    # -- refreshing from committed state -----------------------------------------------------

    def refresh(self) -> None:
        """Rebuild (unless frozen) the live scene, then the preview, from the service."""
        live_cue: Cue = BlankCue() if self.blanked else self.live_cue
        scene: Scene | None = None
        if not self.frozen:
            scene = self._build(live_cue)
            if scene != self.window.view.scene():
                self.window.view.set_scene(scene)
                self.live_changed.emit(scene)
            shown = describe_cue(live_cue)
            if shown != self._logged_live:
                self._logged_live = shown
                log().info("Proyektor: %s", shown)
        same = scene is not None and self.preview_cue == live_cue
        self.preview_changed.emit(scene if same else self._build(self.preview_cue))
        self.state_changed.emit()

    def _meeting(self) -> str:
        """Which meeting a saved live cue belongs to ("" before there is one)."""
        if not self.service.has_pleno():
            return ""
        pleno = self.service.pleno()
        return f"{pleno.region.code} {pleno.name}"

    def _remember(self) -> None:
        self._went_live = True
        meeting = self._meeting()
        if meeting:
            self.settings.set_live(meeting, cue_to_text(self.live_cue), self.blanked)

    def _restore(self) -> None:
        meeting = self._meeting()
        if not meeting:
            return
        text, blanked = self.settings.live(meeting)
        cue = cue_from_text(text) if text else None
        if cue is not None:
            try:
                self._build(cue)
            except Exception:  # the data changed under it: the logo instead, and a trace
                log().warning("Tayangan tersimpan tidak dapat dibuat lagi: %s", text, exc_info=True)
                cue = None
        if cue is not None:
            self.live_cue = cue
        self.blanked = blanked

    def _build(self, cue: Cue) -> Scene:
        if not self._has_pleno:
            self._has_pleno = self.service.has_pleno()  # a meeting, once created, stays
            if not self._has_pleno:
                return BlankScene()
        self.scene_builds += 1
        return cue.build(self.service, self.determined)

    @Slot(object)
    def _on_change(self, _changes: Changes) -> None:
        # Called right after the commit: rebuild once control returns to the event loop, so
        # several changes in a row (and every listener's follow-up) cost one rebuild.
        self._refresh.start()

    def _on_projector_screen(self, screen: QScreen | None) -> None:
        if screen is None:
            if not self.window.rehearsing:
                self.window.withdraw()
        elif self.started:
            self.window.place_on(screen)
        self.state_changed.emit()


def determination_time(procedure: ProcedureService) -> datetime | None:
    """When the result now determined was determined (the last penetapan after any reopening)."""
    at: datetime | None = None
    determined = False
    for moment in procedure.moments():
        if moment.state.determined and not determined:
            at = moment.at
        determined = moment.state.determined
    return at if determined else None
