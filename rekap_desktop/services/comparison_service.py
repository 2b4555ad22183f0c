"""The comparison of the meeting (procedure items 7–10) as one object for the GUI: reading the
side-by-side comparison, entering values, settling differences and form photos."""

from __future__ import annotations

from rekap_desktop.domain.drill_down import DrillDown
from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.services.corrections_service import CorrectionsService
from rekap_desktop.services.entry_service import EntryService
from rekap_desktop.services.finding_decisions import FindingDecisionService
from rekap_desktop.services.follow_up_service import sessions_of
from rekap_desktop.services.photos_service import PhotosService
from rekap_desktop.services.places import unit_places, unit_plausibility
from rekap_desktop.services.plausibility_service import PlausibilityService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.recount_service import RecountService


class ComparisonService:
    """``entry`` (items 8–9), ``corrections`` (item 10 and the comparison itself),
    ``decisions`` (the meeting's decisions on errors of the determined values), ``photos``,
    ``recounts`` (pencocokan / penghitungan suara ulang of chosen TPS or desa)."""

    def __init__(self, pleno: PlenoService) -> None:
        self.pleno = pleno
        self.entry = EntryService(pleno)
        self.corrections = CorrectionsService(pleno)
        self.decisions = FindingDecisionService(pleno)
        self.warnings = PlausibilityService(pleno)
        """The plausibility warnings and the meeting's overrides of them (temuan diabaikan)."""
        self.photos = PhotosService(pleno)
        self.recounts = RecountService(pleno)

    def drill_down(self, contest: str, unit: str, field: str) -> DrillDown | None:
        """The desa/TPS behind one field of one kecamatan, per source whose current form came as
        rows below it (None: no source did; they gave the kecamatan as one row)."""
        return unit_places(self.pleno, contest, unit, field)

    def follow_up_basis(self, contest: str, unit: str) -> str | None:
        """The document of the open follow-up session when its scope holds this kecamatan ×
        contest ("Putusan MK Nomor … tanggal …"): what a correction made there carries out
        (None: no session is open, or it is about other units)."""
        open_now = next((s for s in sessions_of(self.pleno) if s.is_open), None)
        if open_now is None or not open_now.covers(contest, unit):
            return None
        return open_now.document_line()

    def plausibility(self, contest: str, unit: str) -> list[Implausible]:
        """The plausibility warnings (P01–P05) of one kecamatan × contest and its TPS."""
        return unit_plausibility(self.pleno, contest, unit)
