"""Tata cara rapat pleno: the 17-item procedure as data, with a state and guarded transitions.

Modelled as a wizard-as-data: the agenda items and their loops (per kecamatan, per kecamatan ×
pemilihan) unfold into a linear list of *stops*; a pure ``apply`` moves a ``ProcedureState`` from
stop to stop and returns a ``Refusal`` (Indonesian reason) instead of a new state when a rule
forbids it. The state is never stored as such: it is rebuilt by replaying the recorded moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Scope(StrEnum):
    ONCE = "once"
    UNIT = "unit"
    """Once per kecamatan."""
    UNIT_CONTEST = "unit_contest"
    """Once per kecamatan × pemilihan."""
    STANDING = "standing"
    """A standing rule, available at every step."""


@dataclass(frozen=True)
class Item:
    code: str
    title: str
    scope: Scope


DETERMINATION = "penetapan"

ITEMS: tuple[Item, ...] = (
    Item("1", "Pembukaan, daftar hadir dan surat mandat saksi", Scope.ONCE),
    Item("2", "Peraturan teknis", Scope.ONCE),
    Item("3", "Tata tertib", Scope.ONCE),
    Item("4", "Pembukaan kotak tersegel bersama PPK", Scope.UNIT),
    Item("5", "Pengembalian C.Pemberitahuan yang tidak terdistribusi", Scope.UNIT),
    Item("6", "Kejadian khusus dan keberatan kecamatan", Scope.UNIT),
    Item("7", "Penayangan data elektronik", Scope.UNIT_CONTEST),
    Item("8", "Pembacaan D.Hasil Kecamatan oleh PPK", Scope.UNIT_CONTEST),
    Item("9", "Pencocokan salinan saksi dan Bawaslu", Scope.UNIT_CONTEST),
    Item("10", "Penyelesaian selisih (D.Hasil PPK sebagai acuan)", Scope.UNIT_CONTEST),
    Item("11", "Skors dan pencabutan skors", Scope.STANDING),
    Item("12", "Pertanyaan keberatan kepada peserta rapat", Scope.ONCE),
    Item("13", "Penyelesaian keberatan yang tersisa", Scope.ONCE),
    Item("14", "KPU menyelesaikan setiap masalah", Scope.STANDING),
    Item("15", "Pencatatan kejadian khusus (Model D.Kejadian Khusus)", Scope.STANDING),
    Item("16", "Pencatatan keberatan saksi beserta penyelesaiannya", Scope.STANDING),
    Item("17", "Keberatan yang selesai di kecamatan tidak dapat diajukan lagi", Scope.STANDING),
    Item(DETERMINATION, "Penetapan hasil dan penandatanganan", Scope.ONCE),
)
ITEM_BY_CODE = {item.code: item for item in ITEMS}
RECORD_REQUIRED = frozenset({"4", "12"})
"""Agenda items that cannot be left forward before their record is saved."""


@dataclass(frozen=True, order=True)
class Stop:
    """One place in the meeting: an agenda item, for a kecamatan and a pemilihan where it loops."""

    item: str
    unit: str | None = None
    contest: str | None = None


@dataclass(frozen=True)
class Plan:
    """The meeting's loops: kecamatan (unit) codes and pemilihan (contest) codes, in order."""

    units: tuple[str, ...]
    contests: tuple[str, ...]

    def stops(self) -> tuple[Stop, ...]:
        head = tuple(Stop(code) for code in ("1", "2", "3"))
        body = tuple(stop for unit in self.units for stop in self.unit_stops(unit))
        tail = tuple(Stop(code) for code in ("12", "13", DETERMINATION))
        return head + body + tail

    def unit_stops(self, unit: str) -> tuple[Stop, ...]:
        own = tuple(Stop(code, unit) for code in ("4", "5", "6"))
        per_contest = tuple(
            Stop(code, unit, contest) for contest in self.contests for code in ("7", "8", "9", "10")
        )
        return own + per_contest


@dataclass(frozen=True)
class ProcedureState:
    current: Stop = Stop("1")
    done: frozenset[Stop] = frozenset()
    recorded: frozenset[Stop] = frozenset()
    """Stops whose record (box check, objection call …) is saved."""
    paused: bool = False
    determined: bool = False
    history: tuple[Stop, ...] = field(default=())
    """Stops visited before the current one, oldest first."""


@dataclass(frozen=True)
class Refusal:
    reason: str


class MoveKind(StrEnum):
    NEXT = "lanjut"
    BACK = "kembali"
    GO_TO = "menuju"
    RECORD = "catat"
    PAUSE = "skors"
    RESUME = "cabut_skors"
    DETERMINE = "tetapkan"
    REOPEN = "buka_kembali"


@dataclass(frozen=True)
class Move:
    kind: MoveKind
    target: Stop | None = None
    """The stop of GO_TO, or the stop whose record was saved (RECORD)."""
    reason: str = ""


