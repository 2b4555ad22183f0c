"""The 17-item procedure: navigation and every guard, as pure values."""

from __future__ import annotations

import pytest

from rekap_desktop.domain.procedure import (
    DETERMINATION,
    ITEMS,
    ItemStatus,
    Move,
    MoveKind,
    Plan,
    ProcedureState,
    Refusal,
    Stop,
    apply,
    item_status,
    replay,
    units_finished,
)

PLAN = Plan(units=("A", "B"), contests=("gub", "wali"))
NEXT = Move(MoveKind.NEXT)
RECORD = Move(MoveKind.RECORD)


def _run(moves: list[Move], state: ProcedureState | None = None) -> ProcedureState:
    state = state or ProcedureState()
    for move in moves:
        result = apply(PLAN, state, move)
        assert isinstance(result, ProcedureState), result
        state = result
    return state


def _through_unit() -> list[Move]:
    """Moves that finish one kecamatan from its item 4 (box recorded first)."""
    return [RECORD] + [NEXT] * 11


def _to_objection_call() -> ProcedureState:
    return _run([NEXT, NEXT, NEXT] + _through_unit() + _through_unit())


def test_the_seventeen_items_are_listed_in_order() -> None:
    # THEN items 1–17 and the penetapan are there, standing rules marked as such
    assert [i.code for i in ITEMS] == [str(n) for n in range(1, 18)] + [DETERMINATION]
    assert [i.code for i in ITEMS if i.scope == "standing"] == ["11", "14", "15", "16", "17"]


def test_plan_unfolds_loops_per_kecamatan_and_contest() -> None:
    # WHEN the plan of two kecamatan × two contests is unfolded
    stops = PLAN.stops()
    # THEN 3 opening stops, per kecamatan 3 + 2×4 stops, then 12, 13, penetapan
    assert len(stops) == 3 + 2 * 11 + 3
    assert stops[3:8] == (
        Stop("4", "A"),
        Stop("5", "A"),
        Stop("6", "A"),
        Stop("7", "A", "gub"),
        Stop("8", "A", "gub"),
    )
    assert stops[-3:] == (Stop("12"), Stop("13"), Stop(DETERMINATION))


def test_next_walks_the_agenda_and_marks_done() -> None:
    # WHEN the opening items are passed
    state = _run([NEXT, NEXT, NEXT])
    # THEN the meeting is at the first kecamatan's box, items 1–3 done
    assert state.current == Stop("4", "A")
    assert state.done == {Stop("1"), Stop("2"), Stop("3")}
    assert state.history == (Stop("1"), Stop("2"), Stop("3"))


def test_box_record_is_needed_before_leaving_item_4() -> None:
    # GIVEN the meeting at item 4 of kecamatan A, no box record saved
    state = _run([NEXT, NEXT, NEXT])
    # WHEN the operator moves on THEN it is refused with the reason
    assert apply(PLAN, state, NEXT) == Refusal(
        "Langkah 4 (Pembukaan kotak tersegel bersama PPK) · A: catatan langkah ini belum disimpan"
    )


def test_reading_before_box_and_incidents_is_refused() -> None:
    # GIVEN items 1–3 done
    state = _run([NEXT, NEXT, NEXT])
    # WHEN the operator jumps straight to reading (8) of kecamatan B
    result = apply(PLAN, state, Move(MoveKind.GO_TO, Stop("8", "B", "gub")))
    # THEN it is refused, naming items 4 and 6
    assert result == Refusal(
        "kecamatan B: pembacaan hasil (8) belum boleh dimulai sebelum pembukaan kotak (4) "
        "dan kejadian khusus kecamatan (6) selesai"
    )


def test_kecamatan_may_be_taken_out_of_order_and_next_returns_to_unfinished() -> None:
    # GIVEN items 1–3 done WHEN the meeting starts with kecamatan B
    state = _run([NEXT, NEXT, NEXT, Move(MoveKind.GO_TO, Stop("4", "B"))] + _through_unit())
    # THEN after B the meeting goes to the first unfinished kecamatan, A
    assert state.current == Stop("4", "A")
    assert units_finished(PLAN, state) == 1


