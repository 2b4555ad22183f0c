"""Sesi lanjutan: re-opening a determined result on a legal basis for the kecamatan in its scope
(ketua's PIN, one write with the procedure's re-opening move), the determined values of every
penetapan, and the changes a session made, each with the correction behind it."""

from __future__ import annotations

from dataclasses import dataclass

from rekap_desktop.domain import clock
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.confirmation import Confirmation
from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.follow_up import (
    BASIS_DOCUMENTS,
    FollowUpRequest,
    FollowUpSession,
    ValueChange,
    changes,
    open_problems,
)
from rekap_desktop.domain.labels import row_label
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.procedure import Move, MoveKind
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.penetapan_values import (
    DeterminedValues,
    keep_values_before_reopening,
    values_in,
)
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.procedure_state import stored_state
from rekap_desktop.storage import corrections_store, follow_up_store, prints
from rekap_desktop.storage.prints import StoredPrint
from rekap_desktop.storage.unit_of_work import Session, read

TITLE = "Sesi lanjutan"
OPEN_NOTE = " (sesi masih terbuka, belum ditetapkan)"


@dataclass(frozen=True)
class ChangeLine:
    """One determined value a session changed, as the berita acara lists it."""

    contest: str
    contest_title: str
    unit: str
    unit_name: str
    field: str
    row: str
    """The row as the D.Hasil prints it (naming the choice)."""
    before: int | None
    after: int | None
    reason: str
    """Why: the reason of the correction that made the value (empty: no correction made it)."""
    approved_by: str
    correction: int | None = None
    """The correction's number in the Daftar Pembetulan."""


class FollowUpService:
    """The follow-up sessions of the meeting, on the station's procedure (its view follows the
    re-opening at once)."""

    def __init__(self, procedure: ProcedureService) -> None:
        self.procedure = procedure
        self.pleno_service = procedure.pleno_service

    # -- reading ---------------------------------------------------------------------------

    def sessions(self) -> list[FollowUpSession]:
        with read(self.pleno_service.engine) as session:
            return follow_up_store.sessions(session)

    def current(self) -> FollowUpSession | None:
        """The session open now (None: none)."""
        with read(self.pleno_service.engine) as session:
            return follow_up_store.open_session(session)

    def latest(self) -> FollowUpSession | None:
        found = self.sessions()
        return found[-1] if found else None

    def session(self, number: int) -> FollowUpSession:
        found = next((s for s in self.sessions() if s.number == number), None)
        if found is None:
            raise InputRejected([Problem(f"sesi lanjutan ke-{number} tidak ada")], TITLE)
        return found

    def status_line(self) -> str:
        """The cockpit's line about the open session: "Sesi lanjutan ke-1 — Putusan MK Nomor
        …: PALARAN" (empty when none is open)."""
        current = self.current()
        if current is None:
            return ""
        pleno = self.pleno_service.pleno()
        names = [u.name for u in pleno.units if u.code in current.units]
        scope = ", ".join(names)
        if current.contests:
            titles = [c.title for c in pleno.contests if c.code in current.contests]
            scope += f" ({', '.join(titles)})"
        document = f"{BASIS_DOCUMENTS[current.basis]} Nomor {current.document_number}"
        return f"{current.title()} — {document}: {scope}"

    def penetapan_numbers(self) -> list[int]:
        """The penetapan whose determined values are kept (0: the first)."""
        with read(self.pleno_service.engine) as session:
            return follow_up_store.penetapan_numbers(session)

    def values(self, penetapan: int) -> DeterminedValues:
        """The values determined at ``penetapan`` (0: the first; N: the one closing session N)."""
        with read(self.pleno_service.engine) as session:
            if not follow_up_store.has_values(session, penetapan):
                raise InputRejected(
                    [Problem(f"nilai yang ditetapkan pada penetapan ke-{penetapan} tidak ada")],
                    TITLE,
                )
            return follow_up_store.determined_values(session, penetapan)

    def changes(self, number: int) -> list[ChangeLine]:
        """Every determined value session ``number`` changed, old → new, with the correction
        that made it; while the session is open, the changes made so far."""
        chosen = self.session(number)
        pleno = self.pleno_service.pleno()
        with read(self.pleno_service.engine) as session:
            before = follow_up_store.determined_values(session, number - 1)
            if chosen.is_open:
                after = values_in(session, pleno)
            else:
                after = follow_up_store.determined_values(session, number)
            found = changes(before, after)
            made = _corrections_since(session, chosen, found)
        return [self._line(change, made.get(_key(change))) for change in found]

    def _line(self, change: ValueChange, made: tuple[int, Correction] | None) -> ChangeLine:
        pleno = self.pleno_service.pleno()
        contest = pleno.contest(change.contest)
        unit = pleno.unit(change.unit)
        row = (
            row_label(contest, change.field, pleno.kind, unit.code if unit else None)
            if contest is not None
            else change.field
        )
        number, correction = made if made is not None else (None, None)
        return ChangeLine(
            change.contest,
            contest.title if contest else change.contest,
            change.unit,
            unit.name if unit else change.unit,
            change.field,
            row,
            change.before,
            change.after,
            _reason(correction),
            correction.approved_by if correction else "",
            number,
        )

    def frozen_print(
        self, kind: str, contest: str | None, penetapan: int
    ) -> tuple[StoredPrint, bytes]:
        """The form as printed while ``penetapan`` was in force — the last print of it made
        after that penetapan and before the next session opened — byte for byte, with the
        sidik data printed on it: the paper signed then, not a new rendering of its values."""
        with read(self.pleno_service.engine) as session:
            if not follow_up_store.has_values(session, penetapan):
                raise InputRejected([Problem(f"penetapan ke-{penetapan} tidak ada")], TITLE)
            after, until = follow_up_store.prints_of(session, penetapan)
            made_then = [
                p
                for p in prints.prints(session)
                if p.kind == kind
                and p.determined
                and p.id > after
                and (until is None or p.id <= until)
            ]
            found = prints_for(made_then, kind, contest)
            data = prints.pdf(session, found[-1].id) if found else None
        if not found or data is None:
            which = f" ({contest})" if contest else ""
            raise InputRejected(
                [
                    Problem(
                        f"formulir {kind}{which} tidak dicetak selama penetapan ke-{penetapan} "
                        "berlaku; nilai yang ditetapkan saat itu tetap tersimpan dan tercantum "
                        "sebagai nilai lama pada Berita Acara Rapat Pleno Lanjutan"
                    )
                ],
                TITLE,
            )
        return found[-1], data

    # -- opening ---------------------------------------------------------------------------

    def check_open(self, request: FollowUpRequest) -> None:
        """Whether the session may be opened, said before the ketua is asked for the PIN:
        raises InputRejected naming every reason; changes nothing."""
        with read(self.pleno_service.engine) as session:
            problems = self._problems(session, request)
        if problems:
            raise InputRejected([Problem(p) for p in problems], TITLE)

    def open(self, request: FollowUpRequest, confirmation: Confirmation | None) -> FollowUpSession:
        """Open the session in one write: the ketua's confirmation, the session with its basis
        and scope, the values of the penetapan being re-opened (kept if not yet), and the
        procedure's re-opening move (the result is open again, for the scope only)."""
        self.check_open(request)
        opened: list[FollowUpSession] = []

        def write(session: Session, _move_id: int) -> None:
            # The re-opening move was applied to the stored procedure under the same lock
            # (refused unless the result was determined); the rest is checked again here.
            problems = self._problems(session, request, determined=True)
            if problems:
                raise InputRejected([Problem(p) for p in problems], TITLE)
            keep_values_before_reopening(session, self.pleno_service.pleno())
            opened.append(follow_up_store.add_session(session, request, self.pleno_service.actor))

        number = len(self.sessions()) + 1
        payload: dict[str, object] = {
            "sesi_lanjutan": number,
            "dasar": request.basis.value,
            "nomor_dokumen": request.document_number.strip(),
            "tanggal_dokumen": request.document_date.isoformat() if request.document_date else None,
            "unit": list(request.units),
            "pemilihan_dalam_cakupan": list(request.contests),
            "uraian": request.description.strip(),
        }
        reason = f"Sesi lanjutan ke-{number}: {request.document_number.strip()}"
        self.procedure.move(
            Move(MoveKind.REOPEN, reason=reason),
            write,
            payload,
            AuditEvent.FOLLOW_UP_OPENED,
            confirmed=(confirmation, Action.OPEN_FOLLOW_UP),
        )
        return opened[0]

    def _problems(
        self, session: Session, request: FollowUpRequest, determined: bool | None = None
    ) -> list[str]:
        pleno = self.pleno_service.pleno()
        return open_problems(
            request,
            [u.code for u in pleno.units],
            [c.code for c in pleno.contests],
            stored_state(session, pleno).determined if determined is None else determined,
            follow_up_store.open_session(session),
            clock.now().date(),
        )


