"""One clock for the whole program: every moment is timezone-aware.

A naive ``datetime.now()`` next to an aware stored moment cannot be subtracted; inside a paint
handler that once killed the program at every skors. So the package asks the system for the time
in one place only, and that place hands out aware moments."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import rekap_desktop
from rekap_desktop.domain import clock

PACKAGE = Path(rekap_desktop.__file__).parent
CLOCK = PACKAGE / "domain" / "clock.py"
ASKS_THE_SYSTEM = {"now", "today", "utcnow", "utcfromtimestamp", "fromtimestamp"}
"""Methods of ``datetime``/``date`` that read the system clock (or make a naive moment from it)."""


def _receiver(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def system_clock_reads(source: str) -> list[tuple[int, str, bool]]:
    """(line, ``datetime.<method>``, with a zone argument) for every read of the system clock,
    called or passed on (``clock = datetime.now`` counts too)."""
    tree = ast.parse(source)
    zoned_calls = {
        id(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and any(
            not (isinstance(zone, ast.Constant) and zone.value is None)
            for zone in [*node.args[-1:], *(k.value for k in node.keywords if k.arg == "tz")]
        )
    }
    return sorted(
        [
            (node.lineno, f"{_receiver(node.value)}.{node.attr}", id(node) in zoned_calls)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr in ASKS_THE_SYSTEM
            and _receiver(node.value) in {"datetime", "date"}
        ]
    )


def test_the_scan_finds_every_naive_way_of_asking_the_time() -> None:
    # GIVEN code that reads the clock naively in each way seen in the wild
    source = (
        "from datetime import date, datetime\n"
        "import datetime as dt\n"
        "a = datetime.now()\n"
        "b = dt.datetime.today()\n"
        "c = datetime.utcnow()\n"
        "d = date.today()\n"
        "e = datetime.now\n"
        "f = datetime.now().astimezone()\n"
        "g = datetime.now(tz=None)\n"
    )
    # THEN the scan reports each of them
    found = system_clock_reads(source)
    assert [line for line, _, _ in found] == [3, 4, 5, 6, 7, 8, 9]
    assert not any(zoned for _, _, zoned in found)
    assert system_clock_reads("datetime.now(UTC)\n") == [(1, "datetime.now", True)]


def test_nothing_in_the_package_reads_the_system_clock_but_the_clock_module() -> None:
    # GIVEN every module of the program WHEN scanned for reads of the system clock
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}: {what}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK
        for line, what, _ in system_clock_reads(path.read_text(encoding="utf-8"))
    ]
    # THEN there is none: they all ask rekap_desktop.domain.clock
    assert offenders == []


def test_the_clock_module_reads_the_system_clock_with_a_zone_only() -> None:
    reads = system_clock_reads(CLOCK.read_text(encoding="utf-8"))
    assert reads, "the clock module is where the time is read"
    assert all(zoned for _, _, zoned in reads), reads


def test_now_is_aware_and_current() -> None:
    before = datetime.now(UTC)
    moment = clock.now()
    after = datetime.now(UTC)
    assert moment.tzinfo is not None and moment.utcoffset() is not None
    assert before <= moment <= after


def test_a_naive_moment_is_read_as_local_time_and_can_be_subtracted_from_now() -> None:
    # GIVEN a moment stored without a zone (older data) and one stored with it
    naive = clock.parse("2024-12-05T12:05:00")
    zoned = clock.parse("2024-12-05T12:05:00+08:00")
    # THEN both are aware, and subtracting either from now works
    assert naive.tzinfo is not None and zoned.utcoffset() == timedelta(hours=8)
    assert clock.now() - naive > timedelta(0)
    assert clock.now() - zoned > timedelta(0)
    assert naive.replace(tzinfo=None) == datetime(2024, 12, 5, 12, 5)


def test_a_stamp_keeps_its_offset() -> None:
    moment = datetime(2024, 12, 5, 23, 59, 30, tzinfo=timezone(timedelta(hours=8)))
    assert clock.stamp(moment) == "2024-12-05T23:59:30+08:00"
    assert clock.parse(clock.stamp()).tzinfo is not None
