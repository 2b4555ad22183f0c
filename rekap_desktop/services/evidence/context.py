"""What every exhibit of the evidence pack is made from: the meeting's services as of one moment,
and the exhibit file itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.audit_log import AuditLogService, ChainExport
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService


@dataclass(frozen=True)
class ExhibitFile:
    """One numbered exhibit: one file of the pack."""

    title: str
    file: str
    """Its path inside the pack (``formulir/…``, ``daftar/…``, ``cetak/…``, ``audit/…``)."""
    data: bytes
    pages: int | None = None
    """Pages of a PDF; None for data files."""


class EvidenceContext:
    """The meeting as the pack is made: its services, the paper forms are rendered on."""

    def __init__(self, pleno_service: PlenoService, prints: PrintService, paper: Paper) -> None:
        self.pleno_service = pleno_service
        self.prints = prints
        self.paper = paper

    @cached_property
    def pleno(self) -> Pleno:
        return self.pleno_service.pleno()

    @cached_property
    def audit_log(self) -> AuditLogService:
        return AuditLogService(self.pleno_service)

    @cached_property
    def chain(self) -> ChainExport:
        """The audit chain the pack carries: read once, after every other exhibit (it is the
        last group), so it covers everything they show."""
        return self.audit_log.export()

    def form_pdf(self, kind: FormKind, contest: str | None = None) -> tuple[bytes, int]:
        """A form of the print centre rendered from the data as it is now (not recorded as a
        print: the pack's own audit entry records that it was made)."""
        rendered = self.prints.prepare(kind, contest).render(self.paper)
        return rendered.pdf, rendered.pages


PdfSource = Callable[[EvidenceContext], tuple[bytes, int]]
"""A ledger's printable list, rendered: (PDF, pages)."""
