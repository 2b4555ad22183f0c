"""The meeting being held: its region, units, contests and choices (setup of a rapat pleno)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode


class ElectionKind(StrEnum):
    """Pemilu (general election) or Pilkada (regional head election): rules and labels differ."""

    PILKADA = "pilkada"
    PEMILU = "pemilu"


class Level(StrEnum):
    """Tingkat: the level of the meeting; its units are the regions one level below."""

    KECAMATAN = "kecamatan"
    KABKO = "kabko"
    PROVINSI = "provinsi"
    NASIONAL = "nasional"


PILKADA_CONTESTS = ("gubernur", "bupati", "walikota")
PEMILU_CONTESTS = ("ppwp", "dpr", "dpd", "dprd_prov", "dprd_kabko")
PARTY_LIST_CONTESTS = ("dpr", "dprd_prov", "dprd_kabko")
CONTEST_OFFICES = {
    "gubernur": "Gubernur dan Wakil Gubernur",
    "bupati": "Bupati dan Wakil Bupati",
    "walikota": "Wali Kota dan Wakil Wali Kota",
    "ppwp": "Presiden dan Wakil Presiden",
    "dpr": "DPR",
    "dpd": "DPD",
    "dprd_prov": "DPRD Provinsi",
    "dprd_kabko": "DPRD Kabupaten/Kota",
}
"""What each contest elects, as people read it: shown where a contest is named in passing (a
saksi's contest, a print record) instead of its internal code."""


def contest_office(code: str) -> str:
    """ "walikota" → "Wali Kota dan Wakil Wali Kota" (an unknown code is shown as it is)."""
    return CONTEST_OFFICES.get(code, code)


SEAT_RANGES = {"dpr": (3, 10), "dprd_prov": (3, 12), "dprd_kabko": (3, 12)}
"""Seats per dapil the law allows (UU 7/2017): DPR 3–10, DPRD provinsi and kabupaten/kota 3–12."""


@dataclass(frozen=True)
class Region:
    code: RegionCode
    name: str


@dataclass(frozen=True)
class Unit:
    """A unit recapitulated by the meeting (a kecamatan at a kab/kota meeting)."""

    code: RegionCode
    name: str
    tps_count: int | None = None


BLANK_COLUMN = "Kolom Kosong"
"""How the kolom kosong is printed and projected: by name, never by a ballot number (the blank
column has no number and no picture, UU 10/2016 Pasal 54C(2))."""


@dataclass(frozen=True)
class Choice:
    """A choice on the ballot: a pasangan calon, a DPD candidate or the kolom kosong.

    ``number`` is the choice's position in the data (the ``suara_NN`` key; Sirekap numbers the
    kolom kosong too); only a pasangan calon or candidate carries it as a ballot number."""

    number: ChoiceNo
    name: str
    blank_column: bool = False
    sirekap_id: str | None = None

    @property
    def ballot_number(self) -> ChoiceNo | None:
        """The number printed for the choice: none for the kolom kosong."""
        return None if self.blank_column else self.number

    @property
    def ballot_name(self) -> str:
        """The name printed for the choice: "Kolom Kosong" for the blank column."""
        return BLANK_COLUMN if self.blank_column else self.name

    def label(self, prefix: str = "Nomor urut ", separator: str = ": ") -> str:
        """The choice as forms and the projector name it: "Nomor urut 2: NAMA" (or, with
        ``prefix=""`` and ``separator=". "``, "2. NAMA"); the kolom kosong is "Kolom Kosong"."""
        if self.blank_column:
            return BLANK_COLUMN
        return f"{prefix}{self.number}{separator}{self.name}"


@dataclass(frozen=True)
class Candidate:
    """Calon anggota legislatif on a party list."""

    number: ChoiceNo
    name: str
    sex: str


@dataclass(frozen=True)
class Party:
    number: ChoiceNo
    name: str
    candidates: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    """Candidate list per dapil code."""


@dataclass(frozen=True)
class District:
    """Daerah pemilihan (dapil) of a legislative contest."""

    code: str
    name: str
    seats: int
    units: tuple[RegionCode, ...]


@dataclass(frozen=True)
class Contest:
    code: ContestCode
    title: str
    choices: tuple[Choice, ...] = ()
    parties: tuple[Party, ...] = ()
    districts: tuple[District, ...] = ()

    @property
    def is_party_list(self) -> bool:
        return self.code in PARTY_LIST_CONTESTS

    @property
    def elects_seats(self) -> bool:
        """A legislative contest: seats by party list (DPR, DPRD) or the DPD's four members."""
        return self.is_party_list or self.code == "dpd"

    @property
    def is_single_candidate(self) -> bool:
        """Calon tunggal: one pasangan calon against the kolom kosong."""
        return len(self.choices) == 2 and sum(c.blank_column for c in self.choices) == 1

    def choice(self, number: int) -> Choice | None:
        return next((c for c in self.choices if c.number == number), None)

    def party(self, number: int) -> Party | None:
        return next((p for p in self.parties if p.number == number), None)

    def district_of(self, unit_code: str) -> District | None:
        """The dapil a unit (or any region or TPS below it) belongs to; None outside a dapil."""
        return next(
            (d for d in self.districts if any(unit_code.startswith(e) for e in d.units)), None
        )

    def district(self, code: str) -> District | None:
        return next((d for d in self.districts if d.code == code), None)

    def candidates(self, party: Party, district: str | None) -> tuple[Candidate, ...]:
        """A party's candidates on the ballot of one dapil; without a dapil, every number it uses
        in any dapil (numbers, not persons: no. 1 of dapil 1 is not no. 1 of dapil 2)."""
        if district is not None:
            return tuple(sorted(party.candidates.get(district, ()), key=lambda c: c.number))
        seen: dict[int, Candidate] = {}
        for listed in party.candidates.values():
            for candidate in listed:
                seen.setdefault(candidate.number, candidate)
        return tuple(seen[n] for n in sorted(seen))

    def saksi_numbers(self) -> tuple[ChoiceNo, ...]:
        """The numbers a saksi may stand for: the parties of a legislative contest, else the
        choices except the kolom kosong (no campaign team mandates a saksi for it)."""
        if self.is_party_list:
            return tuple(p.number for p in self.parties)
        return tuple(c.number for c in self.choices if not c.blank_column)

    def is_blank_column(self, number: int | None) -> bool:
        """Whether ``number`` is this contest's kolom kosong."""
        choice = self.choice(number) if number is not None else None
        return choice is not None and choice.blank_column


@dataclass(frozen=True)
class Member:
    """Anggota KPU present at the meeting."""

    name: str
    position: str


@dataclass(frozen=True)
class Witness:
    """Saksi mandated for one choice of one contest."""

    name: str
    contest: ContestCode
    choice: ChoiceNo


@dataclass(frozen=True)
class Observer:
    """Pemantau terakreditasi: watches the meeting (a kolom kosong too) and may receive a copy,
    but is no saksi and signs nothing as one."""

    name: str
    institution: str = ""
    contest: ContestCode | None = None


BLANK_COLUMN_SAKSI = (
    "kolom kosong tidak mempunyai saksi (tidak ada tim kampanye yang memberi surat mandat); "
    "pemantau terakreditasi dicatat sebagai pemantau"
)
"""Why a saksi for the kolom kosong is refused (setup file and daftar hadir)."""


@dataclass(frozen=True)
class Pleno:
    """Rapat pleno terbuka rekapitulasi: everything known before any number is entered."""

    name: str
    kind: ElectionKind
    level: Level
    region: Region
    units: tuple[Unit, ...]
    contests: tuple[Contest, ...]
    place: str | None = None
    held_on: date | None = None
    members: tuple[Member, ...] = ()
    witnesses: tuple[Witness, ...] = ()
    province: Region | None = None
    """The provinsi the region lies in (setup ``wilayah.provinsi``), printed in form headers."""
    observers: tuple[Observer, ...] = ()

    def contest(self, code: str) -> Contest | None:
        return next((c for c in self.contests if c.code == code), None)

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units if u.code == code), None)

    def unit_for(self, code: str) -> Unit | None:
        """The unit a code belongs to: the unit itself or any region or TPS below it."""
        return next((u for u in self.units if code.startswith(u.code)), None)
