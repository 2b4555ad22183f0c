"""A meeting whose Sirekap TPS rows of UTARA raise plausibility warnings (P01, P02, P05), for the
tests of the meeting's overrides and thresholds (service, command line, comparison, berita acara).

Sirekap gives UTARA per TPS; TPS 002 and 003 carry the same votes (a copied sheet), TPS 003 more
voters than its DPT could give (no pindahan, no KTP-el) and a fifth of its votes invalid.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.fixtures import HEADER, SETUP

CONTEST, UNIT, TPS = "walikota", "990101", "9901011001003"
ROWS = "\n".join(
    [
        HEADER + ",pemilih_dpt_j",
        "walikota,9901011001001,,sirekap,300,40,250,290,10,300,320",
        "walikota,9901011001002,,sirekap,200,20,170,190,10,200,320",
        "walikota,9901011001003,,sirekap,340,20,170,190,50,240,320",
        "walikota,990101,UTARA,ppk,840,80,590,670,70,740,960",
        "walikota,990102,SELATAN,ppk,1000,300,690,990,10,1000,1200",
    ]
)
P01_MESSAGE = "pengguna hak pilih 340 melebihi DPT + pindahan + KTP-el (320)"
P02_MESSAGE = "suara tidak sah 50 dari 240 (20,8 %, di atas 10,0 %)"
REASON = "Formulir C.Hasil TPS 003 dicocokkan: DPTb 20 orang tidak tercatat di Sirekap"
KETUA = "Ketua Uji"
ANGGOTA = "Anggota Uji"


def write_setup_with_members(folder: Path) -> Path:
    """The setup of tests/fixtures.py with a ketua and an anggota (who confirm with PINs)."""
    path = folder / "pleno.json"
    members = [{"nama": KETUA, "jabatan": "Ketua"}, {"nama": ANGGOTA, "jabatan": "Anggota"}]
    path.write_text(json.dumps({**SETUP, "anggota": members}), encoding="utf-8")
    return path
