"""gui.background: a job runs on a worker thread; its result, failure, progress and cancel reach
the GUI thread through signals."""

from __future__ import annotations

import sys
import threading
import weakref

from pytestqt.qtbot import QtBot

from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.gui.background import SWITCH_INTERVAL_S, BackgroundTask, JobControl, LatestJob
from rekap_desktop.gui.operations import Failure

WAIT_MS = 10_000


def test_the_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    # GIVEN a job that reports its progress and returns the thread it ran on
    def job(control: JobControl) -> threading.Thread:
        control.progress(1, 2)
        control.progress(2, 2)
        return threading.current_thread()

    task: BackgroundTask[threading.Thread] = BackgroundTask(job)
    progress: list[tuple[int, int, threading.Thread]] = []
    task.progressed.connect(lambda d, t: progress.append((d, t, threading.current_thread())))
    # WHEN it runs
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as done:
        task.start()
    # THEN it ran on a worker; the result and each step were delivered on the GUI thread
    assert done.args[0] is not threading.main_thread()
    assert progress == [(1, 2, threading.main_thread()), (2, 2, threading.main_thread())]
    # AND once nobody else holds it, the finished task is freed (its thread with it)
    freed = weakref.ref(task)
    del task, done
    qtbot.waitUntil(lambda: freed() is None, timeout=WAIT_MS)


def test_a_refusal_a_bug_and_a_cancel_become_failures_never_a_crash(qtbot: QtBot) -> None:
    # GIVEN a refused job, a broken one, and one cancelled before it checks
    def refused(_control: JobControl) -> None:
        raise InputRejected([Problem("berkas tidak lengkap")], source="uji.csv")

    def broken(_control: JobControl) -> None:
        raise ZeroDivisionError("pembagian dengan nol")

    release = threading.Event()

    def waits(control: JobControl) -> None:
        release.wait(WAIT_MS / 1000)
        control.check()

    failures: list[Failure] = []
    for job in (refused, broken):
        task: BackgroundTask[None] = BackgroundTask(job)
        with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as failed:
            task.start()
        failures.append(failed.args[0])
    cancelled: BackgroundTask[None] = BackgroundTask(waits)
    with qtbot.waitSignal(cancelled.failed, timeout=WAIT_MS) as failed:
        cancelled.start()
        cancelled.cancel()
        release.set()
    failures.append(failed.args[0])
    # THEN each is a Failure in Indonesian: a refusal, an internal error, a cancel
    assert failures == [
        Failure("uji.csv ditolak; tidak ada yang diubah.\n\n• berkas tidak lengkap", refused=True),
        Failure("Kesalahan internal: ZeroDivisionError: pembagian dengan nol", refused=False),
        Failure("Dibatalkan; tidak ada yang diubah.", refused=True, cancelled=True),
    ]


def test_requests_while_a_job_runs_are_covered_by_one_more_run_of_the_newest(
    qtbot: QtBot,
) -> None:
    # GIVEN a job held on its worker until released
    release = threading.Event()
    runs = LatestJob()
    results: list[str] = []
    runs.succeeded.connect(results.append)

    def held(_control: JobControl) -> str:
        release.wait(WAIT_MS / 1000)
        return "pertama"

    runs.request(held)
    # WHEN two more requests arrive while it runs
    runs.request(lambda _control: "kedua")
    runs.request(lambda _control: "ketiga")
    release.set()
    # THEN the first finishes, then only the newest runs once, and nothing is left running
    qtbot.waitUntil(lambda: len(results) == 2 and not runs.is_running(), timeout=WAIT_MS)
    assert results == ["pertama", "ketiga"]


def test_a_started_job_lets_the_window_take_the_interpreter_within_a_millisecond(
    qtbot: QtBot,
) -> None:
    # GIVEN Python's default switch interval (5 ms)
    sys.setswitchinterval(0.005)
    try:
        # WHEN a job is started on a worker
        task: BackgroundTask[int] = BackgroundTask(lambda _control: 1)
        with qtbot.waitSignal(task.succeeded, timeout=5000):
            task.start()
        # THEN a busy worker hands the interpreter lock over every millisecond
        assert sys.getswitchinterval() <= SWITCH_INTERVAL_S
    finally:
        sys.setswitchinterval(0.005)
