"""The one error path, without a window: every unhandled exception is written with its traceback
to a rotating log file in the data folder, a native crash leaves its stacks in a file beside it,
and the hooks route errors from the main thread and from worker threads alike."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from rekap_desktop.error_log import (
    BACKUPS,
    CRASH_FILE,
    LOG_FILE,
    MAX_BYTES,
    ErrorLog,
    ErrorReport,
    log,
    log_folder,
)


@pytest.fixture
def reports() -> list[ErrorReport]:
    return []


@pytest.fixture
def errors(tmp_path: Path, reports: list[ErrorReport]) -> Iterator[ErrorLog]:
    installed = ErrorLog(tmp_path / "log", reports.append).install()
    yield installed
    installed.uninstall()


def failing_step() -> None:
    raise ZeroDivisionError("pembagian dengan nol")


def test_an_unhandled_error_is_logged_with_its_traceback_and_told(
    errors: ErrorLog, reports: list[ErrorReport]
) -> None:
    # GIVEN the installed error path WHEN an exception reaches sys.excepthook (as PySide hands
    # over one raised in a slot, a timer or a paint handler)
    try:
        failing_step()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    # THEN it is in the log file, with its traceback and where in the program it failed
    text = errors.log_file.read_text(encoding="utf-8")
    assert "ZeroDivisionError: pembagian dengan nol" in text
    assert "in failing_step" in text and "Traceback (most recent call last)" in text
    # and the operator is told once, with the log file to hand over
    assert len(reports) == 1
    report = reports[0]
    assert (report.kind, report.message) == ("ZeroDivisionError", "pembagian dengan nol")
    assert report.log_file == errors.log_file
    assert "failing_step" in report.where


def test_an_error_in_a_worker_thread_takes_the_same_path(
    errors: ErrorLog, reports: list[ErrorReport]
) -> None:
    # GIVEN a worker thread whose work fails and that nobody watches
    worker = threading.Thread(target=failing_step, name="pekerja-uji")
    worker.start()
    worker.join()
    # THEN its error is logged and told, naming the thread
    assert [r.where for r in reports] == ["utas pekerja-uji"]
    assert "in failing_step" in errors.log_file.read_text(encoding="utf-8")


def test_a_failing_notifier_does_not_loop_or_raise(tmp_path: Path) -> None:
    calls: list[ErrorReport] = []

    def broken(report: ErrorReport) -> None:
        calls.append(report)
        raise RuntimeError("dialog rusak")

    errors = ErrorLog(tmp_path, broken).install()
    try:
        try:
            failing_step()
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())  # must return normally
    finally:
        errors.uninstall()
    assert len(calls) == 1
    assert "ZeroDivisionError" in (tmp_path / LOG_FILE).read_text(encoding="utf-8")


def test_uninstall_puts_back_the_hooks_and_closes_the_files(tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook, len(log().handlers))
    errors = ErrorLog(tmp_path).install()
    assert sys.excepthook == errors.excepthook
    errors.uninstall()
    assert (sys.excepthook, threading.excepthook, len(log().handlers)) == before


def test_the_log_rotates_and_stays_bounded(errors: ErrorLog) -> None:
    # GIVEN a long meeting that logs a lot WHEN more than the file's size is written
    handler = next(h for h in log().handlers if isinstance(h, RotatingFileHandler))
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUPS)
    line = "x" * 1000
    for _ in range(MAX_BYTES // 1000 + 50):
        log().info(line)
    # THEN older lines moved to a numbered file and the current one stays under the limit
    assert errors.log_file.with_name(f"{LOG_FILE}.1").exists()
    assert errors.log_file.stat().st_size <= MAX_BYTES


def test_the_log_lives_in_the_programs_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert log_folder() == tmp_path / "rekap-desktop" / "log"
    assert log_folder().parent.name == "rekap-desktop"


CRASHES = """
import ctypes, sys
from pathlib import Path
from rekap_desktop.error_log import ErrorLog
ErrorLog(Path(sys.argv[1])).install()
ctypes.string_at(0)  # a native crash: reads address 0
"""


def test_a_native_crash_leaves_its_stack_in_the_crash_file(tmp_path: Path) -> None:
    # GIVEN a program with the error path installed WHEN it dies of a segmentation fault
    done = subprocess.run(
        [sys.executable, "-c", CRASHES, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    # THEN the crash file names the fault and the Python line it happened at
    crash = (tmp_path / CRASH_FILE).read_text(encoding="utf-8")
    assert "Segmentation fault" in crash
    assert 'File "<string>", line 6' in crash


def test_warnings_of_the_program_reach_the_log(errors: ErrorLog) -> None:
    logging.getLogger("rekap_desktop.uji").warning("peringatan uji")
    assert "peringatan uji" in errors.log_file.read_text(encoding="utf-8")


def test_a_data_folder_that_cannot_be_written_does_not_stop_the_program(
    tmp_path: Path, reports: list[ErrorReport], capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a "data folder" that is a file: no folder, no log can be made there
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("", encoding="utf-8")
    errors = ErrorLog(blocked / "log", reports.append)
    # WHEN the error path is installed and an error reaches it
    errors.install()
    try:
        try:
            failing_step()
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        errors.uninstall()
    # THEN it went to standard error, saying why there is no log file, and was still told
    said = capsys.readouterr().err
    assert "Berkas log tidak dapat dibuat" in said and "ZeroDivisionError" in said
    assert len(reports) == 1 and reports[0].log_file is None


def test_the_crash_file_stays_bounded_too(tmp_path: Path) -> None:
    # GIVEN a crash file grown past the limit over many starts
    crash = tmp_path / CRASH_FILE
    crash.write_text("x" * (MAX_BYTES + 1), encoding="utf-8")
    # WHEN the program starts again THEN the old one is kept aside and a new one begun
    errors = ErrorLog(tmp_path).install()
    errors.uninstall()
    assert (tmp_path / f"{CRASH_FILE}.1").stat().st_size == MAX_BYTES + 1
    assert crash.stat().st_size < 100
