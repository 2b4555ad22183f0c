"""Records of the agenda items: daftar hadir and surat mandat (1), peraturan teknis and tata tertib
(2–3), pembukaan kotak (4), pengembalian C.Pemberitahuan (5) and the objection call (12).

Each save is validated first; a refusal names what and where and changes nothing.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import asdict

from rekap_desktop.domain.bodies import LEVEL_NAMES, kpu_name
from rekap_desktop.domain.election import BLANK_COLUMN_SAKSI, Contest, Level, Pleno
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.procedure import Stop
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.signatories import signatories
from rekap_desktop.storage import procedure_store
from rekap_desktop.storage.procedure_store import Attendee, BoxCheck, ObjectionCall
from rekap_desktop.storage.unit_of_work import Session, read
from rekap_desktop.text.meeting_rules import peraturan_teknis, tata_tertib

ROLES = {
    "kpu": "Anggota KPU",
    "bawaslu": "Bawaslu",
    "ppk": "PPK",
    "saksi": "Saksi",
    "pemantau": "Pemantau",
}
TEXTS = {"peraturan_teknis": "Peraturan teknis", "tata_tertib": "Tata tertib"}
INCIDENT_FORM = "Model D.Kejadian Khusus dan/atau Keberatan Saksi-KWK"


def expected_forms(pleno: Pleno) -> tuple[str, ...]:
    """What a kecamatan's sealed box should hold (item 4)."""
    results = tuple(f"Model D.Hasil Kecamatan — {c.title}" for c in pleno.contests)
    return results + (INCIDENT_FORM,)


