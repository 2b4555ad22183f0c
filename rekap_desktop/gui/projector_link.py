"""The cockpit drives the projector: the preview follows the meeting's place, F5 sends it live,
B blanks the screen, and a pause shows the pause card at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTemporaryDir

from rekap_desktop.domain import clock
from rekap_desktop.domain.changes import Change, Changes, Event
from rekap_desktop.domain.procedure import ITEM_BY_CODE, ProcedureState
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.cues import (
    INCIDENT_KINDS,
    INCIDENT_STATUSES,
    AgendaCue,
    Cue,
    PauseCue,
    PhotoCue,
    RecapCue,
    TallyCue,
    TitleCue,
)
from rekap_desktop.gui.projector.party_cues import PartyCue
from rekap_desktop.gui.projector.place_cues import PlacesCue
from rekap_desktop.gui.projector.preview_panel import PreviewPanel
from rekap_desktop.gui.projector.scenes import AgendaTextScene, Determined, Scene, banner_for
from rekap_desktop.gui.projector.screens import ScreenManager
from rekap_desktop.gui.projector.settings import ProjectorSettings
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.text.numbers import format_number

TEXT_KEYS = {"2": "peraturan_teknis", "3": "tata_tertib"}
READING_ITEMS = frozenset({"7", "8", "9", "10"})
KECAMATAN_ITEMS = frozenset({"4", "5", "6"})


def cue_for(window: MainWindow, state: ProcedureState) -> Cue:
    """What the room should see at this place of the meeting (the operator still presses F5):
    what belongs to the item — never the city's running tally before the reading is over."""
    stop = state.current
    if state.paused:
        pause = next((p for p in reversed(window.procedure.pauses()) if p.ended_at is None), None)
        since = clock.parse(pause.started_at) if pause else clock.now()
        return PauseCue(since, pause.reason if pause else "")
    if stop.item == "1":
        return TitleCue()
    if stop.item in TEXT_KEYS:
        title = ITEM_BY_CODE[stop.item].title
        return AgendaCue(int(stop.item), title, window.records.text(TEXT_KEYS[stop.item]))
    if stop.item in KECAMATAN_ITEMS and stop.unit:
        return KecamatanCue(stop.item, stop.unit, window.records)
    if stop.item in READING_ITEMS and stop.unit and stop.contest:
        reading = window.pleno.contest(stop.contest)
        if reading is not None and reading.is_party_list:
            return PartyCue(stop.contest, stop.unit)
        return TallyCue(stop.contest, stop.unit)
    contest = stop.contest or window.pleno.contests[0].code
    # "✓ sudah dibacakan" only for a kecamatan whose pair is marked selesai dibaca with nothing
    # about it open — leaving item 10 is not reading it.
    read = frozenset(u for c, u in window.procedure.pairs_read() if c == contest)
    return RecapCue(contest, read_units=read)


