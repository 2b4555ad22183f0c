"""The program opens again in every kind of place the meeting can be in.

The meeting is taken through the agenda with the services: the opening, the reading of the first
kecamatan, a later kecamatan and pemilihan, the last kecamatan, the closing items, penetapan and
a re-opened result. At each place the real program is started as a process under Xvfb with two
monitors; where an operator would, keys typed there send a scene live (F5), blank the screen (B)
or suspend the meeting (P, a reason, Enter). Once both windows show it is killed with SIGKILL and
started again: the cockpit must show the same place (the program logs the place it shows) and
the projector the same scene (its log line, and the picture on the projector monitor).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from rekap_desktop.domain.procedure import DETERMINATION, ProcedureState, Stop
from rekap_desktop.domain.roles import Action
from rekap_desktop.domain.signature import Signature
from rekap_desktop.error_log import LOG_FILE
from rekap_desktop.gui.main_window import shown_place
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.incident_service import IncidentService
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.procedure_records import ProcedureRecords, expected_forms
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.storage.engine import open_engine
from tests.confirming import confirmed
from tests.settling import settle_every_pair

pytestmark = pytest.mark.xvfb

OPERATOR = ("OPERATOR", "1366/361x768/203+0+0", "screen")
PROJECTOR = ("PROJECTOR", "1920/508x1080/286+1366+0", "none")
PROJECTOR_CROP = "1920x1080+1366+0"
SHOWN_WAIT_S = 45.0
"""A bound on one start, for a loaded CI machine; a start takes a few seconds."""
COMPARED = (192, 108)
"""The projector pictures are compared at this size: small differences of antialiasing and the
minute of a pause card's "sudah … menit" stay below the threshold, another scene does not."""
MAX_CHANGED = 0.03


@dataclass
class Desktop:
    env: dict[str, str]
    home: Path

    @property
    def log_file(self) -> Path:
        return self.home / "data" / "rekap-desktop" / "log" / LOG_FILE


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    """One Xvfb (two RandR monitors) and openbox for the module, on a free display number."""
    for tool in ("Xvfb", "xrandr", "xdotool", "import"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} tidak terpasang (CI memasangnya lewat .ci/run)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "3286x1080x24"]
        + ["-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    helpers: list[subprocess.Popen[bytes]] = []
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        assert ready, "Xvfb tidak memberi nomor layar"
        display = ":" + os.read(read_end, 16).decode().strip()
        home = tmp_path_factory.mktemp("rumah")
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(
            DISPLAY=display,
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            PYTHONPATH=os.pathsep.join(p for p in (os.getcwd(), env.get("PYTHONPATH")) if p),
        )
        for monitor in (OPERATOR, PROJECTOR):
            subprocess.run(["xrandr", "--setmonitor", *monitor], env=env, check=True)
        if shutil.which("openbox"):
            helpers.append(
                subprocess.Popen(
                    ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
        yield Desktop(env, home)
    finally:
        os.close(read_end)
        for process in [*helpers, server]:
            process.terminate()
            process.wait(timeout=10)


@dataclass(frozen=True)
class Shown:
    cockpit: str
    projector: str
    picture: QImage


class Program:
    """The real program on ``db``: started, watched from outside, killed."""

    def __init__(self, desktop: Desktop, db: Path) -> None:
        self.desktop = desktop
        self.db = db
        self.process: subprocess.Popen[bytes] | None = None
        self.output = db.with_suffix(".keluaran.txt")
        self._offset = 0
        self._shots = 0

    def start(self, windows: int = 2) -> None:
        """Start the program and wait until its windows show and say what they show."""
        self._offset = self.desktop.log_file.stat().st_size if self.desktop.log_file.exists() else 0
        with self.output.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "rekap_desktop", "--db", str(self.db)],
                env=self.desktop.env,
                stdout=output,
                stderr=output,
            )
        self._wait(lambda: bool(self.said("Kokpit: ") and self.said("Proyektor: ")))
        self._wait(lambda: self._windows() >= windows)

    def press(self, keys: str, live: str) -> None:
        """``keys`` typed in the cockpit as a person does ("p|istirahat|Return": the key P, the
        text typed, then Enter); waits until ``live`` is on the projector (its log line)."""
        assert self.process is not None
        cockpit = self._windows_found()[0]
        xdotool = ["xdotool"]
        subprocess.run([*xdotool, "windowactivate", "--sync", cockpit], env=self.desktop.env)
        for step, what in enumerate(keys.split("|")):
            if step % 2:  # typed text, between keys
                time.sleep(0.5)  # the dialog the key opened gets the focus
                command = [*xdotool, "type", "--delay", "30", what]
            else:
                command = [*xdotool, "key", what]
            subprocess.run(command, env=self.desktop.env, check=True)
        self._wait(lambda: self.said("Proyektor: ").startswith(live))

    def shown(self, like: QImage | None = None) -> Shown:
        """What the cockpit and the projector show, once the projector's picture is still (or,
        given ``like``, once it is that picture; the last one seen when it never is)."""
        deadline = time.monotonic() + SHOWN_WAIT_S
        if like is None:
            picture = self._settled_projector(deadline)
        else:
            picture = _grab(self.desktop)
            while _changed(like, picture) >= MAX_CHANGED and time.monotonic() < deadline:
                time.sleep(0.2)
                picture = _grab(self.desktop)
        self._shots += 1  # kept beside the database, to look at when a comparison fails
        shutil.copy(self.desktop.home / "proyektor.png", self.db.with_name(f"{self._shots}.png"))
        errors = [line for line in self._lines() if " ERROR " in line]
        assert errors == [], errors
        return Shown(self.said("Kokpit: "), self.said("Proyektor: "), picture)

    def _wait(self, done: Callable[[], bool]) -> None:
        assert self.process is not None
        deadline = time.monotonic() + SHOWN_WAIT_S
        while not done():
            assert self.process.poll() is None, self._died()
            assert time.monotonic() < deadline, f"tidak tercapai: {self._lines()[-5:]}"
            time.sleep(0.15)

    def _lines(self) -> list[str]:
        return _read_from(self.desktop.log_file, self._offset)

    def said(self, marker: str) -> str:
        return _last(self._lines(), marker)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(timeout=10) == -signal.SIGKILL

    def end(self) -> None:
        """Kill the program if a failed check left it running."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def _windows_found(self) -> list[str]:
        """The program's visible windows, the cockpit (the one with the menu bar) first."""
        assert self.process is not None
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid), "--name", "."],
            env=self.desktop.env,
            capture_output=True,
            text=True,
        )
        return sorted(found.stdout.split(), key=lambda w: "Proyektor" in self._title(w))

    def _title(self, window: str) -> str:
        named = subprocess.run(
            ["xdotool", "getwindowname", window],
            env=self.desktop.env,
            capture_output=True,
            text=True,
        )
        return named.stdout

    def _windows(self) -> int:
        return len(self._windows_found())

    def _settled_projector(self, deadline: float) -> QImage:
        """The projector monitor once two grabs in a row are the same picture."""
        previous = _grab(self.desktop)
        while time.monotonic() < deadline:
            time.sleep(0.3)
            current = _grab(self.desktop)
            if _changed(previous, current) == 0.0:
                return current
            previous = current
        raise AssertionError("gambar proyektor tidak tenang")

    def _died(self) -> str:
        return f"program berhenti: {self.output.read_text(errors='replace')[-3000:]}"


