"""Agenda items 7–10 of one kecamatan × pemilihan: the side-by-side comparison of every field of
the form (PPK | Sirekap | saksi | Bawaslu | hasil pleno), where values are read and differences
settled with the PPK's D.Hasil as the reference."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from rekap_desktop.gui.pages.base import AgendaPage, PageContext

if TYPE_CHECKING:
    from rekap_desktop.gui.comparison.widget import ComparisonWidget

INTROS = {
    "7": "Tayangkan data elektronik (Sirekap: alat bantu, bukan hasil resmi) dan foto formulir.",
    "8": "PPK membacakan D.Hasil Kecamatan; ketik nilai yang dibacakan atau tekan S bila sesuai.",
    "9": "Saksi dan Bawaslu mencocokkan dengan salinan mereka; catat nilai yang berbeda.",
    "10": "Selesaikan setiap selisih (Ctrl+K pembetulan); D.Hasil dari PPK adalah acuan.",
}


class Leaving(Enum):
    """What the operator chose when PageDown would leave item 10 of a pair not read."""

    STAY = "tetap"
    MARK_AND_GO = "tandai"
    GO_UNREAD = "lanjut"


LEAVE_TITLE = "Langkah 10 belum selesai"


class SourcesPage(AgendaPage):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, "")
        self.comparison: ComparisonWidget | None = None

    def focus_target(self) -> QWidget | None:
        """The reading entry: digits and S from the first key."""
        return self.comparison.entry if self.comparison is not None else None

    def refresh(self) -> None:
        self.hint.setText(INTROS.get(self.stop.item, ""))
        contest, unit = self.stop.contest, self.stop.unit
        if contest is None or unit is None:
            return
        if self.comparison is None:
            # The comparison and its services are loaded when a reading item is first reached.
            from rekap_desktop.gui.comparison.widget import ComparisonWidget

            meeting = self.ctx.meeting
            self.comparison = ComparisonWidget(
                meeting.comparison, contest, unit, approvals=self.ctx.approvals
            )
            self.comparison.photo_shown.connect(self.ctx.show_photo)
            self.comparison.places_shown.connect(self.ctx.show_places)
            self.body.addWidget(self.comparison, 1)
        elif (self.comparison.contest_code, self.comparison.unit_code) != (contest, unit):
            self.comparison.set_pair(contest, unit)
            # What was said about the previous pair ("… dicatat", a refusal) is not about this one.
            self.comparison.message.clear()
        else:
            self.comparison.refresh()

    def save_pending(self) -> bool:
        """PageDown at item 10: a pair not marked "selesai dibaca" is never left silently. With
        nothing open the operator may mark it and go on; with differences or entries open the
        operator may stay (the default) or go on, and the pair stays visibly unfinished: not
        "sudah dibacakan" on the screen, not counted as a finished kecamatan, no penetapan."""
        stop = self.stop
        if stop.item != "10" or stop.contest is None or stop.unit is None:
            return True
        if (stop.contest, stop.unit) in self.ctx.procedure.pairs_read():
            return True
        reasons = self.ctx.procedure.unsettled(stop)
        choice = self.ask_leaving(self._leaving_text(reasons), can_mark=not reasons)
        if choice is Leaving.MARK_AND_GO and self.comparison is not None:
            self.comparison.mark_read()
            return (stop.contest, stop.unit) in self.ctx.procedure.pairs_read()
        return choice is Leaving.GO_UNREAD

    def _leaving_text(self, reasons: list[str]) -> str:
        pair = f"{self.ctx.unit_name(self.stop.unit)} — {self.ctx.contest_title(self.stop.contest)}"
        if not reasons:
            return (
                f"{pair} belum ditandai selesai dibaca. Tidak ada selisih atau keberatan yang "
                "masih terbuka.\n\nTandai selesai dibaca sekarang dan lanjut?"
            )
        listed = "\n".join(f"• {r}" for r in reasons)
        return (
            f"{pair} belum dapat ditandai selesai dibaca:\n{listed}\n\nBila dilanjutkan, "
            "pasangan ini tetap BELUM SELESAI: layar tidak menandainya «sudah dibacakan», "
            "kecamatan ini tidak dihitung selesai, dan hasil tidak dapat ditetapkan sebelum "
            "semuanya diselesaikan dan ditandai selesai dibaca (Ctrl+Shift+R)."
        )

    def ask_leaving(self, text: str, can_mark: bool) -> Leaving:
        """The question, with Indonesian buttons; Escape always stays."""
        box = QMessageBox(QMessageBox.Icon.Warning, LEAVE_TITLE, text, parent=self)
        buttons = {}
        if can_mark:
            buttons[Leaving.MARK_AND_GO] = box.addButton(
                "&Tandai selesai dibaca dan lanjut", QMessageBox.ButtonRole.AcceptRole
            )
        buttons[Leaving.GO_UNREAD] = box.addButton(
            "&Lanjut, biarkan belum selesai", QMessageBox.ButtonRole.DestructiveRole
        )
        buttons[Leaving.STAY] = box.addButton("Te&tap di sini", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(buttons[Leaving.MARK_AND_GO if can_mark else Leaving.STAY])
        box.setEscapeButton(buttons[Leaving.STAY])
        box.exec()
        clicked = box.clickedButton()
        return next((k for k, b in buttons.items() if b is clicked), Leaving.STAY)