def apply(plan: Plan, state: ProcedureState, move: Move) -> ProcedureState | Refusal:
    """The state after ``move``, or why the move is refused (nothing changes then)."""
    if move.kind is MoveKind.REOPEN:
        return _reopen(state, move.reason)
    if state.determined:
        return Refusal("hasil telah ditetapkan dan terkunci; buka kembali dengan alasan")
    if move.kind is MoveKind.PAUSE:
        return _pause(state, move.reason)
    if move.kind is MoveKind.RESUME:
        return (
            replace(state, paused=False) if state.paused else Refusal("rapat tidak sedang diskors")
        )
    if state.paused:
        return Refusal("rapat sedang diskors; cabut skors terlebih dahulu")
    if move.kind is MoveKind.RECORD:
        target = move.target or state.current
        return replace(state, recorded=state.recorded | {target})
    if move.kind is MoveKind.NEXT:
        return _next(plan, state)
    if move.kind is MoveKind.BACK:
        return _back(plan, state)
    if move.kind is MoveKind.GO_TO:
        return _go_to(plan, state, move.target)
    return _determine(plan, state)


def _pause(state: ProcedureState, reason: str) -> ProcedureState | Refusal:
    if state.paused:
        return Refusal("rapat sudah diskors")
    if not reason.strip():
        return Refusal("alasan skors wajib diisi")
    return replace(state, paused=True)


def _reopen(state: ProcedureState, reason: str) -> ProcedureState | Refusal:
    if not state.determined:
        return Refusal("hasil belum ditetapkan; tidak ada yang dibuka kembali")
    if not reason.strip():
        return Refusal("alasan membuka kembali hasil yang telah ditetapkan wajib diisi")
    return replace(state, determined=False)


def _next(plan: Plan, state: ProcedureState) -> ProcedureState | Refusal:
    current = state.current
    if current.item == DETERMINATION:
        return Refusal("ini langkah terakhir; tetapkan hasil untuk menutup rapat")
    if current.item in RECORD_REQUIRED and current not in state.recorded:
        return Refusal(f"{stop_label(current)}: catatan langkah ini belum disimpan")
    done = state.done | {current}
    target = _following(plan, current, done)
    return _enter(plan, replace(state, done=done), target)


def _following(plan: Plan, current: Stop, done: frozenset[Stop]) -> Stop:
    """The stop after ``current``; after a kecamatan's last stop, the first unfinished one."""
    stops = plan.stops()
    index = stops.index(current)
    target = stops[index + 1]
    if current.unit is not None and target.unit != current.unit:
        unfinished = [u for u in plan.units if not unit_finished(plan, u, done)]
        return Stop("4", unfinished[0]) if unfinished else Stop("12")
    return target


def _back(plan: Plan, state: ProcedureState) -> ProcedureState | Refusal:
    stops = plan.stops()
    index = stops.index(state.current)
    if index == 0:
        return Refusal("ini langkah pertama rapat")
    return _enter(plan, state, stops[index - 1])


def _go_to(plan: Plan, state: ProcedureState, target: Stop | None) -> ProcedureState | Refusal:
    if target is None or target not in plan.stops():
        return Refusal("langkah tujuan tidak dikenal dalam rapat ini")
    return _enter(plan, state, target)


def _enter(plan: Plan, state: ProcedureState, target: Stop) -> ProcedureState | Refusal:
    refusal = entry_refusal(plan, state.done, state.recorded, target)
    if refusal is not None:
        return refusal
    return replace(state, current=target, history=state.history + (state.current,))


def _determine(plan: Plan, state: ProcedureState) -> ProcedureState | Refusal:
    if state.current.item != DETERMINATION:
        return Refusal("penetapan hanya dapat dilakukan pada langkah penetapan")
    refusal = entry_refusal(plan, state.done, state.recorded, state.current)
    if refusal is not None:
        return refusal
    return replace(state, determined=True, done=state.done | {state.current})


Pairs = frozenset[tuple[str, str]]
"""(contest, unit) of the kecamatan × pemilihan marked "selesai dibaca" (and not disputed since)."""


def unit_finished(plan: Plan, unit: str, done: frozenset[Stop], read: Pairs | None = None) -> bool:
    """Every stop of the kecamatan passed — and, when ``read`` is given, every pemilihan of it
    marked selesai dibaca: leaving item 10 does not make a kecamatan read."""
    return all(stop_finished(stop, done, read) for stop in plan.unit_stops(unit))


def stop_finished(stop: Stop, done: frozenset[Stop], read: Pairs | None = None) -> bool:
    """The stop was passed; item 10 (penyelesaian selisih) only counts once its pair is read."""
    if stop not in done:
        return False
    if stop.item != "10" or read is None:
        return True
    return (stop.contest, stop.unit) in read


