"""The signature blocks of the D.Hasil and the berita acara: who was recorded present at procedure
item 1 — KPU members, saksi with the choice they stand for and their surat mandat, Bawaslu and
pemantau — not everyone in the setup. One who was present but did not sign is printed with
"Hadir, tidak menandatangani" and the reason recorded at penetapan (PKPU 18/2024 Pasal 33(3)),
instead of an empty line to sign on.

When no daftar hadir was kept (nobody recorded at item 1), the forms keep the setup's lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from rekap_desktop.documents.berita_acara import MinutesData
from rekap_desktop.documents.d_hasil import DHasilData
from rekap_desktop.documents.d_hasil_legislatif import LegislativeDHasilData
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.domain.bodies import LEVEL_NAMES
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.printing.attendance import observer_role
from rekap_desktop.services.signatories import (
    is_blank_column_saksi,
    member_position,
    present,
    same_name,
)
from rekap_desktop.storage.procedure_store import Attendee

Signed = TypeVar("Signed", DHasilData, LegislativeDHasilData, MinutesData)
MANDATE = {True: "surat mandat sesuai", False: "surat mandat tidak sesuai", None: ""}


@dataclass(frozen=True)
class Present:
    """Who was in the room as the daftar hadir records it (present, or signed at penetapan)."""

    pleno: Pleno
    people: tuple[Attendee, ...]

    def members(self) -> tuple[Signatory, ...]:
        return tuple(
            Signatory(p.name, member_position(self.pleno, p.name))
            for p in self.people
            if p.role == "kpu"
        )

    def witnesses(self, contest: str | None, with_title: bool) -> tuple[Signatory, ...]:
        """The saksi of ``contest`` (None: of every contest, in the setup's order), each with
        whom they stand for and the result of the surat mandat check."""
        lines = []
        for c in self.pleno.contests:
            if contest is not None and c.code != contest:
                continue
            for number in c.saksi_numbers():
                for p in self.people:
                    if p.role == "saksi" and (p.contest, p.choice) == (c.code, number):
                        label = _stands_for(self.pleno, c.code, number)
                        role = f"{c.title}, {label}" if with_title else label
                        mandate = MANDATE[p.mandate_checked]
                        lines.append(Signatory(p.name, f"{role}; {mandate}" if mandate else role))
        return tuple(lines)

    def others(self) -> tuple[Signatory, ...]:
        """Bawaslu, then the pemantau (a saksi once recorded for the kolom kosong among them)."""
        bawaslu = tuple(
            Signatory(p.name, f"Bawaslu {LEVEL_NAMES[self.pleno.level][0].title()}")
            for p in self.people
            if p.role == "bawaslu"
        )
        return bawaslu + tuple(
            Signatory(p.name, self._observer(p))
            for p in self.people
            if p.role == "pemantau" or is_blank_column_saksi(self.pleno, p)
        )

    def _observer(self, person: Attendee) -> str:
        known = next((o for o in self.pleno.observers if same_name(o.name, person.name)), None)
        if known is not None:
            return observer_role(known)
        note = person.note if person.role == "pemantau" else ""
        return f"Pemantau, {note}" if note else "Pemantau"


def present_at_meeting(
    pleno: Pleno, attendance: Sequence[Attendee], signatures: Iterable[Signature]
) -> Present | None:
    """Who the signature blocks list; None when no daftar hadir was kept."""
    if not attendance:
        return None
    return Present(pleno, tuple(present(attendance, (s.name for s in signatures))))


def with_present(data: Signed, here: Present | None, contest: str | None) -> Signed:
    """``data`` with the signature blocks of those present (for ``contest``'s D.Hasil: the
    saksi of that contest; for the berita acara, None: every saksi with the contest named)."""
    if here is None:
        return data
    return replace(
        data,
        members=here.members(),
        witnesses=here.witnesses(contest, with_title=contest is None),
        others=here.others(),
    )


def refusals(signatures: Iterable[Signature]) -> dict[str, str]:
    """Who was present but did not sign at penetapan (name folded for matching) → the reason."""
    return {_key(s.name): s.reason.strip() for s in signatures if not s.signed}


def with_refusals(data: Signed, refused: dict[str, str]) -> Signed:
    """``data`` with each reason for not signing written beside the signer's name."""
    if not refused:
        return data
    return replace(
        data,
        members=_marked(data.members, refused),
        witnesses=_marked(data.witnesses, refused),
    )


def _stands_for(pleno: Pleno, contest_code: str, number: int) -> str:
    contest = pleno.contest(contest_code)
    if contest is not None and contest.is_party_list:
        party = contest.party(number)
        return f"{number}. {party.name}" if party else f"partai nomor urut {number}"
    choice = contest.choice(number) if contest else None
    return choice.label() if choice else f"Nomor urut {number}"


def _marked(people: tuple[Signatory, ...], refused: dict[str, str]) -> tuple[Signatory, ...]:
    return tuple(
        replace(p, refusal=refused[_key(p.name)]) if p.name and _key(p.name) in refused else p
        for p in people
    )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
