"""The stepper and the progress count say what is finished: a kecamatan's items where the meeting
is, and item 10 only where its pair is marked "selesai dibaca"."""

from __future__ import annotations

from datetime import datetime, timedelta

from rekap_desktop.domain.procedure import (
    ITEM_BY_CODE,
    Move,
    MoveKind,
    Plan,
    ProcedureState,
    Stop,
    apply,
    item_progress,
    item_status,
    units_finished,
    unread_pairs,
)
from rekap_desktop.domain.procedure_timing import Moment, forecast

PLAN = Plan(units=("A", "B"), contests=("gub", "wali"))
NEXT = Move(MoveKind.NEXT)
RECORD = Move(MoveKind.RECORD)


def _run(moves: list[Move]) -> ProcedureState:
    state = ProcedureState()
    for move in moves:
        result = apply(PLAN, state, move)
        assert isinstance(result, ProcedureState), result
        state = result
    return state


def _statuses(state: ProcedureState, read: frozenset[tuple[str, str]]) -> dict[str, str]:
    return {
        code: item_status(PLAN, state, ITEM_BY_CODE[code], read).value
        for code in ("4", "5", "6", "7", "8", "9", "10")
    }


def test_items_finished_at_this_kecamatan_are_selesai_while_others_wait() -> None:
    # GIVEN kecamatan A gone through, both pairs read, and the meeting at B's reading (8, gub)
    state = _run([NEXT] * 3 + [RECORD] + [NEXT] * 11 + [RECORD] + [NEXT] * 4)
    assert state.current == Stop("8", "B", "gub")
    both_read = frozenset({("gub", "A"), ("wali", "A")})
    # THEN B's items 4–7 are finished here (selesai), 8 runs, 9–10 are still to come
    assert _statuses(state, both_read) == {
        "4": "selesai",
        "5": "selesai",
        "6": "selesai",
        "7": "selesai",
        "8": "berjalan",
        "9": "belum",
        "10": "belum",
    }
    # AND the count per item says in how many kecamatan it is finished
    assert item_progress(PLAN, state, ITEM_BY_CODE["4"], both_read) == (2, 2)
    assert item_progress(PLAN, state, ITEM_BY_CODE["8"], both_read) == (1, 2)
    assert item_progress(PLAN, state, ITEM_BY_CODE["12"], both_read) is None


def test_item_10_left_without_selesai_dibaca_is_not_finished() -> None:
    # GIVEN kecamatan A gone through with PageDown, but only its gub pair marked read
    state = _run([NEXT] * 3 + [RECORD] + [NEXT] * 11)
    assert state.current == Stop("4", "B")
    read = frozenset({("gub", "A")})
    # THEN A is not a finished kecamatan, and the wali pair is named as left unread
    assert units_finished(PLAN, state, read) == 0
    assert unread_pairs(state, read) == (Stop("10", "A", "wali"),)
    assert item_progress(PLAN, state, ITEM_BY_CODE["10"], read) == (0, 2)
    assert item_progress(PLAN, state, ITEM_BY_CODE["9"], read) == (1, 2)
    # AND the cockpit's count agrees: 0 of 2 kecamatan finished, nothing to forecast from
    t0 = datetime(2024, 12, 5, 9, 0)
    moments = [Moment(t0, state)]
    assert forecast(PLAN, moments, t0 + timedelta(minutes=5), None, read).units_done == 0
    # WHEN the wali pair is read too THEN A counts as finished
    both = read | {("wali", "A")}
    assert units_finished(PLAN, state, both) == 1
    assert unread_pairs(state, both) == ()
    assert forecast(PLAN, moments, t0 + timedelta(minutes=5), None, both).units_done == 1
