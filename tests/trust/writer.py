"""A writer process for the kill test: prints READY once the database is open, then records
actions forever (a form import, then a procedure move, in turn), acknowledging each one on stdout
only after its transaction has committed.

``--zygote`` runs it as a fork server instead: the imports are done once, and each ``GO FILE`` line
on standard input forks a fresh writer process whose output goes to FILE; the server answers
``PID n``, reaps the writer when it is killed and answers ``DONE``. A kill then costs a fork, not a
Python start-up, so 200 of them fit the suite's time.

The moves follow one fixed cycle over items 1–3, so the place after the k-th move of the meeting
is ``PLACES[k % len(PLACES)]`` whichever writer process made it: the test can tell which place a
replay must reopen at."""

from __future__ import annotations

import os
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


def zygote(db: str, folder: str) -> None:
    for line in sys.stdin:
        command, _, target = line.strip().partition(" ")
        if command != "GO":
            return
        pid = os.fork()
        if pid == 0:  # the writer: its own process, opening the database itself
            out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1)
            sys.stdout = os.fdopen(1, "w", buffering=1)
            try:
                main(db, folder)
            finally:  # never back into the server's loop, whatever happened
                os._exit(1)
        print(f"PID {pid}", flush=True)
        os.waitpid(pid, 0)
        print("DONE", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--zygote":
        zygote(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1], sys.argv[2])
