"""Who may do what: the operator enters and prepares; a commissioner confirms what changes the
result or the record, with their PIN at that moment."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    ANGGOTA = "anggota"
    """Anggota KPU: a commissioner."""
    KETUA = "ketua"
    """Ketua KPU: a commissioner who may also re-open a determined result."""


class Action(StrEnum):
    """Actions that change the result or the record and need a commissioner's PIN."""

    APPROVE_CORRECTION = "approve_correction"
    CLOSE_OBJECTION = "close_objection"
    REOPEN_KECAMATAN = "reopen_kecamatan"
    DETERMINE = "determine"
    REOPEN_DETERMINED = "reopen_determined"
    RESTORE_BACKUP = "restore_backup"
    MANAGE_USERS = "manage_users"
    DECIDE_TIE = "decide_tie"
    DECIDE_FINDING = "decide_finding"
    """Let an error finding of the determined values stand, with the meeting's reason."""
    DETERMINE_SEATS = "determine_seats"
    """Record the seat meeting's Keputusan on the seats and elected candidates."""
    SET_IDLE_LOCK = "set_idle_lock"
    """The idle time after which the cockpit's screen locks (ketua only)."""
    CHANGE_SENDER_KEY = "change_sender_key"
    """Accept a new signing key for a unit whose key was confirmed before (ketua only)."""
    IMPORT_SIREKAP_AS_OTHER = "import_sirekap_as_other"
    """Store Sirekap's figures (read by OCR from photos) as another source, e.g. the PPK's form."""
    RECORD_RECOUNT = "record_recount"
    """Record the meeting's decision on a pencocokan or penghitungan suara ulang, and its result."""
    OVERRIDE_PLAUSIBILITY = "override_plausibility"
    """Accept figures a plausibility warning (P01 …) is about as they are, with the reason."""
    SET_PLAUSIBILITY_LIMITS = "set_plausibility_limits"
    """Set the meeting's thresholds of the plausibility warnings (ambang kewajaran)."""
    OPEN_FOLLOW_UP = "open_follow_up"
    """Open a follow-up session (sesi lanjutan) of a determined result (ketua only)."""


ROLE_LABELS = {Role.OPERATOR: "Operator", Role.ANGGOTA: "Anggota KPU", Role.KETUA: "Ketua KPU"}
ACTION_LABELS = {
    Action.APPROVE_CORRECTION: "menyetujui pembetulan",
    Action.CLOSE_OBJECTION: "menutup keberatan",
    Action.REOPEN_KECAMATAN: "membuka kembali kecamatan",
    Action.DETERMINE: "menetapkan hasil",
    Action.REOPEN_DETERMINED: "membuka kembali hasil yang sudah ditetapkan",
    Action.RESTORE_BACKUP: "memulihkan cadangan",
    Action.MANAGE_USERS: "mengatur pengguna dan PIN",
    Action.DECIDE_TIE: "memutuskan perolehan kursi atau suara calon yang sama",
    Action.DECIDE_FINDING: "memutuskan temuan galat pada angka yang ditetapkan",
    Action.DETERMINE_SEATS: "menetapkan perolehan kursi dan calon terpilih",
    Action.SET_IDLE_LOCK: "mengatur waktu kunci layar",
    Action.CHANGE_SENDER_KEY: "mengganti kunci pengirim yang sudah dikonfirmasi",
    Action.IMPORT_SIREKAP_AS_OTHER: "mengimpor angka Sirekap sebagai sumber lain",
    Action.RECORD_RECOUNT: "mencatat pencocokan atau penghitungan suara ulang",
    Action.OVERRIDE_PLAUSIBILITY: "mengabaikan temuan kewajaran",
    Action.SET_PLAUSIBILITY_LIMITS: "mengatur ambang kewajaran",
    Action.OPEN_FOLLOW_UP: "membuka sesi lanjutan atas hasil yang sudah ditetapkan",
}
_COMMISSIONERS = frozenset({Role.ANGGOTA, Role.KETUA})
_ALLOWED: dict[Action, frozenset[Role]] = {action: _COMMISSIONERS for action in Action}
_ALLOWED[Action.REOPEN_DETERMINED] = frozenset({Role.KETUA})
_ALLOWED[Action.MANAGE_USERS] = frozenset({Role.KETUA})
_ALLOWED[Action.SET_IDLE_LOCK] = frozenset({Role.KETUA})
_ALLOWED[Action.CHANGE_SENDER_KEY] = frozenset({Role.KETUA})
_ALLOWED[Action.OPEN_FOLLOW_UP] = frozenset({Role.KETUA})

MAX_FAILED_TRIES = 5
LOCK_DURATION = timedelta(minutes=5)
MIN_PIN_LENGTH = 4
MIN_COMMISSIONER_PIN_LENGTH = 6
"""A commissioner's PIN guards the result: six digits make a million tries, not ten thousand."""


def may_confirm(role: Role, action: Action) -> bool:
    return role in _ALLOWED[action]


def refusal_for_role(role: Role, action: Action) -> str | None:
    """Why ``role`` may not confirm ``action`` (Indonesian), or None when it may."""
    if may_confirm(role, action):
        return None
    return (
        f"{ROLE_LABELS[role]} tidak berwenang {ACTION_LABELS[action]}; perlu {confirmers(action)}."
    )


def confirmers(action: Action) -> str:
    """Who may confirm ``action``: 'Anggota KPU atau Ketua KPU'."""
    return " atau ".join(ROLE_LABELS[r] for r in Role if r in _ALLOWED[action])


def locked_until(failures: list[datetime], now: datetime) -> datetime | None:
    """After 5 wrong PINs within the lock window the user is locked for 5 minutes from the last."""
    recent = [f for f in failures if now - f < LOCK_DURATION]
    if len(recent) < MAX_FAILED_TRIES:
        return None
    return max(recent) + LOCK_DURATION


def pin_problem(pin: str, role: Role) -> str | None:
    """Why a new PIN for a user of ``role`` is not acceptable (Indonesian), or None."""
    if role is not Role.OPERATOR and len(pin) < MIN_COMMISSIONER_PIN_LENGTH:
        return (
            f"PIN {ROLE_LABELS[role]} paling sedikit {MIN_COMMISSIONER_PIN_LENGTH} angka; "
            f"yang dimasukkan hanya {len(pin)}."
        )
    if len(pin) < MIN_PIN_LENGTH:
        return f"PIN paling sedikit {MIN_PIN_LENGTH} karakter."
    if pin.strip() != pin:
        return "PIN tidak boleh diawali atau diakhiri spasi."
    return None
