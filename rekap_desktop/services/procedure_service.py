"""Use cases of the tata cara rapat: moving through the 17 items and pausing, each move persisted
with its time and actor in the audit chain; the state is rebuilt from the store on start, again
whenever another station moved the meeting (:meth:`ProcedureService.reload`), and inside every
move's write transaction, so a move is always made against the stored procedure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.changes import Event
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.finding_decisions import open_error_text
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.procedure import (
    DETERMINATION,
    ITEM_BY_CODE,
    Move,
    MoveKind,
    Pairs,
    ProcedureState,
    Refusal,
    Stop,
    apply,
)
from rekap_desktop.domain.procedure_timing import Forecast, Moment, forecast, unit_elapsed
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.confirmations import require_confirmation
from rekap_desktop.services.corrections_service import CorrectionsService, finished_pairs
from rekap_desktop.services.finding_decisions import FindingDecisionService
from rekap_desktop.services.penetapan_values import record_determination
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_state import plan_of, replay
from rekap_desktop.services.signatories import signature_problems
from rekap_desktop.storage import procedure_store
from rekap_desktop.storage.procedure_store import Pause, StoredMove
from rekap_desktop.storage.unit_of_work import Session, read

Writer = Callable[[Session, int], None]
"""Writes a move's own records, given the id of the stored move."""


MAX_LISTED = 5
RELATIVE_MOVES = frozenset(
    {
        MoveKind.NEXT,
        MoveKind.BACK,
        MoveKind.PAUSE,
        MoveKind.RESUME,
        MoveKind.DETERMINE,
        MoveKind.REOPEN,
    }
)
"""Moves whose meaning depends on where the meeting is: made at a station whose view is older
than the stored procedure, they are refused instead of being applied to a place the operator
never saw (PgDn on item 1 would otherwise jump from item 2 to 3)."""


