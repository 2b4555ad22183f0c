"""After penetapan the result is locked: nothing that changes a value is accepted until a
commissioner re-opens it (with a reason, in the audit chain)."""

from __future__ import annotations

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.procedure_state import stored_state
from rekap_desktop.storage.unit_of_work import Session

LOCKED = (
    "hasil sudah ditetapkan dan terkunci; perubahan tidak diterima sampai hasil dibuka kembali "
    "oleh komisioner dengan alasan"
)


def ensure_result_open(session: Session, pleno: Pleno) -> None:
    """Refuse a change of values while the meeting's result is determined. Called inside the
    write unit (``w.session``), after its lock: a penetapan another station committed a moment
    ago counts."""
    if stored_state(session, pleno).determined:
        raise InputRejected([Problem(LOCKED)])
