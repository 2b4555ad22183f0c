"""Kejadian Khusus dan/atau Keberatan Saksi: entries of the incident and objection register.

One entry carries everything Model D.Kejadian Khusus dan/atau Keberatan Saksi asks for (procedure
items 6 and 13–17): who raised it, what it is about, the resolution, the paraf of those involved and
the corrections it caused. The rules that move an entry through its life are in
``domain.incident_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IncidentKind(StrEnum):
    KEJADIAN_KHUSUS = "kejadian_khusus"
    KEBERATAN_SAKSI = "keberatan_saksi"
    KEBERATAN_BAWASLU = "keberatan_bawaslu"
    MASALAH_LAIN = "masalah_lain"

    @property
    def is_objection(self) -> bool:
        """Keberatan (by a saksi or by Bawaslu): subject to paraf and to rule 17."""
        return self in (IncidentKind.KEBERATAN_SAKSI, IncidentKind.KEBERATAN_BAWASLU)


class IncidentStatus(StrEnum):
    TERBUKA = "terbuka"
    DISELESAIKAN = "diselesaikan"
    TIDAK_DAPAT_DISELESAIKAN = "tidak_dapat_diselesaikan"


class Origin(StrEnum):
    BARU = "baru"
    """Raised in this meeting."""
    KECAMATAN = "kecamatan"
    """Carried from the kecamatan's own register (procedure item 6)."""


class RaiserRole(StrEnum):
    """Who raised the entry: a saksi (of one contest and choice), Bawaslu, PPK, a KPU member …"""

    SAKSI = "saksi"
    BAWASLU = "bawaslu"
    PPK = "ppk"
    KPU = "kpu"
    LAIN = "lain"


class Subject(StrEnum):
    """What the entry is about: the conduct of the meeting or a result."""

    PROSEDUR = "prosedur"
    HASIL = "hasil"


class ParafRole(StrEnum):
    PENGAJU = "pengaju"
    """The one who raised the objection."""
    PENYAKSI = "penyaksi"
    """A saksi who witnessed the resolution."""


KIND_LABELS = {
    IncidentKind.KEJADIAN_KHUSUS: "Kejadian khusus",
    IncidentKind.KEBERATAN_SAKSI: "Keberatan saksi",
    IncidentKind.KEBERATAN_BAWASLU: "Keberatan Bawaslu",
    IncidentKind.MASALAH_LAIN: "Masalah lain",
}
STATUS_LABELS = {
    IncidentStatus.TERBUKA: "Terbuka",
    IncidentStatus.DISELESAIKAN: "Diselesaikan",
    IncidentStatus.TIDAK_DAPAT_DISELESAIKAN: "Tidak dapat diselesaikan",
}
ROLE_LABELS = {
    RaiserRole.SAKSI: "Saksi",
    RaiserRole.BAWASLU: "Bawaslu",
    RaiserRole.PPK: "PPK",
    RaiserRole.KPU: "Anggota KPU",
    RaiserRole.LAIN: "Lainnya",
}
SUBJECT_LABELS = {Subject.PROSEDUR: "Prosedur", Subject.HASIL: "Hasil"}
PARAF_LABELS = {
    ParafRole.PENGAJU: "Yang mengajukan keberatan",
    ParafRole.PENYAKSI: "Saksi yang menyaksikan",
}
PROCEDURE_ITEMS = range(1, 18)
"""Butir 1–17 of the peraturan teknis read at the opening."""


@dataclass(frozen=True)
class Raiser:
    """Diajukan oleh: the role, the name, and for a saksi the contest and choice represented."""

    role: RaiserRole
    name: str = ""
    contest: str | None = None
    choice: int | None = None

    def label(self) -> str:
        if self.role is RaiserRole.SAKSI:
            choice = f"saksi nomor urut {self.choice}, {self.contest}"
            return f"{self.name} ({choice})" if self.name else f"Saksi ({choice})"
        role = ROLE_LABELS[self.role]
        if not self.name or self.role is RaiserRole.LAIN:
            return self.name or role
        return f"{self.name} ({role})"


@dataclass(frozen=True)
class Paraf:
    """One initial on the printed form: the objector or a witnessing saksi."""

    name: str
    role: ParafRole


@dataclass(frozen=True)
class Evidence:
    """A photo or document attached as evidence (the bytes are kept by storage)."""

    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Incident:
    """One entry of the register. ``number`` and ``recorded_at`` are given when it is stored."""

    kind: IncidentKind
    raised_by: str
    """Diajukan oleh, as written (for carried entries: as the kecamatan wrote it)."""
    description: str
    status: IncidentStatus
    unit: str | None = None
    contest: str | None = None
    resolution: str = ""
    """Penyelesaian; for 'tidak dapat diselesaikan' the reason why not."""
    origin: Origin = Origin.BARU
    origin_number: str | None = None
    """The entry's own number in the kecamatan register, for carried entries."""
    number: int | None = None
    """Number in this meeting's register (assigned when stored)."""
    raiser: Raiser | None = None
    """Who raised it, structured; None for carried entries written as free text."""
    subject: Subject = Subject.HASIL
    field: str | None = None
    """The rekap-csv field key disputed (``suara_01`` …), when the entry is about one row."""
    procedure_item: int | None = None
    recorded_at: str | None = None
    bawaslu_opinion: str = ""
    origin_status: IncidentStatus | None = None
    """The status the kecamatan gave a carried entry."""
    paraf: tuple[Paraf, ...] = ()
    corrections: tuple[int, ...] = ()
    """Ids of the corrections (pembetulan) this entry caused."""
    evidence: tuple[Evidence, ...] = ()
    version: int = 1

    @property
    def is_open(self) -> bool:
        return self.status is IncidentStatus.TERBUKA

    @property
    def resolved_at_kecamatan(self) -> bool:
        return self.origin is Origin.KECAMATAN and self.origin_status is IncidentStatus.DISELESAIKAN

    def origin_label(self) -> str:
        if self.origin is Origin.BARU:
            return "Baru (dicatat dalam rapat ini)"
        number = f" No. {self.origin_number}" if self.origin_number else ""
        status = (
            f", status di kecamatan: {STATUS_LABELS[self.origin_status]}"
            if (self.origin_status)
            else ""
        )
        return f"Dari kecamatan {self.unit or ''}{number}{status}"


@dataclass(frozen=True)
class StoredIncident:
    """One register entry in the flat form the meeting's reports and packages list it (the
    minutes, the register's print, the result package): read by storage, used above it."""

    number: int
    kind: str
    unit: str | None
    contest: str | None
    raised_by: str
    description: str
    status: str
    resolution: str
    origin: str
    origin_number: str | None
