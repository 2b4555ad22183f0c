"""Typed identifiers used across the domain."""

from typing import NewType

RegionCode = NewType("RegionCode", str)
"""KPU/Kemendagri region code without dots: 2 (provinsi), 4, 6 (kecamatan), 10 (desa), 13 (TPS)."""

ContestCode = NewType("ContestCode", str)
"""Contest code of the setup file.

gubernur, bupati, walikota (Pilkada); ppwp, dpr, dpd, dprd_prov, dprd_kabko (Pemilu).
"""

ChoiceNo = NewType("ChoiceNo", int)
"""Nomor urut: the ballot number of a choice (pasangan calon, kolom kosong, party or candidate)."""

FieldKey = NewType("FieldKey", str)
"""A field key of the rekap-csv format (formats §2), e.g. ``pemilih_dpt_l`` or ``suara_01``."""
