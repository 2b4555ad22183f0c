"""The berita acara pencocokan / penghitungan suara ulang as printed: each recorded check in
words, with the corrections made on its strength; and the one-line summary the D.Kejadian
Khusus and the berita acara of the pleno give of each."""

from __future__ import annotations

from datetime import date

from rekap_desktop.documents.berita_acara_hitung_ulang import FoundLine, RecountsData, RecountSheet
from rekap_desktop.domain.drill_down import place_label
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.recounts import (
    BOX_LABELS,
    DECISION_LABELS,
    KIND_LABELS,
    OUTCOME_LABELS,
    Recount,
)
from rekap_desktop.domain.sources import Source
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.recap_forms import meeting_header, members
from rekap_desktop.services.recount_service import RecountRecord, RecountService
from rekap_desktop.services.service_base import source_name
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number, format_stored_moment

FORM_NAME = "BERITA ACARA PENCOCOKAN DAN PENGHITUNGAN SUARA ULANG"


def recounts_data(
    pleno: Pleno,
    records: list[RecountRecord],
    watermark: str | None,
    held_on: date | None = None,
) -> RecountsData:
    return RecountsData(
        header=meeting_header(pleno, FORM_NAME, watermark),
        sheets=tuple(_sheet(pleno, record) for record in records),
        place=pleno.place,
        held_on=held_on or pleno.held_on,
        members=members(pleno),
    )


def _sheet(pleno: Pleno, record: RecountRecord) -> RecountSheet:
    recount = record.recount
    entry = recount.entry
    unit = pleno.unit(entry.unit)
    contest = pleno.contest(entry.contest)
    kind = pleno.kind.value
    return RecountSheet(
        number=recount.number,
        title=recount.title,
        at=format_stored_moment(recount.at),
        unit=f"{unit.name} ({unit.code})" if unit else entry.unit,
        contest=contest.title if contest else entry.contest,
        kind=KIND_LABELS[entry.kind],
        places=tuple(place_label(code) for code in entry.places),
        proposed_by=entry.proposed_by,
        reason=entry.reason,
        incident=f"Nomor {entry.incident_number}" if entry.incident_number else "–",
        decision=f"{DECISION_LABELS[entry.decision]} (dikonfirmasi {recount.decided_by})",
        box=BOX_LABELS[entry.box_state] + (f"; {entry.box_note}" if entry.box_note else ""),
        counted_by=entry.counted_by or "–",
        witnesses=entry.witnesses,
        reference=source_name(Source.stored(entry.reference_source)),
        found=tuple(
            FoundLine(place_label(v.place), field_label(v.field, kind), v.recorded, v.found)
            for v in entry.found
        ),
        outcome=OUTCOME_LABELS[recount.outcome],
        corrections=tuple(
            f"Pembetulan No. {number}: {field_label(c.field, kind)}: "
            f"{format_number(c.before)} → {format_number(c.after)} "
            f"(disetujui {c.approved_by})"
            for number, c in record.corrections
        ),
    )


def recount_summary(recount: Recount) -> str:
    """One check in a sentence, as the register and the pleno's berita acara list it."""
    entry = recount.entry
    return (
        f"{recount.title}: {', '.join(place_label(p) for p in entry.places)} "
        f"(kecamatan {entry.unit}, {entry.contest}) — "
        f"{DECISION_LABELS[entry.decision].lower()}; {OUTCOME_LABELS[recount.outcome].lower()}"
    )


def recount_lines(pleno_service: PlenoService) -> tuple[str, ...]:
    """Every check of the meeting in a sentence, in the order recorded."""
    return tuple(recount_summary(r.recount) for r in RecountService(pleno_service).records())


def recount_links(pleno_service: PlenoService) -> tuple[tuple[int | None, str], ...]:
    """Every check as (the register entry it answers, its sentence): the D.Kejadian Khusus
    lists it in that entry's follow-up."""
    return tuple(
        (r.recount.entry.incident_number, recount_summary(r.recount))
        for r in RecountService(pleno_service).records()
    )