class ProcedureRecords:
    def __init__(self, procedure: ProcedureService) -> None:
        self.procedure = procedure
        self.pleno = procedure.pleno_service.pleno()

    def _session(self) -> AbstractContextManager[Session]:
        return read(self.procedure.pleno_service.engine)

    # -- item 1 -----------------------------------------------------------------------------

    def attendance(self) -> list[Attendee]:
        with self._session() as session:
            return procedure_store.attendance(session)

    def add_attendee(
        self,
        role: str,
        name: str,
        contest: str | None = None,
        choice: int | None = None,
        mandate_checked: bool | None = None,
        note: str = "",
    ) -> None:
        """Daftar hadir: one person arrives; a saksi's mandate is checked yes/no."""
        attendee = Attendee(0, role, name.strip(), contest, choice, mandate_checked, note, True)
        problems = self._attendee_problems(attendee)
        if problems:
            raise InputRejected(problems, "Daftar hadir")
        payload: dict[str, object] = {"hadir": asdict(attendee) | {"id": None}}
        self.procedure.record(
            Stop("1"), lambda s, _id: _ignore(procedure_store.add_attendee(s, attendee)), payload
        )

    def signatories(self) -> list[Signature]:
        """Who is asked to sign at penetapan: the KPU members and saksi recorded present."""
        return signatories(self.pleno, self.attendance())

    def mark_left(self, attendee_id: int) -> None:
        """A person leaves the room (a saksi may then be replaced)."""
        known = {a.id for a in self.attendance() if a.present}
        if attendee_id not in known:
            raise InputRejected([Problem(f"peserta nomor {attendee_id} tidak sedang hadir")])
        self.procedure.record(
            None,
            lambda s, _id: _ignore(procedure_store.mark_left(s, attendee_id)),
            {"keluar": attendee_id},
        )

    def _attendee_problems(self, a: Attendee) -> list[Problem]:
        if a.role not in ROLES:
            return [Problem(f"peran '{a.role}' tidak dikenal")]
        if not a.name:
            return [Problem("nama peserta wajib diisi")]
        if a.role != "saksi":
            return []
        contest = self.pleno.contest(a.contest or "")
        if contest is None:
            return [Problem(f"saksi {a.name}: pemilihan '{a.contest}' tidak ada dalam pleno ini")]
        if a.choice is None or not _has_choice(contest, a.choice):
            return [Problem(f"saksi {a.name}: nomor urut {a.choice} tidak ada di {contest.title}")]
        if contest.is_blank_column(a.choice):
            return [Problem(f"saksi {a.name} ({contest.title}): {BLANK_COLUMN_SAKSI}")]
        if a.mandate_checked is None:
            return [Problem(f"saksi {a.name}: pemeriksaan surat mandat (ya/tidak) wajib diisi")]
        present = [
            p
            for p in self.attendance()
            if p.present and p.role == "saksi" and (p.contest, p.choice) == (a.contest, a.choice)
        ]
        if present:
            return [
                Problem(
                    f"saksi nomor urut {a.choice} {contest.title} sudah hadir di ruangan "
                    f"({present[0].name}); hanya satu saksi per pilihan"
                )
            ]
        return []

    # -- items 2–3 --------------------------------------------------------------------------

    def text(self, key: str) -> str:
        """The text as saved, or the default the meeting starts from (see default_text)."""
        with self._session() as session:
            saved = procedure_store.text(session, key)
        return saved if saved is not None else default_text(self.pleno, key)

    def save_text(self, key: str, body: str) -> None:
        if key not in TEXTS:
            raise InputRejected([Problem(f"naskah '{key}' tidak dikenal")])
        stop = Stop("2" if key == "peraturan_teknis" else "3")
        self.procedure.record(
            stop,
            lambda s, _id: procedure_store.save_text(s, key, body),
            {"naskah": key, "isi": body},
        )

    # -- item 4 -----------------------------------------------------------------------------

    def box_check(self, unit: str) -> BoxCheck | None:
        with self._session() as session:
            return procedure_store.box_check(session, unit)

    def record_box(
        self, unit: str, seal_intact: bool, forms_found: tuple[str, ...], note: str = ""
    ) -> list[str]:
        """Pembukaan kotak; returns what is wrong (broken seal, missing forms): each of these is a
        kejadian khusus the operator is offered to open."""
        self._check_unit(unit)
        unknown = [f for f in forms_found if f not in expected_forms(self.pleno)]
        if unknown:
            raise InputRejected([Problem(f"formulir '{unknown[0]}' tidak dikenal")])
        check = BoxCheck(unit, seal_intact, forms_found, note, "")
        self.procedure.record(
            Stop("4", unit),
            lambda s, _id: procedure_store.add_box_check(s, check),
            {"kotak": asdict(check)},
        )
        faults = [
            f"formulir tidak ada: {f}" for f in expected_forms(self.pleno) if f not in forms_found
        ]
        return (["segel kotak tidak utuh"] if not seal_intact else []) + faults

    def _check_unit(self, unit: str) -> None:
        if self.pleno.unit(unit) is None:
            raise InputRejected([Problem(f"kecamatan '{unit}' tidak ada dalam pleno ini")])

    # -- item 5 -----------------------------------------------------------------------------

    def returned_notices(self, unit: str) -> dict[str, int]:
        with self._session() as session:
            return procedure_store.returned_notices(session, unit)

    def save_returned_notices(self, unit: str, counts: dict[str, int]) -> None:
        """C.Pemberitahuan returned undistributed, per desa/kelurahan of the kecamatan."""
        self._check_unit(unit)
        problems = [
            Problem(f"desa/kelurahan '{v}': jumlah harus bilangan bulat ≥ 0, bukan {c}")
            for v, c in counts.items()
            if isinstance(c, bool) or not isinstance(c, int) or c < 0
        ]
        problems += [Problem("nama desa/kelurahan wajib diisi") for v in counts if not v.strip()]
        if problems or not counts:
            raise InputRejected(problems or [Problem("belum ada jumlah yang diisi")], unit)
        self.procedure.record(
            Stop("5", unit),
            lambda s, _id: procedure_store.add_returned_notices(s, unit, counts),
            {"kecamatan": unit, "c_pemberitahuan_kembali": counts},
        )

    # -- item 12 ----------------------------------------------------------------------------

    def objection_call(self) -> ObjectionCall | None:
        with self._session() as session:
            return procedure_store.objection_call(session)

    def record_objection_call(self, none_raised: bool, objections: str = "") -> None:
        """The room was asked for objections: "tidak ada", or what was raised."""
        if not none_raised and not objections.strip():
            raise InputRejected([Problem("keberatan yang diajukan wajib dituliskan")])
        text = "" if none_raised else objections.strip()
        self.procedure.record(
            Stop("12"),
            lambda s, _id: procedure_store.add_objection_call(s, none_raised, text),
            {"tidak_ada_keberatan": none_raised, "keberatan": text},
        )


def default_text(pleno: Pleno, key: str) -> str:
    """Peraturan teknis / tata tertib as the 17 rules read at a kab/kota pleno put them, with this
    meeting's KPU, units and forms; empty for an unknown key."""
    kpu = "KPU " + kpu_name(pleno).removeprefix("KPU ").title()
    if key == "tata_tertib":
        return tata_tertib(kpu)
    if key != "peraturan_teknis":
        return ""
    column = LEVEL_NAMES[pleno.level][1]
    lower = "PPK" if pleno.level is Level.KABKO else f"penyelenggara {column.lower()}"
    return peraturan_teknis(kpu, column.lower(), lower, expected_forms(pleno)[:-1])


def _has_choice(contest: Contest, number: int) -> bool:
    if contest.is_party_list:
        return contest.party(number) is not None
    return contest.choice(number) is not None


def _ignore(_value: object) -> None:
    return None
