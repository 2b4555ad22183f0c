"""The program's one error path (standard library only; the window adds its dialog on top).

Every exception nobody handled — in a slot, a paint handler, a timer, a worker thread — ends in
``ErrorLog.report``: it is written with its traceback to a rotating log file in the program's
data folder and to standard error, then handed to the window, which tells the operator in
Indonesian what happened and that the meeting goes on. A native crash (a segmentation fault)
cannot be caught; ``faulthandler`` writes the Python stack of every thread to a file beside
the log, so even that leaves a trace.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from rekap_desktop.domain import clock

APP_NAME = "rekap-desktop"
LOG_FILE = "rekap-desktop.log"
CRASH_FILE = "crash.log"
"""Where ``faulthandler`` writes the stacks of a native crash."""
MAX_BYTES = 1_000_000
BACKUPS = 5
"""At most 6 MB of log: the current file and five older ones."""
LOGGER = "rekap_desktop"
PACKAGE_DIR = Path(__file__).resolve().parent

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def data_folder() -> Path:
    """The program's data folder (the default database lives there too)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def log_folder() -> Path:
    return data_folder() / "log"


def log() -> logging.Logger:
    """The program's logger: what it logs reaches the log file once the path is installed."""
    return logging.getLogger(LOGGER)


@dataclass(frozen=True)
class ErrorReport:
    """One internal error, as the operator is told about it."""

    where: str
    """The program's own code that failed (file:line in function), or the thread's name."""
    kind: str
    message: str
    details: str
    """The traceback, for the log and the dialog's details."""
    log_file: Path | None

    @property
    def signature(self) -> tuple[str, str, str]:
        """Equal for the same bug met again (a paint handler fails at every repaint)."""
        return (self.where, self.kind, self.message)


def where_it_failed(tb: TracebackType | None) -> str:
    """The innermost frame of the program's own code in ``tb`` ("gui/x.py:12 in f")."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    own = [f for f in frames if Path(f.filename).resolve().is_relative_to(PACKAGE_DIR)]
    if not frames:
        return "tidak diketahui"
    frame = (own or frames)[-1]
    path = Path(frame.filename).resolve()
    own_file = path.is_relative_to(PACKAGE_DIR)
    name = path.relative_to(PACKAGE_DIR).as_posix() if own_file else path.name
    return f"{name}:{frame.lineno} ({frame.name})"


class ErrorLog:
    """The log file, the crash file and the hooks that route every unhandled exception to
    ``report``. ``install()`` once at start; ``uninstall()`` puts back what was there."""

    def __init__(self, folder: Path, notify: Callable[[ErrorReport], None] | None = None) -> None:
        self.folder = folder
        self.notify = notify
        """Tells the operator (the window sets it); called on the thread that failed."""
        self.log_file = folder / LOG_FILE
        self.crash_file = folder / CRASH_FILE
        self._handlers: list[logging.Handler] = []
        self._crash_stream: IO[str] | None = None
        self._faulthandler_was_on = False
        self._file_open = False
        self._previous_hooks: tuple[object, object] | None = None
        self._reporting = threading.local()

    def install(self) -> ErrorLog:
        """The log file, the crash file and the hooks. A data folder that cannot be written
        never stops the program: the log then goes to standard error only, and says so."""
        logger = log()
        logger.setLevel(logging.INFO)
        logger.propagate = False
        form = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self._handlers = []
        if sys.stderr is not None:  # a windowed program on Windows has none
            to_stderr = logging.StreamHandler(sys.stderr)
            to_stderr.setLevel(logging.WARNING)
            to_stderr.setFormatter(form)
            self._handlers.append(to_stderr)
        problem: OSError | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            to_file = RotatingFileHandler(
                self.log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
            if self.crash_file.exists() and self.crash_file.stat().st_size > MAX_BYTES:
                self.crash_file.replace(self.crash_file.with_name(f"{CRASH_FILE}.1"))
            self._crash_stream = self.crash_file.open("a", encoding="utf-8")
            self._crash_stream.write(f"--- dimulai {clock.stamp()}\n")
            self._crash_stream.flush()
        except OSError as error:
            problem = error
        else:
            to_file.setFormatter(form)
            self._handlers.append(to_file)
            self._file_open = True
            self._faulthandler_was_on = faulthandler.is_enabled()
            faulthandler.enable(self._crash_stream, all_threads=True)
        for handler in self._handlers:
            logger.addHandler(handler)
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        if problem is not None:
            logger.warning("Berkas log tidak dapat dibuat di %s: %s", self.folder, problem)
        else:
            logger.info("Rekap Desktop dimulai; log di %s", self.log_file)
        return self

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None
        logger = log()
        for handler in self._handlers:
            logger.removeHandler(handler)
            handler.close()
        self._handlers = []
        self._file_open = False
        if self._crash_stream is not None:
            faulthandler.disable()
            if self._faulthandler_was_on and sys.__stderr__ is not None:
                # faulthandler cannot say where it wrote before: standard error is where
                # ``python -X faulthandler`` and pytest point it.
                faulthandler.enable(sys.__stderr__, all_threads=True)
            self._crash_stream.close()
            self._crash_stream = None

    # -- the hooks ---------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.report((kind, error, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), f"utas {thread}")

    def report(self, info: ExcInfo, where: str | None = None) -> ErrorReport | None:
        """Log ``info`` with its traceback and tell the operator. Never raises: an error while
        reporting is written to standard error and dropped."""
        if getattr(self._reporting, "busy", False):
            return None  # the report itself failed: do not loop
        self._reporting.busy = True
        try:
            kind, error, tb = info
            report = ErrorReport(
                where=where or where_it_failed(tb),
                kind=kind.__name__,
                message=str(error),
                details="".join(traceback.format_exception(kind, error, tb)),
                log_file=self.log_file if self._file_open else None,
            )
            log().error("Kesalahan internal di %s", report.where, exc_info=info)
            if self.notify is not None:
                self.notify(report)
            return report
        except Exception:  # the last line of defence must not raise
            if sys.__stderr__ is not None:
                traceback.print_exc(file=sys.__stderr__)
            return None
        finally:
            self._reporting.busy = False
