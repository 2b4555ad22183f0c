"""The agenda pages of the cockpit, one per item (items 7–10 share the sources table)."""

from __future__ import annotations

from rekap_desktop.domain.procedure import DETERMINATION
from rekap_desktop.gui.pages.base import AgendaPage, PageContext
from rekap_desktop.gui.pages.closing import DeterminationPage, ObjectionCallPage, ResolutionPage
from rekap_desktop.gui.pages.kecamatan import BoxPage, NoticesPage, UnitIncidentsPage
from rekap_desktop.gui.pages.opening import AttendancePage, TextPage
from rekap_desktop.gui.pages.reading import SourcesPage


def build_pages(ctx: PageContext) -> dict[str, AgendaPage]:
    reading = SourcesPage(ctx)
    return {
        "1": AttendancePage(ctx),
        "2": TextPage(ctx, "peraturan_teknis"),
        "3": TextPage(ctx, "tata_tertib"),
        "4": BoxPage(ctx),
        "5": NoticesPage(ctx),
        "6": UnitIncidentsPage(ctx),
        "7": reading,
        "8": reading,
        "9": reading,
        "10": reading,
        "12": ObjectionCallPage(ctx),
        "13": ResolutionPage(ctx),
        DETERMINATION: DeterminationPage(ctx),
    }
