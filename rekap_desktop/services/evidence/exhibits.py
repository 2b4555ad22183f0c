"""The exhibits of the evidence pack, in the order they are numbered (B-1, B-2 …): the forms as
they print now, the ledgers (each printable and machine-readable), every print as it was printed,
the register's attachments, the audit chain. One ``Group`` per entry of ``EXHIBITS``: adding a
kind of exhibit is one entry (a ledger: one ``Ledger`` in ``ledgers.LEDGERS``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rekap_desktop.services.evidence.audit_export import audit_files
from rekap_desktop.services.evidence.context import EvidenceContext, ExhibitFile
from rekap_desktop.services.evidence.ledgers import LEDGERS, contest_name, form_title
from rekap_desktop.services.incident_service import IncidentService, register_snapshot
from rekap_desktop.services.printing.forms_table import FORMS
from rekap_desktop.services.printing.kinds import FormKind
from rekap_desktop.text.numbers import format_stored_moment


class Exhibits(Protocol):
    @property
    def heading(self) -> str: ...

    def files(self, ctx: EvidenceContext) -> list[ExhibitFile]: ...


@dataclass(frozen=True)
class Group:
    heading: str
    make: Callable[[EvidenceContext], list[ExhibitFile]]

    def files(self, ctx: EvidenceContext) -> list[ExhibitFile]:
        return self.make(ctx)


NOT_IN_PACK = frozenset({FormKind.SKORS, FormKind.TANDA_TERIMA})
"""Forms not rendered again for the pack: the catatan skors speaks of a pause as it goes on, the
tanda terima of the last handing only (the ones printed then are in the pack as printed, and every
copy is in the ledger of copies)."""


def forms_now(ctx: EvidenceContext) -> list[ExhibitFile]:
    """Every form the print centre offers now (D.Hasil per pemilihan, berita acara …), rendered
    from the data as it stands; a ledger's form is listed with its ledger."""
    with_ledgers = {ledger.form for ledger in LEDGERS}
    files = []
    for kind in ctx.prints.kinds():
        if kind in NOT_IN_PACK or kind in with_ledgers or not ctx.prints.has_content(kind):
            continue
        spec = FORMS[kind]
        contests: list[str | None] = [None]
        if spec.per_contest:
            allowed = [c.code for c in ctx.prints.contests(kind)]
            contests = list(allowed[:1] if spec.first_contest else allowed)
        for contest in contests:
            pdf, pages = ctx.form_pdf(kind, contest)
            which = f" — {contest_name(contest)}" if contest and not spec.first_contest else ""
            name = f"formulir/{kind.value}{f'-{contest}' if which else ''}.pdf"
            files.append(ExhibitFile(f"{spec.title}{which}", name, pdf, pages))
    return files


def printed(ctx: EvidenceContext) -> list[ExhibitFile]:
    """Every stored print, byte for byte as it was printed, in the order printed."""
    files = []
    for number, record in enumerate(ctx.prints.log(), start=1):
        stored = record.stored
        contest = f" — {contest_name(stored.contest)}" if stored.contest else ""
        final = ", FINAL" if record.final else ""
        title = (
            f"{form_title(stored.kind)}{contest}, versi {stored.version}{final}: dicetak "
            f"{format_stored_moment(stored.printed_at)} oleh {stored.actor}, sidik data "
            f"{stored.fingerprint}"
        )
        name = f"cetak/{number:04d}-{stored.kind}-{stored.contest or 'pleno'}-v{stored.version}.pdf"
        files.append(ExhibitFile(title, name, ctx.prints.pdf(record), stored.pages))
    return files


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def attachments(ctx: EvidenceContext) -> list[ExhibitFile]:
    """The photos and documents attached to register entries as evidence, as attached."""
    incidents = IncidentService(ctx.pleno_service)
    files = []
    for entry in register_snapshot(ctx.pleno_service.engine):
        for evidence in entry.evidence:
            safe = _UNSAFE.sub("-", evidence.file_name).strip("-.") or "berkas"
            name = f"lampiran/kejadian-{entry.number}-{evidence.id}-{safe[:80]}"
            title = f"Lampiran register No. {entry.number}: {evidence.file_name}"
            files.append(ExhibitFile(title, name, incidents.evidence_content(evidence.id)))
    return files


EXHIBITS: tuple[Exhibits, ...] = (
    Group("Formulir rapat (dibuat dari data saat paket ditulis)", forms_now),
    *LEDGERS,
    Group("Cetakan formulir sebagaimana dicetak dalam rapat", printed),
    Group("Lampiran bukti pada register kejadian khusus dan keberatan", attachments),
    Group("Rantai audit", audit_files),
)
"""Every kind of exhibit of the pack, in the order the index numbers them."""
