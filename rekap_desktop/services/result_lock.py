"""After penetapan the result is locked: nothing that changes a value is accepted until a
commissioner re-opens it (with a reason, in the audit chain). While a follow-up session (sesi
lanjutan) has it open, only the kecamatan and pemilihan in that session's scope may change."""

from __future__ import annotations

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.follow_up import FollowUpSession, out_of_scope
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.procedure_state import stored_state
from rekap_desktop.storage import follow_up_store
from rekap_desktop.storage.unit_of_work import Session

LOCKED = (
    "hasil sudah ditetapkan dan terkunci; perubahan tidak diterima sampai hasil dibuka kembali "
    "oleh komisioner dengan alasan"
)

Place = tuple[str | None, str]
"""(contest — None: every pemilihan —, kecamatan or desa/TPS code) a change writes to."""


def ensure_result_open(session: Session, pleno: Pleno, *places: Place) -> None:
    """Refuse a change of values while the meeting's result is determined, and, while a
    follow-up session is open, a change of any ``places`` outside its scope (a change naming
    no place is then refused too). Called inside the write unit (``w.session``), after its
    lock: a penetapan or a session another station committed a moment ago counts."""
    if stored_state(session, pleno).determined:
        raise InputRejected([Problem(LOCKED)])
    current = follow_up_store.open_session(session)
    if current is None:
        return
    problems = scope_problems(current, pleno, places)
    if problems:
        raise InputRejected([Problem(p) for p in problems])


def scope_problems(current: FollowUpSession, pleno: Pleno, places: tuple[Place, ...]) -> list[str]:
    if not places:
        return [
            f"selama {current.basis_line()} hanya perubahan pada kecamatan dalam cakupannya "
            "yang diterima; perubahan ini tidak menyebut kecamatannya"
        ]
    problems: list[str] = []
    for contest, unit in dict.fromkeys(places):
        if current.covers(contest, unit):
            continue
        kecamatan = next((u for u in pleno.units if unit.startswith(u.code)), None)
        chosen = pleno.contest(contest) if contest else None
        text = out_of_scope(
            current,
            kecamatan.name if kecamatan else unit,
            chosen.title if chosen else None,
        )
        if text not in problems:
            problems.append(text)
    return problems