def _read_from(log: Path, offset: int) -> list[str]:
    if not log.exists():
        return []
    with log.open("rb") as stream:
        stream.seek(offset)
        return stream.read().decode("utf-8", errors="replace").splitlines()


def _last(lines: list[str], marker: str) -> str:
    found = [line.split(marker, 1)[1] for line in lines if marker in line]
    return found[-1] if found else ""


def _grab(desktop: Desktop) -> QImage:
    shot = desktop.home / "proyektor.png"
    subprocess.run(
        ["import", "-window", "root", "-crop", PROJECTOR_CROP, str(shot)],
        env=desktop.env,
        check=True,
    )
    image = QImage(str(shot))
    assert not image.isNull()
    return image.scaled(
        *COMPARED,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_RGB32)


def _changed(a: QImage, b: QImage) -> float:
    """Share of pixels that differ clearly between two pictures of the same size."""
    width, height = a.width(), a.height()
    changed = 0
    for y in range(height):
        for x in range(width):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((p >> s) & 255) - ((q >> s) & 255)) > 40 for s in (0, 8, 16)):
                changed += 1
    return changed / (width * height)


# -- taking the meeting through the agenda -------------------------------------------------


def walk(service: PlenoService, procedure: ProcedureService, to: Stop) -> ProcedureState:
    """Forward through the agenda to ``to``, doing each item's records as the operator does."""
    records = ProcedureRecords(procedure)
    pleno = service.pleno()
    for _ in range(500):
        state = procedure.state()
        if state.current == to:
            return state
        stop = state.current
        if stop.item == "4" and stop.unit and records.box_check(stop.unit) is None:
            records.record_box(stop.unit, True, expected_forms(pleno))
        if stop.item == "12" and records.objection_call() is None:
            records.record_objection_call(True)
        procedure.next()
    raise AssertionError(f"{to} tidak tercapai")


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PlenoService, Path]]:
    db = tmp_path_factory.mktemp("rapat") / "rapat.sqlite"
    service = PlenoService(open_engine(str(db)))
    load_demo(service)
    incidents = IncidentService(service)
    for entry in incidents.register():
        if entry.is_open and entry.number is not None:
            incidents.mark_unresolvable(
                entry.number,
                "Bawaslu berpendapat lain; dicatat",
                confirmed(service, Action.CLOSE_OBJECTION),
            )
    settle_every_pair(service)
    yield service, db
    service.engine.dispose()


