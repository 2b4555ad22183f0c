"""Power cuts: a writer is killed with SIGKILL at random moments, 200 times. After every kill the
database passes PRAGMA integrity_check, the audit chain and every value verify, every action
acknowledged before the kill is there, and the program reopens at the procedure place of the last
acknowledged move (or of the one move after it, committed just before the kill)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rekap_desktop.domain.procedure import ProcedureState
from rekap_desktop.services.integrity import verify_integrity
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.fixtures import HEADER, write_setup
from tests.trust.writer import PLACES, place

KILLS = int(os.environ.get("REKAP_KILLS", "200"))
WRITER = Path(__file__).with_name("writer.py")
# A slow machine may need seconds to import and open the database; the kill waits for READY.
READY_TIMEOUT = 60.0


def _tally_files(folder: Path) -> None:
    for i in range(3):
        rows = [HEADER] + [
            f"walikota,{unit},,ppk,{700 + i},{100 + i},{580 + unit_index},"
            f"{680 + i + unit_index},{20},{700 + i + unit_index}"
            for unit_index, unit in enumerate(("990101", "990102"))
        ]
        (folder / f"tally-{i}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


class Writers:
    """A fork server of writer processes (writer.py --zygote): each ``run_and_kill`` starts a
    fresh writer process and kills it with SIGKILL ``delay`` seconds after it said READY (it has
    opened the database by then, however slow the machine)."""

    def __init__(self, db: Path, folder: Path) -> None:
        self.folder = folder
        self.server = subprocess.Popen(
            [sys.executable, str(WRITER), "--zygote", str(db), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def _answer(self, word: str) -> str:
        assert self.server.stdout is not None
        line = self.server.stdout.readline()
        assert line.startswith(word), f"server penulis: {line!r}"
        return line.split()[-1]

    def run_and_kill(self, delay: float) -> list[list[str]]:
        """What the killed writer acknowledged, one list of words per action: ``["import",
        FILE]`` or ``["move", K, PLACE]``."""
        assert self.server.stdin is not None
        output = self.folder / "writer.out"
        # Gone before the writer starts: the last writer's READY and ACKs must never be read.
        output.unlink(missing_ok=True)
        self.server.stdin.write(f"GO {output}\n")
        self.server.stdin.flush()
        pid = int(self._answer("PID"))
        deadline = time.monotonic() + READY_TIMEOUT
        while not _said_ready(output) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert _said_ready(output), "penulis tidak siap"
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        self._answer("DONE")
        text = output.read_text(encoding="utf-8")
        # A line cut by the kill is no acknowledgement: only whole lines count.
        whole = text.splitlines() if text.endswith("\n") else text.splitlines()[:-1]
        return [line.split()[2:] for line in whole if line.startswith("ACK")]

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=30)


def _said_ready(output: Path) -> bool:
    return output.exists() and output.read_text(encoding="utf-8").startswith("READY")


def _imported_files(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT payload FROM audit_entry WHERE event = 'tallies_imported' ORDER BY id"
        ).fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    return [json.loads(payload)["berkas"] for (payload,) in rows]


def test_two_hundred_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    # GIVEN a meeting and a writer that imports forms and moves through the procedure in a loop
    db = tmp_path / "kill.sqlite"
    service = PlenoService(open_engine(str(db)))
    service.create_from_setup_file(write_setup(tmp_path))
    service.engine.dispose()
    _tally_files(tmp_path)
    rng = random.Random(17)
    acknowledged: list[str] = []
    last_move = (-1, place(ProcedureState()))
    moves_acknowledged = 0
    runs_since_move = 0
    writers = Writers(db, tmp_path)
    for kill in range(KILLS):
        # WHEN the writer is killed at a random moment
        actions = writers.run_and_kill(rng.uniform(0.0, 0.7))
        acknowledged += [words[1] for words in actions if words[0] == "import"]
        moves = [(int(words[1]), words[2]) for words in actions if words[0] == "move"]
        moves_acknowledged += len(moves)
        last_move = moves[-1] if moves else last_move
        runs_since_move = 1 if moves else runs_since_move + 1
        # THEN the file is sound, the chain and values verify, every acknowledged action is there
        imported = _imported_files(db)
        assert _is_subsequence(acknowledged, imported)
        assert len(imported) - len(acknowledged) <= kill + 1
        # THEN the procedure reopens where the last acknowledged move left it
        _assert_integrity_and_place(db, last_move, runs_since_move)
    writers.close()
    assert len(acknowledged) > KILLS // 2
    assert moves_acknowledged > KILLS // 2


def _assert_integrity_and_place(db: Path, last_move: tuple[int, str], runs: int) -> None:
    """The chain and values verify, and the replayed place is that of the last acknowledged move;
    a move committed but killed before its acknowledgement may be the one replayed instead: at
    most one such move per writer killed since (``runs``), each the next one of the cycle."""
    engine = open_engine(str(db))
    try:
        service = PlenoService(engine)
        report = verify_integrity(service)
        procedure = ProcedureService(service)
        replayed, recorded = place(procedure.state()), len(procedure.moments())
    finally:
        engine.dispose()
    assert report.ok, (report.chain.reason, report.mismatches[:3])
    acknowledged, acknowledged_place = last_move
    assert acknowledged <= recorded - 1 <= acknowledged + runs, (recorded, acknowledged, runs)
    if recorded - 1 == acknowledged:
        assert replayed == acknowledged_place
    else:
        assert replayed == PLACES[(recorded - 1) % len(PLACES)]


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    """An action committed but killed before its acknowledgement may sit between acked ones."""
    remaining = iter(whole)
    return all(any(item == candidate for candidate in remaining) for item in part)
