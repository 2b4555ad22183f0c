"""Kejadian Khusus dan/atau Keberatan Saksi: entries of the incident and objection register."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IncidentKind(StrEnum):
    KEJADIAN_KHUSUS = "kejadian_khusus"
    KEBERATAN_SAKSI = "keberatan_saksi"
    KEBERATAN_BAWASLU = "keberatan_bawaslu"
    MASALAH_LAIN = "masalah_lain"


class IncidentStatus(StrEnum):
    TERBUKA = "terbuka"
    DISELESAIKAN = "diselesaikan"
    TIDAK_DAPAT_DISELESAIKAN = "tidak_dapat_diselesaikan"


class Origin(StrEnum):
    BARU = "baru"
    """Raised in this meeting."""
    KECAMATAN = "kecamatan"
    """Carried from the kecamatan's own register (procedure item 6)."""


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


@dataclass(frozen=True)
class Incident:
    kind: IncidentKind
    raised_by: str
    description: str
    status: IncidentStatus
    unit: str | None = None
    contest: str | None = None
    resolution: str = ""
    origin: Origin = Origin.BARU
    origin_number: str | None = None
    """The entry's own number in the kecamatan register, for carried entries."""
    number: int | None = None
    """Number in this meeting's register (assigned when stored)."""

    @property
    def is_open(self) -> bool:
        return self.status is IncidentStatus.TERBUKA