@dataclass(frozen=True)
class KecamatanCue:
    """Items 4–6 of one kecamatan, as read to the room: the sealed box opened with the PPK (4),
    the returned C.Pemberitahuan per desa/kelurahan (5), the kecamatan's kejadian khusus and
    keberatan with their status (6). Read from the records at every build, so the screen follows
    what is saved."""

    item: str
    unit: str
    records: ProcedureRecords = field(compare=False, repr=False)

    def build(self, service: PlenoService, determined: Determined) -> Scene:
        pleno = service.pleno()
        unit = pleno.unit(self.unit)
        name = unit.name if unit else self.unit
        texts = {"4": self._box, "5": self._notices, "6": self._incidents}
        # The kecamatan is the heading (a long item title would cut its name off); the item's
        # title opens the text.
        body = f"{ITEM_BY_CODE[self.item].title}:\n{texts[self.item](service)}"
        banner = banner_for(service.is_demo(), determined)
        return AgendaTextScene(banner, int(self.item), f"Kecamatan {name}", body)

    def _box(self, service: PlenoService) -> str:
        check = self.records.box_check(self.unit)
        if check is None:
            return "Kotak tersegel dibuka bersama PPK. Hasil pemeriksaan belum dicatat."
        lines = [f"Segel kotak: {'utuh' if check.seal_intact else 'TIDAK UTUH'}"]
        lines.append("Isi kotak:")
        for form in expected_forms(service.pleno()):
            found = form in check.forms_found
            lines.append(f"{'✓ ada' if found else '✗ TIDAK ADA'} — {form}")
        if check.note.strip():
            lines.append(f"Catatan: {check.note.strip()}")
        return "\n".join(lines)

    def _notices(self, _service: PlenoService) -> str:
        counts = self.records.returned_notices(self.unit)
        if not counts:
            return "Belum dicatat."
        lines = [f"{village}: {format_number(count)}" for village, count in counts.items()]
        lines.append(f"Jumlah: {format_number(sum(counts.values()))}")
        return "\n".join(lines)

    def _incidents(self, service: PlenoService) -> str:
        entries = [i for i in service.incidents() if i.unit and i.unit.startswith(self.unit)]
        if not entries:
            return "Tidak ada kejadian khusus atau keberatan dari kecamatan ini."
        return "\n".join(
            f"Nomor {i.number} · {INCIDENT_KINDS.get(i.kind, i.kind)} · "
            f"{INCIDENT_STATUSES.get(i.status, i.status)}\n{i.description}"
            for i in entries
        )


class ProjectorLink:
    """Owns the projector for one cockpit window; shut down when the window closes."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = ProjectorSettings(settings)
        self.screens = ScreenManager(self.settings)
        self.controller = ProjectorController(window.meeting, self.screens, self.settings)
        self.panel = PreviewPanel(self.controller)
        window.addActions(self.panel.actions())
        self.panel.go_live_action.triggered.connect(self.record_shown)
        window.meeting_menu.addSeparator()
        window.add_projector_panel(self.panel)
        window.meeting_menu.addActions(self.panel.actions())
        self._paused = False
        self._photos = QTemporaryDir()
        window.photo_shown.connect(self.preview_photo)
        window.places_shown.connect(self.show_places)
        window.meeting.hub.changed.connect(self.follow)
        self.follow((Change(Event.STARTED),))

    def record_shown(self) -> None:
        """Item 7 records what was projected for the kecamatan × pemilihan, and when (the time
        is the audit entry's)."""
        stop = self.window.procedure.state().current
        if stop.item != "7":
            return
        shown = type(self.controller.live_cue).__name__.removesuffix("Cue").lower()
        self.window.procedure.record(stop, _nothing_else, {"ditayangkan": shown})

    def preview_photo(self, content: bytes) -> PhotoCue:
        """A form photo shown beside the numbers goes to the preview; F5 sends it live."""
        stop = self.window.procedure.state().current
        where = " — ".join(p for p in (stop.unit, stop.contest) if p)
        path = Path(self._photos.path()) / f"foto-{hashlib.sha256(content).hexdigest()[:16]}"
        path.write_bytes(content)
        cue = PhotoCue(str(path), f"Foto formulir {where}".strip())
        self.controller.preview(cue)
        return cue

    def show_places(self, contest: str, unit: str, field: str) -> PlacesCue:
        """F5 in the rincian desa/TPS: its places go live at once (the dialog holds the
        keyboard, so the cockpit's F5 cannot send them)."""
        cue = PlacesCue(contest, unit, field)
        self.controller.preview(cue)
        self.panel.go_live_action.trigger()
        return cue

    def start(self) -> None:
        self.controller.start()

    def follow(self, _changes: Changes) -> None:
        """The preview follows the meeting's place; the controller's one timer builds it."""
        state = self.window.procedure.state()
        cue = kept_place(self.controller.preview_cue, cue_for(self.window, state))
        # A pause is shown to the room at once; resuming returns to the meeting's place.
        pause_changed = state.paused != self._paused
        self._paused = state.paused
        self.controller.follow(cue, state.determined, show_now=pause_changed)

    def shutdown(self) -> None:
        self.window.meeting.hub.changed.disconnect(self.follow)
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
