"""Use cases of the tata cara rapat: moving through the 17 items and pausing, each move persisted
with its time and actor in the audit chain; the state is rebuilt from the store on start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.procedure import (
    Move,
    MoveKind,
    Plan,
    ProcedureState,
    Refusal,
    Stop,
    apply,
)
from rekap_desktop.domain.procedure_timing import Forecast, Moment, forecast, unit_elapsed
from rekap_desktop.interchange.problems import InputRejected, Problem
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.transactions import write_transaction
from rekap_desktop.services.users_service import Confirmation
from rekap_desktop.storage import audit, procedure_store
from rekap_desktop.storage.procedure_store import Pause, Signature

Writer = Callable[[Session, int], None]
"""Writes a move's own records, given the id of the stored move."""


MAX_LISTED = 5


class ProcedureService:
    """The meeting's place in the procedure, shared by every window on the same database."""

    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno
        self.bus = pleno.bus
        setup = pleno.pleno()
        self.plan = Plan(tuple(u.code for u in setup.units), tuple(c.code for c in setup.contests))
        self._moments = self._load()

    @property
    def actor(self) -> str:
        return self.pleno_service.actor

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        # The shared write transaction: on PostgreSQL every station's writes take one lock.
        with write_transaction(self.pleno_service.engine) as session:
            yield session

    def _load(self) -> list[Moment]:
        with Session(self.pleno_service.engine) as session:
            stored = procedure_store.moves(session)
        moments: list[Moment] = []
        state = ProcedureState()
        for entry in stored:
            result = apply(self.plan, state, entry.move)
            if isinstance(result, ProcedureState):
                state = result
                moments.append(Moment(entry.at, state))
        return moments

    # -- reading ---------------------------------------------------------------------------

    def state(self) -> ProcedureState:
        return self._moments[-1].state if self._moments else ProcedureState()

    def moments(self) -> list[Moment]:
        return list(self._moments)

    def elapsed(self, now: datetime | None = None) -> dict[str, timedelta]:
        return unit_elapsed(self._moments, now or _now())

    def forecast(self, target_end: datetime | None, now: datetime | None = None) -> Forecast:
        return forecast(self.plan, self._moments, now or _now(), target_end)

    def pauses(self) -> list[Pause]:
        with Session(self.pleno_service.engine) as session:
            return procedure_store.pauses(session)

    def signatures(self) -> list[Signature]:
        with Session(self.pleno_service.engine) as session:
            return procedure_store.signatures(session)

    # -- moving ----------------------------------------------------------------------------

    def next(self) -> ProcedureState:
        """PageDown: the current stop is done; go to the next one."""
        return self.move(Move(MoveKind.NEXT))

    def back(self) -> ProcedureState:
        """PageUp: return to the previous stop (recorded; a meeting may go back)."""
        return self.move(Move(MoveKind.BACK))

    def go_to(self, stop: Stop) -> ProcedureState:
        return self.move(Move(MoveKind.GO_TO, stop))

    def pause(self, reason: str) -> ProcedureState:
        """Skors (item 11)."""
        text = reason.strip()
        return self.move(
            Move(MoveKind.PAUSE, reason=text), lambda s, _id: procedure_store.start_pause(s, text)
        )

    def resume(self) -> ProcedureState:
        return self.move(Move(MoveKind.RESUME), lambda s, _id: procedure_store.end_pause(s))

    def reopen(self, reason: str, confirmation: Confirmation | None = None) -> ProcedureState:
        """Buka kembali a determined result: an explicit commissioner action with a reason."""
        confirmed = confirmation.audit_fields() if confirmation else {}
        return self.move(Move(MoveKind.REOPEN, reason=reason.strip()), extra=dict(confirmed))

    def determine(
        self, signatures: list[Signature], confirmation: Confirmation | None = None
    ) -> ProcedureState:
        """Penetapan: lock the result with each signatory's signature or refusal; the audit entry
        names the commissioner who confirmed it with their PIN."""
        problems = self._determination_problems(signatures)
        if problems:
            raise InputRejected(problems, "Penetapan")
        payload: dict[str, object] = {"tanda_tangan": [asdict(s) for s in signatures]}
        if confirmation is not None:
            payload.update(confirmation.audit_fields())
        return self.move(
            Move(MoveKind.DETERMINE),
            lambda s, move_id: procedure_store.add_signatures(s, move_id, signatures),
            payload,
        )

    def _determination_problems(self, signatures: list[Signature]) -> list[Problem]:
        problems = [
            Problem(f"kejadian/keberatan nomor {i.number} masih terbuka; selesaikan dahulu")
            for i in self.pleno_service.incidents()
            if i.status == IncidentStatus.TERBUKA.value
        ]
        problems.extend(self._unread_pairs())
        if not signatures:
            problems.append(Problem("daftar penanda tangan kosong"))
        problems.extend(
            Problem(f"{s.name}: alasan menolak menandatangani wajib diisi")
            for s in signatures
            if not s.signed and not s.reason.strip()
        )
        return problems

    def _unread_pairs(self) -> list[Problem]:
        """Every kecamatan × pemilihan must be read with every difference settled (item 10)."""
        from rekap_desktop.services.corrections_service import CorrectionsService

        read = CorrectionsService(self.pleno_service).pairs_read()
        pleno = self.pleno_service.pleno()
        unread = [
            f"{unit.name} — {contest.title}"
            for contest in pleno.contests
            for unit in pleno.units
            if (contest.code, unit.code) not in read
        ]
        if not unread:
            return []
        listed = "; ".join(unread[:MAX_LISTED])
        more = f" dan {len(unread) - MAX_LISTED} lainnya" if len(unread) > MAX_LISTED else ""
        return [
            Problem(
                f"belum selesai dibaca atau masih ada selisih yang belum diselesaikan: "
                f"{listed}{more}"
            )
        ]

    def record(self, stop: Stop | None, write: Writer, payload: dict[str, object]) -> None:
        """Save the record of an agenda item (at ``stop``, when it belongs to one) in one
        transaction with its audit entry."""
        self.move(Move(MoveKind.RECORD, stop), write, payload, AuditEvent.PROCEDURE_RECORDED)

    def move(
        self,
        move: Move,
        write: Writer | None = None,
        extra: dict[str, object] | None = None,
        event: AuditEvent = AuditEvent.PROCEDURE_MOVED,
    ) -> ProcedureState:
        """Apply ``move`` to the stored state; refused moves raise and change nothing."""
        with self._transaction() as session:
            result = apply(self.plan, self._replay(session), move)
            if isinstance(result, Refusal):
                raise InputRejected([Problem(result.reason)], "Tata cara rapat")
            row = procedure_store.add_move(session, self.actor, move)
            if write is not None:
                write(session, row.id)
            audit.append(session, self.actor, event, _payload(move, result) | (extra or {}))
        self._moments.append(Moment(clock.parse(row.at), result))
        self.bus.publish(Change(event))
        return result

    def _replay(self, session: Session) -> ProcedureState:
        state = ProcedureState()
        for entry in procedure_store.moves(session):
            result = apply(self.plan, state, entry.move)
            state = result if isinstance(result, ProcedureState) else state
        return state


def _payload(move: Move, state: ProcedureState) -> dict[str, object]:
    target = move.target
    return {
        "langkah": move.kind.value,
        "tujuan": [target.item, target.unit, target.contest] if target else None,
        "alasan": move.reason,
        "posisi": [state.current.item, state.current.unit, state.current.contest],
        "skors": state.paused,
        "ditetapkan": state.determined,
    }


def _now() -> datetime:
    return clock.now()
