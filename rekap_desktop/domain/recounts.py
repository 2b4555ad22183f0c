"""Pencocokan dan penghitungan suara ulang: checking chosen TPS or desa against their C.Hasil
(the box opened in the meeting) or counting their ballots again, as the forum decided.

One record holds what its berita acara states: who proposed it and why (linked to the objection
in the register), the meeting's decision and the commissioner who confirmed it, the state of the
box and its seal, who counted and who witnessed (saksi, Bawaslu), the values found per place and
field beside the value recorded there, and so the outcome: the recorded value confirmed, or found
different (the corrections it caused name it as their basis).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.ids import FieldKey


class RecountKind(StrEnum):
    PENCOCOKAN = "pencocokan"
    HITUNG_ULANG = "hitung_ulang"


class RecountDecision(StrEnum):
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"


class BoxState(StrEnum):
    SEGEL_UTUH = "segel_utuh"
    SEGEL_RUSAK = "segel_rusak"
    TIDAK_DIBUKA = "tidak_dibuka"


class Outcome(StrEnum):
    DIKONFIRMASI = "dikonfirmasi"
    BERBEDA = "berbeda"
    DITOLAK = "ditolak"


KIND_LABELS = {
    RecountKind.PENCOCOKAN: "Pencocokan dengan formulir Model C.Hasil (buka kotak)",
    RecountKind.HITUNG_ULANG: "Penghitungan suara ulang (surat suara dihitung kembali)",
}
DECISION_LABELS = {
    RecountDecision.DISETUJUI: "Disetujui rapat",
    RecountDecision.DITOLAK: "Ditolak rapat",
}
BOX_LABELS = {
    BoxState.SEGEL_UTUH: "Kotak tersegel, segel utuh",
    BoxState.SEGEL_RUSAK: "Segel rusak atau kotak tidak tersegel",
    BoxState.TIDAK_DIBUKA: "Kotak tidak dibuka",
}
OUTCOME_LABELS = {
    Outcome.DIKONFIRMASI: "Dikonfirmasi: sama dengan angka yang tercatat",
    Outcome.BERBEDA: "Berbeda dari angka yang tercatat: dibetulkan",
    Outcome.DITOLAK: "Tidak dilaksanakan (usulan ditolak rapat)",
}


@dataclass(frozen=True)
class FoundValue:
    """One field at one place: the value the reference source recorded there and the value the
    check found."""

    place: str
    field: FieldKey
    recorded: int | None
    """The reference source's value at that place (the PPK's where it gave the place)."""
    found: int

    @property
    def differs(self) -> bool:
        return self.recorded != self.found


@dataclass(frozen=True)
class RecountEntry:
    """What the operator records, before it has a number and a time."""

    contest: str
    unit: str
    kind: RecountKind
    places: tuple[str, ...]
    proposed_by: str
    reason: str
    decision: RecountDecision
    box_state: BoxState
    counted_by: str
    witnesses: tuple[str, ...]
    found: tuple[FoundValue, ...]
    incident_number: int | None = None
    box_note: str = ""
    reference_source: str = "ppk"


@dataclass(frozen=True)
class Recount:
    """A recorded check, numbered in the order recorded (the Nomor of its berita acara)."""

    number: int
    entry: RecountEntry
    decided_by: str
    """The commissioner who confirmed the meeting's decision with their PIN."""
    at: str

    @property
    def outcome(self) -> Outcome:
        if self.entry.decision is RecountDecision.DITOLAK:
            return Outcome.DITOLAK
        if any(value.differs for value in self.entry.found):
            return Outcome.BERBEDA
        return Outcome.DIKONFIRMASI

    @property
    def title(self) -> str:
        return f"Berita Acara {KIND_LABELS[self.entry.kind].split(' (')[0]} Nomor {self.number}"


def kecamatan_value(
    field: FieldKey, found: Sequence[FoundValue], reference_total: int | None
) -> int | None:
    """The kecamatan's value once the places checked carry the values found: the reference
    source's kecamatan value with each checked place's recorded value replaced (None: the
    reference has no kecamatan value or a place checked had none recorded)."""
    here = [value for value in found if value.field == field]
    if reference_total is None or not here or any(v.recorded is None for v in here):
        return None
    return reference_total + sum(v.found - (v.recorded or 0) for v in here)


def entry_problems(
    entry: RecountEntry,
    places_known: Collection[str],
    incidents_known: Collection[int],
    labels: Mapping[FieldKey, str] | None = None,
) -> list[str]:
    """What makes the record unacceptable, in Indonesian (empty: it may be recorded).

    ``places_known``: the desa/TPS codes kept for the kecamatan (a place not among them cannot
    be checked against anything); ``labels``: field key → row label for the messages."""
    names = labels or {}
    problems: list[str] = []
    if not entry.places:
        problems.append("pilih sedikitnya satu TPS atau desa/kelurahan yang dicocokkan")
    unknown = [p for p in entry.places if p not in places_known]
    if unknown:
        problems.append(
            f"{', '.join(unknown)} tidak ada dalam rincian desa/TPS kecamatan {entry.unit}"
        )
    if not entry.proposed_by.strip():
        problems.append("pengusul wajib diisi")
    if not entry.reason.strip():
        problems.append("alasan usulan wajib diisi")
    if entry.incident_number is not None and entry.incident_number not in incidents_known:
        problems.append(
            f"nomor {entry.incident_number} tidak ada dalam daftar kejadian khusus/keberatan"
        )
    if entry.decision is RecountDecision.DITOLAK:
        return problems
    if not entry.counted_by.strip():
        problems.append("yang mencocokkan/menghitung wajib diisi")
    if not entry.witnesses:
        problems.append("catat sedikitnya satu saksi atau Pengawas (Bawaslu) yang menyaksikan")
    if not entry.found:
        problems.append("isi angka yang ditemukan")
    for value in entry.found:
        label = names.get(value.field, value.field)
        if value.place not in entry.places:
            problems.append(f"{label} di {value.place}: tempat itu tidak dipilih")
        if value.found < 0:
            problems.append(f"{label} di {value.place}: angka harus bilangan bulat ≥ 0")
    return problems
