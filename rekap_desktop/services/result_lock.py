"""After penetapan the result is locked: nothing that changes a value is accepted until a
commissioner re-opens it (with a reason, in the audit chain)."""

from __future__ import annotations

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.meeting_access import MeetingAccess
from rekap_desktop.services.procedure_replay import plan_of, stored_state
from rekap_desktop.storage.unit_of_work import Session, read

LOCKED = (
    "hasil sudah ditetapkan dan terkunci; perubahan tidak diterima sampai hasil dibuka kembali "
    "oleh komisioner dengan alasan"
)


def ensure_result_open(pleno: MeetingAccess) -> None:
    """Refuse a change of values while the meeting's result is determined."""
    with read(pleno.engine) as session:
        ensure_result_open_in(session, pleno)


def ensure_result_open_in(session: Session, pleno: MeetingAccess) -> None:
    """:func:`ensure_result_open` inside a write transaction that holds the write lock: a
    penetapan committed by another station a moment ago counts."""
    if stored_state(session, plan_of(pleno.pleno())).determined:
        raise InputRejected([Problem(LOCKED)])
