"""The determined values of each penetapan (0: the first; N: the one closing sesi lanjutan N),
taken inside the write that determines (or, for a result determined before they were kept,
inside the write that opens the first follow-up session), so they are exactly what was locked."""

from __future__ import annotations

from rekap_desktop.domain.comparison import determined_form
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.follow_up import FollowUpSession
from rekap_desktop.domain.procedure import MoveKind
from rekap_desktop.domain.sources import PLENO, PPK
from rekap_desktop.domain.tally import Tally
from rekap_desktop.storage import follow_up_store, meeting_store, procedure_store
from rekap_desktop.storage.audit import now_iso
from rekap_desktop.storage.unit_of_work import Session

DeterminedValues = dict[tuple[str, str, str], int | None]


def values_in(session: Session, pleno: Pleno) -> DeterminedValues:
    """The values the result holds now, as the D.Hasil prints them: per (contest, kecamatan,
    field) the PPK's form with the settled (pleno) values over it."""
    tallies = meeting_store.current_tallies(session, None, (PPK.code, PLENO.code))
    values: DeterminedValues = {}
    for contest in pleno.contests:
        for unit in pleno.units:
            forms = {
                PPK: tallies.get((contest.code, unit.code, PPK.code), Tally()),
                PLENO: tallies.get((contest.code, unit.code, PLENO.code), Tally()),
            }
            for key, value in determined_form(forms).items():
                values[(contest.code, unit.code, str(key))] = value
    return values


def penetapan_in_force(session: Session) -> int:
    """The number of the penetapan the result was last determined at: the sessions closed."""
    return sum(1 for s in follow_up_store.sessions(session) if not s.is_open)


def record_determination(session: Session, pleno: Pleno, actor: str) -> FollowUpSession | None:
    """At a penetapan: close the open follow-up session (its number is the penetapan's) and keep
    the values determined; without a session, the values of the penetapan in force are kept
    anew (a result re-opened without a session and determined again). Returns the session
    closed, if any."""
    current = follow_up_store.open_session(session)
    if current is not None:
        follow_up_store.close_session(session, current.number, actor)
        number = current.number
    else:
        number = penetapan_in_force(session)
    follow_up_store.save_values(session, number, values_in(session, pleno), now_iso())
    return current


def keep_values_before_reopening(session: Session, pleno: Pleno) -> int:
    """Before a follow-up session reopens the result: the values of the penetapan in force,
    kept if they are not yet (a result determined before they were kept); its number."""
    number = penetapan_in_force(session)
    if not follow_up_store.has_values(session, number):
        # Kept late: which prints came before that penetapan is not known, so any print of
        # the determined result before the session opened counts as made under it.
        follow_up_store.save_values(
            session, number, values_in(session, pleno), _last_determined(session), 0
        )
    return number


def _last_determined(session: Session) -> str:
    """When the result was last determined (the stored DETERMINE move's time)."""
    determined = [m for m in procedure_store.moves(session) if m.move.kind is MoveKind.DETERMINE]
    return determined[-1].at.isoformat(timespec="seconds") if determined else ""
