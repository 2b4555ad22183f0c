"""One meeting, as the program works on it: every service the windows use, built once over the
same database and the same change hub, and handed down to the windows (the GUI builds none).

The services that load heavy modules (printing, packages, seats, the comparison) are built when
first asked for, so the cockpit starts as quickly as before.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from rekap_desktop.domain.changes import ChangeHub
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.screen_lock import ScreenLockService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.unit_of_work import Engine

if TYPE_CHECKING:  # loaded when first used (see the module's docstring)
    from rekap_desktop.services.audit_log import AuditLogService
    from rekap_desktop.services.backup_service import BackupPreview
    from rekap_desktop.services.comparison_service import ComparisonService
    from rekap_desktop.services.copies_service import CopiesService
    from rekap_desktop.services.corrections_service import CorrectionsService
    from rekap_desktop.services.evidence.pack import EvidenceService
    from rekap_desktop.services.follow_up_service import FollowUpService
    from rekap_desktop.services.package_import import PackageImportService
    from rekap_desktop.services.packages import PackageService
    from rekap_desktop.services.plausibility_service import PlausibilityService
    from rekap_desktop.services.printing.service import PrintService
    from rekap_desktop.services.seat_meeting_service import SeatMeetingService
    from rekap_desktop.services.seat_service import SeatService
    from rekap_desktop.services.sirekap_import import SirekapImportService

H = TypeVar("H", bound=ChangeHub)


class Meeting(Generic[H]):
    """``pleno`` must publish to ``hub`` (it was built with it as its ``bus``)."""

    def __init__(self, pleno: PlenoService, hub: H) -> None:
        if pleno.bus is not hub:
            raise ValueError("the meeting's services must publish to its one hub")
        self.pleno = pleno
        self.hub = hub

    @classmethod
    def open(cls, engine: Engine, hub: H, actor: str = "operator") -> Meeting[H]:
        return cls(PlenoService(engine, hub, actor), hub)

    def for_worker(self) -> Meeting[H]:
        """The same meeting for a job on a worker thread: services of their own (no state shared
        with the GUI thread's), publishing to the same hub (which delivers on the GUI thread)."""
        return Meeting(PlenoService(self.pleno.engine, self.hub, self.pleno.actor), self.hub)

    # -- the cockpit's services --------------------------------------------------------------

    @cached_property
    def procedure(self) -> ProcedureService:
        """The one procedure of this station; re-read (``reload``) when another station moved."""
        return ProcedureService(self.pleno)

    @cached_property
    def records(self) -> ProcedureRecords:
        return ProcedureRecords(self.procedure)

    @cached_property
    def follow_up(self) -> FollowUpService:
        """Sesi lanjutan of a determined result, on this station's procedure."""
        from rekap_desktop.services.follow_up_service import FollowUpService

        return FollowUpService(self.procedure)

    @cached_property
    def incidents(self) -> IncidentService:
        return IncidentService(self.pleno)

    @cached_property
    def copies(self) -> CopiesService:
        """Salinan dan tanda terima: which copy of which printed version went to whom."""
        from rekap_desktop.services.copies_service import CopiesService

        return CopiesService(self.pleno)

    @cached_property
    def users(self) -> UsersService:
        return UsersService(self.pleno.engine, self.hub)

    @cached_property
    def screen_lock(self) -> ScreenLockService:
        return ScreenLockService(self.pleno.engine, self.hub)

    @cached_property
    def comparison(self) -> ComparisonService:
        from rekap_desktop.services.comparison_service import ComparisonService

        return ComparisonService(self.pleno)

    @cached_property
    def corrections(self) -> CorrectionsService:
        return self.comparison.corrections

    @cached_property
    def plausibility(self) -> PlausibilityService:
        """The plausibility warnings: the meeting's thresholds and its overrides of warnings."""
        from rekap_desktop.services.plausibility_service import PlausibilityService

        return PlausibilityService(self.pleno)

    @cached_property
    def seats(self) -> SeatService:
        from rekap_desktop.services.seat_service import SeatService

        return SeatService(self.pleno)

    @cached_property
    def seat_meetings(self) -> SeatMeetingService:
        from rekap_desktop.services.seat_meeting_service import SeatMeetingService

        return SeatMeetingService(self.pleno)

    @cached_property
    def sirekap(self) -> SirekapImportService:
        from rekap_desktop.services.sirekap_import import SirekapImportService

        return SirekapImportService(self.pleno)

    @cached_property
    def package_import(self) -> PackageImportService:
        from rekap_desktop.services.package_import import PackageImportService

        return PackageImportService(self.pleno)

    @cached_property
    def packages(self) -> PackageService:
        """Result packages, with the corrections and the printed forms they carry."""
        from rekap_desktop.services.packages import (
            PackageService,
            print_log_pdfs,
            service_corrections,
        )

        pleno = self.pleno
        return PackageService(
            pleno, corrections=service_corrections(pleno), printed=print_log_pdfs(pleno)
        )

    @cached_property
    def audit_log(self) -> AuditLogService:
        """Jejak audit as people read it (the cockpit's viewer reads it on a worker)."""
        from rekap_desktop.services.audit_log import AuditLogService

        return AuditLogService(self.pleno)

    def evidence(self) -> EvidenceService:
        """The evidence pack for Bawaslu and the Court; it renders every form, so a worker
        builds it (like load_printing)."""
        from rekap_desktop.services.evidence.pack import EvidenceService

        return EvidenceService(self.pleno, self.load_printing())

    def load_printing(self) -> PrintService:
        """The meeting's print service; importing it loads ReportLab and the forms (~0.3 s), so
        the cockpit calls this on a worker thread."""
        from rekap_desktop.services.printing.meeting import meeting_print_service

        return meeting_print_service(self.pleno)

    # -- the database file -------------------------------------------------------------------

    def file_damage(self) -> str | None:
        """Why the database file itself is damaged (SQLite's own check), None when sound."""
        from rekap_desktop.storage.file_check import integrity_problem

        return integrity_problem(self.pleno.engine)

    def meeting_tag(self) -> str | None:
        from rekap_desktop.services import backup_service

        return backup_service.meeting_tag(self.pleno.engine)

    def make_backup(self, folder: Path) -> BackupPreview:
        from rekap_desktop.services import backup_service

        return backup_service.make_backup(self.pleno.engine, folder)

    def restore_backup(self, backup: Path, confirmation: Confirmation) -> BackupPreview:
        from rekap_desktop.services import backup_service

        return backup_service.restore_backup(self.pleno.engine, backup, confirmation)
