"""Waktu rapat: elapsed time per kecamatan and a forecast of the time left (commissioner only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rekap_desktop.domain.procedure import (
    Pairs,
    Plan,
    ProcedureState,
    unit_finished,
    units_finished,
)


@dataclass(frozen=True)
class Moment:
    """The meeting's state right after a recorded move, with the time of the move."""

    at: datetime
    state: ProcedureState


@dataclass(frozen=True)
class Forecast:
    units_done: int
    units_total: int
    remaining: timedelta | None
    """Estimated time still needed, from the average kecamatan so far (None before the first)."""
    expected_end: datetime | None
    late_by: timedelta | None
    """How far the expected end lies past the target end (None when on time or unknown)."""


def unit_elapsed(moments: list[Moment], now: datetime) -> dict[str, timedelta]:
    """Time spent at each kecamatan's stops, pauses excluded."""
    spent: dict[str, timedelta] = {}
    ends = [m.at for m in moments[1:]] + [now]
    for moment, until in zip(moments, ends[: len(moments)], strict=True):
        unit = moment.state.current.unit
        if unit is None or moment.state.paused:
            continue
        spent[unit] = spent.get(unit, timedelta()) + max(until - moment.at, timedelta())
    return spent


def forecast(
    plan: Plan,
    moments: list[Moment],
    now: datetime,
    target_end: datetime | None,
    read: Pairs | None = None,
) -> Forecast:
    """``read``: the pairs marked selesai dibaca; given, a kecamatan counts as finished only
    when every pemilihan of it is read, not merely when item 10 was left."""
    state = moments[-1].state if moments else ProcedureState()
    done = units_finished(plan, state, read)
    total = len(plan.units)
    spent = unit_elapsed(moments, now)
    finished = [
        spent[u] for u in plan.units if u in spent and unit_finished(plan, u, state.done, read)
    ]
    if done == 0 or not finished:
        return Forecast(done, total, None, None, None)
    average = sum(finished, timedelta()) / len(finished)
    remaining = average * (total - done)
    expected_end = now + remaining
    late = expected_end - target_end if target_end and expected_end > target_end else None
    return Forecast(done, total, remaining, expected_end, late)