def test_objection_call_follows_the_last_kecamatan_and_must_be_recorded() -> None:
    # GIVEN every kecamatan × contest read
    state = _to_objection_call()
    assert state.current == Stop("12")
    # WHEN the operator moves on without asking the room THEN refused
    assert apply(PLAN, state, NEXT) == Refusal(
        "Langkah 12 (Pertanyaan keberatan kepada peserta rapat): catatan langkah ini belum disimpan"
    )


def test_determination_refused_before_every_reading_and_the_objection_call() -> None:
    # GIVEN kecamatan A finished only
    state = _run([NEXT, NEXT, NEXT] + _through_unit())
    # WHEN the operator jumps to the penetapan THEN it is refused (room not asked yet)
    assert apply(PLAN, state, Move(MoveKind.GO_TO, Stop(DETERMINATION))) == Refusal(
        "peserta rapat belum ditanya tentang keberatan (langkah 12)"
    )
    # AND even with a recorded call, the unread kecamatan B blocks it
    asked = _run([Move(MoveKind.RECORD, Stop("12"))], state)
    result = apply(PLAN, asked, Move(MoveKind.GO_TO, Stop(DETERMINATION)))
    assert isinstance(result, Refusal)
    assert (
        "Langkah 10 (Penyelesaian selisih (D.Hasil PPK sebagai acuan)) · B · gub" in result.reason
    )


def test_determination_locks_and_reopen_needs_a_reason() -> None:
    # GIVEN the meeting determined
    state = _run([RECORD, NEXT, NEXT, Move(MoveKind.DETERMINE)], _to_objection_call())
    assert state.determined
    # WHEN anything else is tried THEN it is refused as locked
    locked = Refusal("hasil telah ditetapkan dan terkunci; buka kembali dengan alasan")
    assert apply(PLAN, state, Move(MoveKind.BACK)) == locked
    assert apply(PLAN, state, Move(MoveKind.PAUSE, reason="istirahat")) == locked
    # AND re-opening without a reason is refused, with a reason accepted
    assert apply(PLAN, state, Move(MoveKind.REOPEN, reason=" ")) == Refusal(
        "alasan membuka kembali hasil yang telah ditetapkan wajib diisi"
    )
    reopened = _run([Move(MoveKind.REOPEN, reason="salah tulis")], state)
    assert not reopened.determined
    assert reopened.current == Stop(DETERMINATION)


def test_reopen_refused_when_not_determined() -> None:
    assert apply(PLAN, ProcedureState(), Move(MoveKind.REOPEN, reason="x")) == Refusal(
        "hasil belum ditetapkan; tidak ada yang dibuka kembali"
    )


def test_determine_only_on_the_determination_step() -> None:
    assert apply(PLAN, ProcedureState(), Move(MoveKind.DETERMINE)) == Refusal(
        "penetapan hanya dapat dilakukan pada langkah penetapan"
    )


def test_pause_needs_a_reason_and_blocks_moves_until_resumed() -> None:
    # WHEN pausing without a reason THEN refused
    assert apply(PLAN, ProcedureState(), Move(MoveKind.PAUSE)) == Refusal(
        "alasan skors wajib diisi"
    )
    paused = _run([Move(MoveKind.PAUSE, reason="ishoma")])
    # THEN while paused moves are refused, a second pause too
    assert apply(PLAN, paused, NEXT) == Refusal("rapat sedang diskors; cabut skors terlebih dahulu")
    assert apply(PLAN, paused, Move(MoveKind.PAUSE, reason="x")) == Refusal("rapat sudah diskors")
    # AND after resuming the meeting goes on
    assert _run([Move(MoveKind.RESUME), NEXT], paused).current == Stop("2")
    assert apply(PLAN, ProcedureState(), Move(MoveKind.RESUME)) == Refusal(
        "rapat tidak sedang diskors"
    )