def _key(change: ValueChange) -> tuple[str, str, str]:
    return change.contest, change.unit, change.field


def _corrections_since(
    session: Session, chosen: FollowUpSession, found: list[ValueChange]
) -> dict[tuple[str, str, str], tuple[int, Correction]]:
    """The last correction of each changed field made during the session."""
    opened = clock.parse(chosen.opened_at)
    closed = clock.parse(chosen.closed_at) if chosen.closed_at else None
    wanted = {_key(c) for c in found}
    made: dict[tuple[str, str, str], tuple[int, Correction]] = {}
    for number, correction in corrections_store.all_corrections(session):
        key = (correction.contest, correction.unit, correction.field)
        at = clock.parse(correction.at)
        if key in wanted and at >= opened and (closed is None or at <= closed):
            made[key] = (number, correction)
    return made


def _reason(correction: Correction | None) -> str:
    if correction is None:
        return ""
    text = correction.reason_label
    return f"{text} ({correction.basis})" if correction.basis else text


def sessions_of(pleno_service: PlenoService) -> list[FollowUpSession]:
    """The meeting's follow-up sessions, oldest first (for the printing, which has no
    procedure of its own)."""
    with read(pleno_service.engine) as session:
        return follow_up_store.sessions(session)


def d_hasil_line(pleno_service: PlenoService) -> str:
    """What a D.Hasil printed after a follow-up session says of its values: "Sesi lanjutan ke-1
    berdasarkan Putusan MK Nomor … tanggal …" (empty before any session)."""
    found = sessions_of(pleno_service)
    if not found:
        return ""
    latest = found[-1]
    return latest.basis_line() + ("" if not latest.is_open else OPEN_NOTE)


def prints_for(made: list[StoredPrint], kind: str, contest: str | None) -> list[StoredPrint]:
    """The prints of ``contest``; without one, those of the only pemilihan the form was printed
    for (a form per pemilihan printed for several is refused, naming them)."""
    if contest is not None:
        return [p for p in made if p.contest == contest]
    printed_for = sorted({p.contest for p in made})
    if len(printed_for) > 1:
        raise InputRejected(
            [
                Problem(
                    f"formulir {kind} dicetak untuk beberapa pemilihan ({', '.join(printed_for)}); "
                    "sebutkan pemilihannya"
                )
            ],
            TITLE,
        )
    return made
