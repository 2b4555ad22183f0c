"""The real program on a real X display, driven as a person drives it.

An ``XDisplay`` is a private Xvfb (two RandR monitors, or one laptop screen) with openbox as the
window manager, so windows get real focus. A ``Program`` is ``python -m rekap_desktop`` started as
a process on a fresh database with its own data, settings and key folders; the test talks to it
only through keys and typing (xdotool), the screen (screenshots) and, from outside, the command
line on the same database. Every wait is a bounded poll; only processes started here are ended.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[2]
COCKPIT_TITLE = "Rekap Desktop — "
PROJECTOR_TITLE = "Proyektor — Rekap Desktop"
TOOLS = ("Xvfb", "openbox", "xdotool", "xrandr", "xwininfo", "xprop", "import")
WAIT = 30.0
"""Upper bound of any single wait (a slow shared CI machine); a wait ends as soon as it is met."""

T = TypeVar("T")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def poll(what: str, probe: Callable[[], T | None], timeout: float = WAIT) -> T:
    """``probe()`` until it gives something truthy, at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"tidak terjadi dalam {timeout:.0f} detik: {what}")
        time.sleep(0.05)


@dataclass(frozen=True)
class Monitor:
    name: str
    width: int
    height: int
    x: int

    def randr(self) -> str:
        # Physical size at ~96 dpi: width/mm x height/mm + x + y.
        width_mm, height_mm = self.width * 254 // 960, self.height * 254 // 960
        return f"{self.width}/{width_mm}x{self.height}/{height_mm}+{self.x}+0"

    @property
    def crop(self) -> str:
        return f"{self.width}x{self.height}+{self.x}+0"


OPERATOR = Monitor("OPERATOR", 1366, 768, 0)
PROJECTOR = Monitor("PROJECTOR", 1920, 1080, 1366)


