"""The Berita Acara Rapat Pleno Lanjutan as printed: every follow-up session in words, with its
changes old → new."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.documents.berita_acara_lanjutan import (
    ChangeRow,
    FollowUpMinutesData,
    SessionSheet,
    render_follow_up_minutes,
)
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.follow_up import BASIS_LABELS, FollowUpSession
from rekap_desktop.services.follow_up_service import ChangeLine, FollowUpService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.form_builders import Drawn, FormSource, Order, drawn
from rekap_desktop.services.printing.recap_forms import meeting_header, members
from rekap_desktop.services.printing.signatures import present_at_meeting
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage import procedure_store
from rekap_desktop.storage.unit_of_work import read
from rekap_desktop.text.numbers import format_stored_moment

FORM_NAME = "BERITA ACARA RAPAT PLENO LANJUTAN"
NOT_CLOSED = "belum ditetapkan (sesi masih terbuka)"


def follow_up_minutes_form(src: FormSource, order: Order) -> Drawn:
    """Berita Acara Rapat Pleno Lanjutan: one sheet per follow-up session, with its changes."""
    service = src.pleno_service
    pleno = service.pleno()
    # fresh: another station may have opened or closed a session
    sessions = FollowUpService(ProcedureService(service))
    sheets = tuple(_sheet(pleno, s, sessions.changes(s.number)) for s in sessions.sessions())
    data = FollowUpMinutesData(
        header=meeting_header(pleno, FORM_NAME, order.watermark),
        sheets=sheets,
        place=pleno.place,
        members=members(pleno),
        witnesses=(),
        number=order.number,
    )
    return drawn(_with_present(service, data), render_follow_up_minutes)


def _with_present(service: PlenoService, data: FollowUpMinutesData) -> FollowUpMinutesData:
    """The KPU members recorded present sign; the saksi and Bawaslu recorded present initial
    (the setup's KPU members, and no paraf boxes, when no daftar hadir was kept)."""
    pleno = service.pleno()
    with read(service.engine) as session:
        attendance = procedure_store.attendance(session)
    here = present_at_meeting(pleno, attendance, ())
    if here is None:
        return data
    initials = tuple(p.name for p in here.witnesses(None, with_title=True) + here.others())
    return replace(data, members=here.members() or data.members, witnesses=initials)


def _sheet(pleno: Pleno, session: FollowUpSession, found: list[ChangeLine]) -> SessionSheet:
    titles = [c.title for c in pleno.contests if c.code in session.contests]
    opened = f"{format_stored_moment(session.opened_at)}, oleh {session.opened_by}"
    closed = (
        f"{format_stored_moment(session.closed_at)}, oleh {session.closed_by}"
        if session.closed_at
        else NOT_CLOSED
    )
    return SessionSheet(
        number=session.number,
        basis=BASIS_LABELS[session.basis],
        document=session.document_line(),
        opened=opened,
        closed=closed,
        units=tuple(_unit_name(pleno, code) for code in session.units),
        contests=", ".join(titles) if titles else "Semua pemilihan",
        description=session.description,
        changes=tuple(
            ChangeRow(
                c.contest_title, c.unit_name, c.row, c.before, c.after, c.reason, c.approved_by
            )
            for c in found
        ),
    )


def _unit_name(pleno: Pleno, code: str) -> str:
    unit = pleno.unit(code)
    return f"{unit.name} ({code})" if unit else code
