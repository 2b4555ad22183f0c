"""Pembetulan (procedure item 10): a difference settled in the meeting, with the PPK's D.Hasil as
the reference. A correction adds the determined value; the values of every source stay."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode


class Reason(StrEnum):
    """Alasan pembetulan, as chosen from the list in the meeting."""

    SESUAI_PPK = "sesuai_ppk"
    SALAH_BACA_SIREKAP = "salah_baca_sirekap"
    SALAH_TULIS = "salah_tulis"
    PENCERMATAN = "pencermatan_saksi_bawaslu"
    HITUNG_ULANG = "hasil_hitung_ulang"
    SESI_LANJUTAN = "putusan_sesi_lanjutan"
    """Carrying out what a follow-up session was opened for (a Court ruling, a Bawaslu
    recommendation, the meeting's own decision): its document is the correction's basis."""
    LAINNYA = "lainnya"


REASON_LABELS: dict[Reason, str] = {
    Reason.SESUAI_PPK: "Sesuai D.Hasil PPK",
    Reason.SALAH_BACA_SIREKAP: "Salah baca Sirekap",
    Reason.SALAH_TULIS: "Salah tulis",
    Reason.PENCERMATAN: "Hasil pencermatan saksi/Bawaslu",
    Reason.HITUNG_ULANG: "Hasil pencocokan/penghitungan ulang",
    Reason.SESI_LANJUTAN: "Pelaksanaan putusan/rekomendasi (sesi lanjutan)",
    Reason.LAINNYA: "Lainnya",
}


@dataclass(frozen=True)
class Correction:
    """One settled field of one kecamatan × contest."""

    contest: ContestCode
    unit: RegionCode
    field: FieldKey
    before: int | None
    """The value that counted before: the earlier determined value, else the PPK's."""
    after: int
    reason: Reason
    reason_text: str
    """Free text; required for :attr:`Reason.LAINNYA`, optional otherwise."""
    basis: str
    """Dasar: the document the value was taken from (e.g. "D.Hasil Kecamatan-KWK PPK")."""
    proposed_by: str
    approved_by: str
    """The KPU commissioner (anggota) who approved it."""
    at: str
    incident_number: int | None = None
    """The entry of the Kejadian Khusus/Keberatan register this correction answers, if any."""
    sources: tuple[tuple[str, int], ...] = ()
    """What each source's form said for the field when it was settled (source code, value),
    the rejected ones included; empty for corrections recorded before this was kept."""

    @property
    def reason_label(self) -> str:
        label = REASON_LABELS[self.reason]
        return f"{label}: {self.reason_text}" if self.reason_text else label


def entry_problems(
    after: int | None,
    reason: Reason,
    reason_text: str,
    basis: str,
    proposed_by: str,
    approved_by: str,
    commissioners: Collection[str],
) -> list[str]:
    """What makes a correction as entered unacceptable, in Indonesian (empty: it may be
    recorded). Checked before a commissioner is asked for their PIN, and again when it is
    written. ``after`` None: the value typed is not a whole number."""
    problems: list[str] = []
    if after is None or after < 0:
        problems.append("nilai yang ditetapkan harus bilangan bulat ≥ 0")
    if reason is Reason.LAINNYA and not reason_text.strip():
        problems.append("alasan 'Lainnya' harus disertai keterangan")
    if not basis.strip():
        problems.append("dasar pembetulan (dokumen acuan) wajib diisi")
    if not proposed_by.strip():
        problems.append("pengusul pembetulan wajib diisi")
    if approved_by not in commissioners:
        names = ", ".join(sorted(commissioners)) or "belum ada anggota tercatat"
        problems.append(
            f"'{approved_by}' bukan anggota KPU dalam rapat ini ({names}); "
            "pembetulan harus disetujui oleh anggota"
        )
    return problems


def correction_problems(correction: Correction, commissioners: Collection[str]) -> list[str]:
    """What makes a correction unacceptable, in Indonesian; empty when it may be recorded."""
    return entry_problems(
        correction.after,
        correction.reason,
        correction.reason_text,
        correction.basis,
        correction.proposed_by,
        correction.approved_by,
        commissioners,
    )
