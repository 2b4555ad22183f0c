"""The Daftar Pembetulan as printed: the meeting's correction ledger in the order the corrections
were made, each line naming the kecamatan, contest and row, the value before and after, the source
the new value came from and the register entry it answers. Its lines are also the berita acara's
lampiran and what the D.Kejadian Khusus shows for an entry's linked corrections."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from rekap_desktop.documents import daftar_pembetulan
from rekap_desktop.documents.daftar_pembetulan import CorrectionLine, CorrectionsSnapshot
from rekap_desktop.documents.parts import PageStamp, RenderedForm
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.sources import Source
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.print_snapshots import members, region_fields
from rekap_desktop.services.service_base import source_name
from rekap_desktop.storage import corrections_store
from rekap_desktop.text.fields import field_label

FORM_NAME = "DAFTAR PEMBETULAN DATA"


def correction_lines(pleno_service: PlenoService) -> tuple[CorrectionLine, ...]:
    pleno = pleno_service.pleno()
    with Session(pleno_service.engine) as session:
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


def corrections_snapshot(
    pleno: Pleno,
    lines: tuple[CorrectionLine, ...],
    watermark: str | None,
    made_on: date | None = None,
) -> CorrectionsSnapshot:
    return CorrectionsSnapshot(
        form_name=FORM_NAME,
        region=pleno.region.name,
        region_fields=region_fields(pleno),
        election_name=pleno.name,
        lines=lines,
        place=pleno.place,
        made_on=made_on,
        members=members(pleno),
        watermark=watermark,
    )


def corrections_form(
    pleno_service: PlenoService, watermark: str | None, made_on: date | None
) -> tuple[dict[str, Any], Callable[[Paper, PageStamp], RenderedForm]]:
    """The Daftar Pembetulan's content (for its sidik data) and its renderer; ``made_on`` is
    the penetapan's moment (None before: a line to write the day on)."""
    snapshot = corrections_snapshot(
        pleno_service.pleno(), correction_lines(pleno_service), watermark, made_on
    )

    def draw(paper: Paper, stamp: PageStamp) -> RenderedForm:
        return daftar_pembetulan.render_corrections(snapshot, paper, **stamp)

    return daftar_pembetulan.canonical_content(snapshot), draw
