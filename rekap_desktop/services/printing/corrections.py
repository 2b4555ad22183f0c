"""The Daftar Pembetulan as printed: the meeting's correction ledger in the order the corrections
were made, each line naming the kecamatan, contest and row, the value before and after, the source
the new value came from and the register entry it answers. Its lines are also the berita acara's
lampiran and what the D.Kejadian Khusus shows for an entry's linked corrections."""

from __future__ import annotations

from datetime import date

from rekap_desktop.documents.daftar_pembetulan import CorrectionLine, CorrectionsData
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.sources import Source
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.recap_forms import meeting_header, members
from rekap_desktop.services.service_base import source_name
from rekap_desktop.storage import corrections_store
from rekap_desktop.storage.unit_of_work import read
from rekap_desktop.text.fields import field_label

FORM_NAME = "DAFTAR PEMBETULAN DATA"


def correction_lines(pleno_service: PlenoService) -> tuple[CorrectionLine, ...]:
    pleno = pleno_service.pleno()
    with read(pleno_service.engine) as session:
        ledger = corrections_store.all_corrections(session)
    return tuple(_line(pleno, number, c) for number, c in ledger)


def _line(pleno: Pleno, number: int, correction: Correction) -> CorrectionLine:
    unit = pleno.unit(correction.unit)
    contest = pleno.contest(correction.contest)
    return CorrectionLine(
        number=number,
        unit=unit.name if unit else correction.unit,
        contest=contest.title if contest else correction.contest,
        row=field_label(correction.field, pleno.kind.value),
        before=correction.before,
        after=correction.after,
        source=_source(correction),
        reason=correction.reason_label,
        basis=correction.basis,
        proposed_by=correction.proposed_by,
        approved_by=correction.approved_by,
        incident_number=correction.incident_number,
    )


def _source(correction: Correction) -> str:
    """The sources whose form gave the determined value; "–" when they were not kept (older
    corrections) and "ditetapkan rapat" when none of them did."""
    if not correction.sources:
        return "–"
    agreeing = [code for code, value in correction.sources if value == correction.after]
    if not agreeing:
        return "ditetapkan rapat (tidak sama dengan sumber mana pun)"
    return ", ".join(source_name(Source.stored(code)) for code in agreeing)


def corrections_data(
    pleno: Pleno,
    lines: tuple[CorrectionLine, ...],
    watermark: str | None,
    made_on: date | None = None,
) -> CorrectionsData:
    return CorrectionsData(
        header=meeting_header(pleno, FORM_NAME, watermark),
        lines=lines,
        place=pleno.place,
        made_on=made_on,
        members=members(pleno),
    )
