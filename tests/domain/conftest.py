"""Shared contests and forms for the domain tests."""

from __future__ import annotations

import pytest

from rekap_desktop.domain.election import Candidate, Choice, Contest, Party
from rekap_desktop.domain.ids import ChoiceNo, ContestCode


@pytest.fixture
def walikota() -> Contest:
    """Two pasangan calon, numbers 1 and 2."""
    return Contest(
        ContestCode("walikota"),
        "Pemilihan Wali Kota dan Wakil Wali Kota",
        (Choice(ChoiceNo(1), "PASLON 1"), Choice(ChoiceNo(2), "PASLON 2")),
    )


@pytest.fixture
def dprd_kabko() -> Contest:
    """A party-list contest: party 1 with candidates in two dapils, party 2 in one."""
    return Contest(
        ContestCode("dprd_kabko"),
        "Pemilihan Anggota DPRD Kota",
        parties=(
            Party(
                ChoiceNo(1),
                "PARTAI A",
                {
                    "1": (Candidate(ChoiceNo(2), "B", "P"), Candidate(ChoiceNo(1), "A", "L")),
                    "2": (Candidate(ChoiceNo(3), "C", "L"),),
                },
            ),
            Party(ChoiceNo(2), "PARTAI B", {"1": (Candidate(ChoiceNo(1), "D", "P"),)}),
        ),
    )


@pytest.fixture
def consistent_form() -> dict[str, int]:
    """One TPS form (250 on the DPT) that satisfies every rule for Pemilu and Pilkada alike."""
    return {
        "pemilih_dpt_l": 120,
        "pemilih_dpt_p": 130,
        "pemilih_dpt_j": 250,
        "pengguna_dpt_l": 90,
        "pengguna_dpt_p": 100,
        "pengguna_dpt_j": 190,
        "pengguna_pindahan_l": 3,
        "pengguna_pindahan_p": 2,
        "pengguna_pindahan_j": 5,
        "pengguna_ktp_l": 1,
        "pengguna_ktp_p": 4,
        "pengguna_ktp_j": 5,
        "pengguna_total_l": 94,
        "pengguna_total_p": 106,
        "pengguna_total_j": 200,
        "surat_suara_diterima": 255,
        "surat_suara_digunakan": 200,
        "surat_suara_rusak": 3,
        "surat_suara_sisa": 52,
        "disabilitas_l": 2,
        "disabilitas_p": 1,
        "disabilitas_j": 3,
        "suara_01": 120,
        "suara_02": 70,
        "suara_sah": 190,
        "suara_tidak_sah": 10,
        "suara_total": 200,
        "c_pemberitahuan_kembali": 7,
    }
