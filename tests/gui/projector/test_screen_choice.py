"""Which screen the projector uses, from plain names (no hardware)."""

from __future__ import annotations

from rekap_desktop.gui.projector.screens import ScreenChoice, choose_projector

ONE_SCREEN = (
    "Hanya ada satu layar: tampilan proyektor disembunyikan sampai diminta "
    "(latihan di layar yang sama)."
)


def test_the_saved_screen_is_used_when_connected() -> None:
    # GIVEN three screens and a saved choice WHEN choosing THEN the saved one, by name
    assert choose_projector(["LAPTOP", "HDMI-1", "DP-2"], "LAPTOP", "DP-2") == ScreenChoice(
        "DP-2", 'Proyektor memakai layar "DP-2".'
    )


def test_a_missing_saved_screen_falls_back_to_the_first_non_primary_one_and_says_so() -> None:
    # GIVEN the saved screen is not connected WHEN choosing THEN the first non-primary one
    assert choose_projector(["HDMI-1", "LAPTOP"], "LAPTOP", "DP-2") == ScreenChoice(
        "HDMI-1", 'Layar proyektor "DP-2" tidak ditemukan; proyektor memakai layar "HDMI-1".'
    )


def test_with_nothing_saved_the_second_screen_is_used() -> None:
    # GIVEN two screens and no saved choice WHEN choosing THEN the non-primary one
    assert choose_projector(["OPERATOR", "PROJECTOR"], "OPERATOR", "") == ScreenChoice(
        "PROJECTOR", 'Proyektor memakai layar "PROJECTOR" (layar kedua).'
    )


def test_with_one_screen_the_projector_stays_hidden() -> None:
    # GIVEN a single screen (even one saved as projector before) WHEN choosing THEN none
    assert choose_projector(["LAPTOP"], "LAPTOP", "HDMI-1") == ScreenChoice(None, ONE_SCREEN)
    assert choose_projector(["LAPTOP"], "LAPTOP", "LAPTOP") == ScreenChoice(None, ONE_SCREEN)
    assert choose_projector([], "", "") == ScreenChoice(None, ONE_SCREEN)
