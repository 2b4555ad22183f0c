"""The print service as the meeting uses it: fed by the procedure (penetapan, the current pause,
the proceedings of the meeting for the berita acara) and signed off with this installation's key
sidik in every footer."""

from __future__ import annotations

from datetime import datetime

from rekap_desktop.domain import clock
from rekap_desktop.domain.procedure import ProcedureState, stop_label
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import PrintService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.text.numbers import format_date


def meeting_print_service(pleno: PlenoService) -> PrintService:
    def procedure() -> ProcedureService:
        return ProcedureService(pleno)  # fresh: another station may have moved the meeting

    return PrintService(
        pleno,
        determined=lambda _contest: procedure().state().determined,
        pause_note=lambda: pause_note(procedure()),
        proceedings=lambda: proceedings(procedure()),
        installation_key=installation_fingerprint,
        determined_at=lambda: determined_at(procedure()),
    )


def _clock(at: str | datetime) -> str:
    moment = clock.parse(at) if isinstance(at, str) else at
    return moment.strftime("%H.%M")


def _day(at: str) -> str:
    return format_date(clock.parse(at).date())


def pause_note(procedure: ProcedureService) -> str:
    """When and why the meeting was suspended, for the skors form: the skors going on, or else
    the last one (a catatan skors printed after the skors was lifted still says which skors it
    documents); empty when the meeting was never suspended."""
    pauses = procedure.pauses()
    current = next((p for p in reversed(pauses) if p.ended_at is None), None)
    last = current or (pauses[-1] if pauses else None)
    if last is None:
        return ""
    reason = f": {last.reason}" if last.reason else ""
    start = f"pukul {_clock(last.started_at)} ({_day(last.started_at)})"
    if last.ended_at is None:
        return f"Rapat diskors sejak {start}{reason}"
    end = f"pukul {_clock(last.ended_at)}"
    if _day(last.ended_at) != _day(last.started_at):
        end += f" ({_day(last.ended_at)})"
    return f"Rapat diskors {start} sampai {end}; skors telah dicabut{reason}"


def determined_at(procedure: ProcedureService) -> datetime | None:
    """When the penetapan in force was made: the move that determined the result last, unless
    it has been reopened since (None then, and before any penetapan)."""
    at: datetime | None = None
    for moment in procedure.moments():
        if not moment.state.determined:
            at = None
        elif at is None:
            at = moment.at
    return at


def proceedings(procedure: ProcedureService) -> list[tuple[str, str]]:
    """(time, what happened) for the berita acara: every step reached, pauses, penetapan."""
    lines: list[tuple[str, str]] = []
    previous: ProcedureState | None = None
    for moment in procedure.moments():
        state, when = moment.state, _clock(moment.at)
        if previous is None or state.paused != previous.paused:
            if state.paused:
                lines.append((when, "Rapat diskors"))
            elif previous is not None:
                lines.append((when, "Skors dicabut; rapat dilanjutkan"))
        if state.determined and not (previous and previous.determined):
            lines.append((when, "Penetapan hasil rekapitulasi"))
        elif previous is not None and previous.determined and not state.determined:
            lines.append((when, "Hasil dibuka kembali"))
        elif previous is None or state.current != previous.current:
            lines.append((when, stop_label(state.current)))
        previous = state
    return lines
