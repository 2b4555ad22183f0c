"""The print service as the meeting uses it: fed by the procedure (penetapan, the current pause,
the proceedings of the meeting for the berita acara) and signed off with this installation's key
sidik in every footer."""

from __future__ import annotations

from datetime import datetime

from rekap_desktop.domain.procedure import ProcedureState, stop_label
from rekap_desktop.services.keys import installation_fingerprint
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.print_service import PrintService
from rekap_desktop.services.procedure_service import ProcedureService


def meeting_print_service(pleno: PlenoService) -> PrintService:
    def procedure() -> ProcedureService:
        return ProcedureService(pleno)  # fresh: another station may have moved the meeting

    return PrintService(
        pleno,
        determined=lambda _contest: procedure().state().determined,
        pause_note=lambda: pause_note(procedure()),
        proceedings=lambda: proceedings(procedure()),
        installation_key=installation_fingerprint,
    )


def _clock(at: str | datetime) -> str:
    moment = datetime.fromisoformat(at) if isinstance(at, str) else at
    return moment.strftime("%H.%M")


def pause_note(procedure: ProcedureService) -> str:
    """When and why the meeting is suspended, for the skors form; empty when it is not."""
    current = next((p for p in reversed(procedure.pauses()) if p.ended_at is None), None)
    if current is None:
        return ""
    reason = f": {current.reason}" if current.reason else ""
    return f"Rapat diskors sejak pukul {_clock(current.started_at)}{reason}"


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
