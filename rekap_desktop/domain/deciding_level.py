"""Which meeting determines a contest: below that level the result only goes up.

Pilkada: the KPU Kabupaten/Kota determines the Bupati and Wali Kota; the Gubernur is recapitulated
at kab/kota level and determined by the KPU Provinsi (UU 10/2016 Pasal 107, 109; PKPU 18/2024).
Pemilu: DPRD Kabupaten/Kota at the KPU Kabupaten/Kota, DPRD Provinsi at the KPU Provinsi, the
President, DPR and DPD at the KPU (formats §4: "national contests at nasional").
"""

from __future__ import annotations

from rekap_desktop.domain.election import Contest, Level, Pleno

DECIDING_LEVEL: dict[str, Level] = {
    "bupati": Level.KABKO,
    "walikota": Level.KABKO,
    "dprd_kabko": Level.KABKO,
    "gubernur": Level.PROVINSI,
    "dprd_prov": Level.PROVINSI,
    "ppwp": Level.NASIONAL,
    "dpr": Level.NASIONAL,
    "dpd": Level.NASIONAL,
}

RECEIVING_BODY: dict[Level, str] = {
    Level.KABKO: "KPU Kabupaten/Kota",
    Level.PROVINSI: "KPU Provinsi",
    Level.NASIONAL: "KPU",
}
"""Who determines a contest decided at each level (named where the result is sent on)."""

AREA_NAMES: dict[Level, str] = {
    Level.KECAMATAN: "desa/kelurahan",
    Level.KABKO: "kecamatan",
    Level.PROVINSI: "kabupaten/kota",
    Level.NASIONAL: "provinsi",
}
"""What the units of a meeting at each level are called."""


def decides_here(contest: str, level: Level) -> bool:
    """Whether a meeting at ``level`` determines ``contest`` (an unknown contest: it does)."""
    return DECIDING_LEVEL.get(contest, level) == level


def deciding_body(contest: str) -> str:
    """ "gubernur" → "KPU Provinsi" """
    return RECEIVING_BODY[DECIDING_LEVEL.get(contest, Level.KABKO)]


def seats_decided_here(pleno: Pleno) -> tuple[Contest, ...]:
    """The legislative contests (and DPD) whose seats and elected candidates this meeting
    determines; the others' votes only go up, so no seat form or seat tab is offered for them."""
    return tuple(c for c in pleno.contests if c.elects_seats and decides_here(c.code, pleno.level))
