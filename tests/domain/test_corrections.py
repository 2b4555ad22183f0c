"""Pembetulan: what a correction needs before it may be recorded."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.domain.corrections import Correction, Reason, correction_problems
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode

GOOD = Correction(
    ContestCode("gubernur"),
    RegionCode("647203"),
    FieldKey("suara_01"),
    28999,
    28999,
    Reason.PENCERMATAN,
    "",
    "D.Hasil Kecamatan-KWK-Gubernur PPK",
    "Saksi nomor urut 1",
    "Ketua A",
    "2024-12-05T10:00:00+08:00",
    3,
)


def test_a_complete_correction_has_no_problem() -> None:
    # GIVEN a correction approved by an anggota of the meeting
    # THEN nothing stops it, and its reason reads as on the list
    assert correction_problems(GOOD, ["Ketua A", "Anggota B"]) == []
    assert GOOD.reason_label == "Hasil pencermatan saksi/Bawaslu"


def test_every_missing_part_is_named() -> None:
    # GIVEN a correction with reason "lainnya" without text, no basis, no proposer, a negative
    # value and an approver who is not an anggota
    bad = replace(
        GOOD, after=-1, reason=Reason.LAINNYA, basis=" ", proposed_by="", approved_by="Tamu"
    )
    # WHEN checked
    # THEN each problem is named in Indonesian
    assert correction_problems(bad, ["Ketua A"]) == [
        "nilai yang ditetapkan harus bilangan bulat ≥ 0",
        "alasan 'Lainnya' harus disertai keterangan",
        "dasar pembetulan (dokumen acuan) wajib diisi",
        "pengusul pembetulan wajib diisi",
        "'Tamu' bukan anggota KPU dalam rapat ini (Ketua A); "
        "pembetulan harus disetujui oleh anggota",
    ]


def test_lainnya_with_text_reads_with_its_text() -> None:
    # GIVEN reason "lainnya" with its text
    other = replace(GOOD, reason=Reason.LAINNYA, reason_text="hasil hitung ulang")
    # THEN it is acceptable and labelled with the text
    assert correction_problems(other, ["Ketua A"]) == []
    assert other.reason_label == "Lainnya: hasil hitung ulang"
