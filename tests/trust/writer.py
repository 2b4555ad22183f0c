"""A writer process for the kill test: prints READY once the database is open, then records
actions forever (a form import, then a procedure move, in turn), acknowledging each one on stdout
only after its transaction has committed.

The moves follow one fixed cycle over items 1–3, so the place after the k-th move of the meeting
is ``PLACES[k % len(PLACES)]`` whichever writer process made it: the test can tell which place a
replay must reopen at."""

from __future__ import annotations

import sys
from pathlib import Path

from rekap_desktop.domain.procedure import Move, MoveKind, ProcedureState
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine

CYCLE = (
    Move(MoveKind.NEXT),
    Move(MoveKind.PAUSE, reason="uji mati listrik"),
    Move(MoveKind.RESUME),
    Move(MoveKind.NEXT),
    Move(MoveKind.BACK),
    Move(MoveKind.BACK),
)
PLACES = ("2:-:-:jalan", "2:-:-:skors", "2:-:-:jalan", "3:-:-:jalan", "2:-:-:jalan", "1:-:-:jalan")
"""The place after each move of ``CYCLE`` (the cycle starts and ends at item 1)."""


def place(state: ProcedureState) -> str:
    """The meeting's place as one word: item, kecamatan, pemilihan, paused or not."""
    current = state.current
    paused = "skors" if state.paused else "jalan"
    return f"{current.item}:{current.unit or '-'}:{current.contest or '-'}:{paused}"


def main(db: str, folder: str) -> None:
    service = PlenoService(open_engine(db), actor="penulis-uji")
    procedure = ProcedureService(service)
    files = sorted(Path(folder).glob("tally-*.csv"))
    moves = len(procedure.moments())
    print("READY", flush=True)
    number = 0
    while True:
        path = files[number % len(files)]
        service.import_tally_file(path)
        print(f"ACK {number} import {path.name}", flush=True)
        number += 1
        state = procedure.move(CYCLE[moves % len(CYCLE)])
        print(f"ACK {number} move {moves} {place(state)}", flush=True)
        moves += 1
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
