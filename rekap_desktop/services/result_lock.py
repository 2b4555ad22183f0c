"""After penetapan the result is locked: nothing that changes a value is accepted until a
commissioner re-opens it (with a reason, in the audit chain)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.pleno_service import PlenoService

LOCKED = (
    "hasil sudah ditetapkan dan terkunci; perubahan tidak diterima sampai hasil dibuka kembali "
    "oleh komisioner dengan alasan"
)


def ensure_result_open(pleno: PlenoService) -> None:
    """Refuse a change of values while the meeting's result is determined."""
    from rekap_desktop.services.procedure_service import ProcedureService

    if ProcedureService(pleno).state().determined:
        raise InputRejected([Problem(LOCKED)])


def ensure_result_open_in(session: Session, pleno: PlenoService) -> None:
    """:func:`ensure_result_open` inside a write transaction that holds the write lock: a
    penetapan committed by another station a moment ago counts."""
    from rekap_desktop.services.procedure_service import ProcedureService

    if ProcedureService(pleno).stored_state(session).determined:
        raise InputRejected([Problem(LOCKED)])
