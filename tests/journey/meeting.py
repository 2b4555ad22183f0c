"""What the operator does in the cockpit, step by step, as keys and typing (README's guide).

Each action presses what a person presses and then waits, boundedly, for its effect: a window
shown or closed, or a new entry of the audit chain (``Program.position``/``audit_events``, read
only to know when the program has done it). Focus is moved only as a keyboard user moves it:
Tab/Shift+Tab from a place the program itself puts the focus (each step's input on arrival,
the comparison's entry field after Ctrl+↑, the register's first box when its tab opens).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.journey.desktop import OPERATOR, PROJECTOR, Monitor, Position, Program, poll
from tests.journey.screens import differing_share

KETUA_PIN = "111111"
"""The demo's Ketua KPU, first in every PIN dialog's list (README: demo PINs)."""
COMMISSIONER_DIALOG = "Konfirmasi komisioner"
CORRECTION_DIALOG = "Pembetulan (butir 10)"
INCIDENT_DIALOG = "Kejadian khusus / keberatan"
PAUSE_DIALOG = "Skors rapat"
PRINT_CENTRE = "Pusat Cetak"


@dataclass
class Operator:
    """One operator at the cockpit of ``program``."""

    program: Program
    shots: list[Path] = field(default_factory=list)

    # -- basics ----------------------------------------------------------------------------

    def start(self) -> None:
        """(Re)open the program and bring its cockpit to the front."""
        self.program.start()
        self.program.focus_cockpit()

    def at(self) -> Position:
        position = self.program.position()
        assert position is not None
        return position

    def next_step(self, expect_item: str | None = None) -> Position:
        """PgDn: the step is done, the next one begins."""
        before = self.at()
        self.program.key("Next")
        after = self.program.wait_moved(before, f"PgDn dari butir {before.item}")
        if expect_item is not None:
            assert after.item == expect_item, (before, after)
        return after

    def wait_event(self, event: str, before: int, what: str) -> None:
        poll(what, lambda: self.program.audit_events(event) > before or self._alive())

    def _alive(self) -> bool:
        self.program.assert_alive()
        return False

    def confirm_with_pin(self, pin: str = KETUA_PIN) -> None:
        """The commissioner's PIN dialog: the Ketua KPU (first in the list) types the PIN."""
        self.program.dialog(COMMISSIONER_DIALOG)
        self.program.type(pin)
        self.program.key("Return")
        self.program.gone(COMMISSIONER_DIALOG)

    def projector_shot(self, name: str) -> Path:
        shot = self.program.screenshot(name, PROJECTOR)
        self.shots.append(shot)
        return shot

    def settled_shot(self, name: str, monitor: Monitor = OPERATOR) -> Path:
        """A screenshot once the screen stopped changing (two equal pictures in a row)."""
        path = self.program.folder / f"{name}.png"
        previous = self.program.folder / f"{name}-vorige.png"
        self.program.display.screenshot(previous, monitor)

        def settled() -> Path | None:
            self.program.display.screenshot(path, monitor)
            if differing_share(previous, path) == 0:
                return path
            path.replace(previous)
            return None

        shot = poll(f"layar tenang ({name})", settled)
        previous.unlink(missing_ok=True)
        return shot

    def projector_changes(self, before: Path, name: str, monitor: Monitor = PROJECTOR) -> Path:
        """The projector screen (or ``monitor``) once it no longer shows what ``before`` shows
        (bounded wait)."""
        path = self.program.folder / f"{name}.png"

        def changed() -> Path | None:
            self.program.assert_alive()
            self.program.display.screenshot(path, monitor)
            return path if differing_share(before, path) > 0.02 else None

        shot = poll(f"layar proyektor berubah ({name})", changed)
        self.shots.append(shot)
        return shot

    # -- items 1–3 -------------------------------------------------------------------------

    def add_attendee(self, name: str) -> None:
        """Item 1: Insert, Tab from the role (Anggota KPU) to the name, type it, Enter."""
        self.program.key("Insert")
        self.program.dialog("Daftar hadir")
        self.program.key("Tab")
        self.program.type(name)
        self.program.key("Return")
        self.program.gone("Daftar hadir")
        self.program.focus_cockpit()

    def run_opening(self, attendee: str = "Hendra Gunawan Saputra") -> None:
        """Items 1–3: one attendee recorded, then PgDn to item 4 of the first kecamatan."""
        self.add_attendee(attendee)
        for item in ("2", "3", "4"):
            self.next_step(item)

    # -- items 4–6 -------------------------------------------------------------------------

    def open_box(self) -> None:
        """Item 4: the seal box has the keyboard on arrival; Space ticks it, Tab and Space each
        form found, Ctrl+S saves."""
        recorded = self.program.audit_events("procedure_recorded")
        self.program.key("space", "Tab", "space", "Tab", "space", "Tab", "space", "ctrl+s")
        self.wait_event("procedure_recorded", recorded, "catatan pembukaan kotak tersimpan")

    # -- items 7–10 ------------------------------------------------------------------------

    def reach_reading(self) -> Position:
        """From item 4 of a kecamatan: the box opened, PgDn to item 8 of its first pemilihan."""
        self.open_box()
        for item in ("5", "6", "7"):
            self.next_step(item)
        return self.next_step("8")

    def focus_entry(self) -> None:
        """Ctrl+↑ (to the first block of the form) puts the focus in the "value read" field."""
        self.program.key("ctrl+Up", "ctrl+Up", "ctrl+Up")

    def read_value(self, value: str) -> None:
        """Item 8: type the value the PPK reads and press Enter (the row below is next; a value
        equal to the one stored changes nothing, so nothing is written)."""
        self.program.type(value)
        self.program.key("Return")

    def agree(self) -> dict[str, object]:
        """Item 8: S, the value read agrees with the one shown; the audit entry it wrote."""
        confirmed = self.program.audit_events("value_confirmed")
        self.program.key("s")
        self.wait_event("value_confirmed", confirmed, "nilai sesuai tercatat")
        return self.program.last_audit("value_confirmed")

    def record_incident(self, description: str) -> None:
        """K from wherever the focus is; type the description, Ctrl+Enter, close."""
        recorded = self.program.audit_events("incident_recorded")
        self.program.key("k")
        self.program.dialog(INCIDENT_DIALOG)
        self.program.type(description)
        self.program.key("ctrl+Return")
        self.wait_event("incident_recorded", recorded, "kejadian tersimpan")
        self.program.window("Entri No.")
        self.program.key("Escape")
        self.program.gone(INCIDENT_DIALOG)
        self.program.focus_cockpit()

    def settle_differences(self, rows: int, proposer: str, objection: bool = False) -> None:
        """Item 10: "Hanya selisih" (Ctrl+D), then each ≠ row: Ctrl+K, the PPK's value
        kept, who proposed it typed, (the open objection it answers chosen), Enter, PIN."""
        self.program.key("ctrl+d")  # "Hanya selisih" starts off for every pair
        self.focus_entry()
        for row in range(rows):
            if row >= 1:
                # The keyboard is back in the value field: Down moves to the next row.
                self.program.key("Down")
            made = self.program.audit_events("correction_made")
            self.program.key("ctrl+k")
            self.program.dialog(CORRECTION_DIALOG)
            # Value (PPK's, filled in) → Alasan → Keterangan → Dasar → Diusulkan oleh.
            self.program.key("Tab", "Tab", "Tab", "Tab")
            self.program.type(proposer)
            if objection:
                # → Disetujui → Terkait keberatan: the open objection of this kecamatan.
                self.program.key("Tab", "Tab", "Down")
            self.program.key("Return")
            self.confirm_with_pin()
            self.wait_event("correction_made", made, f"pembetulan baris {row + 1} tercatat")
            self.program.gone(CORRECTION_DIALOG)

    def mark_read(self) -> None:
        """Ctrl+Shift+R: "Tandai selesai dibaca"."""
        read = self.program.audit_events("pair_read")
        self.program.key("ctrl+shift+r")
        self.wait_event("pair_read", read, "ditandai selesai dibaca")

    # -- the register ----------------------------------------------------------------------

    def close_open_entries_in_register(self, count: int, reason: str) -> None:
        """From a comparison page: Ctrl+Tab twice to the register tab (its first box, "Hanya yang
        terbuka", takes the focus), tick it, and close each open entry as "Tidak dapat
        diselesaikan" with the Ketua's PIN and the reason; Ctrl+Tab back to the procedure."""
        self.program.key("ctrl+Tab", "ctrl+Tab", "space", "Tab", "Tab", "Tab")
        for number in range(count):
            closed = self.program.audit_events("incident_unresolvable")
            if number:
                # With no entry selected the entry buttons are disabled and the focus went on
                # to "Impor register kecamatan…": back over Catat baru and the detail.
                self.program.key(*["shift+Tab"] * 3)
            # The first open entry selected; Tab past the detail, Catat baru, Lengkapi and
            # Selesaikan dengan paraf to "Tidak dapat diselesaikan…".
            self.program.key("Down", "space", *["Tab"] * 5, "space")
            self.confirm_with_pin()
            self.program.dialog("Tidak dapat diselesaikan")
            self.program.type(reason)
            self.program.key("Tab", "Return")
            self.wait_event("incident_unresolvable", closed, "keberatan ditutup")
            self.program.gone("Tidak dapat diselesaikan")
        self.program.key("ctrl+Tab")

    # -- skors -----------------------------------------------------------------------------

    def pause(self, reason: str) -> None:
        """P, the reason typed, Enter: the meeting is suspended."""
        before = self.at()
        self.program.key("p")
        self.program.dialog(PAUSE_DIALOG)
        self.program.type(reason)
        self.program.key("Return")
        after = self.program.wait_moved(before, "skors dimulai")
        assert after.paused, after

    def resume(self) -> None:
        before = self.at()
        self.program.key("p")
        after = self.program.wait_moved(before, "skors dicabut")
        assert not after.paused, after

    # -- printing and penetapan -------------------------------------------------------------

    def save_pdf_from_print_centre(
        self, path: Path, choose: tuple[str, ...] = (), tabs: int = 4
    ) -> None:
        """Ctrl+P; the form chosen with ``choose`` in Formulir (none: the first, Model D.Hasil)
        and the contest as offered; ``tabs`` Tab past Formulir, Pemilihan (skipped where the
        form has none), Kertas and "Cetak ke printer…" to "Simpan PDF…"; the file name typed in
        the save dialog; Enter; Escape closes the print centre once the PDF is written."""
        printed = self.program.audit_events("form_printed")
        self.program.key("ctrl+p")
        self.program.dialog(PRINT_CENTRE)
        if choose:
            self.program.key(*choose)
        self.program.key(*["Tab"] * tabs, "space")
        self.program.dialog("Simpan PDF")
        self.program.key("ctrl+a")
        self.program.type(str(path))
        self.program.key("Return")
        self.program.gone("Simpan PDF")
        self.wait_event("form_printed", printed, "PDF tersimpan dan tercatat")
        poll(f"berkas {path.name}", lambda: path.exists() and path.stat().st_size > 0)
        self.program.key("Escape")
        self.program.gone(PRINT_CENTRE)
        self.program.focus_cockpit()

    def determine(self) -> None:
        """At the penetapan: PgDn, "Ya" (Enter on the default answer), the Ketua's PIN."""
        before = self.at()
        self.program.key("Next")
        self.program.dialog("Penetapan")
        self.program.key("Return")
        self.confirm_with_pin()
        after = self.program.wait_moved(before, "hasil ditetapkan")
        assert after.determined, after
