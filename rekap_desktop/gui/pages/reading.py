"""Agenda items 7–10 of one kecamatan × pemilihan: the side-by-side comparison of every field of
the form (PPK | Sirekap | saksi | Bawaslu | hasil pleno), where values are read and differences
settled with the PPK's D.Hasil as the reference."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rekap_desktop.gui.pages.base import AgendaPage, PageContext

if TYPE_CHECKING:
    from rekap_desktop.gui.comparison.widget import ComparisonWidget

INTROS = {
    "7": "Tayangkan data elektronik (Sirekap: alat bantu, bukan hasil resmi) dan foto formulir.",
    "8": "PPK membacakan D.Hasil Kecamatan; ketik nilai yang dibacakan atau tekan S bila sesuai.",
    "9": "Saksi dan Bawaslu mencocokkan dengan salinan mereka; catat nilai yang berbeda.",
    "10": "Selesaikan setiap selisih (Ctrl+K pembetulan); D.Hasil dari PPK adalah acuan.",
}


class SourcesPage(AgendaPage):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, "")
        self.comparison: ComparisonWidget | None = None
        self.on_created: list[Callable[[ComparisonWidget], None]] = []
        """Hooks run once the comparison widget exists (the cockpit wires photos, approvals)."""

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
            from rekap_desktop.services.comparison_service import ComparisonService

            service = ComparisonService(self.ctx.pleno)
            self.comparison = ComparisonWidget(service, contest, unit)
            self.body.addWidget(self.comparison, 1)
            for hook in self.on_created:
                hook(self.comparison)
        elif (self.comparison.contest_code, self.comparison.unit_code) != (contest, unit):
            self.comparison.set_pair(contest, unit)
        else:
            self.comparison.refresh()
