"""Long work off the GUI thread: one callable runs on a worker QThread; its result, or why it
failed, reaches the GUI thread through signals, with optional progress and cancel.

The job gets a ``JobControl`` and nothing else from the window: it must never touch a widget.
A job that changes the meeting publishes to the meeting's change hub like any write: the hub
delivers the changes on the GUI thread (see gui.change_hub).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from rekap_desktop.gui.operations import Failure, failure_of

T = TypeVar("T")
CANCELLED = "Dibatalkan; tidak ada yang diubah."
SWITCH_INTERVAL_S = 0.001
"""How long a worker may keep Python's interpreter lock while the window waits for it. At
Python's default (5 ms) a worker making many short calls into Qt or zlib (printing a 37-page
form, writing a package) kept the window from running any slot for 70-150 ms at a time."""


def share_the_interpreter() -> None:
    """Let the GUI thread take the interpreter lock from a busy worker within a millisecond."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


class JobCancelled(Exception):
    """Raised by a job that saw the operator cancel it."""


class JobControl:
    """What a job may use: report progress, and ask whether it was cancelled."""

    def __init__(self, progressed: Callable[[int, int], None], stop: threading.Event) -> None:
        self._progressed = progressed
        self._stop = stop

    def progress(self, done: int, total: int) -> None:
        self._progressed(done, total)

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Stop here when cancelled."""
        if self._stop.is_set():
            raise JobCancelled


Job = Callable[[JobControl], T]


class _Worker(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, job: Job[Any], stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop

    @Slot()
    def run(self) -> None:
        control = JobControl(self.progressed.emit, self._stop)
        try:
            result = self._job(control)
        except JobCancelled:
            self._home()
            self.failed.emit(Failure(CANCELLED, refused=True, cancelled=True))
        except Exception as error:  # a refusal or a bug: said in a dialog, never a dead window
            self._home()
            self.failed.emit(failure_of(error))
        else:
            self._home()
            self.succeeded.emit(result)

    def _home(self) -> None:
        """Back to the GUI thread before the task lets go of it there: Qt must not delete an
        object that lives in another thread (only its own thread may push it away)."""
        application = QCoreApplication.instance()
        if application is not None:
            self.moveToThread(application.thread())


_ENDED: list[QObject] = []
"""Ended tasks, kept until the event loop runs again (see ``_let_go``)."""


def _let_go(task: QObject) -> None:
    """Free an ended task once the event loop is back, on the GUI thread and outside its own
    signals. Python then owns it and frees it once: a Qt deleteLater as well (one more way
    to delete the same object) crashed the window now and then."""
    task.setParent(None)
    _ENDED.append(task)
    if len(_ENDED) == 1:
        QTimer.singleShot(0, _ENDED.clear)


class BackgroundTask(QObject, Generic[T]):
    """Run ``job`` once on a worker thread: ``start()``, then ``succeeded(result)`` or
    ``failed(Failure)`` on the GUI thread, then ``finished``; after that the task leaves its
    parent and is freed once the owner drops it too (a dialog kept all meeting long must not
    collect one per preview), so drop it by then. Call ``stop()`` before the owner goes away
    while it runs (it cancels and waits)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, job: Job[T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread: QThread | None = QThread(self)
        self._worker: _Worker | None = _Worker(job, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.progressed.connect(self.progressed)
        self._started = False

    def start(self) -> BackgroundTask[T]:
        if self._thread is not None and not self._started:
            share_the_interpreter()
            self._started = True
            self._thread.start()
        return self

    def is_running(self) -> bool:
        return self._started and self._thread is not None

    def cancel(self) -> None:
        """Ask the job to stop; it ends with ``failed`` (cancelled) if it checks in time."""
        self._stop.set()

    def stop(self) -> None:
        """Cancel and wait for the worker thread (only when the owner closes for good)."""
        self.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()  # the job has returned: the thread is leaving its loop
        self._thread, self._worker = None, None

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()
        _let_go(self)

    @Slot(object)
    def _failed(self, failure: Failure) -> None:
        self._end()
        self.failed.emit(failure)
        self.finished.emit()
        _let_go(self)


class LatestJob(QObject):
    """One job at a time on a worker, for work that must cover the latest request (a backup, a
    check of the audit chain): asked again while it runs, it runs once more right after, with
    the job of the newest request; requests in between are covered by that one run."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: BackgroundTask[Any] | None = None
        self._next: Job[Any] | None = None

    def request(self, job: Job[Any]) -> None:
        if self._task is not None:
            self._next = job
            return
        task: BackgroundTask[Any] = BackgroundTask(job, self)
        task.succeeded.connect(self.succeeded)
        task.failed.connect(self.failed)
        task.finished.connect(self._done)
        self._task = task
        task.start()

    def is_running(self) -> bool:
        return self._task is not None

    def stop(self) -> None:
        """Cancel and wait (only when the owner closes for good); nothing more is run."""
        self._next = None
        if self._task is not None:
            self._task.stop()
            self._task = None

    def _done(self) -> None:
        self._task = None
        job, self._next = self._next, None
        if job is not None:
            self.request(job)