PLACES: list[tuple[str, Stop, tuple[str, str] | None]] = [
    ("butir 1", Stop("1"), None),
    ("butir 2", Stop("2"), None),
    ("butir 3", Stop("3"), None),
    ("butir 4 kecamatan pertama", Stop("4", "647201"), None),
    ("butir 5 kecamatan pertama", Stop("5", "647201"), None),
    ("butir 6 kecamatan pertama", Stop("6", "647201"), None),
    (
        "butir 7 kecamatan pertama, rincian ditayangkan",
        Stop("7", "647201", "gubernur"),
        ("F5", "Tally("),
    ),
    (
        "skors (P) di butir 8 kecamatan kedua, pemilihan kedua",
        Stop("8", "647202", "walikota"),
        ("p|istirahat malam, dilanjutkan besok|Return", "Pause("),
    ),
    ("butir 9 kecamatan ketiga", Stop("9", "647203", "gubernur"), None),
    ("butir 10 kecamatan terakhir, layar hitam", Stop("10", "647210", "walikota"), ("b", "Blank(")),
    ("butir 12", Stop("12"), None),
    ("butir 13, rekapitulasi ditayangkan", Stop("13"), ("F5", "Recap(")),
    ("setelah penetapan", Stop(DETERMINATION), None),
    ("dibuka kembali", Stop(DETERMINATION), None),
]
"""(what, where, the key pressed there before the kill and the live scene it leads to)."""


def test_the_program_opens_again_at_the_same_place_after_sigkill(
    desktop: Desktop, meeting: tuple[PlenoService, Path], qapp: object
) -> None:
    service, db = meeting
    procedure = ProcedureService(service)
    program = Program(desktop, db)
    try:
        visit_every_place(service, procedure, program)
    finally:
        program.end()


def visit_every_place(service: PlenoService, procedure: ProcedureService, program: Program) -> None:
    for name, stop, key in PLACES:
        # GIVEN the meeting at this place (another process, as the services leave it)
        walk(service, procedure, stop)
        if name == "setelah penetapan":
            pleno = service.pleno()
            signatures = [Signature(m.name, m.position, True) for m in pleno.members]
            procedure.determine(signatures, confirmed(service, Action.DETERMINE))
        if name == "dibuka kembali":
            reopening = confirmed(service, Action.REOPEN_DETERMINED)
            procedure.reopen("salah ketik pada berita acara", reopening)
        service.engine.dispose()  # nothing of the test holds the database while it runs
        # WHEN the program is started there (and a key sends a scene live or blanks it) …
        program.start()
        if key is not None:
            program.press(*key)
        before = program.shown()
        # … killed with SIGKILL, and started again
        program.kill()
        procedure = ProcedureService(service)  # the meeting as the program left it
        state = procedure.state()
        assert state.paused == name.startswith("skors"), name
        service.engine.dispose()
        program.start()
        after = program.shown(like=before.picture)
        program.kill()
        # THEN the cockpit shows the same place, the one the meeting is at
        assert before.cockpit == shown_place(state), name
        assert after.cockpit == before.cockpit, name
        # AND the projector the same scene
        assert after.projector == before.projector, name
        assert _changed(before.picture, after.picture) < MAX_CHANGED, name
        if state.paused:
            assert after.projector.startswith("Pause("), name
            procedure.resume()


def test_in_skors_with_one_screen_the_program_opens_again(desktop: Desktop, tmp_path: Path) -> None:
    # GIVEN a meeting suspended at its first item, and a laptop with no projector attached
    db = tmp_path / "skors.sqlite"
    service = PlenoService(open_engine(str(db)))
    load_demo(service)
    ProcedureService(service).pause("istirahat malam; dilanjutkan besok")
    expected = shown_place(ProcedureService(service).state())
    service.engine.dispose()
    subprocess.run(["xrandr", "--delmonitor", PROJECTOR[0]], env=desktop.env, check=True)
    program = Program(desktop, db)
    try:
        # WHEN the program is started, killed with SIGKILL and started again
        program.start(windows=1)
        before = program.said("Kokpit: "), program.said("Proyektor: ")
        program.kill()
        program.start(windows=1)
        after = program.said("Kokpit: "), program.said("Proyektor: ")
        program.kill()
    finally:
        program.end()
        subprocess.run(["xrandr", "--setmonitor", *PROJECTOR], env=desktop.env, check=True)
    # THEN both times the cockpit shows the skors, with the pause card ready for the projector
    assert before == after
    assert before[0] == expected and expected.endswith("DISKORS")
    assert before[1].startswith("Pause(")