class ProcedureService:
    """The meeting's place in the procedure, shared by every window on the same database."""

    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno
        self.bus = pleno.bus
        self.plan = plan_of(pleno.pleno())
        self._last_id = 0
        """Id of the newest stored move this station has read."""
        self._moments = self._load()

    @property
    def actor(self) -> str:
        return self.pleno_service.actor

    def _load(self) -> list[Moment]:
        with read(self.pleno_service.engine) as session:
            entries = procedure_store.moves(session)
        self._last_id = entries[-1].id if entries else 0
        return replay(self.plan, entries)[0]

    def reload(self) -> bool:
        """Read the stored procedure again (another station may have moved, paused or determined
        the meeting); True when this station's view of it changed. Only a new stored move is
        replayed: another station's value entries cost one short query."""
        with read(self.pleno_service.engine) as session:
            if procedure_store.last_move_id(session) == self._last_id:
                return False
        moments = self._load()
        changed = _position(moments) != _position(self._moments) or len(moments) != len(
            self._moments
        )
        self._moments = moments
        return changed

    # -- reading ---------------------------------------------------------------------------

    def state(self) -> ProcedureState:
        return self._moments[-1].state if self._moments else ProcedureState()

    def moments(self) -> list[Moment]:
        return list(self._moments)

    def elapsed(self, now: datetime | None = None) -> dict[str, timedelta]:
        return unit_elapsed(self._moments, now or _now())

    def forecast(
        self, target_end: datetime | None, now: datetime | None = None, read: Pairs | None = None
    ) -> Forecast:
        """Kecamatan finished (every pemilihan marked selesai dibaca) and the time left; ``read``:
        the pairs read, when the caller has just read them."""
        finished = self.pairs_read() if read is None else read
        return forecast(self.plan, self._moments, now or _now(), target_end, finished)

    def pairs_read(self) -> Pairs:
        """(contest, unit) of every pair marked selesai dibaca with nothing about it open: the
        only pairs the cockpit counts, and the projector ticks, as read."""
        return finished_pairs(self.pleno_service)

    def unsettled(self, stop: Stop) -> list[str]:
        """Why the pair of a reading stop (7–10) may not be marked selesai dibaca now: fields
        still differing, register entries about it still open (empty: it may, or no pair)."""
        if stop.contest is None or stop.unit is None:
            return []
        return CorrectionsService(self.pleno_service).unsettled(stop.contest, stop.unit)

    def pauses(self) -> list[Pause]:
        with read(self.pleno_service.engine) as session:
            return procedure_store.pauses(session)

    def signatures(self) -> list[Signature]:
        with read(self.pleno_service.engine) as session:
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
        """Buka kembali a determined result: an explicit action of the ketua (their PIN) with a
        reason."""
        return self.move(
            Move(MoveKind.REOPEN, reason=reason.strip()),
            confirmed=(confirmation, Action.REOPEN_DETERMINED),
        )

    def determine(
        self, signatures: list[Signature], confirmation: Confirmation | None = None
    ) -> ProcedureState:
        """Penetapan: lock the result with each signatory's signature or refusal; the audit entry
        names the commissioner who confirmed it with their PIN. The values determined are kept
        as this penetapan's; an open follow-up session is closed by it (and named)."""
        payload: dict[str, object] = {"tanda_tangan": [asdict(s) for s in signatures]}

        def write(session: Session, move_id: int) -> None:
            procedure_store.add_signatures(session, move_id, signatures)
            closed = record_determination(session, self.pleno_service.pleno(), self.actor)
            # The session is read under the write lock: another station may have opened one.
            # ``move`` merges this payload into the audit entry after ``write`` has run.
            if closed is not None:
                payload["menutup_sesi_lanjutan"] = closed.number

        return self.move(
            Move(MoveKind.DETERMINE),
            write,
            payload,
            guard=lambda: self._determination_problems(signatures),
            confirmed=(confirmation, Action.DETERMINE),
        )

    def check_determination(self, signatures: list[Signature]) -> None:
        """Whether the result may be determined now, said before anyone is asked for a PIN:
        raises InputRejected naming every reason (the meeting not at the penetapan step, pairs
        not read, open entries, missing signatures or reasons); changes nothing."""
        with read(self.pleno_service.engine) as session:
            stored, _last = replay(self.plan, procedure_store.moves(session))
        state = stored[-1].state if stored else ProcedureState()
        refusal = apply(self.plan, state, Move(MoveKind.DETERMINE))
        problems = self._determination_problems(signatures)
        if isinstance(refusal, Refusal):
            problems.append(Problem(refusal.reason))
        if problems:
            raise InputRejected(problems, "Penetapan")

    def _determination_problems(self, signatures: list[Signature]) -> list[Problem]:
        problems = [
            Problem(f"kejadian/keberatan nomor {i.number} masih terbuka; selesaikan dahulu")
            for i in self.pleno_service.incidents()
            if i.status == IncidentStatus.TERBUKA.value
        ]
        problems.extend(self._unread_pairs())
        problems.extend(self._undecided_findings())
        if not signatures:
            problems.append(Problem("daftar penanda tangan kosong"))
        with read(self.pleno_service.engine) as session:
            attendance = procedure_store.attendance(session)
        problems.extend(signature_problems(self.pleno_service.pleno(), attendance, signatures))
        return problems

    def _undecided_findings(self) -> list[Problem]:
        """Every error of the determined values is corrected or decided by the meeting, even
        one that arose after its pair was marked read."""
        return [
            Problem(f"{e.unit.name} — {e.contest.title}: {open_error_text(e.finding)}")
            for e in FindingDecisionService(self.pleno_service).undecided_all()
        ]

    def _unread_pairs(self) -> list[Problem]:
        """Every kecamatan × pemilihan must be read with every difference settled (item 10)."""
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
        guard: Callable[[], list[Problem]] | None = None,
        confirmed: tuple[Confirmation | None, Action] | None = None,
    ) -> ProcedureState:
        """Apply ``move`` to the stored state; refused moves raise and change nothing.

        ``guard`` runs once the write lock is held (no other station can change what it checks
        before this move is stored); its problems refuse the move. ``confirmed``: the
        commissioner's confirmation the move needs, checked under the same lock and named in the
        audit entry.

        The stored moves are read inside the write transaction, after the write lock is taken:
        a step, skors or penetapan made at a station that has not yet seen another station's
        move is refused with where the meeting now is, and this station follows it."""
        seen = _position(self._moments)
        settled = False
        try:
            with self.pleno_service.write() as w:
                approval = require_confirmation(w.session, *confirmed) if confirmed else {}
                entries = procedure_store.moves(w.session)
                stored, last = replay(self.plan, entries)
                outcome = self._apply(stored, last, seen, move, guard)
                if isinstance(outcome, ProcedureState):
                    row = procedure_store.add_move(w.session, self.actor, move)
                    if write is not None:
                        write(w.session, row.id)
                    w.audit(event, _payload(move, outcome) | (extra or {}) | approval)
                    moments, last_id = [*stored, Moment(clock.parse(row.at), outcome)], row.id
                else:
                    # Nothing is written; every view re-reads what the other station committed.
                    w.changed(Event.OTHER_STATION)
                    moments, last_id = stored, entries[-1].id if entries else 0
                # Set before the unit ends: the views hear of the change after the commit and
                # read this station's state then.
                self._moments, self._last_id = moments, last_id
                settled = True
        except Exception:
            if settled:  # the commit failed (or a view hearing of it): follow what is stored
                self._moments = self._load()
            raise
        if isinstance(outcome, InputRejected):
            raise outcome
        return outcome

    def _apply(
        self,
        stored: list[Moment],
        last: StoredMove | None,
        seen: tuple[Stop, bool, bool],
        move: Move,
        guard: Callable[[], list[Problem]] | None,
    ) -> ProcedureState | InputRejected:
        """The state after ``move``; the refusal to raise once the transaction ended when this
        station's view is behind the stored procedure. The guard's and a rule's refusals raise
        at once."""
        if move.kind in RELATIVE_MOVES and _position(stored) != seen:
            return self._overtaken(stored, last)
        problems = guard() if guard is not None else []
        if problems:
            raise InputRejected(problems, "Penetapan")
        state = stored[-1].state if stored else ProcedureState()
        result = apply(self.plan, state, move)
        if isinstance(result, Refusal):
            raise InputRejected([Problem(result.reason)], "Tata cara rapat")
        return result

    def _overtaken(self, stored: list[Moment], last: StoredMove | None) -> InputRejected:
        state = stored[-1].state if stored else ProcedureState()
        where = self.stop_label(state.current)
        if state.determined:
            where += ", hasil sudah ditetapkan"
        elif state.paused:
            where += ", rapat sedang diskors"
        by = f" oleh {last.actor} pukul {last.at.astimezone():%H.%M.%S}" if last is not None else ""
        return InputRejected(
            [
                Problem(
                    f"Langkah rapat sudah diubah di stasiun lain{by}: sekarang {where}. "
                    "Langkah Anda tidak dijalankan; tampilan sudah diperbarui. Periksa langkah "
                    "sekarang, lalu ulangi bila masih perlu."
                )
            ],
            "Tata cara rapat",
        )

    def stop_label(self, stop: Stop) -> str:
        """'butir 8 (Pembacaan D.Hasil Kecamatan oleh PPK), Kecamatan UTARA, Pemilihan …'."""
        item = ITEM_BY_CODE[stop.item]
        label = "penetapan" if stop.item == DETERMINATION else f"butir {stop.item}"
        parts = [f"{label} ({item.title})"]
        pleno = self.pleno_service.pleno()
        unit = pleno.unit(stop.unit) if stop.unit else None
        if unit is not None:
            parts.append(f"Kecamatan {unit.name}")
        contest = pleno.contest(stop.contest) if stop.contest else None
        if contest is not None:
            parts.append(contest.title)
        return ", ".join(parts)


def _position(moments: list[Moment]) -> tuple[Stop, bool, bool]:
    """Where the meeting is, as an operator sees it: the stop, skors, penetapan."""
    state = moments[-1].state if moments else ProcedureState()
    return state.current, state.paused, state.determined


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
