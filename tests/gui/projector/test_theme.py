"""Contrast of the projector themes: every text colour ≥ 7:1 against what it is drawn on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rekap_desktop.gui.projector.theme import MIN_CONTRAST, TEXT_PAIRS, THEMES, contrast_ratio
from rekap_desktop.gui.projector.view import SceneView


def test_contrast_ratio_of_known_colours() -> None:
    # GIVEN colour pairs with published WCAG ratios WHEN measured THEN the ratios match
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_text_colour_of_the_theme_reaches_seven_to_one(qtbot: QtBot, theme: str) -> None:
    # GIVEN a scene view styled by the theme's .qss
    view = SceneView(theme=theme)
    qtbot.addWidget(view)
    # WHEN the colours it paints with are read back from the applied style sheet
    ratios = {
        (text, back): contrast_ratio(view.colour(text).name(), view.colour(back).name())
        for text, back in TEXT_PAIRS
    }
    # THEN the theme really set them (not the black default) and each pair reaches 7:1
    assert view.colour("background").name() != view.colour("foreground").name()
    assert {pair: r for pair, r in ratios.items() if r < MIN_CONTRAST} == {}


def test_the_two_themes_differ(qtbot: QtBot) -> None:
    # GIVEN the dark and the light theme WHEN applied THEN the backgrounds are dark and light
    dark, light = SceneView(theme="dark"), SceneView(theme="light")
    qtbot.addWidget(dark)
    qtbot.addWidget(light)
    assert dark.colour("background").lightness() < 40
    assert light.colour("background").lightness() > 215
