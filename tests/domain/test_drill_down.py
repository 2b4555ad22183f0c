"""From a kecamatan's difference to the desa/TPS behind it (domain/drill_down.py)."""

from __future__ import annotations

from rekap_desktop.domain.drill_down import PlaceLevel, drill_down
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptRow, KeptRows

VOTES = FieldKey("suara_02")
KEYS = (FieldKey("suara_01"), VOTES)


def rows(*places: tuple[str, int | None]) -> KeptRows:
    return KeptRows.of(KEYS, [KeptRow(code, {} if v is None else {VOTES: v}) for code, v in places])


def test_the_tps_that_carries_a_difference_comes_first_with_its_misread() -> None:
    # GIVEN the PPK and Sirekap per TPS, Sirekap reading 350 as 850 at the third TPS
    ppk = rows(("9901011001001", 120), ("9901011001002", 90), ("9901011002001", 350))
    sirekap = rows(("9901011001001", 120), ("9901011001002", 90), ("9901011002001", 850))
    # WHEN the kecamatan is drilled down on the field
    found = drill_down(VOTES, [("ppk", ppk), ("sirekap", sirekap)])
    # THEN the places are TPS, the differing one first, with the misread in words
    assert found.level is PlaceLevel.TPS
    first = found.lines[0]
    assert (first.code, first.values, first.gap, first.tps_number) == (
        "9901011002001",
        (350, 850),
        500,
        "TPS 001",
    )
    assert first.misreads == (("sirekap", "angka 3 terbaca 8 (350 → 850)"),)
    assert [line.code for line in found.differing] == ["9901011002001"]
    assert found.totals() == (560, 1060)


def test_sources_at_different_levels_are_compared_per_desa() -> None:
    # GIVEN the PPK per desa and Sirekap per TPS; desa 1002 lacks one TPS in Sirekap
    ppk = rows(("9901011001", 210), ("9901011002", 300))
    sirekap = rows(("9901011001001", 120), ("9901011001002", 90), ("9901011002001", 180))
    # WHEN drilled down
    found = drill_down(VOTES, [("ppk", ppk), ("sirekap", sirekap)])
    # THEN each TPS is added into its desa, and the desa that differs comes first
    assert found.level is PlaceLevel.DESA
    assert [(line.code, line.values) for line in found.lines] == [
        ("9901011002", (300, 180)),
        ("9901011001", (210, 210)),
    ]
    assert found.lines[0].misreads == ()


def test_a_place_one_source_does_not_give_differs() -> None:
    ppk = rows(("9901011001001", 10), ("9901011001002", 5))
    sirekap = rows(("9901011001001", 10), ("9901011001002", None))
    found = drill_down(VOTES, [("ppk", ppk), ("sirekap", sirekap)])
    assert [(line.code, line.values, line.differs) for line in found.lines] == [
        ("9901011001002", (5, None), True),
        ("9901011001001", (10, 10), False),
    ]