def test_back_is_allowed_and_refused_at_the_first_step() -> None:
    assert apply(PLAN, ProcedureState(), Move(MoveKind.BACK)) == Refusal(
        "ini langkah pertama rapat"
    )
    assert _run([NEXT, NEXT, Move(MoveKind.BACK)]).current == Stop("2")


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (Stop("3"), "Langkah 3 (Tata tertib): belum selesai — Langkah 2 (Peraturan teknis)"),
        (Stop("9", "Z", "gub"), "langkah tujuan tidak dikenal dalam rapat ini"),
    ],
)
def test_go_to_guards(target: Stop, reason: str) -> None:
    assert apply(PLAN, ProcedureState(), Move(MoveKind.GO_TO, target)) == Refusal(reason)


def test_next_on_the_last_step_is_refused() -> None:
    state = _run([RECORD, NEXT, NEXT], _to_objection_call())
    assert apply(PLAN, state, NEXT) == Refusal(
        "ini langkah terakhir; tetapkan hasil untuk menutup rapat"
    )


def test_replay_rebuilds_the_same_state() -> None:
    # GIVEN a list of accepted moves WHEN replayed THEN the state is the same as when made live
    moves = [NEXT, NEXT, NEXT, RECORD, NEXT, Move(MoveKind.PAUSE, reason="ishoma")]
    assert replay(PLAN, moves) == _run(moves)


def test_item_status_for_the_stepper() -> None:
    # GIVEN the meeting at kecamatan A's box, paused
    state = _run([NEXT, NEXT, NEXT, Move(MoveKind.PAUSE, reason="ishoma")])
    statuses = {i.code: item_status(PLAN, state, i) for i in ITEMS}
    # THEN
    assert statuses == {
        "1": ItemStatus.SELESAI,
        "2": ItemStatus.SELESAI,
        "3": ItemStatus.SELESAI,
        "4": ItemStatus.BERJALAN,
        "5": ItemStatus.BELUM,
        "6": ItemStatus.BELUM,
        "7": ItemStatus.BELUM,
        "8": ItemStatus.BELUM,
        "9": ItemStatus.BELUM,
        "10": ItemStatus.BELUM,
        "11": ItemStatus.BERJALAN,
        "12": ItemStatus.BELUM,
        "13": ItemStatus.BELUM,
        "14": ItemStatus.NA,
        "15": ItemStatus.NA,
        "16": ItemStatus.NA,
        "17": ItemStatus.NA,
        DETERMINATION: ItemStatus.BELUM,
    }


def test_elapsed_per_kecamatan_and_forecast_against_target_end() -> None:
    from datetime import datetime, timedelta

    from rekap_desktop.domain.procedure_timing import Forecast, Moment, forecast, unit_elapsed

    # GIVEN kecamatan A done in 30 minutes of work with a 10-minute pause inside it
    t0 = datetime(2024, 12, 5, 9, 0)
    opening = _run([NEXT, NEXT, NEXT])
    paused = _run([Move(MoveKind.PAUSE, reason="ishoma")], opening)
    resumed = _run([Move(MoveKind.RESUME)], paused)
    finished = _run(_through_unit(), resumed)
    moments = [
        Moment(t0, opening),
        Moment(t0 + timedelta(minutes=20), paused),
        Moment(t0 + timedelta(minutes=30), resumed),
        Moment(t0 + timedelta(minutes=40), finished),
    ]
    now = t0 + timedelta(minutes=40)
    # THEN A took 30 minutes; B is forecast to take as long, 10 minutes past a 10:00 target
    assert unit_elapsed(moments, now) == {"A": timedelta(minutes=30), "B": timedelta()}
    assert forecast(PLAN, moments, now, datetime(2024, 12, 5, 10, 0)) == Forecast(
        1, 2, timedelta(minutes=30), datetime(2024, 12, 5, 10, 10), timedelta(minutes=10)
    )
    assert forecast(PLAN, moments[:1], now, None) == Forecast(0, 2, None, None, None)
    assert forecast(PLAN, [], now, None) == Forecast(0, 2, None, None, None)