def entry_refusal(
    plan: Plan, done: frozenset[Stop], recorded: frozenset[Stop], target: Stop
) -> Refusal | None:
    """Why ``target`` may not be entered yet, or None when it may."""
    needed = _prerequisites(plan, target)
    missing = [stop for stop in needed if stop not in done]
    if target.item == "8" and missing:
        box, incidents = Stop("4", target.unit), Stop("6", target.unit)
        if box in missing or incidents in missing:
            return Refusal(
                f"kecamatan {target.unit}: pembacaan hasil (8) belum boleh dimulai sebelum "
                "pembukaan kotak (4) dan kejadian khusus kecamatan (6) selesai"
            )
    if target.item in ("13", DETERMINATION) and Stop("12") not in recorded:
        return Refusal("peserta rapat belum ditanya tentang keberatan (langkah 12)")
    if missing:
        return Refusal(f"{stop_label(target)}: belum selesai — {stop_label(missing[0])}")
    return None


def _prerequisites(plan: Plan, target: Stop) -> tuple[Stop, ...]:
    item, unit, contest = target.item, target.unit, target.contest
    if item in ("2", "3"):
        return (Stop(str(int(item) - 1)),)
    if item == "4":
        return (Stop("3"),)
    if item in ("5", "6"):
        return (Stop("4", unit),)
    if item == "7":
        return (Stop("4", unit), Stop("6", unit))
    if item in ("8", "9", "10"):
        earlier = Stop(str(int(item) - 1), unit, contest)
        return (Stop("4", unit), Stop("6", unit), earlier)
    if item == "12":
        return tuple(Stop("10", u, c) for u in plan.units for c in plan.contests)
    if item == "13":
        return (Stop("12"),)
    if item == DETERMINATION:
        read = tuple(Stop("10", u, c) for u in plan.units for c in plan.contests)
        return read + (Stop("12"), Stop("13"))
    return ()


def replay(plan: Plan, moves: list[Move]) -> ProcedureState:
    """Rebuild the state from the recorded moves (each was accepted when it was recorded)."""
    state = ProcedureState()
    for move in moves:
        result = apply(plan, state, move)
        if isinstance(result, ProcedureState):
            state = result
    return state


class ItemStatus(StrEnum):
    BELUM = "belum"
    BERJALAN = "berjalan"
    SELESAI = "selesai"
    NA = "n.a."


def item_status(
    plan: Plan, state: ProcedureState, item: Item, read: Pairs | None = None
) -> ItemStatus:
    """Status of an item in the stepper. A looping item (4–10) is shown for the kecamatan (and
    pemilihan) the meeting is at — finished there is "selesai" even while other kecamatan wait;
    at the opening and closing it is "selesai" once finished everywhere. Item 10 counts as
    finished only where its pair is marked selesai dibaca (when ``read`` is given)."""
    if item.scope is Scope.STANDING:
        if item.code == "11" and state.paused:
            return ItemStatus.BERJALAN
        return ItemStatus.NA
    if state.current.item == item.code and not state.determined:
        return ItemStatus.BERJALAN
    stops = [s for s in plan.stops() if s.item == item.code]
    here = state.current
    if item.scope is not Scope.ONCE and here.unit is not None:
        stops = [
            s
            for s in stops
            if s.unit == here.unit and (here.contest is None or s.contest in (None, here.contest))
        ]
    if all(stop_finished(s, state.done, read) for s in stops):
        return ItemStatus.SELESAI
    return ItemStatus.BELUM


def item_progress(
    plan: Plan, state: ProcedureState, item: Item, read: Pairs | None = None
) -> tuple[int, int] | None:
    """For a looping item: in how many kecamatan it is finished, of how many (None otherwise)."""
    if item.scope not in (Scope.UNIT, Scope.UNIT_CONTEST):
        return None
    finished = sum(
        all(
            stop_finished(s, state.done, read) for s in plan.unit_stops(unit) if s.item == item.code
        )
        for unit in plan.units
    )
    return finished, len(plan.units)


def unread_pairs(state: ProcedureState, read: Pairs) -> tuple[Stop, ...]:
    """The item-10 stops the meeting has left without their pair marked selesai dibaca."""
    return tuple(
        sorted(s for s in state.done if s.item == "10" and (s.contest, s.unit) not in read)
    )


def stop_label(stop: Stop) -> str:
    item = ITEM_BY_CODE[stop.item]
    number = "Penetapan" if stop.item == DETERMINATION else f"Langkah {stop.item}"
    where = "".join(f" · {part}" for part in (stop.unit, stop.contest) if part)
    return f"{number} ({item.title}){where}"


def units_finished(plan: Plan, state: ProcedureState, read: Pairs | None = None) -> int:
    return sum(unit_finished(plan, u, state.done, read) for u in plan.units)
