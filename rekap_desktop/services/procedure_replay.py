"""The stored procedure, replayed: the moves as storage keeps them applied one after another to
the meeting's plan. The procedure service keeps its moments from it, and the result lock asks
it whether the result is determined without building a procedure service (the meeting's own
service guards its imports with the lock, so the lock must not depend on services above it)."""

from __future__ import annotations

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.procedure import MoveKind, Plan, ProcedureState, apply
from rekap_desktop.domain.procedure_timing import Moment
from rekap_desktop.storage import procedure_store
from rekap_desktop.storage.procedure_store import StoredMove
from rekap_desktop.storage.unit_of_work import Session


def plan_of(pleno: Pleno) -> Plan:
    """The 17 items over the meeting's kecamatan and pemilihan."""
    return Plan(tuple(u.code for u in pleno.units), tuple(c.code for c in pleno.contests))


def replay(plan: Plan, stored: list[StoredMove]) -> tuple[list[Moment], StoredMove | None]:
    """The moments of the stored moves (refused ones skipped) and the last applied move."""
    moments: list[Moment] = []
    state = ProcedureState()
    last: StoredMove | None = None
    for entry in stored:
        result = apply(plan, state, entry.move)
        if isinstance(result, ProcedureState):
            state = result
            moments.append(Moment(entry.at, state))
            if entry.move.kind is not MoveKind.RECORD:
                last = entry
    return moments, last


def stored_state(session: Session, plan: Plan) -> ProcedureState:
    """The stored procedure's state, read in ``session`` (e.g. a write transaction)."""
    moments = replay(plan, procedure_store.moves(session))[0]
    return moments[-1].state if moments else ProcedureState()
