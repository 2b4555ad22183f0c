"""The daftar hadir data from the attendance recorded at procedure item 1.

Who was recorded present is printed with their role, the saksi with the result of the surat mandat
check; the KPU members, saksi and pemantau of the setup who were not recorded keep their line to be
signed (or left empty), and every group keeps blank lines for those who come later. The kolom
kosong has no saksi: nobody is printed as its saksi (one recorded so by an earlier version is
printed among the pemantau).
"""

from __future__ import annotations

from collections.abc import Sequence

from rekap_desktop.documents.daftar_hadir import AttendanceData, AttendanceGroup, Attendee
from rekap_desktop.domain.bodies import LEVEL_NAMES
from rekap_desktop.domain.election import Level, Observer, Pleno
from rekap_desktop.services.printing.recap_forms import meeting_header
from rekap_desktop.services.signatories import is_blank_column_saksi
from rekap_desktop.services.signatories import same_name as _same
from rekap_desktop.storage.procedure_store import Attendee as Recorded

UNCHECKED = "Sesuai / Tidak sesuai *)"
BAWASLU_LINES = 3
OBSERVER_LINES = 4
SPARE_LINES = 2


def attendance_data(
    pleno: Pleno, recorded: Sequence[Recorded], watermark: str | None
) -> AttendanceData:
    level, column = LEVEL_NAMES[pleno.level]
    by_role: dict[str, list[Recorded]] = {}
    for person in recorded:
        role = "pemantau" if is_blank_column_saksi(pleno, person) else person.role
        by_role.setdefault(role, []).append(person)
    lower = "PPK" if pleno.level is Level.KABKO else f"penyelenggara {column.lower()}"
    groups = (
        AttendanceGroup(f"ANGGOTA KPU {level}", _members(pleno, by_role.get("kpu", []))),
        AttendanceGroup(
            f"BAWASLU {level}", _with_blanks(by_role.get("bawaslu", []), "Bawaslu", BAWASLU_LINES)
        ),
        AttendanceGroup(
            f"{lower.upper()} (PER {column})", _lower(pleno, lower, by_role.get("ppk", []))
        ),
        AttendanceGroup("SAKSI", _witnesses(pleno, by_role.get("saksi", [])), with_mandate=True),
        AttendanceGroup(
            "PEMANTAU DAN UNDANGAN LAIN", _observers(pleno, by_role.get("pemantau", []))
        ),
    )
    return AttendanceData(
        header=meeting_header(pleno, "DAFTAR HADIR RAPAT PLENO TERBUKA", watermark),
        place=pleno.place,
        held_on=pleno.held_on,
        groups=groups,
    )


def _note(person: Recorded) -> str:
    status = "Hadir" if person.present else "Hadir, kemudian keluar"
    return f"{status}; {person.note}" if person.note else status


def _mandate(person: Recorded) -> str | None:
    if person.mandate_checked is None:
        return None
    return "Sesuai" if person.mandate_checked else "Tidak sesuai"


def _members(pleno: Pleno, recorded: list[Recorded]) -> tuple[Attendee, ...]:
    """Every member of the setup in its order, marked when recorded; others recorded as KPU
    after them."""
    lines = []
    left = list(recorded)
    for member in pleno.members:
        found = [p for p in left if _same(p.name, member.name)]
        for person in found:
            left.remove(person)
        note = "; ".join(_note(p) for p in found)
        lines.append(Attendee(member.name, member.position, note=note))
    lines += [Attendee(p.name, "Anggota KPU", note=_note(p)) for p in left]
    return tuple(lines)


def _with_blanks(recorded: list[Recorded], role: str, lines: int) -> tuple[Attendee, ...]:
    named = [Attendee(p.name, role, note=_note(p)) for p in recorded]
    blanks = max(lines - len(named), SPARE_LINES if named else lines)
    return tuple(named) + (Attendee("", role),) * blanks


def _observers(pleno: Pleno, recorded: list[Recorded]) -> tuple[Attendee, ...]:
    """Recorded pemantau (with their lembaga from the setup when it names them), then the
    setup's pemantau nobody recorded, then blank lines."""
    lines = []
    for person in recorded:
        known = next((o for o in pleno.observers if _same(o.name, person.name)), None)
        role = observer_role(known) if known else "Pemantau"
        lines.append(Attendee(person.name, role, note=_note(person)))
    lines += [
        Attendee(o.name, observer_role(o))
        for o in pleno.observers
        if not any(_same(o.name, p.name) for p in recorded)
    ]
    blanks = max(OBSERVER_LINES - len(lines), SPARE_LINES)
    return tuple(lines) + (Attendee("", ""),) * blanks


def observer_role(observer: Observer) -> str:
    return f"Pemantau, {observer.institution}" if observer.institution else "Pemantau"


def _lower(pleno: Pleno, lower: str, recorded: list[Recorded]) -> tuple[Attendee, ...]:
    """Recorded PPK with their note (which kecamatan); without any, a line per unit."""
    if not recorded:
        return tuple(Attendee("", f"{lower} {u.name}") for u in pleno.units)
    named = tuple(Attendee(p.name, lower, note=_note(p)) for p in recorded)
    return named + (Attendee("", lower),) * SPARE_LINES


def _witnesses(pleno: Pleno, recorded: list[Recorded]) -> tuple[Attendee, ...]:
    """Per contest and choice: the saksi recorded (replacements too) with the mandate check, or
    the saksi of the setup with the check left to paper; then blank lines."""
    lines: list[Attendee] = []
    left = list(recorded)
    for contest in pleno.contests:
        for number in contest.saksi_numbers():
            role = _witness_role(pleno, contest.code, number)
            here = [p for p in left if (p.contest, p.choice) == (contest.code, number)]
            for person in here:
                left.remove(person)
                lines.append(Attendee(person.name, role, _mandate(person), _note(person)))
            if not here:
                lines += [
                    Attendee(w.name, role, None)
                    for w in pleno.witnesses
                    if w.contest == contest.code and w.choice == number
                ]
    lines += [
        Attendee(
            p.name, _witness_role(pleno, p.contest or "", p.choice or 0), _mandate(p), _note(p)
        )
        for p in left
    ]
    return tuple(lines) + (Attendee("", "Saksi"),) * SPARE_LINES


def _witness_role(pleno: Pleno, contest_code: str, number: int) -> str:
    contest = pleno.contest(contest_code)
    if contest is not None and contest.is_party_list:
        party = contest.party(number)
        return f"Saksi {contest.title}, partai nomor {number}" + (
            f" ({party.name})" if party else ""
        )
    choice = contest.choice(number) if contest else None
    title = contest.title if contest else contest_code
    return f"Saksi {title}, " + (choice.label() if choice else f"nomor urut {number}")
