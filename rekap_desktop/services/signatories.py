"""Who signs at penetapan: the KPU members and saksi recorded present at procedure item 1 (daftar
hadir), not everyone in the setup. Each of them signs, or is recorded as present but not signing
with the reason (PKPU 18/2024 Pasal 33(3)).

When no daftar hadir was kept at all (nobody recorded at item 1), the signers are not checked
against it: the meeting then works from the setup's list, as the forms print it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rekap_desktop.domain.election import Pleno, contest_office
from rekap_desktop.domain.problems import Problem
from rekap_desktop.domain.signature import Signature
from rekap_desktop.storage.procedure_store import Attendee

SIGNING_ROLES = ("kpu", "saksi")
"""Who signs the D.Hasil and the berita acara; Bawaslu and pemantau are listed as present."""


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def is_blank_column_saksi(pleno: Pleno, person: Attendee) -> bool:
    """A saksi recorded for the kolom kosong (an earlier version accepted one): the kolom kosong
    has no saksi, so such a person never signs or is printed as one (a pemantau instead)."""
    contest = pleno.contest(person.contest or "")
    return person.role == "saksi" and contest is not None and contest.is_blank_column(person.choice)


def present(attendance: Iterable[Attendee], signed: Iterable[str] = ()) -> list[Attendee]:
    """Who is in the room: recorded present at item 1 and not marked as having left, or named
    among the signers of the penetapan in force (one who signed and left later stays listed)."""
    signers = list(signed)
    return [a for a in attendance if a.present or any(same_name(a.name, name) for name in signers)]


def member_position(pleno: Pleno, name: str) -> str:
    """A KPU member's position as the setup gives it (Ketua / Anggota), else "Anggota"."""
    member = next((m for m in pleno.members if same_name(m.name, name)), None)
    return member.position if member else "Anggota"


def saksi_position(pleno: Pleno, person: Attendee) -> str:
    """ "Saksi Wali Kota dan Wakil Wali Kota nomor urut 2" (a party's number for Pemilu)."""
    return f"Saksi {contest_office(person.contest or '')} nomor urut {person.choice}"


def signatories(pleno: Pleno, attendance: Sequence[Attendee]) -> list[Signature]:
    """Who is asked to sign at penetapan, each marked as signing: the KPU members recorded
    present, then the saksi; the setup's KPU members when no daftar hadir was kept."""
    if not attendance:
        return [Signature(m.name, m.position, True) for m in pleno.members]
    here = [
        a
        for a in present(attendance)
        if a.role in SIGNING_ROLES and not is_blank_column_saksi(pleno, a)
    ]
    members = [
        Signature(a.name, member_position(pleno, a.name), True) for a in here if a.role == "kpu"
    ]
    saksi = [Signature(a.name, saksi_position(pleno, a), True) for a in here if a.role == "saksi"]
    return members + saksi


def signature_problems(
    pleno: Pleno, attendance: Sequence[Attendee], signatures: Sequence[Signature]
) -> list[Problem]:
    """What is wrong with the signers of a penetapan: one who is not recorded present, one who
    is present and left out, no KPU member at all; a present signer who does not sign needs the
    reason. Nothing is checked against a daftar hadir that was not kept."""
    problems = [
        Problem(f"{s.name}: hadir tetapi tidak menandatangani — alasan wajib diisi")
        for s in signatures
        if not s.signed and not s.reason.strip()
    ]
    if not attendance:
        return problems
    expected = signatories(pleno, attendance)
    problems += [
        Problem(
            f"{s.name} tidak tercatat hadir di daftar hadir (butir 1); tidak dapat menandatangani"
        )
        for s in signatures
        if not any(same_name(s.name, e.name) for e in expected)
    ]
    problems += [
        Problem(
            f"{e.name} ({e.position}) tercatat hadir: catat menandatangani, atau hadir tetapi "
            "tidak menandatangani dengan alasannya"
        )
        for e in expected
        if not any(same_name(s.name, e.name) for s in signatures)
    ]
    if not any(a.role == "kpu" for a in present(attendance)):
        problems.append(
            Problem("belum ada anggota KPU yang tercatat hadir di daftar hadir (butir 1)")
        )
    return problems
