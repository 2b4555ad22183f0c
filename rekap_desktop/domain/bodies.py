"""How the meeting's level and body are named on paper and on screen ("KPU KOTA SAMARINDA").

Kept apart from the forms so that the cockpit can name the body (default texts of items 2 and 3)
without loading the PDF library at start-up."""

from __future__ import annotations

from rekap_desktop.domain.election import Level, Pleno

LEVEL_NAMES = {
    Level.KECAMATAN: ("KECAMATAN", "DESA/KELURAHAN"),
    Level.KABKO: ("KABUPATEN/KOTA", "KECAMATAN"),
    Level.PROVINSI: ("PROVINSI", "KABUPATEN/KOTA"),
    Level.NASIONAL: ("NASIONAL", "PROVINSI"),
}
"""(the meeting's level, what its units are) in capitals."""


def kpu_name(pleno: Pleno) -> str:
    """The body holding the meeting as it names itself: "KPU KOTA SAMARINDA", "KPU PROVINSI
    KALIMANTAN TIMUR" (a region name already says KOTA/KABUPATEN; never both)."""
    name = pleno.region.name
    if pleno.level is Level.NASIONAL:
        return "KPU"
    if pleno.level is Level.KECAMATAN:
        return f"PPK {name}" if name.upper().startswith("KECAMATAN") else f"PPK KECAMATAN {name}"
    prefix = "PROVINSI" if pleno.level is Level.PROVINSI else "KABUPATEN/KOTA"
    own = ("PROVINSI",) if pleno.level is Level.PROVINSI else ("KOTA", "KABUPATEN")
    if name.upper().startswith(own):
        return f"KPU {name}"
    return f"KPU {prefix} {name}"