class XDisplay:
    """A private Xvfb (``-displayfd``: a free display number, ``-noreset``) with openbox."""

    def __init__(self, folder: Path, monitors: Sequence[Monitor]) -> None:
        self.folder = folder
        self.monitors = list(monitors)
        width = max(m.x + m.width for m in monitors)
        height = max(m.height for m in monitors)
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24"]
            + ["-nolisten", "tcp", "-noreset"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            number = pipe.readline().strip()
        if not number:
            self.server.kill()
            self.server.wait()
            raise RuntimeError("Xvfb tidak memberi nomor layar")
        self.name = f":{number.decode()}"
        home = folder / "wm-home"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
            "DISPLAY": self.name,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
        }
        self.wm: subprocess.Popen[bytes] | None = None
        try:
            self._monitors()
            self.wm = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            poll("openbox berjalan", self._wm_running, 15)
        except BaseException:
            self.close()
            raise

    def _monitors(self) -> None:
        first = True
        for monitor in self.monitors:
            self.xrandr(
                "--setmonitor", monitor.name, monitor.randr(), "screen" if first else "none"
            )
            first = False

    def _wm_running(self) -> bool:
        done = self.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], check=False)
        return "window id" in done.stdout

    def run(self, command: Sequence[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command), env=self.env, capture_output=True, text=True, check=check, timeout=WAIT
        )

    def xrandr(self, *args: str) -> None:
        self.run(["xrandr", *args])

    def unplug(self, monitor: Monitor) -> None:
        """The projector's cable pulled: the RandR monitor goes (Qt's screenRemoved)."""
        self.xrandr("--delmonitor", monitor.name)

    def plug(self, monitor: Monitor) -> None:
        self.xrandr("--setmonitor", monitor.name, monitor.randr(), "none")

    def screenshot(self, path: Path, monitor: Monitor | None = None) -> Path:
        command = ["import", "-window", "root"]
        if monitor is not None:
            command += ["-crop", monitor.crop, "+repage"]
        self.run([*command, str(path)])
        return path

    def close(self) -> None:
        for process in (self.wm, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@dataclass(frozen=True)
class Position:
    """Where the meeting stands, as the last procedure entry of the audit chain records it."""

    item: str
    unit: str | None
    contest: str | None
    paused: bool
    determined: bool
    moves: int


class Program:
    """``python -m rekap_desktop --db DB`` on ``display`` with private data/settings folders."""

    def __init__(
        self, display: XDisplay, folder: Path, db: Path | None = None, url: str | None = None
    ) -> None:
        """``url``: a database server's SQLAlchemy URL instead of the SQLite file ``db`` (the
        position and audit look-ups below read the SQLite file only)."""
        self.display = display
        self.folder = folder
        self.db = db or folder / "pleno.sqlite"
        self.db_arg = url or str(self.db)
        for sub in ("home", "data", "config", "cache", "kunci"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self.env = {
            **display.env,
            "HOME": str(folder / "home"),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "REKAP_KEY_DIR": str(folder / "kunci"),
            "PYTHONPATH": str(REPO),
            "PYTHONFAULTHANDLER": "1",
            "LANG": "C.UTF-8",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.runs = 0

    # -- the process -----------------------------------------------------------------------

    def start(self) -> None:
        self.runs += 1
        self.stderr_path = self.folder / f"stderr-{self.runs}.txt"
        with (
            open(self.folder / f"stdout-{self.runs}.txt", "wb") as out,
            open(self.stderr_path, "wb") as err,
        ):
            self.process = subprocess.Popen(
                [sys.executable, "-m", "rekap_desktop", "--db", self.db_arg],
                env=self.env,
                cwd=self.folder,
                stdout=out,
                stderr=err,
            )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.runs else ""

    def wait_exit(self, timeout: float = WAIT) -> int:
        assert self.process is not None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise AssertionError(
                f"program masih berjalan {timeout:.0f} detik setelah diminta keluar"
            ) from error

    def kill(self) -> None:
        """SIGKILL, as a power cut or the task manager does."""
        if self.running():
            assert self.process is not None
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=WAIT)

    # -- windows ---------------------------------------------------------------------------

    def windows(self) -> dict[int, str]:
        """Visible top-level windows of this process: id → title."""
        if not self.running():
            return {}
        found = self.display.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(self.pid), "--name", "."],
            check=False,
        )
        titles: dict[int, str] = {}
        for line in found.stdout.split():
            name = self.display.run(["xdotool", "getwindowname", line], check=False).stdout
            if name.strip():
                titles[int(line)] = name.strip()
        return titles

    def window(self, title: str | re.Pattern[str], timeout: float = WAIT) -> int:
        """The window whose title contains ``title`` (or matches the pattern), once shown."""

        def probe() -> int | None:
            self.assert_alive()
            for wid, name in self.windows().items():
                if title.search(name) if isinstance(title, re.Pattern) else title in name:
                    return wid
            return None

        return poll(f"jendela '{title}'", probe, timeout)

    def gone(self, title: str, timeout: float = WAIT) -> None:
        poll(
            f"jendela '{title}' tertutup",
            lambda: not any(title in n for n in self.windows().values()),
            timeout,
        )

    def active_title(self) -> str:
        done = self.display.run(["xdotool", "getactivewindow", "getwindowname"], check=False)
        return done.stdout.strip()

    def geometry(self, wid: int) -> tuple[int, int, int, int]:
        """x, y, width, height of a window on the whole X screen (frame excluded)."""
        # xwininfo's absolute corner is right under a reparenting window manager (xdotool's
        # counts the frame twice).
        out = self.display.run(["xwininfo", "-id", str(wid)]).stdout
        values = {
            key.strip(): value.strip()
            for key, _, value in (line.partition(":") for line in out.splitlines())
        }
        return (
            int(values["Absolute upper-left X"]),
            int(values["Absolute upper-left Y"]),
            int(values["Width"]),
            int(values["Height"]),
        )

    def activate(self, wid: int) -> None:
        """Bring ``wid`` to the front with the keyboard focus (as a click on it does); asked
        again while another window (e.g. the projector appearing) takes the focus."""

        def probe() -> bool:
            if self._active_id() == wid:
                return True
            self.display.run(["xdotool", "windowactivate", str(wid)], check=False)
            time.sleep(0.1)
            return False

        poll("jendela aktif", probe, 10)

    def _active_id(self) -> int | None:
        out = self.display.run(["xdotool", "getactivewindow"], check=False).stdout.strip()
        return int(out) if out.isdigit() else None

    def cockpit(self) -> int:
        return self.window(COCKPIT_TITLE)

    def focus_cockpit(self) -> int:
        wid = self.cockpit()
        self.activate(wid)
        return wid

    def dialog(self, title: str) -> int:
        """A dialog the last key opened: shown and holding the focus."""
        wid = self.window(title)
        poll(f"dialog '{title}' aktif", lambda: title in self.active_title(), 10)
        return wid

    # -- what a person does ----------------------------------------------------------------

    def key(self, *keys: str) -> None:
        """Keys pressed on the keyboard, into whatever has the focus."""
        self.assert_alive()
        self.display.run(["xdotool", "key", "--delay", "60", *keys])

    def type(self, text: str) -> None:
        """Text typed on the keyboard into the focused widget."""
        self.assert_alive()
        self.display.run(["xdotool", "type", "--delay", "25", text])

    def screenshot(self, name: str, monitor: Monitor | None = None) -> Path:
        return self.display.screenshot(self.folder / f"{name}.png", monitor)

    def assert_alive(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            code, tail = self.process.returncode, self.stderr()[-4000:]
            raise AssertionError(f"program berhenti (kode {code}); stderr:\n{tail}")

    # -- the database, from outside ---------------------------------------------------------

    def cli(
        self, *args: str, check: bool = True, db: bool = True, pin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``rekap-desktop ARGS --db DB`` on the same database, as a second process (``pin``:
        the commissioner's PIN in REKAP_PIN, as README tells)."""
        on_db = ["--db", self.db_arg] if db else []
        env = self.env if pin is None else {**self.env, "REKAP_PIN": pin}
        done = subprocess.run(
            [sys.executable, "-m", "rekap_desktop", *args, *on_db],
            env=env,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"rekap-desktop {' '.join(args)}: {done.returncode}\n{done.stderr}"
            )
        return done

    def cli_json(self, *args: str) -> dict[str, object]:
        return json.loads(self.cli(*args, "--json").stdout)  # type: ignore[no-any-return]

    def position(self) -> Position | None:
        """Where the meeting stands, read (read-only) from the last procedure entry of the audit
        chain: only to know when a key has taken effect, never as the test's verdict."""
        if not self.db.exists():
            return None
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5) as db:
                count = db.execute(
                    "SELECT count(*) FROM audit_entry WHERE event = 'procedure_moved'"
                ).fetchone()[0]
                row = db.execute(
                    "SELECT payload FROM audit_entry WHERE event = 'procedure_moved' "
                    "ORDER BY id DESC LIMIT 1"
                ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return Position("1", None, None, False, False, 0)
        payload = json.loads(row[0])
        item, unit, contest = payload["posisi"]
        return Position(
            item, unit, contest, bool(payload["skors"]), bool(payload["ditetapkan"]), count
        )

    def audit_events(self, event: str) -> int:
        """How many audit entries of ``event`` the chain holds (read-only; for waiting)."""
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5) as db:
                return int(
                    db.execute(
                        "SELECT count(*) FROM audit_entry WHERE event = ?", (event,)
                    ).fetchone()[0]
                )
        except sqlite3.Error:
            return 0

    def last_audit(self, event: str) -> dict[str, object]:
        """The payload of the newest audit entry of ``event`` (read-only)."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5) as db:
            row = db.execute(
                "SELECT payload FROM audit_entry WHERE event = ? ORDER BY id DESC LIMIT 1",
                (event,),
            ).fetchone()
        assert row is not None, event
        return json.loads(row[0])  # type: ignore[no-any-return]

    def wait_moved(self, before: Position | None, what: str) -> Position:
        """The next procedure entry after ``before`` has been written."""
        seen = before.moves if before else 0

        def probe() -> Position | None:
            self.assert_alive()
            now = self.position()
            return now if now is not None and now.moves > seen else None

        return poll(what, probe)
