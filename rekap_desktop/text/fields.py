"""Indonesian labels of the form fields, with the voter-category names of Pemilu vs Pilkada."""

from __future__ import annotations

import re

_GENDER = {"l": "Laki-laki", "p": "Perempuan", "j": "Jumlah"}

_VOTER_GROUPS_PEMILU = {
    "pemilih_dpt": ("I.A", "Pemilih dalam DPT"),
    "pengguna_dpt": ("I.B.1", "Pengguna hak pilih dalam DPT"),
    "pengguna_pindahan": ("I.B.2", "Pengguna hak pilih dalam DPTb (pindahan)"),
    "pengguna_ktp": ("I.B.3", "Pengguna hak pilih dalam DPK (KTP-el)"),
    "pengguna_total": ("I.B.4", "Jumlah pengguna hak pilih"),
    "disabilitas": ("III", "Pemilih disabilitas yang menggunakan hak pilih"),
}
_VOTER_GROUPS_PILKADA = {
    **_VOTER_GROUPS_PEMILU,
    "pengguna_pindahan": ("I.B.2", "Pengguna hak pilih pindahan (DPPh)"),
    "pengguna_ktp": ("I.B.3", "Pengguna hak pilih dengan KTP-el (DPTb)"),
}
_FIXED = {
    "surat_suara_diterima": ("II.1", "Surat suara diterima (termasuk cadangan)"),
    "surat_suara_digunakan": ("II.2", "Surat suara digunakan"),
    "surat_suara_rusak": ("II.3", "Surat suara dikembalikan (rusak/keliru coblos)"),
    "surat_suara_sisa": ("II.4", "Surat suara tidak digunakan (termasuk sisa cadangan)"),
    "suara_sah": ("V.A", "Jumlah suara sah"),
    "suara_tidak_sah": ("V.B", "Jumlah suara tidak sah"),
    "suara_total": ("V.C", "Jumlah suara sah dan tidak sah"),
    "c_pemberitahuan_kembali": ("–", "C.Pemberitahuan tidak terdistribusi (dikembalikan)"),
}
_GENDERED_RE = re.compile(r"(.+)_([lpj])")
_VOTE_RE = re.compile(r"suara_([0-9]{2})")
_PARTY_RE = re.compile(r"suara_partai_([0-9]{2})")
_CANDIDATE_RE = re.compile(r"suara_caleg_([0-9]{2})_([0-9]{2})")
_PARTY_TOTAL_RE = re.compile(r"jumlah_suara_partai_([0-9]{2})")


def field_row(key: str, kind: str = "pilkada") -> str:
    """The form row a key belongs to: "I.B.2", "IV", "V.A" …"""
    return _describe(key, kind)[0]


def field_label(key: str, kind: str = "pilkada") -> str:
    """Full Indonesian label, e.g. "I.B.2 Pengguna hak pilih pindahan (DPPh) – Perempuan"."""
    row, text = _describe(key, kind)
    return f"{row} {text}" if row != "–" else text


def _describe(key: str, kind: str) -> tuple[str, str]:
    if key in _FIXED:
        return _FIXED[key]
    groups = _VOTER_GROUPS_PEMILU if kind == "pemilu" else _VOTER_GROUPS_PILKADA
    match = _GENDERED_RE.fullmatch(key)
    if match and match.group(1) in groups:
        row, text = groups[match.group(1)]
        return row, f"{text} – {_GENDER[match.group(2)]}"
    if match := _VOTE_RE.fullmatch(key):
        return "IV", f"Suara sah pilihan nomor urut {int(match.group(1))}"
    if match := _PARTY_RE.fullmatch(key):
        return "IV", f"Suara partai nomor urut {int(match.group(1))}"
    if match := _CANDIDATE_RE.fullmatch(key):
        party, candidate = int(match.group(1)), int(match.group(2))
        return "IV", f"Suara calon nomor urut {candidate} partai nomor urut {party}"
    if match := _PARTY_TOTAL_RE.fullmatch(key):
        return "IV", f"Jumlah suara sah partai nomor urut {int(match.group(1))} dan calonnya"
    return "–", key
